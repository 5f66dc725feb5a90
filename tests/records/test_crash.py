"""A writer killed with SIGKILL at random moments loses no record whose save had returned.

A child process saves records in a loop and prints each id and hash once `add` has returned;
the test kills it at a random moment, 30 times over, then checks that every record reported is
present with the same hash, that SQLite's integrity check passes and that the chain verifies.
(SIGKILL ends the process, not the machine: the operating system still writes what it was
given. It shows that no save is half-done or lost by the program; power loss is SQLite's
synchronous=FULL promise, not something a unit test can pull the plug on.)
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.records.kit import transcript
from wizard.records.store import RecordStore
from wizard.records.verify import verify

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

ROOT = Path(__file__).resolve().parent.parent.parent
RUNS = 30

CHILD = """
import sys
from pathlib import Path
from wizard.core.transcript import Transcript
from wizard.records.model import Record
from wizard.records.store import RecordStore

path, walk, run = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
record = Record(supervisor_name="Sgt Crash", advised_name="PC Test", advice="Keep going.",
                situation="run " + run, transcript=Transcript.from_json(walk.read_text()))
store = RecordStore(path)
print("ready", flush=True)
while True:
    saved = store.add(record)
    print(saved.id, saved.hash, flush=True)
"""


def run_and_kill(path: Path, walk: Path, run: int, rng: random.Random) -> dict[int, str]:
    """Start a writer, kill it at a random moment; return the (id -> hash) it reported saved."""
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(walk), str(run)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))  # the random moment is the point of this test
        os.kill(child.pid, signal.SIGKILL)
        out = child.stdout.read()
    assert child.returncode == -signal.SIGKILL
    saved = {}
    for line in out.splitlines(keepends=True):
        if line.endswith("\n"):  # a line cut short by the kill names no id for certain
            record_id, hash_ = line.split()
            saved[int(record_id)] = hash_
    return saved


@pytest.mark.slow
def test_no_saved_record_is_lost_when_the_writer_is_killed(tmp_path):
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    path = tmp_path / "records.sqlite3"
    walk = tmp_path / "walk.json"
    walk.write_text(transcript("do_not").to_json(), encoding="utf-8")
    reported: dict[int, str] = {}
    for run in range(RUNS):
        reported.update(run_and_kill(path, walk, run, rng))
    assert len(reported) > RUNS, f"too few saves to prove anything (seed {seed})"
    with RecordStore(path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for record_id, hash_ in reported.items():
            assert store.get(record_id).hash == hash_, f"record {record_id} (seed {seed})"
        result = verify(store)
        assert result.ok, f"{result.message()} (seed {seed})"
        assert result.checked >= max(reported)
