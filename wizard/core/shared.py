"""Shared questions: a question several trees ask, defined once in trees/questions/.

A questions file lists definitions (id, text, help, answers with labels, no routes). A tree asks
one with `ask: ID` and only routes its answers; `resolve_tree` (run by the catalog, across files)
gives such a question the definition's text, help and labels, or reports what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from wizard.core.documents import _items
from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.model import Answer, Question, SharedQuestion, Tree
from wizard.core.parsed import ParsedDocuments
from wizard.core.problems import Problem
from wizard.core.schema import Checker, Field, Kind, open_document

FILE_FIELDS = {"questions": Field(Kind.LIST, True, "the shared questions, one '- id:' each")}
DEFINITION_FIELDS = {
    "id": Field(Kind.ID, True, "a short stable name, e.g. on_duty"),
    "text": Field(Kind.TEXT, True, "the question, in plain words"),
    "help": Field(Kind.TEXT, False, "what a term in the question means"),
    "answers": Field(Kind.LIST, True, "two or more answers"),
}
DEFINITION_ANSWER_FIELDS = {
    "id": Field(Kind.ID, True),
    "label": Field(Kind.TEXT, True, "the answer as the user reads it"),
    "explain": Field(Kind.TEXT, False, "a short explanation"),
    # Accepted only to be reported plainly (see _answer): the trees that ask it route answers.
    "next": Field(Kind.ID, False),
    "tree": Field(Kind.ID, False),
}
ROUTES_HINT = (
    "a shared question's answers lead nowhere by themselves: remove it, and route the "
    "answer in each tree that asks the question"
)


def parse_questions(
    data: str | bytes, name: str, parsed: ParsedDocuments | None = None
) -> tuple[list[SharedQuestion] | None, list[Problem]]:
    """The shared questions of one file; None when it has a blocking problem."""
    check, top = open_document(data, name, "a questions file", parsed)
    if top is None:
        return None, check.problems
    f = check.fields(top, FILE_FIELDS, "the questions file")
    found = _items(
        check,
        f.get("questions"),
        "shared question",
        DEFINITION_FIELDS,
        lambda c, m, g, label: _definition(c, m, g, label, name),
    )
    if isinstance(f.get("questions"), MarkedList) and not f["questions"]:
        check.add(
            top.where("questions"),
            "the questions file has no questions",
            "add at least one question, or delete the file",
        )
    _check_unique(
        check,
        [(q.id, q.pos) for q in found],
        "two shared questions with the id",
        "give each shared question its own id",
    )
    return (None if any(p.blocking for p in check.problems) else found), check.problems


def _definition(
    check: Checker, m: MarkedDict, f: dict[str, Any], label: str, name: str
) -> SharedQuestion | None:
    """One definition, with its answers checked: two or more, each id once."""
    answers = _items(
        check, f.get("answers"), "answer", DEFINITION_ANSWER_FIELDS, _answer, f" of {label}"
    )
    if isinstance(f.get("answers"), MarkedList) and len(f["answers"]) < 2:
        check.add(
            m.key_pos.get("answers", m.pos),
            f"{label} has {len(f['answers'])} answer(s); it needs two or more",
            "a question with one answer is not a question",
        )
    _check_unique(
        check,
        [(a.id, a.pos) for a in answers],
        f"{label} has two answers with the id",
        "give each answer its own id",
    )
    if "id" not in f:
        return None
    return SharedQuestion(
        f["id"], f.get("text", ""), tuple(answers), f.get("help", ""), name, m.pos
    )


def _answer(check: Checker, m: MarkedDict, f: dict[str, Any], label: str) -> Answer | None:
    """An answer of a definition: an id, a label and an explanation, and nowhere to lead."""
    for key in ("next", "tree"):
        if key in m:
            check.add(m.key_pos.get(key, m.pos), f"{label} has '{key}:'", ROUTES_HINT)
    return (
        Answer(f["id"], f.get("label", ""), f.get("explain", ""), pos=m.pos) if "id" in f else None
    )


def _check_unique(check: Checker, items: list[tuple[str, Pos]], message: str, hint: str) -> None:
    """Report every id after its first, with the line of the first."""
    seen: dict[str, Pos] = {}
    for item_id, pos in items:
        if item_id in seen:
            check.add(pos, f"{message} '{item_id}' (first on line {seen[item_id].line})", hint)
        seen.setdefault(item_id, pos)


def resolve_tree(tree: Tree, shared: Mapping[str, SharedQuestion]) -> tuple[Tree, list[Problem]]:
    """The tree with each `ask:` question given its definition's words; problems if it cannot."""
    questions: dict[str, Question] = {}
    problems: list[Problem] = []
    for q in tree.questions.values():
        resolved, found = resolve_question(tree.name, q, shared) if q.shared else (q, [])
        questions[q.id] = resolved
        problems += found
    return replace(tree, questions=questions), problems


