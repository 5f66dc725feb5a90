"""(h) The force's records server (issue 19), by hand, medians. Targets:
- force-wide search as you type over 1,000,000 records in 200 journals: <= 100 ms a keystroke
- sync: >= 1,000 records a second
- `verify --server` of a journal of 10,000 records: <= 10 s

    .venv/bin/python bench/records_server.py [--records 1000000] [--journals 200]

Uses the cluster .ci/with-postgres.sh started (PURDAH_TEST_PG_*), else starts one itself with
.ci/pg-cluster.sh (TLS, temp folder). The big table is loaded with COPY through the same
triggers a terminal's push meets (hash and chain checked per row), from records made as the
program makes them (one real record's content, names varied, chained per journal).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.records.kit import advice
from tests.records.server import pg
from wizard.records import schema as local_schema
from wizard.records.canonical import canonical_json, chain_hash
from wizard.records.model import GENESIS, utc_stamp
from wizard.records.search import Query
from wizard.records.server.config import ServerConfig
from wizard.records.server.connect import connect
from wizard.records.server.schema import RECORD_COLUMNS, init
from wizard.records.server.search import search_force
from wizard.records.server.sync import push
from wizard.records.server.verify import verify_journal
from wizard.records.store import RecordStore

NAMES = [
    "Smith",
    "Jones",
    "Zoë Kent",
    "Ahmed",
    "O'Neill",
    "Kowalski",
    "Nguyen",
    "Brown",
    "Patel",
    "Müller",
    "Evans",
    "Okafor",
    "Taylor",
    "Davies",
    "Wilson",
    "Chen",
]


def median_ms(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def local_file(path: Path, n: int) -> Path:
    with RecordStore(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        for i in range(n):
            store.add(advice(advised_name=f"{random.choice(NAMES)} {i}"))
    return path


def load(conn, journals: int, per_journal: int) -> None:
    """COPY chained records into the server, journal by journal (the triggers check each)."""
    base = advice()
    cols = ", ".join(RECORD_COLUMNS)
    for j in range(journals):
        jid = f"00000000-0000-4000-8000-{j:012d}"
        conn.execute(
            "INSERT INTO purdah.journals (journal_id, terminal, station) VALUES (%s, %s, %s)",
            (jid, f"pc-{j:03d}", f"Station {j % 20}"),
        )
        prev = GENESIS
        with (
            conn.transaction(),
            conn.cursor() as cur,
            cur.copy(f"COPY purdah.records ({cols}) FROM STDIN") as copy,
        ):
            for seq in range(1, per_journal + 1):
                who = f"{random.choice(NAMES)} {random.randint(1, 99999)}"
                record = replace(
                    base,
                    id=seq,
                    created_at=utc_stamp(),
                    advised_name=who,
                    supervisor_name=f"Sgt {random.choice(NAMES)}",
                )
                text = canonical_json(record.content())
                digest = chain_hash(prev, text)
                c = local_schema.columns(record)
                copy.write_row(
                    [jid, seq, *(c[k] for k in RECORD_COLUMNS[2:-3]), text, prev, digest]
                )
                prev = digest
        print(f"  journal {j + 1}/{journals} loaded", end="\r", file=sys.stderr)
    conn.execute("ANALYZE purdah.records")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--journals", type=int, default=200)
    parser.add_argument("--sync", type=int, default=3000, help="records per sync run")
    parser.add_argument("--verify", type=int, default=10_000, help="records in the journal")
    args = parser.parse_args()
    gen = pg.started()
    cluster = next(gen)
    pg.prepare_roles(cluster)
    db = pg.new_database(cluster)
    import os

    os.environ["PGPASSWORD"] = cluster.password
    with cluster.connect(db, pg.OWNER) as conn:
        init(conn)
    config = ServerConfig(cluster.conninfo(db, "terminal_a"), cluster.ca, "bench", "Bench", "pc")
    work = Path(tempfile.mkdtemp(prefix="records-server-bench-"))

    rates = []
    for run in range(3):
        path = local_file(work / f"sync{run}.sqlite3", args.sync)
        with RecordStore(path) as store, connect(config) as conn:
            start = time.perf_counter()
            result = push(store, conn, config)
            rates.append(result.sent / (time.perf_counter() - start))
    print(f"sync: {statistics.median(rates):,.0f} records/s (median of 3 x {args.sync})")

    path = local_file(work / "verify.sqlite3", args.verify)
    with RecordStore(path) as store, connect(config) as conn:
        journal = push(store, conn, config).journal_id
    with cluster.connect(db) as conn:
        ms = median_ms(lambda: verify_journal(conn, journal), runs=3)
    print(f"verify --server, one journal of {args.verify:,}: {ms / 1000:.2f} s (median of 3)")

    with cluster.connect(db) as conn:
        start = time.perf_counter()
        load(conn, args.journals, args.records // args.journals)
        total = conn.execute("SELECT count(*) FROM purdah.records").fetchone()[0]
        print(
            f"\nloaded: {total:,} records in {args.journals} journals "
            f"({time.perf_counter() - start:.0f} s)"
        )
    with cluster.connect(db, "supervisor") as conn:
        for word in ("smith", "zoe", "kowalski 4"):
            typed = [word[:i] for i in range(1, len(word) + 1)]
            ms = [median_ms(lambda t=t: search_force(conn, Query(text=t))) for t in typed]
            print(f"search as you type {word!r}: " + ", ".join(f"{m:.1f}" for m in ms) + " ms")
    print(json.dumps({"records": total}), file=sys.stderr)
    pg.drop_database(cluster, db)
    next(gen, None)


if __name__ == "__main__":
    main()
