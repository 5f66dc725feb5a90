"""Every path through a tree, so that a reviewer can read all that a tree can say; and what can
be known of the paths without listing them, from the map of questions and answers (a graph with
no loops), since the paths of a tree can number millions where its answers number dozens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.model import Answer, Outcome, Question
from wizard.core.problems import Problem, TreeError
from wizard.core.verdicts import VERDICTS

PATHS_REVIEWABLE = 1_000  # `validate` warns of a tree with more paths than a reviewer can read
PATHS_SHOWN = 5_000  # `paths` lists at most this many paths of a tree, and says so


@dataclass(frozen=True)
class PathStep:
    tree_id: str
    question: Question
    answer: Answer


@dataclass(frozen=True)
class TreePath:
    steps: tuple[PathStep, ...]
    tree_id: str  # where the outcome is
    outcome: Outcome | None  # None when an answer leads into a tree that is not loaded
    broken: str = ""  # why the path stops short


def all_paths(catalog: Catalog, tree_id: str, limit: int | None = None) -> list[TreePath]:
    """Every path (or the first `limit`), depth first in the order the answers are written."""
    return list(islice(iter_paths(catalog, tree_id), limit))


def iter_paths(catalog: Catalog, tree_id: str) -> Iterator[TreePath]:
    """The paths one at a time, depth first, in the order the answers are written. Trees are
    acyclic (the validator drops any tree with a loop), so this ends. An explicit stack, not
    recursion: a tree may be deeper than Python's stack."""
    tree = catalog.tree(tree_id)
    # each item: a node still to expand with the steps that reach it, or a finished broken path
    todo: list[tuple[NodeRef, tuple[PathStep, ...]] | TreePath] = [((tree.id, tree.start), ())]
    while todo:
        item = todo.pop()
        if isinstance(item, TreePath):
            yield item
            continue
        ref, so_far = item
        node = catalog.node(ref)
        if isinstance(node, Outcome):
            yield TreePath(so_far, ref[0], node)
            continue
        here = catalog.tree(ref[0])
        for a in reversed(node.answers):
            step = (*so_far, PathStep(ref[0], node, a))
            try:
                todo.append((catalog.target(here, a.next, a.tree), step))
            except TreeError as exc:
                todo.append(TreePath(step, ref[0], None, str(exc)))


def _leads(catalog: Catalog, ref: NodeRef) -> list[tuple[Answer, NodeRef | None, str]]:
    """Where each answer of the node at `ref` leads: (answer, target, "") or, for an answer that
    cannot be followed, (answer, None, why). An outcome leads nowhere."""
    node = catalog.node(ref)
    if not isinstance(node, Question):
        return []
    here = catalog.tree(ref[0])
    out: list[tuple[Answer, NodeRef | None, str]] = []
    for a in node.answers:
        try:
            target = catalog.target(here, a.next, a.tree)
            catalog.node(target)
        except TreeError as exc:
            out.append((a, None, str(exc)))
        else:
            out.append((a, target, ""))
    return out


def _after_order(catalog: Catalog, start: NodeRef) -> list[NodeRef]:
    """The nodes reachable from `start`, each after every node it leads to, each once."""
    order: list[NodeRef] = []
    seen = {start}
    stack = [(start, iter(_leads(catalog, start)))]
    while stack:
        ref, leads = stack[-1]
        for _, target, _ in leads:
            if target is not None and target not in seen:
                seen.add(target)
                stack.append((target, iter(_leads(catalog, target))))
                break
        else:
            stack.pop()
            order.append(ref)
    return order


def count_paths(catalog: Catalog, tree_id: str) -> int:
    """How many paths `all_paths` lists, counted on the map (each node once), however many."""
    tree = catalog.tree(tree_id)
    counts: dict[NodeRef, int] = {}
    for ref in _after_order(catalog, (tree.id, tree.start)):
        leads = _leads(catalog, ref)
        counts[ref] = sum(counts.get(t, 1) if t else 1 for _, t, _ in leads) if leads else 1
    return counts[(tree.id, tree.start)]


def longest_path(catalog: Catalog, tree_id: str) -> TreePath:
    """A path with the most questions, found on the map (the longest path of a graph with no
    loops), not by listing them."""
    tree = catalog.tree(tree_id)
    best: dict[NodeRef, tuple[int, int]] = {}  # node -> (questions to the end, answer index)
    for ref in _after_order(catalog, (tree.id, tree.start)):
        lengths = [
            (best[t][0] + 1 if t in best else 1, i)
            for i, (_, t, _) in enumerate(_leads(catalog, ref))
        ]
        best[ref] = max(lengths, key=lambda li: (li[0], -li[1])) if lengths else (0, -1)
    return _follow(catalog, (tree.id, tree.start), (), lambda ref: best[ref][1])


def _follow(
    catalog: Catalog, ref: NodeRef, steps: tuple[PathStep, ...], choose: Callable[[NodeRef], int]
) -> TreePath:
    """The path from `ref` (reached by `steps`) taking at each question the answer `choose`
    names by index, to an outcome or an answer that cannot be followed."""
    while True:
        node = catalog.node(ref)
        if isinstance(node, Outcome):
            return TreePath(steps, ref[0], node)
        answer, target, why = _leads(catalog, ref)[choose(ref)]
        steps = (*steps, PathStep(ref[0], node, answer))
        if target is None:
            return TreePath(steps, ref[0], None, why)
        ref = target


