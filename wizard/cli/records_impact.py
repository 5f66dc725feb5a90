"""`records impact --trees NEW_DIR`: the advice records whose verdict new trees would change."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from wizard.cli.records_base import EXIT_OK, Refused, open_store


def add_impact_command(cmds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `impact` among the `records` commands."""
    p = cmds.add_parser(
        "impact", help="the records whose verdict new trees would change (no record is altered)"
    )
    # dest is not "trees": that would hide the program's own --trees option
    p.add_argument(
        "--trees",
        dest="new_trees",
        required=True,
        metavar="NEW_DIR",
        help="the trees to replay every record's answers on",
    )
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=cmd_impact)


def cmd_impact(args: argparse.Namespace) -> int:
    from wizard.library.folder import load_folder
    from wizard.records.impact import format_impact, impact

    trees = load_folder(Path(args.new_trees), scenarios=False)
    blocking = sorted(p for p in trees.problems if p.blocking)
    if blocking or not trees.trees:
        first = str(blocking[0]) if blocking else f"no trees found in {args.new_trees}"
        raise Refused(
            f"{first} (run `python -m wizard validate {args.new_trees}` and fix the "
            "trees first: a tree left out would make every record on it look changed)"
        )
    with open_store(args) as store:
        report = impact(store, trees)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_impact(report, args.new_trees), end="")
    return EXIT_OK
