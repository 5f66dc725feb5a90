"""Turn the YAML of a tree file or a source file into the model, reporting every problem in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.model import Answer, Clause, Outcome, Question, Source, Tree
from wizard.core.parsed import ParsedDocuments, sha256_of
from wizard.core.problems import Problem
from wizard.core.schema import Checker, Field, Kind, open_document
from wizard.core.verdicts import VERDICTS

TREE_FIELDS = {
    "id": Field(Kind.ID, True, "a short stable name, e.g. photos"),
    "title": Field(Kind.TEXT, True, "the topic as a user would name it"),
    "summary": Field(Kind.TEXT, True, "one line on what the tree answers"),
    "version": Field(Kind.TEXT, True, 'e.g. "1.0", in quotes'),
    "effective": Field(Kind.DATE, True, "the date it takes effect, e.g. 2024-05-02"),
    "source": Field(Kind.ID, True, "the id of the guidance document it quotes"),
    "start": Field(Kind.ID, False, "the first question; by default the first one listed"),
    "keywords": Field(Kind.TEXT_LIST, False, "words a user might search for"),
    "order": Field(Kind.NUMBER, False, "where the topic stands on the home screen"),
    "questions": Field(Kind.LIST, True, "the questions"),
    "outcomes": Field(Kind.LIST, True, "the outcomes"),
}
QUESTION_FIELDS = {
    "id": Field(Kind.ID, True),
    "ask": Field(Kind.ID, False, "the id of a shared question in trees/questions/"),
    # Needed unless the question has `ask:` (see _question): it then comes from the definition.
    "text": Field(Kind.TEXT, False, "the question, in plain words"),
    "help": Field(Kind.TEXT, False, "what a term in the question means"),
    "answers": Field(Kind.LIST, True, "two or more answers"),
}
ANSWER_FIELDS = {
    "id": Field(Kind.ID, True),
    "label": Field(Kind.TEXT, True, "the answer as the user reads it"),
    "explain": Field(Kind.TEXT, False, "a short explanation"),
    "next": Field(Kind.ID, False, "the id of the question or outcome it leads to"),
    "tree": Field(Kind.ID, False, "another tree it leads into"),
}
# The answers of a question with `ask:`: the label comes from the shared question.
ROUTE_FIELDS = {**ANSWER_FIELDS, "label": Field(Kind.TEXT, False)}
# What `ask:` takes from the definition: of the question, and of each answer.
SHARED_QUESTION_TEXT, SHARED_ANSWER_TEXT = ("text", "help"), ("label", "explain")
OUTCOME_FIELDS = {
    "id": Field(Kind.ID, True),
    "verdict": Field(Kind.ID, True, "one of: " + ", ".join(VERDICTS)),
    "title": Field(Kind.TEXT, True, "what the user may or may not do, in a few words"),
    "advice": Field(Kind.TEXT, True, "what to do now, in plain words"),
    "cite": Field(Kind.ID_LIST, True, "the ids of the clauses it rests on"),
    "reading": Field(Kind.TEXT, False, "how the guidance is read here, and why"),
    "law": Field(Kind.ID_LIST, False, "the ids of the clauses of the law source it rests on"),
}
READING_MAX = 400  # characters: a sentence or two
SOURCE_KINDS = ("guidance", "law")
SOURCE_FIELDS = {
    "id": Field(Kind.ID, True, "a short stable name"),
    "title": Field(Kind.TEXT, True),
    "reference": Field(Kind.TEXT, True, "e.g. FOI 177A/22"),
    "publisher": Field(Kind.TEXT, True),
    "date": Field(Kind.DATE, False),
    "description": Field(Kind.TEXT, False),
    "url": Field(Kind.TEXT, False),
    "kind": Field(Kind.ID, False, "guidance (the default) or law"),
    "clauses": Field(Kind.LIST, True, "the guidance, one clause per statement"),
}
CLAUSE_FIELDS = {
    "id": Field(Kind.ID, True),
    "heading": Field(Kind.TEXT, False, "a few words naming the clause"),
    "text": Field(Kind.TEXT, True, "the guidance, word for word"),
}


def parse_tree(
    data: str | bytes, name: str, parsed: ParsedDocuments | None = None
) -> tuple[Tree | None, list[Problem]]:
    """Build a Tree from one file's bytes; None when it cannot be walked safely. `parsed`: files
    parsed before (see open_document)."""
    check, top = open_document(data, name, "a tree file", parsed)
    if top is None:
        return None, check.problems
    f = check.fields(top, TREE_FIELDS, "the tree")
    questions = _items(check, f.get("questions"), "question", QUESTION_FIELDS, _question)
    outcomes = _items(check, f.get("outcomes"), "outcome", OUTCOME_FIELDS, _outcome)
    _check_ids(check, [*questions, *outcomes])
    if isinstance(f.get("questions"), MarkedList) and not f["questions"]:
        check.add(top.where("questions"), "the tree has no questions", "add at least one question")
    start = f.get("start") or (questions[0].id if questions else "")
    tree = Tree(
        id=f.get("id", ""),
        title=f.get("title", ""),
        summary=f.get("summary", ""),
        version=f.get("version", ""),
        effective=f.get("effective", ""),
        source=f.get("source", ""),
        start=start,
        keywords=f.get("keywords", ()),
        order=f.get("order", 100),
        questions=_first_by_id(questions),
        outcomes=_first_by_id(outcomes),
        name=name,
        sha256=sha256_of(data),
        pos=top.pos,
        field_pos={k: top.where(k) for k in top},
    )
    _check_local_links(check, tree)
    return (None if any(p.blocking for p in check.problems) else tree), check.problems


def _first_by_id(items: list[Any]) -> dict[str, Any]:
    """Items by id in file order; of two with one id (already reported) the first wins."""
    out: dict[str, Any] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def _items(
    check: Checker,
    seq: object,
    what: str,
    spec: dict[str, Field],
    build: Callable[[Checker, MarkedDict, dict[str, Any], str], Any],
    within: str = "",
) -> list[Any]:
    """Build each mapping of a list with `build`; `within` names the parent in messages."""
    if not isinstance(seq, MarkedList):
        return []
    out = []
    for i, raw in enumerate(seq):
        m = check.mapping(raw, seq.where(i), f"{what} {i + 1}{within}")
        if m is None:
            continue
        name = f"'{m['id']}'" if isinstance(m.get("id"), str) else str(i + 1)
        label = f"{what} {name}{within}"
        item = build(check, m, check.fields(m, spec, label), label)
        if item is not None:
            out.append(item)
    return out


def _question(check: Checker, m: MarkedDict, f: dict[str, Any], label: str) -> Question | None:
    asks = "ask" in m
    spec = ROUTE_FIELDS if asks else ANSWER_FIELDS
    answers = _items(check, f.get("answers"), "answer", spec, _answer, f" of {label}")
    if not asks and m.get("text") is None:
        check.add(
            m.pos,
            f"{label} has no 'text'",
            "add 'text:' (the question, in plain words), "
            "or 'ask:' with the id of a shared question in trees/questions/",
        )
    if not asks and isinstance(f.get("answers"), MarkedList) and len(f["answers"]) < 2:
        count = len(f["answers"])
        check.add(
            m.key_pos.get("answers", m.pos),
            f"{label} has {count} answer(s); it needs two or more",
            "a question with one answer is not a question: link straight to the next node",
        )
    seen: dict[str, Pos] = {}
    for a in answers:
        if a.id in seen:
            check.add(
                a.pos,
                f"{label} has two answers with the id '{a.id}' (first on line {seen[a.id].line})",
                "give each answer its own id",
            )
        seen.setdefault(a.id, a.pos)
    if "id" not in f:
        return None
    return Question(
        f["id"],
        f.get("text", ""),
        tuple(answers),
        f.get("help", ""),
        m.pos,
        f.get("ask", ""),
        m.where("ask"),
        _overrides(m),
    )


def _overrides(m: MarkedDict) -> tuple[tuple[str, str, Pos], ...]:
    """With `ask:`, the text, help, labels and explanations written anyway: (answer id or "",
    field, where). The catalog reports them, naming the file of the shared question."""
    if "ask" not in m:
        return ()
    out = [("", k, m.key_pos.get(k, m.pos)) for k in SHARED_QUESTION_TEXT if k in m]
    answers = m.get("answers")
    for a in answers if isinstance(answers, MarkedList) else ():
        if isinstance(a, MarkedDict):
            out += [
                (str(a.get("id", "")), k, a.key_pos.get(k, a.pos))
                for k in SHARED_ANSWER_TEXT
                if k in a
            ]
    return tuple(out)


def _answer(check: Checker, m: MarkedDict, f: dict[str, Any], label: str) -> Answer | None:
    if "next" not in f and "tree" not in f:
        check.add(
            m.pos,
            f"{label} leads nowhere",
            "add 'next:' with a question or outcome id, or 'tree:' with another tree's id",
        )
    if "id" not in f:
        return None
    return Answer(
        f["id"], f.get("label", ""), f.get("explain", ""), f.get("next"), f.get("tree"), m.pos
    )


def _outcome(check: Checker, m: MarkedDict, f: dict[str, Any], label: str) -> Outcome | None:
    v = f.get("verdict")
    if v is not None and v not in VERDICTS:
        check.add(
            m.where("verdict"),
            f"{label} has the unknown verdict '{v}'",
            "use one of: " + ", ".join(VERDICTS),
        )
    cite = f.get("cite", ())
    if "cite" in f and not cite:
        check.add(
            m.where("cite"),
            f"{label} cites no clause",
            "every outcome must quote the guidance it rests on: list clause ids under 'cite:'",
        )
    reading = _reading(check, m, f, label)
    law = _law(check, m, f, label)
    if "id" not in f:
        return None
    return Outcome(
        f["id"],
        v or "",
        f.get("title", ""),
        f.get("advice", ""),
        tuple(cite),
        m.pos,
        _item_pos(m, "cite"),
        reading,
        law,
        _item_pos(m, "law"),
    )


def _item_pos(m: MarkedDict, key: str) -> tuple[Pos, ...]:
    """Where each item of the list under `key` is written; () if it is not a list."""
    raw = m.get(key)
    return tuple(raw.where(i) for i in range(len(raw))) if isinstance(raw, MarkedList) else ()


def _reading(check: Checker, m: MarkedDict, f: dict[str, Any], label: str) -> str:
    """The outcome's `reading:`, reported when it is longer than a sentence or two."""
    reading = " ".join(str(f.get("reading", "")).split())
    if len(reading) > READING_MAX:
        check.add(
            m.where("reading"),
            f"the reading of {label} is {len(reading)} characters long; "
            f"at most {READING_MAX} fit under the verdict",
            "say in a sentence or two how the guidance is read here and why; put longer "
            "reasoning in trees/READINGS.md",
        )
    return reading


