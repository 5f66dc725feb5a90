"""`python -m wizard records ...`: list, show, export, verify, anchor, add, amend, purge, where.

Exit codes: 0 done, 1 the chain does not verify or does not extend the anchor given (or a purge
not confirmed), 2 a bad request
(unknown record, missing field, a transcript with no outcome), 4 the records file could not be
read or written (locked, read-only, damaged). A record that could not be saved is never lost:
its content is written to a file (or, failing that, to stderr) and the message says where.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from wizard.cli import records_server as server_cli
from wizard.cli.records_base import (
    EXIT_BAD_CHAIN,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    Refused,
    add_purge_arguments,
    guarded,
    iso_date,
    open_store,
    records_file,
)
from wizard.cli.records_impact import add_impact_command
from wizard.core.catalog import Catalog
from wizard.core.transcript import Transcript, unknown_fields
from wizard.core.transcript_checks import transcript_problems
from wizard.library.atomicfile import write_bytes_atomic
from wizard.library.choose import choose_trees
from wizard.library.history import published_catalog
from wizard.records import anchor as anchors
from wizard.records import datadir, drafts
from wizard.records.csvexport import write_csv
from wizard.records.errors import RecordRefused, RecordsError
from wizard.records.model import (
    NDM_FIELDS,
    Record,
    cited_guidance,
    local_time,
    unknown_content_fields,
)
from wizard.records.purge import plan_purge, purge
from wizard.records.search import Query, matching_records, search
from wizard.records.text import format_record
from wizard.records.verify import verify


# -- arguments
def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--search",
        "-s",
        default="",
        metavar="TEXT",
        help="words to find in names, numbers, situation and advice",
    )
    p.add_argument(
        "--from",
        dest="date_from",
        type=iso_date,
        metavar="DATE",
        help="recorded on or after this date (YYYY-MM-DD, local time)",
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=iso_date,
        metavar="DATE",
        help="recorded on or before this date",
    )
    p.add_argument("--verdict", default="", metavar="VERDICT", help="a verdict id, e.g. do_not")
    p.add_argument("--topic", default="", metavar="TREE_ID", help="a tree id, e.g. photos")


# Field options shared by add and amend: (option, Record field, help)
FIELD_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--supervisor", "supervisor_name", "the supervisor's name"),
    ("--supervisor-number", "supervisor_number", "the supervisor's collar or staff number"),
    ("--advised", "advised_name", "the name of the person advised"),
    ("--role", "advised_role", "their role, e.g. PC, PCSO, police staff"),
    ("--advised-number", "advised_number", "their collar or staff number"),
    ("--reference", "reference", "an incident or reference number"),
    ("--situation", "situation", "the situation, in their words"),
    ("--advice", "advice", "the advice given"),
    ("--reason", "reason", "why the advice differs from the guidance (with --differs)"),
    *(
        (f"--{name.replace('_', '-')}", name, f"National Decision Model: {label.lower()}")
        for name, label in NDM_FIELDS
    ),
)


def _add_fields(p: argparse.ArgumentParser) -> None:
    for option, dest, text in FIELD_OPTIONS:
        p.add_argument(option, dest=dest, metavar="TEXT", help=text)
    p.add_argument(
        "--differs",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the advice given differs from the guidance's outcome (needs --reason)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `records` and its commands to the program's command line."""
    rec = sub.add_parser(
        "records",
        help="supervisors' advice records: list, add, verify, ...",
        description="Supervisors' advice records, kept in "
        f"{datadir.RECORDS_FILE} in the data folder.",
    )
    rec.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"the folder holding the records (else ${datadir.ENV}, else "
        f"{datadir.default_data_dir()})",
    )
    rec.set_defaults(func=lambda args: _usage(rec))
    cmds = rec.add_subparsers(dest="records_command", metavar="COMMAND")

    p = cmds.add_parser("list", help="the newest records first (the latest version of each)")
    _add_filters(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("show", help="one record in full, with its history and transcript")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true", help="print the record's content as JSON")
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser("export", help="write the matching records to a CSV file")
    p.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write")
    _add_filters(p)
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("verify", help="check that no record was changed (exit 1 if one was)")
    p.add_argument(
        "--anchor",
        metavar="FILE",
        help="also check the records still extend this anchor ('records anchor')",
    )
    p.set_defaults(func=cmd_verify)

    p = cmds.add_parser(
        "anchor",
        help="write the newest record's hash and the count to a "
        "file to keep elsewhere (verify --anchor checks it)",
    )
    p.add_argument(
        "--out", metavar="FILE", help="the file to write ('-' prints it; default: a new file here)"
    )
    p.set_defaults(func=cmd_anchor)

    p = cmds.add_parser("add", help="record advice given on a walk's transcript")
    p.add_argument(
        "--transcript",
        metavar="FILE",
        help="the walk as 'run --json' prints it ('-' reads standard input)",
    )
    p.add_argument(
        "--record",
        metavar="FILE",
        help="instead, a record's content saved when it could not be recorded",
    )
    _add_fields(p)
    p.set_defaults(func=cmd_add)

    p = cmds.add_parser("amend", help="correct a record: a new record that names it and why")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--by", required=True, metavar="NAME", help="who is making the amendment")
    p.add_argument("--why", required=True, metavar="TEXT", help="why the record is amended")
    p.add_argument("--transcript", metavar="FILE", help="replace the walk's transcript")
    _add_fields(p)
    p.set_defaults(func=cmd_amend)

    p = cmds.add_parser("purge", help="remove records older than a date (recorded in the chain)")
    add_purge_arguments(p, "local time")
    p.set_defaults(func=cmd_purge)

    p = cmds.add_parser("where", help="print the path of the records file")
    p.set_defaults(func=cmd_where)

    server_cli.register(cmds)  # sync, status, verify --server, server init (issue 19)
    add_impact_command(cmds)  # records impact --trees NEW_DIR (issue 20)

    for parser in (rec, *cmds.choices.values()):
        func = parser.get_default("func")
        parser.set_defaults(func=guarded(func))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def _query(args: argparse.Namespace) -> Query:
    return Query(
        text=args.search,
        date_from=args.date_from,
        date_to=args.date_to,
        verdict=args.verdict,
        tree_id=args.topic,
    )


# -- reading commands
def cmd_where(args: argparse.Namespace) -> int:
    print(records_file(args))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args, readonly=True) as store:
        rows = search(store, _query(args), limit=min(max(args.limit, 1), 2**63 - 1))
    for r in rows:
        who = r.advised_name or "—"
        if r.kind == "purge":
            what = "purge of older records"
        else:
            what = f"{r.verdict} ({r.tree_id}); advised: {_short(r.advice)}"
        amended = f" [amends {r.amends}]" if r.amends is not None else ""
        unchecked = " [not checked against its tree]" if r.walk_unchecked else ""
        print(
            f"{r.id:>6}  {local_time(r.created_at):<22} {r.supervisor_name or '—'} -> {who}: "
            f"{what}{amended}{unchecked}"
        )
    if not rows:
        print("No records match.", file=sys.stderr)
    return EXIT_OK


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args, readonly=True) as store:
        record = store.get(args.id)
        history = store.history(args.id)
    if args.json:
        data = {
            **record.content(),
            "prev_hash": record.prev_hash,
            "hash": record.hash,
            "history": [v.id for v in history],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_record(record, history))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args, readonly=True) as store:
        n = write_csv(Path(args.csv), matching_records(store, _query(args)))
    print(f"Wrote {n} record(s) to {args.csv}", file=sys.stderr)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    given = read_anchor(args.anchor) if args.anchor else None
    with open_store(args, readonly=True) as store:
        result = verify(store)
        print(result.message())
        if given is None or not result.ok:
            return EXIT_OK if result.ok else EXIT_BAD_CHAIN
        extends = anchors.check(store, given, result)
    print(extends.message)
    return EXIT_OK if extends.ok else EXIT_BAD_CHAIN


