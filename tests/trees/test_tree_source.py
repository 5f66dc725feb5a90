"""The guidance is typed in word for word: every clause is a paragraph or bullet of the published
FOI 177A/22 answer, exactly, and every statement of guidance in it is a clause. Only sources of
`kind: guidance` are the force's words; the law source (`kind: law`) summarises, so it is exempt."""

from __future__ import annotations

from pathlib import Path

PUBLISHED = Path(__file__).resolve().parents[1] / "fixtures" / "guidance" / "wmp-foi-177a-22.txt"
SOURCE_ID = "wmp-foi-177a-22"
# Lines of the published page that are not guidance: page furniture, the request, the framing.
NOT_GUIDANCE = {
    "Skip to content",
    "Photos & Political Campaigns (177A/22)",
    "No attachments",
    "These are the guidelines officers and staff should follow:",
}


def published_statements() -> list[str]:
    """The published paragraphs and bullets, bullet marks removed, in order."""
    text = PUBLISHED.read_text(encoding="utf-8")
    lines = [line.strip().removeprefix("• ") for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("The pre-election"))
    return [line for line in lines[start:] if line not in NOT_GUIDANCE]


def test_every_clause_is_a_published_statement_word_for_word(shipped) -> None:
    statements = published_statements()
    guidance = [s for s in shipped.sources.values() if s.kind == "guidance"]
    assert [s.id for s in guidance] == [SOURCE_ID]
    for clause in (c for s in guidance for c in s.clauses.values()):
        assert clause.text in statements, f"clause '{clause.id}' is not verbatim: {clause.text!r}"


def test_the_law_is_a_source_of_its_own_kind_apart_from_the_guidance(shipped) -> None:
    law = shipped.law_source()
    assert law is not None and law.id != SOURCE_ID
    assert set(law.clauses) == {"rpa-s100", "police-regulations-sch1", "lgha-restricted-posts"}


def test_every_published_statement_is_a_clause_in_order(shipped) -> None:
    texts = [c.text for c in shipped.sources[SOURCE_ID].clauses.values()]
    assert texts == published_statements()
    assert len(texts) == 16  # five opening paragraphs, eight bullets, three closing paragraphs


def test_curly_quotes_are_kept_as_published(shipped) -> None:
    clauses = shipped.sources[SOURCE_ID].clauses
    assert "don’t do it" in clauses["if-in-doubt"].text
    assert "‘staged’" in clauses["photos-with-candidates"].text
    assert clauses["criminal-offence"].text.endswith("at an election”.")


def test_the_source_names_the_document(shipped) -> None:
    source = shipped.sources[SOURCE_ID]
    assert source.reference == "FOI 177A/22"
    assert source.publisher == "West Midlands Police"
    assert source.title == "Photos & Political Campaigns"
    assert "pre-election" in source.description and "purdah" in source.description
    assert all(c.heading for c in source.clauses.values())
