"""Which records server, if any: the environment or the window's setting names a libpq conninfo.

Configured by `PURDAH_WIZARD_RECORDS_URL` (else the setting `records/server_url`): a libpq
connection string (`host=... dbname=... user=...`) or URI (`postgresql://user@host/db`). TLS is
required: `sslmode` is verify-full (any other mode is refused), checked against the CA file in
`PURDAH_WIZARD_RECORDS_CA` (else the setting `records/server_ca`, else the conninfo's own
`sslrootcert`). A password is never taken from the configuration, which a shared terminal keeps
on disk: it is asked for when connecting (or comes from Kerberos, or libpq's PGPASSWORD).
Pure Python: reading the configuration imports no driver and opens nothing.
"""

from __future__ import annotations

import os
import platform
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from wizard.records.errors import RecordRefused

ENV_URL = "PURDAH_WIZARD_RECORDS_URL"
ENV_CA = "PURDAH_WIZARD_RECORDS_CA"
ENV_STATION = "PURDAH_WIZARD_STATION"
SETTING_URL = "records/server_url"
SETTING_CA = "records/server_ca"
SETTING_STATION = "records/station"

# a password given in a conninfo string (key=value) or in a URI (user:password@host)
_PASSWORD_KEY = re.compile(r"(^|\s)password\s*=", re.IGNORECASE)
_URI_PASSWORD = re.compile(r"^postgres(ql)?://[^/@?]*:[^/@?]*@", re.IGNORECASE)
_PASSWORD_PARAM = re.compile(r"[?&]password=", re.IGNORECASE)


class NotConfigured(RecordRefused):
    """No records server is configured: the records are this terminal's only."""


@dataclass(frozen=True)
class ServerConfig:
    """A configured records server: where (conninfo, no password), the CA, and who we are."""

    conninfo: str
    ca_file: str = ""
    origin: str = ENV_URL  # where the conninfo came from, for messages
    station: str = ""
    terminal: str = ""


def server_config(
    env: Mapping[str, str] | None = None,
    setting_url: str | None = None,
    setting_ca: str | None = None,
    setting_station: str | None = None,
) -> ServerConfig | None:
    """The server configured by the environment, else by the window's settings; None if none.
    Refuses (RecordRefused) a conninfo that holds a password."""
    env = os.environ if env is None else env
    url, origin = (env.get(ENV_URL, "").strip(), ENV_URL)
    if not url:
        url, origin = ((setting_url or "").strip(), f"the setting {SETTING_URL}")
    if not url:
        return None
    if has_password(url):
        raise RecordRefused(
            f"The records server in {origin} includes a password: remove it. "
            "A password is never kept in the configuration; it is asked for "
            "when connecting."
        )
    ca = env.get(ENV_CA, "").strip() or (setting_ca or "").strip()
    station = env.get(ENV_STATION, "").strip() or (setting_station or "").strip()
    return ServerConfig(url, ca, origin, station, platform.node())


class Settings(Protocol):
    """What is read of the window's saved settings (a QSettings), without importing Qt here."""

    def value(self, key: str, defaultValue: object = ...) -> object: ...


def saved_server_config(
    settings: Settings | None, env: Mapping[str, str] | None = None
) -> ServerConfig | None:
    """The server the environment names, else the window's saved settings (`settings`; None
    where the program has none to read): what the window and the command line both use."""

    def value(key: str) -> str:
        return str(settings.value(key, "") or "") if settings is not None else ""

    return server_config(env, value(SETTING_URL), value(SETTING_CA), value(SETTING_STATION))


def has_password(conninfo: str) -> bool:
    """Whether a conninfo string or URI carries a password."""
    return bool(
        _PASSWORD_KEY.search(conninfo)
        or _URI_PASSWORD.match(conninfo)
        or _PASSWORD_PARAM.search(conninfo)
    )


def require_config(config: ServerConfig | None) -> ServerConfig:
    """The configuration, or a one-line refusal saying how to configure a server."""
    if config is None:
        raise NotConfigured(
            f"No records server is configured (set {ENV_URL} to its libpq "
            f"connection string, and {ENV_CA} to its CA file); the records "
            "are this terminal's only."
        )
    return config