def read_anchor(name: str) -> anchors.Anchor:
    """An anchor file as 'records anchor' writes it; Refused (exit 2) if it is not one."""
    try:
        with open(name, "rb") as f:
            raw = f.read(anchors.LARGEST + 1)
    except OSError as exc:
        raise Refused(f"--anchor {name}: {exc.strerror}") from exc
    if len(raw) > anchors.LARGEST:
        raise Refused(f"--anchor {name}: too large for an anchor file")
    try:
        return anchors.parse(_decoded(raw, f"--anchor {name}"))
    except ValueError as exc:
        raise Refused(f"--anchor {name}: not an anchor file: {exc}") from exc


def cmd_anchor(args: argparse.Namespace) -> int:
    with open_store(args, readonly=True) as store:
        result = verify(store)
    if not result.ok:
        print(
            f"{result.message()} No anchor was written: an anchor vouches for the records as "
            "they are."
        )
        return EXIT_BAD_CHAIN
    if not result.checked:
        raise Refused("the advice records are empty: there is nothing to anchor yet")
    anchor = anchors.taken(result)
    text = anchor.text(str(records_file(args)))
    if args.out == "-":
        print(text, end="")
        return EXIT_OK
    out = Path(args.out or f"advice-records-anchor-{anchor.taken_at.replace(':', '')}.txt")
    write_bytes_atomic(out, text.encode("utf-8"))
    print(
        f"Wrote the anchor to {out}: record {anchor.record_id}, hash {anchor.hash}, "
        f"{anchor.count} record(s). File it where the records' keepers cannot change it."
    )
    return EXIT_OK


