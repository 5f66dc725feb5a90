"""The force's shared advice records: PostgreSQL holds every terminal's chain, the local SQLite
file stays each terminal's outbox and its own chain.

Nothing here imports the driver (psycopg) or opens a socket unless a server is configured
(`PURDAH_WIZARD_RECORDS_URL`, or the window's setting `records/server_url`): only
wizard.records.server.connect imports psycopg, inside its functions.
"""