def _law(check: Checker, m: MarkedDict, f: dict[str, Any], label: str) -> tuple[str, ...]:
    """The outcome's `law:` clause ids; an empty list is reported, as it cites nothing."""
    law = tuple(f.get("law", ()))
    if "law" in f and not law:
        check.add(
            m.where("law"),
            f"{label} has an empty 'law:' list",
            "list the ids of clauses of the law source, or remove 'law:'",
            blocking=False,
        )
    return law


def _check_ids(check: Checker, nodes: list[Any]) -> None:
    seen: dict[str, Pos] = {}
    for n in nodes:
        if n.id in seen:
            check.add(
                n.pos,
                f"the id '{n.id}' is used twice (first on line {seen[n.id].line})",
                "questions and outcomes of one tree each need their own id",
            )
        seen.setdefault(n.id, n.pos)


def _check_local_links(check: Checker, tree: Tree) -> None:
    if tree.questions and tree.start not in tree.questions:
        check.add(
            tree.field_pos.get("start", tree.pos),
            f"the start '{tree.start}' is not a question of this tree",
            "name one of its question ids under 'start:'",
        )
    for q in tree.questions.values():
        for a in q.answers:
            if a.tree is None and a.next is not None and tree.node(a.next) is None:
                check.add(
                    a.pos,
                    f"answer '{a.id}' of question '{q.id}' leads to '{a.next}', "
                    "which is no question or outcome of this tree",
                    _suggest(a.next, tree),
                )