# -- writing commands
def read_transcript(name: str) -> Transcript:
    """A walk's transcript from a file or stdin; refuses one that stops short of an outcome."""
    try:
        raw = _stdin_bytes() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise Refused(f"--transcript {name}: {exc.strerror}") from exc
    text = _decoded(raw, f"--transcript {name}")
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except ValueError as exc:  # json.JSONDecodeError, or NaN / Infinity
        raise Refused(
            f"--transcript {name}: not JSON ({exc}); give what 'run --json' prints"
        ) from exc
    if isinstance(data, dict) and data.get("pending"):
        q = data["pending"] if isinstance(data["pending"], dict) else {}
        raise Refused(
            f"--transcript {name}: the walk stops short of an outcome (next question "
            f"{q.get('question_id')}: {q.get('text')}); answer it to the end first"
        )
    try:
        transcript = Transcript.from_dict(data) if isinstance(data, dict) else None
    except ValueError as exc:
        raise Refused(f"--transcript {name}: {exc}") from exc
    if transcript is None:
        raise Refused(f"--transcript {name}: not a walk transcript (expected a JSON object)")
    if transcript.outcome is None:
        raise Refused(f"--transcript {name}: the walk has no outcome; answer it to the end first")
    problems = transcript_problems(transcript) + _unknown(unknown_fields(data))
    if problems:
        raise Refused(f"--transcript {name}: {_listed(problems)}")
    return transcript


def _unknown(names: list[str]) -> list[str]:
    """Fields this program does not know, as a problem: reading a stored record ignores them
    (a later format's), but a record is kept only with what this program can read back and
    check, and keeping it without them would quietly drop what the file says."""
    if not names:
        return []
    return [
        f"{', '.join(names)}: not a field this version knows (written by a newer Purdah "
        "Wizard, or edited); record it with the version that wrote it"
    ]


def _listed(problems: list[str], most: int = 3) -> str:
    """Problems in one line: the first few, and how many more."""
    more = f"; and {len(problems) - most} more" if len(problems) > most else ""
    return "; ".join(problems[:most]) + more


def _stdin_bytes() -> bytes:
    """Standard input as bytes (a test may replace it with text)."""
    stream = getattr(sys.stdin, "buffer", None)
    return stream.read() if stream is not None else sys.stdin.read().encode("utf-8", "replace")


def _decoded(raw: bytes, what: str) -> str:
    """A file's text: UTF-8, or UTF-16 with a byte-order mark (what Windows PowerShell's `>`
    writes); anything else is refused in one line."""
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    if encoding != "utf-16" and b"\x00" in raw:
        raise Refused(
            f"{what}: not UTF-8 text (it holds NUL bytes: UTF-16 with no "
            "byte-order mark?); save it as UTF-8"
        )
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Refused(
            f"{what}: not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8"
        ) from exc


