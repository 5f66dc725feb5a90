"""All loaded trees and sources together, with the checks that span files.

A broken file never stops the others loading: it is left out, and its problems are kept so that
the GUI can list it as unavailable and the validator can print them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from wizard.core.documents import parse_source, parse_tree
from wizard.core.model import Node, Question, Source, Tree
from wizard.core.parsed import ParsedDocuments
from wizard.core.problems import Problem, TreeError

if TYPE_CHECKING:
    from wizard.core.scenarios import Scenario

NodeRef = tuple[str, str]  # (tree id, node id)


class Catalog:
    """Filled in by `load_catalog` and the scenario loader. A plain class, not a dataclass: see
    wizard/core/model.py."""

    def __init__(self) -> None:
        self.trees: dict[str, Tree] = {}
        self.sources: dict[str, Source] = {}
        self.problems: list[Problem] = []
        self.failed: dict[str, list[Problem]] = {}  # file name -> its problems
        # Training scenarios that check clean (see wizard/core/scenarios.py), and those that do
        # not.
        self.scenarios: dict[str, Scenario] = {}
        self.failed_scenarios: dict[str, list[Problem]] = {}

    def __repr__(self) -> str:
        return (f"<Catalog: {len(self.trees)} trees, {len(self.sources)} sources, "
                f"{len(self.problems)} problems, {len(self.scenarios)} scenarios>")

    def tree(self, tree_id: str) -> Tree:
        try:
            return self.trees[tree_id]
        except KeyError:
            known = ", ".join(sorted(self.trees)) or "none"
            raise TreeError(f"no tree with the id '{tree_id}' (loaded: {known})") from None

    def node(self, ref: NodeRef) -> Node:
        node = self.tree(ref[0]).node(ref[1])
        if node is None:
            raise TreeError(f"tree '{ref[0]}' has no question or outcome '{ref[1]}'")
        return node

    def target(self, tree: Tree, answer_next: str | None, answer_tree: str | None) -> NodeRef:
        """Where an answer leads, as (tree id, node id); TreeError if that tree is missing."""
        if answer_tree is None:
            return tree.id, answer_next or ""
        other = self.trees.get(answer_tree)
        if other is None:
            raise TreeError(f"the topic '{answer_tree}' could not be loaded, so this answer "
                            "cannot be followed; ask a supervisor and report the broken tree")
        return other.id, answer_next or other.start

    def sorted_trees(self) -> list[Tree]:
        """Trees in home-screen order."""
        return sorted(self.trees.values(), key=lambda t: (t.order, t.title.lower()))

    def file_problems(self) -> dict[str, list[Problem]]:
        """Every problem, grouped by file, in line order."""
        out: dict[str, list[Problem]] = {}
        for p in sorted(self.problems):
            out.setdefault(p.file, []).append(p)
        return out


def load_catalog(trees: Iterable[tuple[str, bytes]], sources: Iterable[tuple[str, bytes]],
                 parsed: ParsedDocuments | None = None) -> Catalog:
    """Parse every tree and source (name, bytes), then run the checks that span files. Files in
    `parsed` are not parsed again (every check still runs); new clean parses are added to it."""
    cat = Catalog()
    for name, data in sources:
        source, problems = parse_source(data, name, parsed)
        _keep(cat, name, source, problems, cat.sources, "source")
    for name, data in trees:
        tree, problems = parse_tree(data, name, parsed)
        _keep(cat, name, tree, problems, cat.trees, "tree")
    _check_citations(cat)
    _check_links(cat)
    _check_cycles(cat)
    _check_reachable(cat)
    _check_coverage(cat)
    return cat


def _keep(cat: Catalog, name: str, item: Tree | Source | None, problems: list[Problem],
          into: dict, what: str) -> None:
    cat.problems.extend(problems)
    if item is not None and item.id in into:
        other = into[item.id]
        problems = [*problems, Problem(name, item.pos.line if isinstance(item, Tree) else 1, 1,
                                       f"the {what} id '{item.id}' is already used by {other.name}",
                                       f"give each {what} its own id")]
        cat.problems.append(problems[-1])
        item = None
    if item is None:
        cat.failed[name] = problems
    else:
        into[item.id] = item


def _drop(cat: Catalog, tree: Tree, problem: Problem) -> None:
    """Report a blocking problem found across files and take its tree out of use."""
    cat.problems.append(problem)
    if cat.trees.pop(tree.id, None) is not None:
        cat.failed[tree.name] = [p for p in cat.problems if p.file == tree.name]
    else:
        cat.failed.setdefault(tree.name, []).append(problem)


def _check_citations(cat: Catalog) -> None:
    for tree in list(cat.trees.values()):
        source = cat.sources.get(tree.source)
        if source is None:
            known = ", ".join(sorted(cat.sources)) or "none loaded"
            _drop(cat, tree, Problem(tree.name, *_lc(tree.field_pos.get("source", tree.pos)),
                                     f"the source '{tree.source}' is not loaded",
                                     f"name one of: {known}"))
            continue
        for o in tree.outcomes.values():
            for i, clause_id in enumerate(o.cite):
                if clause_id not in source.clauses:
                    pos = o.cite_pos[i] if i < len(o.cite_pos) else o.pos
                    _drop(cat, tree, Problem(
                        tree.name, *_lc(pos),
                        f"outcome '{o.id}' cites '{clause_id}', "
                        f"which is no clause of '{source.id}'",
                        f"see the clause ids in {source.name}"))


def _check_links(cat: Catalog) -> None:
    for tree in list(cat.trees.values()):
        for q in tree.questions.values():
            for a in q.answers:
                if a.tree is None:
                    continue
                other = cat.trees.get(a.tree)
                where = (tree.name, *_lc(a.pos))
                if other is None:
                    # Not blocking: the rest of this tree still works, and the walk says clearly
                    # that this one answer cannot be followed.
                    msg = (f"answer '{a.id}' of '{q.id}' leads to the tree '{a.tree}', "
                           "which is not loaded")
                    cat.problems.append(Problem(*where, msg, "check the tree id, or fix that tree's"
                                                " own errors", blocking=False))
                elif a.next is not None and other.node(a.next) is None:
                    _drop(cat, tree, Problem(*where, f"answer '{a.id}' of '{q.id}' leads to "
                                             f"'{a.next}', which is not in the tree '{a.tree}'",
                                             "check the id under 'next:'"))


def _edges(cat: Catalog, ref: NodeRef) -> list[tuple[NodeRef, Question, int]]:
    """The nodes an existing question leads to, with the answer index, skipping broken links."""
    node = cat.trees[ref[0]].node(ref[1])
    if not isinstance(node, Question):
        return []
    out = []
    for i, a in enumerate(node.answers):
        tree_id = a.tree or ref[0]
        tree = cat.trees.get(tree_id)
        if tree is None:
            continue
        target = (tree_id, a.next or tree.start)
        if tree.node(target[1]) is not None:
            out.append((target, node, i))
    return out


def _check_cycles(cat: Catalog) -> None:
    state: dict[NodeRef, int] = {}  # 1 = on the current path, 2 = done
    for tree in list(cat.trees.values()):
        for node_id in tree.questions:
            _visit(cat, (tree.id, node_id), state)


def _visit(cat: Catalog, start: NodeRef, state: dict[NodeRef, int]) -> None:
    """Depth first from `start`, dropping a tree where an answer loops back onto the path.

    With an explicit stack, not recursion: a tree may be deeper than Python's stack.
    """
    if state.get(start) or start[0] not in cat.trees:
        return
    path: list[NodeRef] = []
    stack: list[tuple[NodeRef, Iterator[tuple[NodeRef, Question, int]]]] = []

    def enter(ref: NodeRef) -> None:
        state[ref] = 1
        path.append(ref)
        stack.append((ref, iter(_edges(cat, ref))))

    enter(start)
    while stack:
        ref, edges = stack[-1]
        for target, q, i in edges:
            if target[0] not in cat.trees:
                continue
            if state.get(target) == 1:
                loop = " → ".join(_name(r, ref[0]) for r in [*path[path.index(target):], target])
                tree = cat.trees[ref[0]]
                _drop(cat, tree, Problem(
                    tree.name, *_lc(q.answers[i].pos),
                    f"answer '{q.answers[i].id}' of '{q.id}' makes a loop: {loop}",
                    "every walk must end at an outcome: point it at a later node"))
            elif not state.get(target):
                enter(target)
                break
        else:
            stack.pop()
            path.pop()
            state[ref] = 2


def _check_reachable(cat: Catalog) -> None:
    seen: set[NodeRef] = set()
    todo = [(t.id, t.start) for t in cat.trees.values()]
    while todo:
        ref = todo.pop()
        if ref in seen or ref[0] not in cat.trees:
            continue
        seen.add(ref)
        todo.extend(target for target, _, _ in _edges(cat, ref))
    for tree in cat.trees.values():
        for node in [*tree.questions.values(), *tree.outcomes.values()]:
            if (tree.id, node.id) not in seen:
                kind = "question" if isinstance(node, Question) else "outcome"
                cat.problems.append(Problem(
                    tree.name, *_lc(node.pos), f"no answer leads to the {kind} '{node.id}'",
                    "link an answer to it with 'next:', or delete it", blocking=False))


def _check_coverage(cat: Catalog) -> None:
    cited = {(t.source, c) for t in cat.trees.values() for o in t.outcomes.values() for c in o.cite}
    for source in cat.sources.values():
        for clause in source.clauses.values():
            if (source.id, clause.id) not in cited:
                cat.problems.append(Problem(
                    source.name, *_lc(clause.pos), f"no outcome cites the clause '{clause.id}'",
                    "every clause of the guidance must be reachable: cite it from an outcome",
                    blocking=False))


def _lc(pos) -> tuple[int, int]:
    return pos.line, pos.column


def _name(ref: NodeRef, home: str) -> str:
    return ref[1] if ref[0] == home else f"{ref[0]}:{ref[1]}"
