"""Connect to the records server: the only module that imports the driver, psycopg 3.

It is imported inside functions, and only once a server is configured, so that a terminal
without one never loads it (nor `socket`, which it pulls in): tests/test_offline.py proves it.
Every connection is TLS with sslmode=verify-full; the password is asked for, never stored.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wizard.records.errors import RecordRefused, RecordsError
from wizard.records.server.config import ServerConfig

if TYPE_CHECKING:
    import psycopg
    from psycopg import Connection

APPLICATION_NAME = "purdah-wizard"
# libpq's defaults wait minutes on a network that is gone; a terminal should give up sooner
DEFAULTS = {
    "connect_timeout": "10",
    "keepalives": "1",
    "keepalives_idle": "20",
    "keepalives_interval": "5",
    "keepalives_count": "3",
    "tcp_user_timeout": "30000",
}
Ask = Callable[[str], str]


class ServerError(RecordsError):
    """The records server could not be reached or refused us; one line for a user."""


class ServerRefused(RecordRefused):
    """The configuration is wrong (TLS not required, a password in it); one line."""


def driver() -> Any:
    """The psycopg module, imported now (and only now)."""
    try:
        import psycopg
    except ImportError as exc:
        raise ServerError(
            "The PostgreSQL driver (psycopg) is missing from this copy of the "
            "program: pip install 'psycopg[binary]'."
        ) from exc
    return psycopg


def params(config: ServerConfig) -> dict[str, str]:
    """The libpq parameters: the conninfo's, with TLS forced to verify-full and our CA."""
    psycopg = driver()
    try:
        given = psycopg.conninfo.conninfo_to_dict(config.conninfo)
    except psycopg.ProgrammingError as exc:
        raise ServerRefused(
            f"The records server in {config.origin} is not a libpq connection "
            f"string: {first_line(exc)}."
        ) from exc
    mode = str(given.get("sslmode") or "verify-full")
    if mode != "verify-full":
        raise ServerRefused(
            f"The records server in {config.origin} asks for sslmode={mode}: "
            "only sslmode=verify-full (TLS, with the server's name checked "
            "against its certificate) is allowed."
        )
    out = {
        **DEFAULTS,
        "application_name": APPLICATION_NAME,
        **{k: str(v) for k, v in given.items() if v is not None},
        "sslmode": "verify-full",
    }
    if config.ca_file:
        out["sslrootcert"] = config.ca_file
    return out


def connect(
    config: ServerConfig,
    password: str | None = None,
    ask: Ask | None = None,
    autocommit: bool = True,
    user: str | None = None,
) -> psycopg.Connection:
    """An open connection (as `user` if given); when the server wants a password and none was
    given, `ask` is called once (a prompt, never stored). Failures: a one-line ServerError."""
    psycopg = driver()
    kwargs = params(config)
    if user:
        kwargs["user"] = user
    if password is not None:
        kwargs["password"] = password
    try:
        connection: Connection[tuple[Any, ...]] = psycopg.connect(**kwargs, autocommit=autocommit)
        return connection
    except psycopg.OperationalError as exc:
        if password is None and ask is not None and wants_password(exc):
            prompt = f"Password for {kwargs.get('user', 'the records server')}: "
            return connect(config, ask(prompt), None, autocommit, user)
        raise ServerError(explain(exc, kwargs.get("host", "the server"))) from exc


def wants_password(exc: BaseException) -> bool:
    """Whether a connection failed only for want of a password."""
    return "no password supplied" in str(exc)


def first_line(exc: BaseException) -> str:
    """The useful line of a libpq error (they run over several lines)."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    fatal = [ln for ln in lines if ln.startswith(("FATAL:", "ERROR:"))]
    text = (fatal or lines or [type(exc).__name__])[0]
    return text.split("failed: ", 1)[-1].rstrip(".")


def explain(exc: BaseException, host: str) -> str:
    """One line: why the server could not be used, and that nothing local is lost."""
    text = str(exc)
    if wants_password(exc) or "password authentication failed" in text:
        why = "the user name or password was not accepted"
    elif "certificate" in text or "SSL" in text:
        why = (
            f"its TLS certificate could not be checked ({first_line(exc)}); check "
            "the CA file setting and the server's name"
        )
    else:
        why = first_line(exc)
    return (
        f"Could not use the records server {host}: {why}. The advice records are safe in "
        "this terminal's file and wait to be sent."
    )


def is_disconnect(exc: BaseException) -> bool:
    """Whether an error means the connection is gone (server stopped, killed, network down)."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return False
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)
