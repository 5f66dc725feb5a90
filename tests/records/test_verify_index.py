"""`verify` checks the search index against the records and the file with SQLite's own
integrity check (issue 18, item 6): a record hidden from search, a false entry that makes a search
find a record that does not say it, or a damaged page all fail the check."""

from __future__ import annotations

import pytest

from tests.records.kit import filled_store, raw, sql, tamper
from wizard.cli.main import main
from wizard.records import datadir
from wizard.records.store import RecordStore
from wizard.records.verify import verify


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    store = filled_store(datadir.records_path(tmp_path / "data"), 5)
    if not store.has_fts:
        pytest.skip("this SQLite has no FTS5")
    store.close()
    return tmp_path / "data"


def path_of(data):
    return datadir.records_path(data)


def records(data, *args: str) -> int:
    return main(["records", "--data-dir", str(data), *args])


def listed_ids(data, capsys, *args: str) -> list[int]:
    capsys.readouterr()
    assert records(data, "list", *args) == 0
    return [int(line.split()[0]) for line in capsys.readouterr().out.splitlines()]


def fts_columns(path) -> list[str]:
    return [row[1] for row in sql(path, "PRAGMA table_info(records_fts)")]


def fts_write(path, command: str, rowid: int, values: list[str]) -> None:
    """Write to the index alone, as the FTS5 documentation shows: 'delete' or a new entry."""
    cols = fts_columns(path)
    if command == "delete":
        tamper(
            path,
            f"INSERT INTO records_fts(records_fts, rowid, {', '.join(cols)}) "
            f"VALUES ('delete', ?, {', '.join('?' * len(cols))})",
            (rowid, *values),
        )
    else:
        tamper(
            path,
            f"INSERT INTO records_fts(rowid, {', '.join(cols)}) "
            f"VALUES (?, {', '.join('?' * len(cols))})",
            (rowid, *values),
        )


def indexed_values(path, rowid: int) -> list[str]:
    cols = fts_columns(path)
    [row] = sql(path, f"SELECT {', '.join(cols)} FROM records WHERE id = ?", (rowid,))
    return list(row)


def check(data):
    with RecordStore(path_of(data)) as store:
        return verify(store)


def test_a_clean_file_passes_both_checks(data):
    assert check(data).ok


def test_a_record_removed_from_the_search_index_is_named(data, capsys):
    path = path_of(data)
    assert 3 in listed_ids(data, capsys, "--search", "Person 3")
    fts_write(path, "delete", 3, indexed_values(path, 3))
    assert 3 not in listed_ids(data, capsys, "--search", "Person 3")  # hidden from search
    result = check(data)
    assert not result.ok and result.first_bad == 3 and "search index" in result.problem
    assert records(data, "verify") == 1
    assert capsys.readouterr().out.startswith("Record 3 does not match")


def test_a_false_entry_in_the_search_index_is_named(data, capsys):
    path = path_of(data)
    assert listed_ids(data, capsys, "--search", "Zebedee") == []
    values = indexed_values(path, 2)
    fts_write(path, "insert", 2, [v + " zebedee" if v else v for v in values])
    assert listed_ids(data, capsys, "--search", "Zebedee") == [2]  # found, though it never said it
    result = check(data)
    assert result.first_bad == 2 and "search index" in result.problem


def test_an_index_entry_for_no_record_fails_the_check(data, capsys):
    fts_write(path_of(data), "insert", 99, ["zebedee"] * len(fts_columns(path_of(data))))
    result = check(data)
    assert not result.ok and "search index" in result.message()
    assert records(data, "verify") == 1


def flip_in_index_page(path, index: str) -> None:
    """Change one digit of a time stored in an index's page, leaving the table's rows alone."""
    [(page_size,)] = sql(path, "PRAGMA page_size")
    [(root,)] = sql(path, "SELECT rootpage FROM sqlite_master WHERE name = ?", (index,))
    with raw(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = slice((root - 1) * page_size, root * page_size)
    at = bytes(data[page]).index(b"2026-") + 3
    data[page.start + at] ^= 0x01  # "2026" -> "2027"
    path.write_bytes(bytes(data))


def test_a_damaged_page_that_the_chain_does_not_read_fails_the_check(data, capsys):
    path = path_of(data)
    flip_in_index_page(path, "records_created")
    assert [r[0] for r in sql(path, "PRAGMA integrity_check")] != ["ok"]
    result = check(data)
    assert not result.ok and result.first_bad is None
    assert "damaged" in result.message() and "integrity" in result.message()
    assert records(data, "verify") == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "damaged" in captured.out
