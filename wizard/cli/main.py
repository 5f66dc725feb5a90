"""The command line: validate, list, run and paths (more commands register themselves here).

Exit codes: 0 done, 1 the trees have problems, 2 a bad request (unknown tree, question, answer),
3 the answers given stop short of an outcome.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from wizard import __version__
from wizard.cli import diff as cli_diff
from wizard.cli import feedback as cli_feedback
from wizard.cli import graph as cli_graph
from wizard.cli import preview as cli_preview
from wizard.cli import trainer as cli_trainer
from wizard.cli.base import (
    EXIT_OK,
    EXIT_PENDING,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    CliError,
    load,
    parse_answers,
    trees_folder,
)
from wizard.cli.records import register as register_records
from wizard.core.paths import format_paths
from wizard.core.problems import TreeError, printable
from wizard.core.replay import Replay, UnknownAnswer, replay
from wizard.core.transcript import Transcript
from wizard.export.text import format_transcript

__all__ = [
    "EXIT_OK",
    "EXIT_PENDING",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "CliError",
    "load",
    "main",
    "parse_answers",
    "trees_folder",
]


# -- validate
def cmd_validate(args: argparse.Namespace) -> int:
    """Print every problem and warning as file:line:column; exit 1 if there is a problem."""
    from wizard.library.validate import validate_targets, warning_line

    r = validate_targets([Path(p) for p in args.paths] or [trees_folder(args)])
    problems = sorted(set(r.problems))
    for p in problems:
        print(p)
    for w in sorted(set(r.warnings)):
        print(warning_line(w))
    warned = f"; {len(set(r.warnings))} warning(s), above" if r.warnings else ""
    if problems:
        files = len({p.file for p in problems})
        print(f"{len(problems)} problem(s) in {files} file(s){warned}", file=sys.stderr)
        return EXIT_PROBLEMS
    checked = f"; {r.scenarios} scenario(s) reach their verdicts" if r.scenarios else ""
    shared = f", {r.questions} shared question(s)" if r.questions else ""
    print(
        f"OK: {r.trees} tree(s) and {r.sources} source(s){shared}, no problems{checked}{warned}",
        file=sys.stderr,
    )
    return EXIT_OK


# -- list
def cmd_list(args: argparse.Namespace) -> int:
    cat = load(args)
    for t in cat.sorted_trees():
        print(f"{t.id:<20} {t.version:<8} {t.title}")
    for name in sorted(cat.failed):
        print(f"{'(unavailable)':<29} {printable(name)}: {cat.failed[name][0].message}")
    return EXIT_OK


# -- run
ANSWER_OPTIONS = ("-a", "--answer")


def take_answers(argv: list[str]) -> tuple[list[str], list[str]]:
    """`run`'s answers lifted out of the command line, and the rest for argparse: argparse scans
    every remaining option for each option it meets, so 10,000 answers took minutes."""
    start = _command_index(argv)
    if start is None or argv[start] != "run":
        return argv, []
    rest, answers, i = argv[: start + 1], [], start + 1
    while i < len(argv):
        token, following = argv[i], argv[i + 1] if i + 1 < len(argv) else None
        if token == "--":
            rest += argv[i:]
            break
        if token in ANSWER_OPTIONS and following is not None and not following.startswith("-"):
            answers.append(following)
            i += 2
            continue
        attached = _attached_answer(token)
        if attached is not None:
            answers.append(attached)
        else:
            rest.append(token)
        i += 1
    return rest, answers


def _attached_answer(token: str) -> str | None:
    """The answer in `--answer=X`, `-a=X` or `-aX` (as argparse reads them), else None."""
    if token.startswith("--answer="):
        return token[len("--answer=") :]
    if token.startswith("-a=") or (token.startswith("-a") and len(token) > 2):
        return token[3:] if token.startswith("-a=") else token[2:]
    return None


def _command_index(argv: list[str]) -> int | None:
    """Where the command (run, records, ...) is, past the options before it."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if not token.startswith("-"):
            return i
        takes_value = len(token) > 3 and "--trees".startswith(token)  # --trees DIR, --tr DIR
        i += 2 if takes_value else 1
    return None


