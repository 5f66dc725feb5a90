"""An outcome's `reading:` (how the guidance is read here) and `law:` (clauses of the law source,
kept apart from the guidance): what the validator reports, what the walk records, and how the
command line prints them."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.core.helpers import GOOD_TREE, SOURCE, line_of
from wizard.cli.main import main
from wizard.core.catalog import Catalog, load_catalog
from wizard.core.model import Outcome
from wizard.core.paths import format_paths
from wizard.core.problems import Problem
from wizard.core.transcript import Transcript
from wizard.core.walk import Walk
from wizard.export.text import format_transcript

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
READING_LAW = FIXTURES / "reading-law"
OLD_TRANSCRIPT = FIXTURES / "transcripts" / "before-reading-and-law.json"

LAW = textwrap.dedent("""\
    id: law
    kind: law
    title: The law (summarised)
    reference: L/1
    publisher: Parliament
    clauses:
      - id: s100
        heading: Section 100
        text: No member of a police force may persuade any person to vote.
      - id: sch1
        text: A member of a police force must not take an active part in politics.
    """)
READING = "The guidance's 'staff' is read here as everyone who works for the force."
TREE = GOOD_TREE.replace(
    "    cite: [c1]\n", f"    cite: [c1]\n    reading: {READING}\n    law: [s100, sch1]\n"
)
assert TREE != GOOD_TREE


def load(
    *trees: str, sources: tuple[tuple[str, str], ...] = (("src.yaml", SOURCE), ("law.yaml", LAW))
) -> Catalog:
    return load_catalog(
        [(f"tree{i}.yaml", t.encode()) for i, t in enumerate(trees)],
        [(name, text.encode()) for name, text in sources],
    )


def only(cat: Catalog, fragment: str) -> Problem:
    found = [p for p in cat.problems if fragment in p.message]
    assert len(found) == 1, [str(p) for p in cat.problems]
    return found[0]


def test_a_reading_and_law_clauses_load_and_are_walked_into_the_transcript():
    cat = load(TREE)
    assert cat.problems == []
    walk = Walk(cat, "t")
    walk.answer("yes")
    t = walk.transcript()
    assert t.outcome.reading == READING
    assert [c.clause_id for c in t.outcome.law] == ["s100", "sch1"]
    assert t.outcome.law[0].text == "No member of a police force may persuade any person to vote."
    assert t.outcome.law[0].citation == "Parliament, The law (summarised) (L/1)"
    assert [c.clause_id for c in t.outcome.citations] == ["c1"]  # the guidance alone
    assert [(s.id, s.kind) for s in t.sources] == [("src", "guidance"), ("law", "law")]
    assert Transcript.from_json(t.to_json()) == t


def test_an_outcome_without_law_lists_only_the_guidance_as_a_source():
    walk = Walk(load(TREE), "t")
    walk.answer("no")
    t = walk.transcript()
    assert t.outcome.reading == "" and t.outcome.law == ()
    assert [s.id for s in t.sources] == ["src"]


def test_a_reading_longer_than_a_sentence_or_two_is_an_error_at_its_line():
    long = "This reading goes on and on. " * 15
    text = TREE.replace(READING, long.strip())
    cat = load(text)
    p = only(cat, "characters long")
    assert (p.file, p.line) == ("tree0.yaml", line_of(text, "reading:"))
    assert "at most 400" in p.message and "sentence or two" in p.hint
    assert "t" not in cat.trees


def test_a_reading_of_400_characters_is_accepted():
    text = TREE.replace(READING, "x" * 400)
    assert load(text).problems == []


def test_an_unknown_law_clause_is_reported_at_its_line_and_column_and_drops_the_tree():
    text = TREE.replace("law: [s100, sch1]", "law: [s100, s101]")
    cat = load(text)
    p = only(cat, "'s101'")
    assert (p.file, p.line, p.column) == (
        "tree0.yaml",
        line_of(text, "law:"),
        text.splitlines()[p.line - 1].index("s101") + 1,
    )
    assert "no clause of 'law'" in p.message and "law.yaml" in p.hint
    assert "t" not in cat.trees and "tree0.yaml" in cat.failed


def test_law_cited_with_no_law_source_loaded_says_how_to_add_one():
    cat = load(TREE, sources=(("src.yaml", SOURCE),))
    p = only(cat, "no law source is loaded")
    assert p.line == line_of(TREE, "law:") and "kind: law" in p.hint
    assert "t" not in cat.trees


def test_a_law_clause_under_cite_is_pointed_to_law():
    text = TREE.replace("cite: [c1]", "cite: [c1, s100]")
    p = only(load(text), "cites 's100'")
    assert "list it under 'law:'" in p.hint


def test_a_guidance_clause_under_law_is_pointed_to_cite():
    text = TREE.replace("law: [s100, sch1]", "law: [s100, sch1, c2]")
    p = only(load(text), "the law 'c2'")
    assert "list it under 'cite:'" in p.hint


def test_an_unknown_source_kind_is_an_error_at_its_line():
    bad = LAW.replace("kind: law", "kind: statute")
    cat = load(GOOD_TREE, sources=(("src.yaml", SOURCE), ("law.yaml", bad)))
    p = only(cat, "unknown kind 'statute'")
    assert (p.file, p.line) == ("law.yaml", line_of(bad, "kind:"))
    assert "'guidance'" in p.hint and "'law'" in p.hint
    assert "law" not in cat.sources


def test_a_source_without_kind_is_guidance():
    assert load(GOOD_TREE).sources["src"].kind == "guidance"


def test_only_one_law_source_may_be_loaded():
    second = LAW.replace("id: law", "id: law2")
    cat = load(TREE, sources=(("src.yaml", SOURCE), ("law.yaml", LAW), ("law2.yaml", second)))
    p = only(cat, "a second source of kind law")
    assert p.file == "law2.yaml" and "law2" not in cat.sources
    assert "t" in cat.trees


def test_a_tree_cannot_take_the_law_as_its_guidance():
    text = GOOD_TREE.replace("source: src", "source: law")
    cat = load(text)
    p = only(cat, "is the law, not the guidance")
    assert p.line == line_of(text, "source: law")


def test_a_law_clause_nobody_cites_is_a_warning():
    cat = load(TREE.replace("law: [s100, sch1]", "law: [s100]"))
    p = only(cat, "no outcome cites the clause 'sch1'")
    assert p.file == "law.yaml" and not p.blocking and "'law:'" in p.hint
    assert "t" in cat.trees


def test_outcomes_are_still_built_by_position():
    o = Outcome("o", "do_not", "Title", "Advice.", ("c1",))
    assert (o.reading, o.law) == ("", ())


def test_paths_shows_the_law_apart_and_the_reading_under_the_outcome():
    text = format_paths(load(TREE), "t")
    assert f"  => Fine  (cites: c1; law: s100, sch1)\n     reading: {READING}\n" in text
    assert text.endswith("  => Not allowed  (cites: c2)\n")


def test_the_text_report_has_the_reading_and_the_law_under_their_headings():
    walk = Walk(load(TREE), "t")
    walk.answer("yes")
    text = format_transcript(walk.transcript())
    reading = text.index("How the guidance is read here:")
    guidance = text.index("The guidance says:")
    law = text.index("The law:")
    assert reading < guidance < law
    assert "is read here as everyone" in text[reading:guidance]
    assert "Clause one." in text[guidance:law] and "vote" not in text[guidance:law]
    assert "“No member of a police force may persuade any person to vote.”" in text[law:]
    assert "(Parliament, The law (summarised) (L/1), clause s100)" in text[law:]


def test_run_json_carries_the_reading_and_the_law(capsys):
    code = main(["--trees", str(READING_LAW), "run", "leaflets", "-a", "role=officer", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["outcome"]["reading"].startswith("The guidance's 'staff' is read here")
    assert [c["clause_id"] for c in out["outcome"]["law"]] == ["rpa-s100", "regs-politics"]
    assert out["sources"][-1]["kind"] == "law"


def test_a_transcript_saved_before_reading_and_law_existed_still_loads():
    data = json.loads(OLD_TRANSCRIPT.read_text(encoding="utf-8"))
    assert "reading" not in data["outcome"] and "law" not in data["outcome"]
    t = Transcript.from_dict(data)
    assert t.outcome.reading == "" and t.outcome.law == ()
    assert [s.kind for s in t.sources] == ["guidance"]
    assert [c.clause_id for c in t.outcome.citations] == ["doubt", "staged"]
    text = format_transcript(t)
    assert "How the guidance is read here" not in text and "The law" not in text
