"""The `feedback` command: what officers said the trees did not answer, and how often each topic
was opened and each outcome reached, for the policy team (issue 20). Reads the data folder only."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "feedback",
        help='the "This did not answer my question" notes and the '
        "daily counts of topics opened and outcomes reached, by topic and outcome",
    )
    p.add_argument("--data-dir", metavar="DIR", help="the data folder (default: as for records)")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print them as JSON")
    form.add_argument("--csv", action="store_true", help="print them as CSV")
    p.set_defaults(func=cmd_feedback)


def cmd_feedback(args: argparse.Namespace) -> int:
    from wizard.cli.base import EXIT_OK
    from wizard.feedback import report
    from wizard.feedback.store import FeedbackStore
    from wizard.records.datadir import data_dir

    store = FeedbackStore(data_dir(args.data_dir))
    contents = store.read()
    if contents.problem:
        print(f"note: {contents.problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(contents, str(store.path)), ensure_ascii=False, indent=2))
    elif args.csv:
        sys.stdout.write(report.to_csv(contents))
    else:
        sys.stdout.write(report.format_text(contents, str(store.path)))
    return EXIT_OK
