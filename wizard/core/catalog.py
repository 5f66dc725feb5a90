"""All loaded trees and sources together, with the checks that span files.

A broken file never stops the others loading: it is left out, and its problems are kept so that
the GUI can list it as unavailable and the validator can print them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from wizard.core.documents import parse_source, parse_tree
from wizard.core.marked import Pos
from wizard.core.model import Node, Outcome, Question, SharedQuestion, Source, Tree
from wizard.core.parsed import ParsedDocuments
from wizard.core.periods import Calendar, parse_calendar
from wizard.core.problems import Problem, TreeError
from wizard.core.shared import parse_questions, resolve_tree

if TYPE_CHECKING:
    from wizard.core.scenarios import Scenario

NodeRef = tuple[str, str]  # (tree id, node id)


class Catalog:
    """Filled in by `load_catalog` and the scenario loader. A plain class, not a dataclass: see
    wizard/core/model.py."""

    def __init__(self) -> None:
        self.trees: dict[str, Tree] = {}
        self.sources: dict[str, Source] = {}
        self.questions: dict[str, SharedQuestion] = {}  # shared questions (trees/questions/)
        self.problems: list[Problem] = []
        self.failed: dict[str, list[Problem]] = {}  # file name -> its problems
        # Training scenarios that check clean (see wizard/core/scenarios.py), and those that do
        # not.
        self.scenarios: dict[str, Scenario] = {}
        self.failed_scenarios: dict[str, list[Problem]] = {}
        # The calendar of elections (trees/calendar.yaml), if there is one and it checks clean;
        # its file's name either way, so a broken calendar never vetoes the trees.
        self.calendar: Calendar | None = None
        self.calendar_file = ""

    def __repr__(self) -> str:
        return (
            f"<Catalog: {len(self.trees)} trees, {len(self.sources)} sources, "
            f"{len(self.problems)} problems, {len(self.scenarios)} scenarios>"
        )

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
            raise TreeError(
                f"the topic '{answer_tree}' could not be loaded, so this answer "
                "cannot be followed; ask a supervisor and report the broken tree"
            )
        return other.id, answer_next or other.start

    def law_source(self) -> Source | None:
        """The loaded source of kind law (at most one is kept), or None."""
        return next((s for s in self.sources.values() if s.kind == "law"), None)

    def sorted_trees(self) -> list[Tree]:
        """Trees in home-screen order."""
        return sorted(self.trees.values(), key=lambda t: (t.order, t.title.lower()))


def load_catalog(
    trees: Iterable[tuple[str, bytes]],
    sources: Iterable[tuple[str, bytes]],
    parsed: ParsedDocuments | None = None,
    questions: Iterable[tuple[str, bytes]] = (),
    calendar: tuple[str, bytes] | None = None,
) -> Catalog:
    """Parse every tree, source and shared-questions file (name, bytes), and the calendar, then
    run the checks that span files. Files in `parsed` are not parsed again (every check still
    runs); new clean parses are added to it."""
    cat = Catalog()
    if calendar is not None:
        cat.calendar_file = calendar[0]
        cat.calendar, problems = parse_calendar(calendar[1], calendar[0], parsed)
        cat.problems.extend(problems)
    for name, data in questions:
        found, problems = parse_questions(data, name, parsed)
        _keep_questions(cat, name, found, problems)
    for name, data in sources:
        source, problems = parse_source(data, name, parsed)
        _keep(cat, name, source, problems, cat.sources, "source")
    _check_one_law(cat)
    for name, data in trees:
        tree, problems = parse_tree(data, name, parsed)
        _keep(cat, name, tree, problems, cat.trees, "tree")
    _resolve_shared(cat)
    _check_citations(cat)
    _check_law(cat)
    _check_links(cat)
    _check_cycles(cat)
    _check_reachable(cat)
    _check_coverage(cat)
    return cat


def _keep(
    cat: Catalog,
    name: str,
    item: Tree | Source | None,
    problems: list[Problem],
    into: dict[str, Any],
    what: str,
) -> None:
    cat.problems.extend(problems)
    if item is not None and item.id in into:
        other = into[item.id]
        problems = [
            *problems,
            Problem(
                name,
                item.pos.line if isinstance(item, Tree) else 1,
                1,
                f"the {what} id '{item.id}' is already used by {other.name}",
                f"give each {what} its own id",
            ),
        ]
        cat.problems.append(problems[-1])
        item = None
    if item is None:
        cat.failed[name] = problems
    else:
        into[item.id] = item


def _keep_questions(
    cat: Catalog, name: str, found: list[SharedQuestion] | None, problems: list[Problem]
) -> None:
    """Add one file's shared questions; the whole file is left out if it has a blocking problem
    or defines an id another file already does."""
    for q in found or ():
        if q.id in cat.questions:
            problems = [
                *problems,
                Problem(
                    name,
                    q.pos.line,
                    q.pos.column,
                    f"the shared question '{q.id}' is already "
                    f"defined in {cat.questions[q.id].name}",
                    "give each shared question its own id, or delete one of the two",
                ),
            ]
    cat.problems.extend(problems)
    if found is None or any(p.blocking for p in problems):
        cat.failed[name] = problems
        return
    cat.questions.update((q.id, q) for q in found)


def _resolve_shared(cat: Catalog) -> None:
    """Give each question with `ask:` its shared question's words; drop a tree that misuses one."""
    for tree in list(cat.trees.values()):
        resolved, problems = resolve_tree(tree, cat.questions)
        for problem in problems:
            _drop(cat, tree, problem)
        if not problems:
            cat.trees[tree.id] = resolved