def cmd_run(args: argparse.Namespace) -> int:
    if args.pdf is not None and not args.pdf.strip():
        raise CliError("--pdf needs a file name, e.g. --pdf advice.pdf")
    cat = load(args)
    answers = parse_answers(args.answer or [])
    try:
        result = replay(cat, args.tree_id, answers)
    except UnknownAnswer as exc:
        raise CliError(str(exc)) from exc
    for key in result.unused:
        print(
            f"note: --answer {key}={answers[key]} was not used: that question is not on this path",
            file=sys.stderr,
        )
    transcript = result.walk.transcript()
    if args.pdf is not None:
        write_pdf(args, transcript)
    if args.json:
        data = transcript.to_dict()
        if result.pending is not None:
            data["pending"] = result.pending_dict()
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_transcript(transcript))
        if result.pending is not None:
            print(_pending_text(result))
    return EXIT_PENDING if result.pending is not None else EXIT_OK


def write_pdf(args: argparse.Namespace, transcript: Transcript) -> None:
    """Save the record of reasoning as a PDF. Qt is loaded only here: other commands stay light."""
    from wizard.export.pdf import PdfOptions, ensure_gui_application, write_reasoning_pdf
    from wizard.library.atomicfile import SaveError

    ensure_gui_application()
    options = PdfOptions(marking=args.marking, page_size=args.paper, program_version=__version__)
    try:
        write_reasoning_pdf(Path(args.pdf), transcript, options=options)
    except SaveError as exc:
        raise CliError(str(exc)) from exc
    print(f"saved the reasoning as {args.pdf}", file=sys.stderr)


def _pending_text(result: Replay) -> str:
    p = result.pending_dict()
    lines = [f"Not finished. Next question ({p['question_id']}): {p['text']}"]
    lines += [f"  --answer {p['question_id']}={a['id']:<16} {a['label']}" for a in p["answers"]]
    return "\n".join(lines)


# -- paths
def cmd_paths(args: argparse.Namespace) -> int:
    print(format_paths(load(args), args.tree_id), end="")
    return EXIT_OK


# (quoted: _SubParsersAction cannot be subscripted at run time)
Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
# other modules' commands, in the order `--help` lists them; each imports what it shares with
# this module from wizard.cli.base, never this module (no cycle), and loads its own work lazily
EXTRA_COMMANDS: list[Register] = [
    cli_graph.register,
    register_records,
    cli_trainer.register,
    cli_diff.register,
    cli_feedback.register,
    cli_preview.register,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="purdah-wizard",
        description="During the pre-election period, may I do this? With no command, opens the "
        "window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--trees", metavar="DIR", help="load trees from this folder instead of the bundled ones"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy of the program works, then exit (0 if every check passed)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check tree files and report every problem")
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="tree folders or files (default: the bundled trees)",
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("list", help="list the trees: id, version, title")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("run", help="replay a walk from answers and print its transcript")
    p.add_argument("tree_id", metavar="TREE_ID")
    p.add_argument(
        "--answer",
        "-a",
        action="append",
        metavar="QUESTION_ID=ANSWER_ID",
        help="an answer; repeat for each question",
    )
    p.add_argument("--json", action="store_true", help="print the transcript as JSON")
    p.add_argument("--pdf", metavar="FILE", help="also save the reasoning as a PDF")
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="the PDF's paper size")
    p.add_argument(
        "--marking",
        default="OFFICIAL",
        help="the protective marking printed on every page of the PDF",
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("paths", help="print every path through a tree and its verdict")
    p.add_argument("tree_id", metavar="TREE_ID")
    p.set_defaults(func=cmd_paths)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    argv, answers = take_answers(list(argv))
    args = parser.parse_args(argv)
    if answers:
        args.answer = [*answers, *(args.answer or [])]
    if args.self_test:
        from wizard.cli.selftest import run_self_test

        return run_self_test(args)
    if args.command is None:
        return open_window(args)
    command: Callable[[argparse.Namespace], int] = args.func  # set by each subparser
    try:
        return command(args)
    except (CliError, TreeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def open_window(args: argparse.Namespace) -> int:
    """Open the wizard window; Qt is imported only here, so the commands never load it."""
    from wizard.gui.app import run as run_window

    return run_window(getattr(args, "trees", None))
