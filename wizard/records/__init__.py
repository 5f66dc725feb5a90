"""Supervisors' advice records: an append-only SQLite log whose records are hash-chained.

Builds on the core (the walk's transcript); imports nothing of Qt, so the command line and the
tests use it without a display.
"""