def _drop(cat: Catalog, tree: Tree, problem: Problem) -> None:
    """Report a blocking problem found across files and take its tree out of use."""
    cat.problems.append(problem)
    if cat.trees.pop(tree.id, None) is not None:
        cat.failed[tree.name] = [p for p in cat.problems if p.file == tree.name]
    else:
        cat.failed.setdefault(tree.name, []).append(problem)


def _check_one_law(cat: Catalog) -> None:
    """Keep the first source of kind law; a second one is reported and left out."""
    laws = [s for s in cat.sources.values() if s.kind == "law"]
    for extra in laws[1:]:
        problem = Problem(
            extra.name,
            1,
            1,
            f"a second source of kind law, '{extra.id}' (the "
            f"law is already '{laws[0].id}' in {laws[0].name})",
            "keep the law in one source file: move its clauses there",
        )
        cat.problems.append(problem)
        del cat.sources[extra.id]
        cat.failed.setdefault(extra.name, []).append(problem)


def _check_citations(cat: Catalog) -> None:
    for tree in list(cat.trees.values()):
        source = cat.sources.get(tree.source)
        where = _lc(tree.field_pos.get("source", tree.pos))
        if source is None:
            known = ", ".join(sorted(s.id for s in cat.sources.values() if s.kind != "law"))
            _drop(
                cat,
                tree,
                Problem(
                    tree.name,
                    *where,
                    f"the source '{tree.source}' is not loaded",
                    f"name one of: {known or 'none loaded'}",
                ),
            )
            continue
        if source.kind == "law":
            _drop(
                cat,
                tree,
                Problem(
                    tree.name,
                    *where,
                    f"the source '{tree.source}' is the law, not the guidance",
                    "name the guidance under 'source:'; cite the law from outcomes under 'law:'",
                ),
            )
            continue
        for o in tree.outcomes.values():
            for i, clause_id in enumerate(o.cite):
                if clause_id not in source.clauses:
                    _drop(
                        cat,
                        tree,
                        Problem(
                            tree.name,
                            *_lc(_at(o.cite_pos, i, o.pos)),
                            f"outcome '{o.id}' cites '{clause_id}', "
                            f"which is no clause of '{source.id}'",
                            _cite_hint(cat, clause_id, source),
                        ),
                    )


def _cite_hint(cat: Catalog, clause_id: str, source: Source) -> str:
    law = cat.law_source()
    if law is not None and clause_id in law.clauses:
        return f"'{clause_id}' is a clause of the law: list it under 'law:', not 'cite:'"
    return f"see the clause ids in {source.name}"


