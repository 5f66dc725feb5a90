"""The command line's server commands: `records sync`, `records status`,
`records verify --server`, `records server init` and `records server purge`.

The server is the one the environment names (PURDAH_WIZARD_RECORDS_URL, ..._CA,
PURDAH_WIZARD_STATION), else the one saved in the window's settings (records/server_url,
records/server_ca, records/station, read with Qt's QSettings under the program's organisation
and application names, as the window reads them).

Exit codes as the other records commands: 0 done, 1 a fork refused, a chain that does not
verify or a purge not confirmed, 2 no server configured (or a bad configuration), 4 the server
or the file could not be used (the records stay safe in the file and wait to be sent).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wizard.cli.records_base import add_purge_arguments, guarded
from wizard.records import datadir
from wizard.records.server.config import (
    ServerConfig,
    require_config,
    saved_server_config,
)
from wizard.records.store import RecordStore

if TYPE_CHECKING:
    import psycopg

EXIT_OK, EXIT_BAD_CHAIN, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 4
Command = Callable[[argparse.Namespace], int]


def register(cmds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add sync, status, server init and `verify --server` to `records`' commands."""
    p = cmds.add_parser("sync", help="send the records not yet on the force's records server")
    p.set_defaults(func=cmd_sync)
    p = cmds.add_parser("status", help="the records server: unsent records, last sync, its head")
    p.set_defaults(func=cmd_status)
    verify = cmds.choices["verify"]
    verify.add_argument(
        "--server",
        action="store_true",
        help="also check every journal's chain on the records server, and that "
        "this file agrees with the server",
    )
    verify.set_defaults(func=with_server_verify(verify.get_default("func")))
    server = cmds.add_parser("server", help="the records server (administrators)")

    def server_help(args: argparse.Namespace) -> int:
        server.print_help()
        return EXIT_USAGE

    server.set_defaults(func=server_help)
    sub = server.add_subparsers(dest="server_command", metavar="COMMAND")
    p = sub.add_parser("init", help="create or migrate the server's schema and roles")
    p.add_argument("--user", metavar="NAME", help="connect as this administrator account")
    p.set_defaults(func=cmd_server_init)
    p = sub.add_parser(
        "purge",
        help="remove every journal's records older than a date from the server "
        "(an administrator; recorded in the server's purge log)",
    )
    add_purge_arguments(p, "this machine's local time")
    p.add_argument("--user", metavar="NAME", help="connect as this administrator account")
    p.set_defaults(func=cmd_server_purge)
    for parser in sub.choices.values():  # `records`' own guard wraps only its direct commands
        parser.set_defaults(func=guarded(parser.get_default("func")))