def _suggest(node_id: str, tree: Tree) -> str:
    import difflib  # only for mistakes: loading trees that have none does without it

    ids = [*tree.questions, *tree.outcomes]
    close = difflib.get_close_matches(node_id, ids, n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else "check the spelling of the id under 'next:'"


def parse_source(
    data: str | bytes, name: str, parsed: ParsedDocuments | None = None
) -> tuple[Source | None, list[Problem]]:
    """Build a Source (the guidance as clauses) from one file's bytes."""
    check, top = open_document(data, name, "a source file", parsed)
    if top is None:
        return None, check.problems
    f = check.fields(top, SOURCE_FIELDS, "the source")
    clauses = _items(
        check,
        f.get("clauses"),
        "clause",
        CLAUSE_FIELDS,
        lambda c, m, g, label: (
            Clause(g["id"], g.get("text", ""), g.get("heading", ""), m.pos) if "id" in g else None
        ),
    )
    _check_ids(check, clauses)
    kind = f.get("kind", "guidance")
    if kind not in SOURCE_KINDS:
        check.add(
            top.where("kind"),
            f"the source has the unknown kind '{kind}'",
            "use 'guidance' for the force's own words (the default) or 'law' for the law "
            "behind them",
        )
    if any(p.blocking for p in check.problems):
        return None, check.problems
    source = Source(
        f["id"],
        f["title"],
        f["reference"],
        f["publisher"],
        f.get("date", ""),
        f.get("description", ""),
        _first_by_id(clauses),
        name,
        sha256_of(data),
        f.get("url", ""),
        kind,
    )
    return source, check.problems
