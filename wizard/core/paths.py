"""Every path through a tree, so that a reviewer can read all that a tree can say."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.model import Answer, Outcome, Question
from wizard.core.problems import TreeError
from wizard.core.verdicts import VERDICTS


@dataclass(frozen=True)
class PathStep:
    tree_id: str
    question: Question
    answer: Answer


@dataclass(frozen=True)
class Path:
    steps: tuple[PathStep, ...]
    tree_id: str  # where the outcome is
    outcome: Outcome | None  # None when an answer leads into a tree that is not loaded
    broken: str = ""  # why the path stops short


def all_paths(catalog: Catalog, tree_id: str) -> list[Path]:
    """Depth first, in the order the answers are written. Trees are acyclic (the validator
    drops any tree with a loop), so this ends. An explicit stack, not recursion: a tree may be
    deeper than Python's stack."""
    tree = catalog.tree(tree_id)
    out: list[Path] = []
    # each item: a node still to expand with the steps that reach it, or a finished broken path
    todo: list[tuple[NodeRef, tuple[PathStep, ...]] | Path] = [((tree.id, tree.start), ())]
    while todo:
        item = todo.pop()
        if isinstance(item, Path):
            out.append(item)
            continue
        ref, so_far = item
        node = catalog.node(ref)
        if isinstance(node, Outcome):
            out.append(Path(so_far, ref[0], node))
            continue
        here = catalog.tree(ref[0])
        for a in reversed(node.answers):
            step = (*so_far, PathStep(ref[0], node, a))
            try:
                todo.append((catalog.target(here, a.next, a.tree), step))
            except TreeError as exc:
                todo.append(Path(step, ref[0], None, str(exc)))
    return out


def format_paths(catalog: Catalog, tree_id: str) -> str:
    """A readable listing of every path; committed as a snapshot and reviewed as policy."""
    tree = catalog.tree(tree_id)
    paths = all_paths(catalog, tree_id)
    lines = [f"# {tree.id}: {tree.title} (version {tree.version}, {len(paths)} paths)", ""]
    for n, p in enumerate(paths, 1):
        if p.outcome is None:
            lines.append(f"path {n}: BROKEN: {p.broken}")
        else:
            v = VERDICTS[p.outcome.verdict]
            lines.append(f"path {n}: {v.label.upper()} [{p.tree_id}:{p.outcome.id}]")
        for s in p.steps:
            where = "" if s.tree_id == tree.id else f"{s.tree_id}:"
            lines.append(f"  {where}{s.question.id}={s.answer.id}  "
                         f"{s.question.text} → {s.answer.label}")
        if p.outcome is not None:
            lines += _outcome_lines(p.outcome)
        lines.append("")
    return "\n".join(lines)


def _outcome_lines(o: Outcome) -> list[str]:
    """The outcome's title and citations (the law apart from the guidance), then its reading."""
    law = f"; law: {', '.join(o.law)}" if o.law else ""
    lines = [f"  => {o.title}  (cites: {', '.join(o.cite)}{law})"]
    if o.reading:
        lines.append(f"     reading: {o.reading}")
    return lines
