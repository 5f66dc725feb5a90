"""`python -m wizard` and `purdah-wizard`: the window, or the command line when given a command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:  # the usual start, the window: without the command line's modules (~20 ms)
        from wizard.gui.app import run

        return run()
    from wizard.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
