"""Make every attempt to reach the network fail, and remember each attempt, for offline proofs.

Two layers, because either alone can be got round:
- An audit hook (PEP 578) sees every socket the interpreter creates, however it was imported
  (even `_socket.socket` directly), and every name lookup or connect; while armed it records the
  event and raises, so the attempt fails.
- `socket.socketpair`, which makes sockets without an audit event, is replaced, as are
  `socket.create_connection` and `socket.getaddrinfo` for good measure.

Audit hooks cannot be removed, so one hook is installed for the whole test run and does nothing
unless armed. Qt's own C++ code does not pass through Python: the strace test in test_offline.py
covers that.

Use it: `with no_network() as attempts: ...` then `assert attempts == []`. Nothing local needs a
socket today; if that changes (asyncio's self-pipe uses a socketpair), allow it here by family.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

NETWORK_EVENTS = frozenset(
    {
        "socket.__new__",
        "socket.bind",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.sendmsg",
        "socket.sendto",
        "http.client.connect",
        "urllib.Request",
        "ftplib.connect",
        "smtplib.connect",
        "poplib.connect",
        "imaplib.open",
        "webbrowser.open",
    }
)


class NetworkBlocked(OSError):
    """Raised in place of any network access while the guard is armed."""


_armed: list[list[str]] = []  # the attempts list of each active guard, innermost last


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _armed and event in NETWORK_EVENTS:
        _armed[-1].append(f"{event}{args!r}"[:200])
        raise NetworkBlocked(f"network access attempted while offline: {event}")


_installed = False


def install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


def _refuse(name: str, attempts: list[str]) -> Any:
    def refuse(*args: object, **kwargs: object) -> Any:
        attempts.append(f"socket.{name}{args!r}"[:200])
        raise NetworkBlocked(f"network access attempted while offline: socket.{name}")

    return refuse


@contextmanager
def no_network() -> Iterator[list[str]]:
    """Within the block every socket creation, lookup and connect fails; yields the attempts."""
    install()
    attempts: list[str] = []
    saved = {
        name: getattr(socket, name) for name in ("socketpair", "create_connection", "getaddrinfo")
    }
    for name in saved:
        setattr(socket, name, _refuse(name, attempts))
    _armed.append(attempts)
    try:
        yield attempts
    finally:
        _armed.pop()
        for name, value in saved.items():
            setattr(socket, name, value)