def _check_law(cat: Catalog) -> None:
    """Every `law:` of every outcome names a clause of the loaded law source."""
    law = cat.law_source()
    for tree in list(cat.trees.values()):
        for o in tree.outcomes.values():
            if o.law and law is None:
                _drop(
                    cat,
                    tree,
                    Problem(
                        tree.name,
                        *_lc(_at(o.law_pos, 0, o.pos)),
                        f"outcome '{o.id}' cites the law ('{o.law[0]}'), but no law source is loaded",
                        "add the law as a file in sources/ with 'kind: law', or remove 'law:'",
                    ),
                )
                continue
            for i, clause_id in enumerate(o.law):
                if law is not None and clause_id not in law.clauses:
                    _drop(
                        cat,
                        tree,
                        Problem(
                            tree.name,
                            *_lc(_at(o.law_pos, i, o.pos)),
                            f"outcome '{o.id}' cites the law '{clause_id}', "
                            f"which is no clause of '{law.id}'",
                            _law_hint(cat, tree, clause_id, law),
                        ),
                    )


def _law_hint(cat: Catalog, tree: Tree, clause_id: str, law: Source) -> str:
    guidance = cat.sources.get(tree.source)
    if guidance is not None and clause_id in guidance.clauses:
        return f"'{clause_id}' is a clause of the guidance: list it under 'cite:', not 'law:'"
    return f"see the clause ids in {law.name}"


def _at(positions: tuple[Pos, ...], i: int, fallback: Pos) -> Pos:
    return positions[i] if i < len(positions) else fallback


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
                    msg = (
                        f"answer '{a.id}' of '{q.id}' leads to the tree '{a.tree}', "
                        "which is not loaded"
                    )
                    cat.problems.append(
                        Problem(
                            *where,
                            msg,
                            "check the tree id, or fix that tree's own errors",
                            blocking=False,
                        )
                    )
                elif a.next is not None and other.node(a.next) is None:
                    _drop(
                        cat,
                        tree,
                        Problem(
                            *where,
                            f"answer '{a.id}' of '{q.id}' leads to "
                            f"'{a.next}', which is not in the tree '{a.tree}'",
                            "check the id under 'next:'",
                        ),
                    )


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
                loop = " → ".join(_name(r, ref[0]) for r in [*path[path.index(target) :], target])
                tree = cat.trees[ref[0]]
                _drop(
                    cat,
                    tree,
                    Problem(
                        tree.name,
                        *_lc(q.answers[i].pos),
                        f"answer '{q.answers[i].id}' of '{q.id}' makes a loop: {loop}",
                        "every walk must end at an outcome: point it at a later node",
                    ),
                )
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
        nodes: list[Question | Outcome] = [*tree.questions.values(), *tree.outcomes.values()]
        for node in nodes:
            if (tree.id, node.id) not in seen:
                kind = "question" if isinstance(node, Question) else "outcome"
                cat.problems.append(
                    Problem(
                        tree.name,
                        *_lc(node.pos),
                        f"no answer leads to the {kind} '{node.id}'",
                        "link an answer to it with 'next:', or delete it",
                        blocking=False,
                    )
                )


def _check_coverage(cat: Catalog) -> None:
    law = cat.law_source()
    outcomes = [(t, o) for t in cat.trees.values() for o in t.outcomes.values()]
    cited = {(t.source, c) for t, o in outcomes for c in o.cite}
    if law is not None:
        cited |= {(law.id, c) for _, o in outcomes for c in o.law}
    for source in cat.sources.values():
        hint = (
            "every clause of the law must be cited: cite it from an outcome under 'law:'"
            if source.kind == "law"
            else "every clause of the guidance must be reachable: cite it from an outcome"
        )
        for clause in source.clauses.values():
            if (source.id, clause.id) not in cited:
                cat.problems.append(
                    Problem(
                        source.name,
                        *_lc(clause.pos),
                        f"no outcome cites the clause '{clause.id}'",
                        hint,
                        blocking=False,
                    )
                )


def _lc(pos: Pos) -> tuple[int, int]:
    return pos.line, pos.column


def _name(ref: NodeRef, home: str) -> str:
    return ref[1] if ref[0] == home else f"{ref[0]}:{ref[1]}"
