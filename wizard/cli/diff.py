"""The `diff` command (what a new release of the trees changes) and `publish` (keep each new
version in trees/history/, so that every version a record names can be found again)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.cli.base import EXIT_OK, EXIT_PROBLEMS, CliError, trees_folder

if TYPE_CHECKING:
    from wizard.core.catalog import Catalog


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diff",
        help="what a new release of the trees changes: questions, "
        "answers, outcomes, quoted guidance, and every verdict that changed",
    )
    p.add_argument("old", metavar="OLD_DIR", help="the trees as published")
    p.add_argument("new", metavar="NEW_DIR", help="the trees as they would be published")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.add_argument(
        "--limit",
        type=int,
        default=200,
        metavar="N",
        help="list at most N situations of each kind per topic (all are counted)",
    )
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser(
        "publish",
        help="keep every tree's current version in the history "
        "folder (trees/history/TREE_ID/VERSION.yaml)",
    )
    p.add_argument("folder", nargs="?", metavar="DIR", help="the trees (default: the bundled)")
    p.set_defaults(func=cmd_publish)


def load_release(folder: str) -> Catalog:
    """A folder's trees, refused (CliError) if any file in it has a blocking problem: a
    comparison with a tree left out would report its every situation as gone."""
    from wizard.library.folder import load_folder

    cat = load_folder(Path(folder), scenarios=False)
    blocking = sorted(p for p in cat.problems if p.blocking)
    if blocking:
        raise CliError(
            f"{blocking[0]} ({len(blocking)} problem(s) in {folder}: run "
            f"`python -m wizard validate {folder}` and fix them first)"
        )
    if not cat.trees:
        raise CliError(f"no trees found in {folder}")
    return cat


def cmd_diff(args: argparse.Namespace) -> int:
    from wizard.core.diff import diff_catalogs, format_diff

    result = diff_catalogs(load_release(args.old), load_release(args.new), limit=max(args.limit, 0))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_diff(result, args.old, args.new), end="")
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from wizard.library.history import publish

    folder = Path(args.folder) if args.folder else trees_folder(args)
    load_release(str(folder))
    added, problems = publish(folder)
    for p in problems:
        print(p)
    for path in added:
        print(f"published {path}")
    if problems:
        print(f"{len(problems)} tree(s) not published: see above", file=sys.stderr)
        return EXIT_PROBLEMS
    if not added:
        print("nothing to publish: every tree's version is already in the history", file=sys.stderr)
    return EXIT_OK