def _no_constant(name: str) -> None:
    """NaN and Infinity: Python's json reads them, JSON has no such numbers."""
    raise ValueError(f"{name} is not a number JSON allows")


def _given(args: argparse.Namespace) -> dict[str, Any]:
    """The field options given on the command line."""
    out = {
        dest: getattr(args, dest) for _, dest, _ in FIELD_OPTIONS if getattr(args, dest) is not None
    }
    if args.differs is not None:
        out["differs"] = args.differs
    return out


def _read_saved_record(name: str) -> Record:
    try:
        data = json.loads(Path(name).read_text(encoding="utf-8"))
        record = Record.from_content(data)
    except OSError as exc:
        raise Refused(f"--record {name}: {exc.strerror}") from exc
    except ValueError as exc:
        raise Refused(f"--record {name}: not a saved record ({exc})") from exc
    if record.kind == "purge":
        raise Refused(
            f"--record {name}: it is a purge; a purge cannot be added from a file, it "
            "is made with 'records purge'"
        )
    unknown = _unknown(unknown_content_fields(data))
    if unknown:
        raise Refused(f"--record {name}: {unknown[0]}")
    return replace(record, id=0, created_at="")


def cmd_add(args: argparse.Namespace) -> int:
    if args.record:
        record = replace(_read_saved_record(args.record), **_given(args))
    elif args.transcript:
        transcript = read_transcript(args.transcript)
        record = Record(transcript=transcript, powers_and_policy=cited_guidance(transcript))
        record = replace(record, **_given(args))
    else:
        raise Refused("give --transcript FILE (the walk as 'run --json' prints it)")
    return _save(args, record)


def cmd_amend(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        current = store.get(args.id)
    changes = _given(args)
    if args.transcript:
        changes["transcript"] = read_transcript(args.transcript)
    record = current.amended(amendment_reason=args.why, made_by=args.by, **changes)
    return _save(args, record)


def _save(args: argparse.Namespace, record: Record) -> int:
    problems = record.problems()
    if problems:
        raise Refused(f"cannot record this: {'; '.join(problems)}")
    trees, folder = trees_in_use(args)
    try:
        with open_store(args) as store:
            saved = store.add(
                record, trees=trees, published=lambda t: published_catalog(folder, t.trees)
            )
    except RecordRefused:
        raise
    except RecordsError as exc:
        where = keep_unsaved(record)
        print(f"error: {exc}\nThe record was NOT saved. {where}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    print(f"Saved as record {saved.id} ({local_time(saved.created_at)}), hash {saved.hash}")
    if saved.walk_unchecked:
        print(f"{saved.walk_check_text()}.")
    server_cli.after_save(args)  # send it, when a records server is configured
    return EXIT_OK


def trees_in_use(args: argparse.Namespace) -> tuple[Catalog, Path]:
    """The trees the program uses (--trees, PURDAH_WIZARD_TREES, else the bundled ones) and
    their folder, whose history holds past versions: a walk is checked before it is recorded."""
    chosen = choose_trees(getattr(args, "trees", None))
    if chosen.notice:
        print(f"note: {chosen.notice}", file=sys.stderr)
    return chosen.catalog, chosen.folder


def keep_unsaved(record: Record) -> str:
    """Write an unsaved record's content where it will not be lost; say where."""
    path = drafts.keep_unsaved(record, (Path.cwd(), Path.home()))
    if path is not None:
        return f"Its content is in {path}; record it later with 'records add --record {path}'."
    print(json.dumps(record.content(), ensure_ascii=False, indent=2), file=sys.stderr)
    return "Its content is printed above; copy it somewhere safe."


def cmd_purge(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        plan = plan_purge(store, args.before)
        if plan is None:
            print(f"Nothing to purge: no record was made before {args.before}.")
            return EXIT_OK
        if not args.yes:
            print(f"This would purge {plan.describe()}. Nothing was removed: add --yes to purge.")
            return EXIT_BAD_CHAIN
        record = purge(store, args.before, args.by, args.why)
    print(
        f"Purged {record.purged_count} record(s), {record.purged_from} to "
        f"{record.purged_through}; the purge is record {record.id}."
    )
    return EXIT_OK