def resolve_question(
    name: str, q: Question, shared: Mapping[str, SharedQuestion]
) -> tuple[Question, list[Problem]]:
    """A question with `ask:` as its definition words it, routed as the tree routes it."""
    d = shared.get(q.shared)
    if d is None:
        return q, [_unknown(name, q, shared)]
    problems = [_override(name, q, d, answer_id, key, pos) for answer_id, key, pos in q.overrides]
    problems += _routing(name, q, d)
    routes = {a.id: a for a in q.answers}
    answers = tuple(
        replace(routes[a.id], label=a.label, explain=a.explain) for a in d.answers if a.id in routes
    )
    return replace(q, text=d.text, help=d.help, answers=answers, overrides=()), problems


def _unknown(name: str, q: Question, shared: Mapping[str, SharedQuestion]) -> Problem:
    """An `ask:` naming no loaded shared question: the close one, and all there are."""
    import difflib  # only for mistakes

    if not shared:
        hint = (
            "no shared question is loaded: define it in a file in trees/questions/, or fix "
            "the errors of the file that defines it"
        )
    else:
        close = difflib.get_close_matches(q.shared, list(shared), n=1, cutoff=0.5)
        hint = (
            (f"did you mean '{close[0]}'? " if close else "")
            + "the shared questions are: "
            + ", ".join(sorted(shared))
        )
    return Problem(
        name,
        q.ask_pos.line,
        q.ask_pos.column,
        f"question '{q.id}' asks the shared question '{q.shared}', which is not "
        "defined in trees/questions/",
        hint,
    )


def _override(
    name: str, q: Question, d: SharedQuestion, answer_id: str, key: str, pos: Pos
) -> Problem:
    """A text, help, label or explanation written beside `ask:`, which the definition gives."""
    what = f"answer '{answer_id}' of question '{q.id}'" if answer_id else f"question '{q.id}'"
    return Problem(
        name,
        pos.line,
        pos.column,
        f"the '{key}' of {what} comes from the shared question '{d.id}' in {d.name}: remove it",
        f"a question with 'ask:' shows the shared question's words; to change them, "
        f"change {d.name}, which changes every topic that asks '{d.id}'",
    )


def _routing(name: str, q: Question, d: SharedQuestion) -> list[Problem]:
    """An answer of the definition that is not routed, and a routed one it does not have."""
    ids = [a.id for a in d.answers]
    routed = {a.id for a in q.answers}
    out = [
        Problem(
            name,
            q.ask_pos.line,
            q.ask_pos.column,
            f"question '{q.id}' does not route the answer '{missing}' of the shared "
            f"question '{d.id}'",
            f"add '- {{id: {missing}, next: ...}}' under its 'answers:': every answer of "
            f"'{d.id}' (in {d.name}) must lead somewhere",
        )
        for missing in ids
        if missing not in routed
    ]
    for a in q.answers:
        if a.id not in ids:
            import difflib  # only for mistakes: trees that have none load without it

            close = difflib.get_close_matches(a.id, ids, n=1, cutoff=0.5)
            hint = (
                (f"did you mean '{close[0]}'? " if close else "")
                + f"the answers of '{d.id}' are: "
                + ", ".join(ids)
            )
            out.append(
                Problem(
                    name,
                    a.pos.line,
                    a.pos.column,
                    f"answer '{a.id}' of question '{q.id}' is no answer of the "
                    f"shared question '{d.id}'",
                    hint,
                )
            )
    return out
