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
import datetime as dt
import json
import os
import random
import shutil
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
from wizard.records.folding import fold
from wizard.records.model import GENESIS, utc_stamp
from wizard.records.search import Query
from wizard.records.server.config import ServerConfig
from wizard.records.server.connect import connect
from wizard.records.server.schema import RECORD_COLUMNS, TRIGRAM, init
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


def row_maker(base):
    """A fast maker of chained rows like `base` (names, number and time varied): the canonical
    text is made once with markers and filled in per row, exactly as canonical_json would
    write it (checked against it below, and `verify_journal` checks a loaded journal)."""
    marks = {"id": "\x01ID", "created_at": "\x01AT", "advised_name": "\x01AN"}
    marks["supervisor_name"] = "\x01SN"
    content = base.content()
    content.update(marks)
    template = canonical_json(content)
    columns = local_schema.columns(base)
    searched = {c: getattr(base, c) for c in local_schema.SEARCHED}

    def make(seq: int, when: str, advised: str, supervisor: str) -> tuple[str, list]:
        text = template
        for key, value in (("id", seq), ("created_at", when), ("advised_name", advised)):
            text = text.replace(json.dumps(marks[key]), json.dumps(value, ensure_ascii=False))
        text = text.replace(
            json.dumps(marks["supervisor_name"]), json.dumps(supervisor, ensure_ascii=False)
        )
        cols = dict(columns, created_at=when, advised_name=advised, supervisor_name=supervisor)
        found = dict(searched, advised_name=advised, supervisor_name=supervisor)
        cols["search_text"] = fold("\n".join(found[c] for c in local_schema.SEARCHED))
        return text, [cols[k] for k in RECORD_COLUMNS[2:-3]]

    sample = replace(base, id=7, created_at=utc_stamp(), advised_name="Zoë 1", supervisor_name="S")
    made = make(7, sample.created_at, "Zoë 1", "S")
    assert made[0] == canonical_json(sample.content())
    assert made[1] == [local_schema.columns(sample)[k] for k in RECORD_COLUMNS[2:-3]]
    return make


def load(conn, journals: int, per_journal: int) -> None:
    """COPY chained records into the server, journal by journal (the triggers check each),
    their times spread over two years, oldest first in each journal."""
    make = row_maker(advice())
    cols = ", ".join(RECORD_COLUMNS)
    # the trigram index is made again after the load, as init makes it (a bulk load's usual
    # way: growing it a row at a time made the load take most of an hour)
    conn.execute("DROP INDEX IF EXISTS purdah.records_search")
    span = dt.timedelta(days=730)
    start = dt.datetime.now(dt.UTC) - span
    for j in range(journals):
        jid = f"00000000-0000-4000-8000-{j:012d}"
        conn.execute(
            "INSERT INTO purdah.journals (journal_id, terminal, station) VALUES (%s, %s, %s)",
            (jid, f"pc-{j:03d}", f"Station {j % 20}"),
        )
        prev = GENESIS
        when = start + dt.timedelta(seconds=random.randint(0, 3600))
        step = span / per_journal
        with (
            conn.transaction(),
            conn.cursor() as cur,
            cur.copy(f"COPY purdah.records ({cols}) FROM STDIN") as copy,
        ):
            for seq in range(1, per_journal + 1):
                when += step * random.uniform(0.5, 1.5)
                who = f"{random.choice(NAMES)} {random.randint(1, 99999)}"
                text, values = make(seq, utc_stamp(when), who, f"Sgt {random.choice(NAMES)}")
                digest = chain_hash(prev, text)
                copy.write_row([jid, seq, *values, text, prev, digest])
                prev = digest
        print(f"  journal {j + 1}/{journals} loaded", end="\r", file=sys.stderr)
    conn.execute("SET maintenance_work_mem = '512MB'")
    conn.execute(TRIGRAM.encode())
    conn.execute("ANALYZE purdah.records")


def search_as_you_type(conn) -> list[float]:
    """Each keystroke's median, for three words typed letter by letter."""
    every = []
    for word in ("smith", "zoe", "kowalski 4"):
        typed = [word[:i] for i in range(1, len(word) + 1)]
        ms = [median_ms(lambda t=t: search_force(conn, Query(text=t))) for t in typed]
        every += ms
        print(f"search as you type {word!r}: " + ", ".join(f"{m:.1f}" for m in ms) + " ms")
    for typed in ("q", "zz"):  # the worst: too short for the trigram index, and found nowhere
        ms = median_ms(lambda t=typed: search_force(conn, Query(text=t)), runs=3)
        print(
            f"worst keystroke {typed!r} (too short for the index, found in no record): {ms:.0f} ms"
        )
    return every


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--journals", type=int, default=200)
    parser.add_argument("--sync", type=int, default=3000, help="records per sync run")
    parser.add_argument("--verify", type=int, default=10_000, help="records in the journal")
    parser.add_argument("--db", help="a database an earlier run kept (--keep): skip the load")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    gen = pg.started()
    cluster = next(gen)
    pg.prepare_roles(cluster)
    os.environ["PGPASSWORD"] = cluster.password
    db = args.db or pg.new_database(cluster)
    with cluster.connect(db, pg.OWNER) as conn:
        init(conn)
    config = ServerConfig(cluster.conninfo(db, "terminal_a"), cluster.ca, "bench", "Bench", "pc")
    work = Path(tempfile.mkdtemp(prefix="records-server-bench-"))

    if not args.db:  # the server full first: sync and verify are measured against it
        with cluster.connect(db) as conn:
            start = time.perf_counter()
            load(conn, args.journals, args.records // args.journals)
            print(f"\nloaded in {time.perf_counter() - start:.0f} s")
    with cluster.connect(db, "supervisor") as conn:
        total = conn.execute("SELECT count(*) FROM purdah.records").fetchone()[0]
        sample = verify_journal(conn, "00000000-0000-4000-8000-000000000000")
        print(f"server: {total:,} records; a loaded journal verifies: {sample.message()}")
        keys = search_as_you_type(conn)
        print(f"search as you type: median {statistics.median(keys):.1f} ms, worst {max(keys):.1f}")

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
        start = time.perf_counter()
        journal = push(store, conn, config).journal_id
        print(f"sync of {args.verify:,}: {args.verify / (time.perf_counter() - start):,.0f} /s")
    with cluster.connect(db, "supervisor") as conn:
        check = verify_journal(conn, journal)
        assert check.ok and check.checked == args.verify, check.message()
        ms = median_ms(lambda: verify_journal(conn, journal), runs=3)
    print(f"verify --server, one journal of {args.verify:,}: {ms / 1000:.2f} s (median of 3)")
    print(json.dumps({"records": total}), file=sys.stderr)
    if not args.keep:
        pg.drop_database(cluster, db)
    shutil.rmtree(work, ignore_errors=True)
    next(gen, None)


if __name__ == "__main__":
    main()
