"""The `graph` command: write a tree's map as SVG, DOT or Mermaid, to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.cli.base import EXIT_OK, CliError, load, parse_answers
from wizard.library.atomicfile import SaveError, write_bytes_atomic

if TYPE_CHECKING:
    from wizard.core.catalog import NodeRef

FORMATS = ("svg", "dot", "mermaid")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("graph", help="draw a tree as a map: SVG, Graphviz DOT or Mermaid")
    p.add_argument("tree_id", metavar="TREE_ID")
    p.add_argument(
        "--format", "-f", choices=FORMATS, default="svg", help="svg (default), dot or mermaid"
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of the screen")
    p.add_argument(
        "--answer",
        "-a",
        action="append",
        metavar="QUESTION_ID=ANSWER_ID",
        help="highlight the path these answers take (as for `run`)",
    )
    p.add_argument("--scenario", metavar="SCENARIO_ID", help="highlight a scenario's path")
    p.set_defaults(func=cmd_graph)


def cmd_graph(args: argparse.Namespace) -> int:
    # Imported here: the window, which starts through wizard.cli.main, never needs the map code
    # (start-up time, bench/startup.py).
    from wizard.core.layout import layout_tree, tree_graph, walk_path
    from wizard.core.replay import UnknownAnswer, replay
    from wizard.export.mapsvg import map_svg
    from wizard.export.maptext import map_dot, map_mermaid

    cat = load(args)
    cat.tree(args.tree_id)  # an unknown tree is a clear error before anything is drawn
    path: list[NodeRef] = []
    answers: list[str] | None = None
    if args.scenario:
        scenario = cat.scenarios.get(args.scenario)
        if scenario is None:
            known = ", ".join(sorted(cat.scenarios)) or "none"
            raise CliError(
                f"no scenario '{args.scenario}' checks clean (known: {known}); "
                "`validate` says what is wrong with a broken one"
            )
        path, answers = walk_path(scenario.walk(cat))
    elif args.answer:
        try:
            path, answers = walk_path(replay(cat, args.tree_id, parse_answers(args.answer)).walk)
        except UnknownAnswer as exc:
            raise CliError(str(exc)) from exc
    if args.format == "svg":
        text = map_svg(layout_tree(cat, args.tree_id), path, answers)
    else:
        draw = map_dot if args.format == "dot" else map_mermaid
        text = draw(tree_graph(cat, args.tree_id), path, answers)
    if args.output:
        try:
            write_bytes_atomic(Path(args.output), text.encode("utf-8"))
        except SaveError as exc:
            raise CliError(str(exc)) from exc
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