def covering_paths(
    catalog: Catalog, tree_id: str, covered: set[tuple[NodeRef, str]]
) -> list[TreePath]:
    """Paths from the tree's start that between them take every answer reachable from it that is
    not yet in `covered` (question, answer id); `covered` gains every answer they take. A few
    paths per answer, never one per path: what the self-test walks."""
    tree = catalog.tree(tree_id)
    start = (tree.id, tree.start)
    reach = _reach(catalog, start)
    out: list[TreePath] = []
    for ref in reach:
        for i, (answer, _, _) in enumerate(_leads(catalog, ref)):
            if (ref, answer.id) in covered:
                continue
            path = _follow(catalog, start, (), _route(reach, ref, i))
            covered.update(((s.tree_id, s.question.id), s.answer.id) for s in path.steps)
            out.append(path)
    return out


def _reach(catalog: Catalog, start: NodeRef) -> dict[NodeRef, tuple[NodeRef, int] | None]:
    """Each question reachable from `start`, breadth first, with the question and answer index
    that first reach it (None for the start): the shortest way to each."""
    reach: dict[NodeRef, tuple[NodeRef, int] | None] = {start: None}
    todo = [start]
    for ref in todo:
        for i, (_, target, _) in enumerate(_leads(catalog, ref)):
            if (
                target is not None
                and target not in reach
                and isinstance(catalog.node(target), Question)
            ):
                reach[target] = (ref, i)
                todo.append(target)
    return {ref: via for ref, via in reach.items() if isinstance(catalog.node(ref), Question)}


def _route(
    reach: dict[NodeRef, tuple[NodeRef, int] | None], ref: NodeRef, index: int
) -> Callable[[NodeRef], int]:
    """A chooser for `_follow`: the shortest way to `ref`, its answer `index`, then the first."""
    chosen = {ref: index}
    via = reach[ref]
    while via is not None:
        chosen[via[0]] = via[1]
        via = reach[via[0]]
    return lambda at: chosen.get(at, 0)


def path_warning(
    catalog: Catalog, tree_id: str, reviewable: int = PATHS_REVIEWABLE
) -> Problem | None:
    """A warning (not an error) for a tree with more paths than anyone can review, or None."""
    count = count_paths(catalog, tree_id)
    if count <= reviewable:
        return None
    tree = catalog.tree(tree_id)
    return Problem(
        tree.name,
        tree.pos.line or 1,
        tree.pos.column or 1,
        f"the tree '{tree.id}' has {count:,} paths from its start, more than anyone "
        f"can review (this warning starts past {reviewable:,}); `paths` lists only "
        f"the first {PATHS_SHOWN:,}",
        "answers that all lead on to the same next question multiply the paths: ask "
        "such questions only where they change the outcome, or split the topic",
        blocking=False,
    )


def format_paths(catalog: Catalog, tree_id: str, shown: int = PATHS_SHOWN) -> str:
    """A readable listing of every path (at most `shown`, saying so); committed as a snapshot
    and reviewed as policy."""
    tree = catalog.tree(tree_id)
    total = count_paths(catalog, tree_id)
    lines = [f"# {tree.id}: {tree.title} (version {tree.version}, {total} paths)"]
    if total > shown:
        lines[0] = f"# {tree.id}: {tree.title} (version {tree.version}, {total:,} paths)"
        lines.append(
            f"# only the first {shown:,} of {total:,} paths are listed: more than anyone can review"
        )
    lines.append("")
    for n, p in enumerate(iter_paths(catalog, tree_id), 1):
        if n > shown:
            lines.append(f"... {total - shown:,} more paths not listed")
            break
        lines += _path_lines(n, p, tree.id)
    return "\n".join(lines)


def _path_lines(n: int, p: TreePath, home: str) -> list[str]:
    """One path as listed: its verdict or why it stops short, its answers, its outcome."""
    if p.outcome is None:
        lines = [f"path {n}: BROKEN: {p.broken}"]
    else:
        v = VERDICTS[p.outcome.verdict]
        lines = [f"path {n}: {v.label.upper()} [{p.tree_id}:{p.outcome.id}]"]
    for s in p.steps:
        where = "" if s.tree_id == home else f"{s.tree_id}:"
        lines.append(
            f"  {where}{s.question.id}={s.answer.id}  {s.question.text} → {s.answer.label}"
        )
    if p.outcome is not None:
        lines += _outcome_lines(p.outcome)
    lines.append("")
    return lines


def _outcome_lines(o: Outcome) -> list[str]:
    """The outcome's title and citations (the law apart from the guidance), then its reading."""
    law = f"; law: {', '.join(o.law)}" if o.law else ""
    lines = [f"  => {o.title}  (cites: {', '.join(o.cite)}{law})"]
    if o.reading:
        lines.append(f"     reading: {o.reading}")
    return lines