def configured() -> ServerConfig | None:
    """The server the environment names, else the window's saved settings; None if neither
    does. Without Qt in this copy of the program there are no saved settings to read."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:
        return saved_server_config(None)
    from wizard.library.locations import APPLICATION, ORGANISATION

    return saved_server_config(QSettings(ORGANISATION, APPLICATION))


def config() -> ServerConfig:
    return require_config(configured())


def ask() -> Callable[[str], str] | None:
    """A password prompt when someone is at the keyboard; else None (the connection fails)."""
    return getpass.getpass if sys.stdin is not None and sys.stdin.isatty() else None


def connect(cfg: ServerConfig, user: str | None = None) -> psycopg.Connection[tuple[Any, ...]]:
    from wizard.records.server import connect as connecting

    return connecting.connect(cfg, ask=ask(), user=user)


def open_store(args: argparse.Namespace) -> RecordStore:
    return RecordStore(datadir.records_path(datadir.data_dir(getattr(args, "data_dir", None))))


def sync_now(args: argparse.Namespace, cfg: ServerConfig) -> int:
    """Push what waits; print the outcome; return the exit code."""
    from wizard.records.server import connect as connecting
    from wizard.records.server.sync import push

    with open_store(args) as store, connect(cfg) as conn:
        try:
            result = push(store, conn, cfg)
        except ValueError as exc:  # the server's schema is missing or another version
            raise connecting.ServerError(f"Cannot send to the records server: {exc}.") from exc
        except Exception as exc:
            if connecting.is_disconnect(exc):
                raise connecting.ServerError(connecting.explain(exc, "the server")) from exc
            raise
    print(result.message(), file=sys.stdout if result.ok else sys.stderr)
    if result.note():  # the feedback: never a failed sync
        print(result.note().replace("Note:", "note:", 1), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_BAD_CHAIN


def cmd_sync(args: argparse.Namespace) -> int:
    return sync_now(args, config())


def after_save(args: argparse.Namespace) -> None:
    """Once a record is saved in the file: send it, if a server is configured. A failure is
    a note only: the record is saved, and waits to be sent."""
    cfg = configured()
    if cfg is None:
        return
    from wizard.records.errors import RecordsError

    try:
        code = sync_now(args, cfg)
    except RecordsError as exc:
        print(f"note: saved in this terminal's file; not yet sent: {exc}", file=sys.stderr)
        return
    if code != EXIT_OK:
        print("note: saved in this terminal's file; not sent (see above).", file=sys.stderr)


def cmd_status(args: argparse.Namespace) -> int:
    from wizard.records.errors import RecordsError
    from wizard.records.server import sync

    cfg = config()
    with open_store(args) as store:
        journal = sync.local_journal(store)
        print(f"Records server: {cfg.conninfo} (from {cfg.origin})")
        print(f"This file: {store.path}; journal {journal or 'none yet (never synced)'}")
        print(f"Records in this file: {sync.local_head(store)}")
        print(f"Last sync: {sync.last_sync_text(store)}")
        try:
            with connect(cfg) as conn:
                head = sync.server_head(conn, journal) if journal else (0, "")
        except RecordsError as exc:
            print(f"Waiting to be sent: {sync.waiting(store)} (as of the last sync)")
            print(f"Server: {exc}", file=sys.stderr)
            return EXIT_UNAVAILABLE
        waiting = max(sync.local_head(store) - head[0], 0)
        print(
            f"Server's head for this journal: record {head[0]}"
            f"{f', hash {head[1]}' if head[1] else ''}"
        )
        print(f"Waiting to be sent: {waiting}")
    return EXIT_OK


def with_server_verify(local_verify: Command) -> Command:
    """`verify`, then with --server every journal on the server and this file against it."""

    def run(args: argparse.Namespace) -> int:
        code = local_verify(args)
        if not getattr(args, "server", False):
            return code
        return max(code, _verify_server(args))

    return run


def _verify_server(args: argparse.Namespace) -> int:
    from wizard.records.server import connect as connecting
    from wizard.records.server.sync import local_journal
    from wizard.records.server.verify import compare_local, verify_server

    cfg = config()
    psycopg = connecting.driver()
    with open_store(args) as store, connect(cfg) as conn:
        try:
            result = verify_server(conn)
            result.local_ok, result.local = compare_local(store, conn, local_journal(store))
        except psycopg.errors.InsufficientPrivilege as exc:
            raise connecting.ServerError(
                "Your account may not read the records on the server (it needs the "
                f"purdah_reader role): {connecting.first_line(exc)}."
            ) from exc
    print(result.message())
    return EXIT_OK if result.ok else EXIT_BAD_CHAIN


def cmd_server_init(args: argparse.Namespace) -> int:
    from wizard.records.server import connect as connecting
    from wizard.records.server.schema import init

    cfg = config()
    psycopg = connecting.driver()
    with connect(cfg, args.user) as conn:
        try:
            before, after = init(conn, note=lambda text: print(f"note: {text}"))
        except (ValueError, psycopg.Error) as exc:
            print(
                f"error: the server's schema was not changed: {connecting.first_line(exc)}",
                file=sys.stderr,
            )
            return EXIT_UNAVAILABLE
    if before == after:
        print(f"The server's schema is current (version {after}); roles and grants checked.")
    else:
        print(f"The server's schema is now version {after} (was {before or 'none'}).")
    return EXIT_OK


def cmd_server_purge(args: argparse.Namespace) -> int:
    """Say what a purge would remove; with --yes remove it, journal by journal, as logged."""
    from wizard.records.server import connect as connecting
    from wizard.records.server.purge import PurgeEntry, plan_server_purge, purge_server

    cfg = config()
    psycopg = connecting.driver()
    entries: list[PurgeEntry] = []

    def done(entry: PurgeEntry) -> None:
        entries.append(entry)
        print(f"Purged {entry.purge.describe()}; purge log entry {entry.seq}.")

    with connect(cfg, args.user) as conn:
        try:
            plans = plan_server_purge(conn, args.before)
            if not plans:
                print(f"Nothing to purge: the server holds no record made before {args.before}.")
                return EXIT_OK
            if not args.yes:
                for plan in plans:
                    print(f"  {plan.describe()}")
                print(
                    f"This would purge {sum(p.count for p in plans)} record(s) from "
                    f"{len(plans)} journal(s) on the server, made before {args.before}. "
                    "Nothing was removed: add --yes to purge."
                )
                return EXIT_BAD_CHAIN
            purge_server(conn, args.before, args.by, args.why, done)
        except psycopg.errors.InsufficientPrivilege as exc:
            print(
                "error: your account may not purge the server's records (it needs the "
                f"purdah_admin role): {connecting.first_line(exc)}. {_so_far(entries)}",
                file=sys.stderr,
            )
            return EXIT_UNAVAILABLE
        except psycopg.Error as exc:
            if connecting.is_disconnect(exc):
                raise connecting.ServerError(connecting.explain(exc, "the server")) from exc
            print(f"error: {connecting.first_line(exc)}. {_so_far(entries)}", file=sys.stderr)
            return EXIT_UNAVAILABLE
    print(
        f"Purged {sum(e.purge.count for e in entries)} record(s) from {len(entries)} "
        "journal(s); each purge is an entry in the server's purge log "
        "('records verify --server' checks it)."
    )
    return EXIT_OK


def _so_far(entries: list[Any]) -> str:
    if not entries:
        return "Nothing was purged."
    return (
        f"The {len(entries)} journal(s) listed above were purged (and logged) before it; "
        "the others were not touched: run the purge again to finish."
    )
