"""What every command of the command line shares: exit codes, the one error a command raises,
the trees to use and answers as `--answer QUESTION_ID=ANSWER_ID` gives them.

wizard.cli.main builds the parser and runs a command; the command modules (graph, trainer, diff,
...) import from here, never from wizard.cli.main, so that nothing imports the command line back.
The records commands share their own helpers the same way: wizard/cli/records_base.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.library.choose import choose_trees
from wizard.library.locations import bundled_trees

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_PENDING = 0, 1, 2, 3


class CliError(Exception):
    """A request the program cannot carry out; printed in one line, exit 2."""


def trees_folder(args: argparse.Namespace) -> Path:
    return Path(args.trees) if getattr(args, "trees", None) else bundled_trees()


def load(args: argparse.Namespace) -> Catalog:
    """The trees to use: --trees or PURDAH_WIZARD_TREES if usable, else the bundled ones."""
    chosen = choose_trees(getattr(args, "trees", None))
    if chosen.notice:
        print(f"note: {chosen.notice}", file=sys.stderr)
    return chosen.catalog


def parse_answers(pairs: list[str]) -> dict[str, str]:
    answers: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CliError(
                f"--answer {pair!r}: write it as QUESTION_ID=ANSWER_ID, e.g. on_duty=yes"
            )
        key, value = key.strip(), value.strip()
        if key in answers:
            raise CliError(
                f"--answer {key} is given twice ({answers[key]!r}, then {value!r}): "
                "give one answer to each question"
            )
        answers[key] = value
    return answers
