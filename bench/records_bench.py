"""How fast the advice records open and search with 100,000 records (run by hand).

    python bench/records_bench.py [--records 100000] [--file out/bench/records.sqlite3]

The file is made once (through the real RecordStore, with fsync off only while filling it, and
dates spread over the three years before now) and reused by later runs. Each timing is the
median of several runs; the target is < 100 ms each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard.core.paths import all_paths  # noqa: E402
from wizard.core.walk import Walk  # noqa: E402
from wizard.library.folder import load_folder  # noqa: E402
from wizard.records.model import Record, cited_guidance, utc_stamp  # noqa: E402
from wizard.records.search import Query, count, search  # noqa: E402
from wizard.records.store import RecordStore  # noqa: E402
from wizard.records.verify import verify  # noqa: E402

FIRST = [
    "John",
    "Ann",
    "Priya",
    "Tomasz",
    "Grace",
    "Mohammed",
    "Siobhan",
    "Wei",
    "Kofi",
    "Elin",
    "Hannah",
    "Oliver",
    "Aisha",
    "Dylan",
    "Niamh",
    "Raj",
    "Chloe",
    "Ewan",
    "Fatima",
    "Liam",
]
LAST = [
    "Smith",
    "Jones",
    "Patel",
    "Nowak",
    "Okafor",
    "Evans",
    "Khan",
    "Murphy",
    "Chen",
    "Price",
    "Davies",
    "Hughes",
    "Ali",
    "Walsh",
    "Roberts",
    "Begum",
    "Taylor",
    "Lewis",
    "Ahmed",
    "Kaur",
]
ROLES = ["PC", "PCSO", "Police staff", "Special constable", "DC", "Sergeant", "PCC office staff"]
SITUATIONS = [
    "A candidate asked for a photo with officers at the {place}.",
    "Asked to share a party's post about the {place} on the team's account.",
    "A councillor standing for re-election wants to join the patrol near the {place}.",
    "Invited to speak at a hustings held at the {place}.",
    "A resident asked how to vote while officers were at the {place}.",
    "Wants to deliver leaflets for a friend's campaign near the {place}, off duty.",
]
PLACES = [
    "fete",
    "market",
    "school gate",
    "mosque",
    "community centre",
    "station open day",
    "football ground",
    "high street",
    "library",
    "church hall",
]
ADVICE = [
    "Politely decline the photo.",
    "Do not share it; refer to Corporate Communications.",
    "Carry on: general filming is acceptable.",
    "Speak to the Chief Inspector first.",
    "Off duty and not in uniform: that is allowed for staff, not for officers.",
    "Do not attend in uniform.",
]


def example_transcripts() -> list:
    """A transcript for every path through the shipped trees (or the test trees)."""
    for folder in (ROOT / "trees", ROOT / "tests" / "fixtures" / "trees"):
        cat = load_folder(folder)
        found = []
        for tree_id in cat.trees:
            for path in all_paths(cat, tree_id):
                if path.outcome is None:
                    continue
                walk = Walk(cat, tree_id)
                for step in path.steps:
                    walk.answer(step.answer.id)
                found.append(walk.transcript())
        if found:
            return found
    raise SystemExit("no tree loads; cannot make records")


def fill(path: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    walks = example_transcripts()
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=3 * 365)
    step = dt.timedelta(days=3 * 365) / n

    def at(record: Record, i: int) -> Callable:
        return lambda conn, next_id, now: replace(
            record, id=next_id, created_at=utc_stamp(start + i * step)
        )

    with RecordStore(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")  # filling only: a real save syncs
        have = store.count()
        for i in range(have, n):
            t = rng.choice(walks)
            record = Record(
                supervisor_name=f"Sgt {rng.choice(FIRST)} {rng.choice(LAST)}",
                supervisor_number=str(rng.randrange(1000, 9999)),
                advised_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                advised_role=rng.choice(ROLES),
                advised_number=str(rng.randrange(1000, 99999)),
                situation=rng.choice(SITUATIONS).format(place=rng.choice(PLACES)),
                advice=rng.choice(ADVICE),
                transcript=t,
                powers_and_policy=cited_guidance(t),
            )
            saved = store.append(at(record, i))
            if rng.random() < 0.01:  # one in a hundred is corrected later
                store.append(
                    at(
                        saved.amended(
                            advised_number=str(rng.randrange(1000, 99999)),
                            amendment_reason="number mistyped",
                            made_by="Insp Black",
                        ),
                        i,
                    )
                )
            if i % 10000 == 0:
                print(f"  filling: {i}/{n}", file=sys.stderr)


def median_ms(fn: Callable[[], object], repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_page(path: Path) -> None:
    with RecordStore(path) as store:
        search(store, Query())


def window_timings(path: Path) -> list[tuple[str, float]]:
    """The records window, offscreen: opening it, and a keystroke's search (the count of what
    matches follows on a thread of its own, not timed here)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from wizard.gui.records_window import RecordsWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(path.parent / "bench-settings.ini"), QSettings.Format.IniFormat)
    catalog = load_folder(ROOT / "trees")

    def open_window() -> None:
        window = RecordsWindow(path, settings, catalog, verify_on_open=False)
        window.shutdown()
        window.deleteLater()
        app.processEvents()

    out = [("open the records window (first page, topics)", median_ms(open_window))]
    window = RecordsWindow(path, settings, catalog, verify_on_open=False)
    for text in ("s", "sm", "smi", "smit", "smith", "zq", "okafor"):

        def keystroke(text: str = text) -> None:
            window.search.setText(text)
            window.apply_filters()

        out.append((f"window: search as typed {text!r} (first page)", median_ms(keystroke)))
    start = time.perf_counter()
    with RecordStore(path) as store:
        result = verify(store)
    print(
        f"verify (in the background when the window opens): "
        f"{time.perf_counter() - start:.1f} s for {result.checked} records, ok={result.ok}"
    )
    window.shutdown()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--file", type=Path, default=ROOT / "out" / "bench" / "records.sqlite3")
    args = parser.parse_args()
    start = time.perf_counter()
    fill(args.file, args.records)
    print(f"file ready in {time.perf_counter() - start:.0f} s: {args.file}")

    rows: list[tuple[str, float]] = []
    rows.append(
        (
            "open the file and read the first page (newest 200)",
            median_ms(lambda: first_page(args.file)),
        )
    )
    with RecordStore(args.file) as store:
        n = store.count()
        print(f"{n} records (fts5: {store.has_fts})")
        today = dt.date.today()
        typed = "smith"
        for i in range(1, len(typed) + 1):  # each keystroke, as typed
            q = Query(text=typed[:i])
            rows.append(
                (
                    f"search as you type {typed[:i]!r}: first page",
                    median_ms(lambda q=q: search(store, q)),
                )
            )
        for text in (
            "okafor",
            "4521",
            "hustings",
            "zzzz",
            "an",
            "zq",
            "ann smith",
            "leaflets kaur",
        ):
            q = Query(text=text)
            rows.append((f"search {text!r}: first page", median_ms(lambda q=q: search(store, q))))
        for label, q in (
            ("verdict filter", Query(verdict="do_not")),
            (
                "topic + text",
                Query(
                    text="patel",
                    tree_id=store.conn.execute("SELECT tree_id FROM records LIMIT 1").fetchone()[0],
                ),
            ),
            ("this year", Query(date_from=today - dt.timedelta(days=365))),
            (
                "a day two years ago",
                Query(
                    date_from=today - dt.timedelta(days=730), date_to=today - dt.timedelta(days=730)
                ),
            ),
            (
                "a month two years ago + 'smith'",
                Query(
                    text="smith",
                    date_from=today - dt.timedelta(days=760),
                    date_to=today - dt.timedelta(days=730),
                ),
            ),
            (
                "a day two years ago + 'do_not'",
                Query(
                    verdict="do_not",
                    date_from=today - dt.timedelta(days=730),
                    date_to=today - dt.timedelta(days=730),
                ),
            ),
        ):
            rows.append((f"{label}: first page", median_ms(lambda q=q: search(store, q))))
        rows.append(("count all (status line)", median_ms(lambda: count(store, Query()))))
        rows.append(("count 'smith'", median_ms(lambda: count(store, Query(text="smith")))))
        last = search(store, Query())[-1].id
        rows.append(
            ("next page (fetchMore)", median_ms(lambda: search(store, Query(), before=last)))
        )
    rows += window_timings(args.file)
    width = max(len(label) for label, _ in rows)
    for label, ms in rows:
        flag = "" if ms < 100 else "  <-- over 100 ms"
        print(f"{label:<{width}}  {ms:8.1f} ms{flag}")


if __name__ == "__main__":
    main()
