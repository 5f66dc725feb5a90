"""Make a large made-up tree (YAML text) for layout tests and for looking at a big map."""

from __future__ import annotations

import random

from wizard.core.verdicts import VERDICTS

WORDS = (
    "candidate",
    "photo",
    "uniform",
    "leaflet",
    "meeting",
    "social media",
    "poster",
    "duty",
    "station",
    "hustings",
    "petition",
    "canvasser",
    "badge",
    "rally",
    "statement",
    "press",
)


def big_tree_yaml(
    questions: int = 24, outcomes: int = 36, seed: int = 7, link_tree: str | None = "photos"
) -> str:
    """A tree of `questions + outcomes` nodes, every one reachable, where answers share targets
    (so arrows cross and run over several rows) and, if asked, one answer leads into another
    tree. Citations use the example guidance's clauses."""
    rng = random.Random(seed)
    slots: dict[int, list[str]] = {i: [] for i in range(questions)}
    for j in range(1, questions):  # a spanning tree of questions, so every one is reached
        slots[(j - 1) // 2].append(f"q{j}")
    outs = [f"o{k}" for k in range(outcomes)]
    pending = list(outs)
    for i in range(questions):
        while len(slots[i]) < 3:
            if pending:
                slots[i].append(pending.pop(0))
            elif i + 1 < questions and rng.random() < 0.4:
                slots[i].append(f"q{rng.randrange(i + 1, questions)}")
            else:
                slots[i].append(rng.choice(outs))
    while pending:  # more outcomes than slots: give the last questions a fourth answer
        slots[questions - 1 - len(pending) % questions].append(pending.pop(0))
    if link_tree:
        slots[questions - 1].append("")
    lines = [
        "id: big",
        "title: A big made-up tree for the map",
        "summary: Many questions.",
        'version: "1.0"',
        "effective: 2026-02-01",
        "source: example-guidance",
        "questions:",
    ]
    for i in range(questions):
        topic = WORDS[i % len(WORDS)]
        text = (
            f"Is the {topic} (question {i}) part of what you are asked to do, on duty or off it?"
            if i % 3 == 0
            else f"Question {i} about the {topic}?"
        )
        lines += [f"  - id: q{i}", f"    text: {text}", "    answers:"]
        for n, target in enumerate(slots[i]):
            label = ["Yes", "No", "I'm not sure", "Only sometimes", "Something else"][n]
            lines += [f"      - id: a{n}", f'        label: "{label}"']
            if not target:
                lines.append(f"        tree: {link_tree}")
            else:
                lines.append(f"        next: {target}")
    lines.append("outcomes:")
    verdicts = list(VERDICTS)
    for k in range(outcomes):
        lines += [
            f"  - id: o{k}",
            f"    verdict: {verdicts[k % len(verdicts)]}",
            f"    title: Outcome {k} for the {WORDS[k % len(WORDS)]}",
            "    advice: Do what the guidance says.",
            "    cite: [doubt]",
        ]
    return "\n".join(lines) + "\n"


def chain_tree_yaml(questions: int = 18) -> str:
    """A valid tree of `questions` two-answer questions where both answers of each lead to the
    next one, so it has 2**questions paths but only 2 * questions answers (issue 18, item 9).
    It cites the clauses c1 and c2 of tests.core.helpers.SOURCE."""
    lines = [
        "id: chain",
        "title: A long chain of questions",
        "summary: Many paths.",
        'version: "1.0"',
        "effective: 2026-01-01",
        "source: src",
        "questions:",
    ]
    for i in range(questions):
        nexts = [f"q{i + 1}"] * 2 if i + 1 < questions else ["o1", "o2"]
        lines += [f"  - id: q{i}", f"    text: Question {i}?", "    answers:"]
        for answer, target in zip(("a", "b"), nexts, strict=True):
            lines += [
                f"      - id: {answer}",
                f"        label: Answer {answer}",
                f"        next: {target}",
            ]
    lines += [
        "outcomes:",
        "  - {id: o1, verdict: acceptable, title: Fine, advice: Go ahead., cite: [c1]}",
        "  - {id: o2, verdict: do_not, title: Not allowed, advice: Don't., cite: [c2]}",
    ]
    return "\n".join(lines) + "\n"
