"""What the `records` commands share: exit codes, the one error a command raises, the guard
that turns the records' errors into one line and an exit code, and the records file in use.

wizard.cli.records registers the commands and imports the other records command modules
(records_impact, records_server); they import from here, never from wizard.cli.records, so
that no module of the command line imports the one that registers it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from wizard.library.atomicfile import SaveError
from wizard.records import datadir
from wizard.records.errors import RecordRefused, RecordsError
from wizard.records.store import RecordStore

EXIT_OK, EXIT_BAD_CHAIN, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 4

Command = Callable[[argparse.Namespace], int]


class Refused(Exception):
    """A request that cannot be carried out as given; one line, exit 2."""


def guarded(func: Command) -> Command:
    """Run a command, turning the records' errors into one line and an exit code."""

    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (Refused, RecordRefused) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except (RecordsError, SaveError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_UNAVAILABLE

    return run


def records_file(args: argparse.Namespace) -> Path:
    """The records file the `--data-dir` option (else the usual data folder) names."""
    return datadir.records_path(datadir.data_dir(getattr(args, "data_dir", None)))


def open_store(args: argparse.Namespace, *, readonly: bool = False) -> RecordStore:
    """The records file in use; reading commands open it read-only (they must work on an
    evidence copy in a read-only folder, or on a full disk, and leave it as it was)."""
    return RecordStore(records_file(args), readonly=readonly)


def iso_date(text: str) -> dt.date:
    """A command-line date, YYYY-MM-DD; anything else is refused with how to write it."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def add_purge_arguments(p: argparse.ArgumentParser, where: str) -> None:
    """--before, --by, --why and --yes, the same for this terminal's purge and the server's."""
    p.add_argument(
        "--before",
        required=True,
        type=iso_date,
        metavar="DATE",
        help=f"remove records made before this date (YYYY-MM-DD, {where})",
    )
    p.add_argument("--by", required=True, metavar="NAME", help="who is purging")
    p.add_argument("--why", default="", metavar="TEXT", help="why, e.g. the retention policy")
    p.add_argument("--yes", action="store_true", help="really purge (else only say what would go)")
