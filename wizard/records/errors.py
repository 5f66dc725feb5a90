"""The errors the records raise: one line saying what went wrong and what to do."""

from __future__ import annotations


class RecordsError(Exception):
    """The records could not be read or written; the message is one line for a user."""


class RecordRefused(RecordsError):
    """The records work, but refuse this request (unknown id, already amended, a field missing)."""


class UnknownRecord(RecordRefused):
    """No record has the id asked for."""
