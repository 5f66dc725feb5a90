"""Generate a large, valid decision tree (YAML) and its source, for the load benchmarks."""

from __future__ import annotations

CLAUSES = 20


def source_yaml() -> str:
    lines = [
        "id: bench-guidance",
        "title: Generated guidance",
        "reference: BENCH 1/26",
        "publisher: Bench Constabulary",
        "clauses:",
    ]
    for c in range(CLAUSES):
        lines += [
            f"  - id: clause-{c}",
            f"    heading: Clause {c}",
            f"    text: >-\n      Generated clause {c}. Officers must remain impartial and "
            "must not be seen to support any candidate or party during the period.",
        ]
    return "\n".join(lines) + "\n"


def tree_yaml(nodes: int = 10_000, shape: str = "binary") -> str:
    """A tree of about `nodes` questions and outcomes.

    binary: each question has two answers, the tree branches evenly (depth ~log2(nodes)).
    chain: each question leads to the next question or to an outcome (depth ~nodes/2).
    """
    questions = (nodes - 1) // 2
    outcome_ids: list[str] = []
    q_lines: list[str] = []
    for q in range(questions):
        targets = [2 * q + 1, 2 * q + 2] if shape == "binary" else [q + 1, questions + q]
        answers = []
        for n, t in enumerate(targets):
            target = f"q{t}" if t < questions else f"o{t - questions}"
            if t >= questions:
                outcome_ids.append(target)
            answers.append(
                f"      - id: a{n}\n        label: Answer {n} to question {q}\n"
                + (f"        explain: Choose this when the situation is case {n}.\n" if n else "")
                + f"        next: {target}"
            )
        help_line = (
            f"    help: >-\n      Question {q} asks about the situation in plain "
            "words; a staged photo is one posed for the camera.\n"
            if q % 3 == 0
            else ""
        )
        q_lines.append(
            f"  - id: q{q}\n    text: Is condition number {q} true of what you are "
            f"asked to do?\n{help_line}    answers:\n" + "\n".join(answers)
        )
    o_lines = []
    for i, oid in enumerate(dict.fromkeys(outcome_ids)):
        verdict = ("acceptable", "do_not", "speak_to_supervisor")[i % 3]
        o_lines.append(
            f"  - id: {oid}\n    verdict: {verdict}\n    title: Outcome {oid}\n"
            f"    advice: >-\n      What to do now for {oid}, in plain words, with a "
            f"reminder to stay impartial.\n    cite: [clause-{i % CLAUSES}]"
        )
    head = [
        "id: bench",
        "title: Generated benchmark tree",
        "summary: A large generated tree.",
        'version: "1.0"',
        "effective: 2026-01-01",
        "source: bench-guidance",
        "keywords: [bench, generated]",
        "questions:",
    ]
    return "\n".join([*head, *q_lines, "outcomes:", *o_lines]) + "\n"


def count_nodes(text: str) -> int:
    return sum(line.startswith("  - id: ") for line in text.splitlines())
