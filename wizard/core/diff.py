"""What a new release of the trees changes, compared with the last: by topic, the questions,
answers, outcomes and quoted clauses added, removed or reworded, and above all every situation
whose verdict changed.

A situation is a set of answers by question id. Both releases are walked together with the same
answers (wizard/core/situations.py): on the map of both, so that a tree of millions of paths is
compared in the time its answers take, and only the situations that changed are listed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from wizard.core.catalog import Catalog
from wizard.core.model import Answer, Clause, Outcome, Question, SharedQuestion, Source, Tree
from wizard.core.situations import End, Situation, compare_walks
from wizard.core.transcript import OUTCOME_QUOTES, OUTCOME_TEXTS
from wizard.core.verdicts import VERDICTS

LIMIT = 200  # situations listed per topic and kind; the rest are counted


@dataclass(frozen=True)
class Change:
    """One thing added, removed or changed: `what` (question, answer, outcome, clause, topic,
    shared question), `kind` (added, removed, reworded, rerouted, verdict, cites), its id."""

    what: str
    kind: str
    id: str
    old: str = ""
    new: str = ""
    detail: str = ""


@dataclass(frozen=True)
class ClauseChange:
    """A clause of the guidance or the law added, removed or reworded, and who quotes it."""

    kind: str
    id: str  # source:clause
    old: str
    new: str
    quoted_by: tuple[str, ...]  # tree:outcome, in the new trees (the old for a removed clause)


@dataclass
class TopicDiff:
    """One topic (tree) in both releases: what changed in it, and the situations that did."""

    tree_id: str
    title: str
    status: str  # same, changed, added, removed
    old_version: str = ""
    new_version: str = ""
    same_file: bool = False  # the tree file's SHA-256 is unchanged
    changes: list[Change] = field(default_factory=list)
    changed: list[Situation] = field(default_factory=list)  # verdict changed
    unanswerable: list[Situation] = field(default_factory=list)  # the new trees cannot answer
    added: list[Situation] = field(default_factory=list)  # the old trees could not answer
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class ReleaseDiff:
    topics: list[TopicDiff]
    guidance: list[ClauseChange]
    shared: list[Change]

    @property
    def verdicts_changed(self) -> int:
        """Situations, counted per topic they start in, whose verdict differs."""
        return sum(t.counts.get("changed", 0) for t in self.topics)

    @property
    def unanswerable(self) -> int:
        return sum(t.counts.get("unanswerable", 0) for t in self.topics)

    def to_dict(self) -> dict[str, Any]:
        topics = []
        for t in self.topics:
            d = asdict(t)
            for kind in ("changed", "unanswerable", "added"):
                d[kind] = [s.to_dict() for s in getattr(t, kind)]
            topics.append(d)
        return {
            "verdicts_changed": self.verdicts_changed,
            "unanswerable": self.unanswerable,
            "topics": topics,
            "guidance": [asdict(c) for c in self.guidance],
            "shared_questions": [asdict(c) for c in self.shared],
        }


def diff_catalogs(old: Catalog, new: Catalog, limit: int = LIMIT) -> ReleaseDiff:
    """Compare two loaded releases; at most `limit` situations of each kind listed per topic."""
    guidance = _clause_changes(old, new)
    topics = []
    for tree_id in _topic_order(old, new):
        topics.append(_topic(old, new, tree_id, guidance, limit))
    return ReleaseDiff(topics, guidance, _shared_changes(old, new))


def _topic_order(old: Catalog, new: Catalog) -> list[str]:
    """Topics in the new home-screen order, then those removed."""
    ids = [t.id for t in new.sorted_trees()]
    return ids + [t.id for t in old.sorted_trees() if t.id not in new.trees]


def _topic(
    old: Catalog, new: Catalog, tree_id: str, guidance: list[ClauseChange], limit: int
) -> TopicDiff:
    a, b = old.trees.get(tree_id), new.trees.get(tree_id)
    if a is None or b is None:
        tree = b or a
        assert tree is not None
        status = "added" if a is None else "removed"
        return TopicDiff(
            tree_id,
            tree.title,
            status,
            a.version if a else "",
            b.version if b else "",
            changes=_whole_tree(tree, status),
        )
    result = TopicDiff(tree_id, b.title, "same", a.version, b.version, a.sha256 == b.sha256)
    result.changes = [*_tree_changes(a, b), *_quoted_changes(old, new, a, b, guidance)]
    walks = compare_walks(old, new, tree_id, limit)
    result.changed, result.unanswerable, result.added = (
        walks.changed,
        walks.unanswerable,
        walks.added,
    )
    result.counts = walks.counts
    if (
        result.changes
        or not result.same_file
        or any(walks.counts[k] for k in ("changed", "unanswerable", "added", "outcome_changed"))
    ):
        result.status = "changed"
    return result


def _whole_tree(tree: Tree, kind: str) -> list[Change]:
    """Every question and outcome of a topic added or removed whole."""
    out = [Change("question", kind, q.id, new=q.text) for q in tree.questions.values()]
    out += [
        Change("outcome", kind, o.id, new=_verdict(o.verdict), detail=o.title)
        for o in tree.outcomes.values()
    ]
    return out


def _tree_changes(a: Tree, b: Tree) -> list[Change]:
    """Changes of the topic's own fields, questions, answers and outcomes."""
    out = [
        Change("topic", "reworded", name, getattr(a, name), getattr(b, name))
        for name in ("title", "summary", "effective", "source", "start")
        if getattr(a, name) != getattr(b, name)
    ]
    out += _added_removed("question", a.questions, b.questions, lambda q: q.text)
    for qid in a.questions.keys() & b.questions.keys():
        out += _question_changes(a.questions[qid], b.questions[qid])
    out += _added_removed(
        "outcome", a.outcomes, b.outcomes, lambda o: f"{_verdict(o.verdict)}: {o.title}"
    )
    for oid in a.outcomes.keys() & b.outcomes.keys():
        out += _outcome_changes(a.outcomes[oid], b.outcomes[oid])
    return sorted(out, key=_change_order)


_WHAT_ORDER = ("topic", "question", "answer", "outcome", "quoted clause")


def _change_order(c: Change) -> tuple[int, str, str]:
    return _WHAT_ORDER.index(c.what), c.id, c.kind


def _added_removed(
    what: str, old: Mapping[str, Any], new: Mapping[str, Any], words: Callable[[Any], str]
) -> list[Change]:
    out = [Change(what, "added", k, new=words(new[k])) for k in new if k not in old]
    return out + [Change(what, "removed", k, old=words(old[k])) for k in old if k not in new]


def _question_changes(a: Question, b: Question) -> list[Change]:
    out = [
        Change("question", "reworded", a.id, getattr(a, f), getattr(b, f), f)
        for f in ("text", "help")
        if getattr(a, f) != getattr(b, f)
    ]
    old = {x.id: x for x in a.answers}
    new = {x.id: x for x in b.answers}
    out += [
        Change("answer", "added", f"{a.id}:{k}", new=new[k].label, detail=_target(new[k]))
        for k in new
        if k not in old
    ]
    out += [
        Change("answer", "removed", f"{a.id}:{k}", old=old[k].label, detail=_target(old[k]))
        for k in old
        if k not in new
    ]
    for k in old.keys() & new.keys():
        out += _answer_changes(f"{a.id}:{k}", old[k], new[k])
    return out


def _answer_changes(key: str, a: Answer, b: Answer) -> list[Change]:
    out = [
        Change("answer", "reworded", key, getattr(a, f), getattr(b, f), f)
        for f in ("label", "explain")
        if getattr(a, f) != getattr(b, f)
    ]
    if (a.next, a.tree) != (b.next, b.tree):
        out.append(Change("answer", "rerouted", key, _target(a), _target(b)))
    return out


def _target(a: Answer) -> str:
    """Where an answer leads, in words."""
    if a.tree is None:
        return a.next or ""
    return f"topic {a.tree}" + (f", {a.next}" if a.next else "")


def _outcome_changes(a: Outcome, b: Outcome) -> list[Change]:
    out = []
    if a.verdict != b.verdict:
        out.append(Change("outcome", "verdict", a.id, _verdict(a.verdict), _verdict(b.verdict)))
    out += [
        Change("outcome", "reworded", a.id, getattr(a, f), getattr(b, f), f)
        for f in OUTCOME_TEXTS
        if getattr(a, f) != getattr(b, f)
    ]
    out += [
        Change("outcome", "cites", a.id, ", ".join(getattr(a, f)), ", ".join(getattr(b, f)), f)
        for f in OUTCOME_QUOTES
        if getattr(a, f) != getattr(b, f)
    ]
    return out


def _verdict(verdict: str) -> str:
    v = VERDICTS.get(verdict)
    return v.label if v else verdict


def _quoted(catalog: Catalog, tree: Tree) -> dict[str, list[str]]:
    """The clauses a topic's outcomes quote (source:clause) and which outcomes quote each."""
    law = catalog.law_source()
    out: dict[str, list[str]] = {}
    for o in tree.outcomes.values():
        for c in o.cite:
            out.setdefault(f"{tree.source}:{c}", []).append(o.id)
        if law is not None:
            for c in o.law:
                out.setdefault(f"{law.id}:{c}", []).append(o.id)
    return out


def _quoted_changes(
    old: Catalog, new: Catalog, a: Tree, b: Tree, guidance: list[ClauseChange]
) -> list[Change]:
    """Clauses the topic now quotes, no longer quotes, or quotes reworded (from `guidance`)."""
    qa, qb = _quoted(old, a), _quoted(new, b)
    reworded = {c.id: c for c in guidance if c.kind == "reworded"}
    out = []
    for key, outcomes in qb.items():
        by = f"quoted by {', '.join(outcomes)}"
        if key not in qa:
            out.append(Change("quoted clause", "added", key, new=by))
        elif key in reworded:
            out.append(
                Change("quoted clause", "reworded", key, reworded[key].old, reworded[key].new, by)
            )
    out += [
        Change("quoted clause", "removed", key, old=f"was quoted by {', '.join(outcomes)}")
        for key, outcomes in qa.items()
        if key not in qb
    ]
    return out


def _clause_changes(old: Catalog, new: Catalog) -> list[ClauseChange]:
    """Clauses added, removed or reworded, in every source of both releases."""
    out = []
    for sid in sorted(old.sources.keys() | new.sources.keys()):
        a, b = old.sources.get(sid), new.sources.get(sid)
        ca = a.clauses if a else {}
        cb = b.clauses if b else {}
        for cid in [*cb, *(c for c in ca if c not in cb)]:
            x, y = ca.get(cid), cb.get(cid)
            old_text, new_text = _clause_text(x), _clause_text(y)
            if old_text == new_text:
                continue
            kind = "added" if x is None else "removed" if y is None else "reworded"
            quoted_by = _quoting(new if y is not None else old, sid, cid)
            out.append(ClauseChange(kind, f"{sid}:{cid}", old_text, new_text, quoted_by))
    return out


def _clause_text(clause: Clause | None) -> str:
    if clause is None:
        return ""
    return f"{clause.heading}: {clause.text}" if clause.heading else clause.text


def _quoting(catalog: Catalog, source_id: str, clause_id: str) -> tuple[str, ...]:
    """tree:outcome of every outcome that quotes the clause (under `law:` for the law)."""
    source: Source | None = catalog.sources.get(source_id)
    is_law = source is not None and source.kind == "law"
    return tuple(
        f"{t.id}:{o.id}"
        for t in catalog.sorted_trees()
        for o in t.outcomes.values()
        if clause_id in (o.law if is_law else o.cite if t.source == source_id else ())
    )


def _shared_changes(old: Catalog, new: Catalog) -> list[Change]:
    """Shared questions (trees/questions/) added, removed or reworded, with who asks them."""
    out = []
    for qid in sorted(old.questions.keys() | new.questions.keys()):
        a, b = old.questions.get(qid), new.questions.get(qid)
        asked = ", ".join(_asking(new if b is not None else old, qid))
        detail = f"asked by {asked}" if asked else "asked by no topic"
        if a is None or b is None:
            q = b or a
            assert q is not None
            kind = "added" if a is None else "removed"
            out.append(
                Change(
                    "shared question",
                    kind,
                    qid,
                    "" if a is None else q.text,
                    "" if b is None else q.text,
                    detail,
                )
            )
        elif _shared_words(a) != _shared_words(b):
            out.append(
                Change(
                    "shared question", "reworded", qid, _shared_words(a), _shared_words(b), detail
                )
            )
    return out


def _shared_words(q: SharedQuestion) -> str:
    answers = "; ".join(f"{a.id}: {a.label}" for a in q.answers)
    return f"{q.text} [{answers}]"


def _asking(catalog: Catalog, shared_id: str) -> list[str]:
    return [
        f"{t.id}:{q.id}"
        for t in catalog.sorted_trees()
        for q in t.questions.values()
        if q.shared == shared_id
    ]


# -- the text a review meeting reads
def format_diff(d: ReleaseDiff, old_name: str = "old", new_name: str = "new") -> str:
    """The comparison as text: a summary line, then each topic that changed, then the guidance."""
    lines = [f"What changed from {old_name} to {new_name}", "", _summary(d), ""]
    for t in d.topics:
        if t.status != "same":
            lines += _topic_lines(t)
    if d.guidance:
        lines += ["== The guidance and the law ==", *(_clause_lines(c) for c in d.guidance), ""]
    if d.shared:
        lines += [
            "== Shared questions (trees/questions/) ==",
            *(f"  {c.kind} '{c.id}' ({c.detail})" + _was_now(c.old, c.new) for c in d.shared),
            "  A shared question's words are not covered by any tree's SHA-256: raise the "
            "version of every topic that asks it.",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def _summary(d: ReleaseDiff) -> str:
    changed = [t.tree_id for t in d.topics if t.counts.get("changed")]
    if not d.verdicts_changed:
        head = "No verdict changes"
    else:
        head = (
            f"VERDICTS CHANGED: {d.verdicts_changed:,} situation(s), in the topic(s) "
            f"{', '.join(changed)}"
        )
    gone = f"; {d.unanswerable:,} situation(s) can no longer be answered" if d.unanswerable else ""
    topics = [t for t in d.topics if t.status != "same"]
    return f"{head}{gone}. {len(topics)} of {len(d.topics)} topic(s) changed."


def _topic_lines(t: TopicDiff) -> list[str]:
    if t.status in ("added", "removed"):
        version = t.new_version or t.old_version
        head = "NEW TOPIC" if t.status == "added" else "TOPIC REMOVED"
        lines = [f"== {head} {t.tree_id}: {t.title} (version {version}) =="]
        return [
            *lines,
            *(
                f"  {c.what} '{c.id}': {c.new or c.old}" + (f" ({c.detail})" if c.detail else "")
                for c in t.changes
            ),
            "",
        ]
    version = (
        f"version {t.old_version} → {t.new_version}"
        if t.old_version != t.new_version
        else f"version {t.old_version}, unchanged"
    )
    lines = [f"== {t.tree_id}: {t.title} ({version}) =="]
    if t.same_file and t.changes:
        lines.append(
            "  The tree file itself is unchanged (same SHA-256): what changed comes from "
            "trees/questions/ or trees/sources/."
        )
    elif t.same_file:
        lines.append(
            "  The tree file itself is unchanged: these situations changed in the "
            "topics it leads into."
        )
    lines += [_change_line(c) for c in t.changes]
    lines += _situation_lines(
        "Situations whose verdict changed", t.changed, t.counts["changed"], t.tree_id
    )
    lines += _situation_lines(
        "Situations that can no longer be answered",
        t.unanswerable,
        t.counts["unanswerable"],
        t.tree_id,
    )
    lines += _situation_lines("New situations", t.added, t.counts["added"], t.tree_id)
    same_verdict = t.counts.get("outcome_changed", 0)
    if same_verdict:
        lines.append(
            f"  {same_verdict:,} situation(s) reach another outcome with the same verdict."
        )
    return [*lines, ""]


def _change_line(c: Change) -> str:
    field_ = f" {c.detail}" if c.detail and c.kind == "reworded" else ""
    if c.kind == "added":
        text = f"  + {c.what} '{c.id}' added: {c.new}"
        return text + (f" (→ {c.detail})" if c.detail else "")
    if c.kind == "removed":
        text = f"  - {c.what} '{c.id}' removed: {c.old}"
        return text + (f" (→ {c.detail})" if c.detail else "")
    if c.kind == "verdict":
        return f"  ! {c.what} '{c.id}' verdict: {c.old} → {c.new}"
    if c.kind == "rerouted":
        return f"  ~ {c.what} '{c.id}' now leads to {c.new or '?'} (was {c.old or '?'})"
    if c.kind == "cites":
        return f"  ~ {c.what} '{c.id}' {c.detail}: [{c.old}] → [{c.new}]"
    extra = f" ({c.detail})" if c.detail and not field_ else ""
    return f"  ~ {c.what} '{c.id}'{field_} {c.kind}{extra}" + _was_now(c.old, c.new)


def _was_now(old: str, new: str) -> str:
    return f"\n      was: “{old}”\n      now: “{new}”" if old or new else ""


def _clause_lines(c: ClauseChange) -> str:
    quoted = ", ".join(c.quoted_by) or "no outcome"
    return f"  clause '{c.id}' {c.kind} (quoted by {quoted})" + _was_now(c.old, c.new)


def _situation_lines(title: str, found: list[Situation], total: int, home: str) -> list[str]:
    if not total:
        return []
    lines = [f"  {title} ({total:,}):"]
    for n, s in enumerate(found, 1):
        lines.append(f"    {n}. {', '.join(s.keys())}")
        lines.append(f"       was: {_end(s.old)}")
        lines.append(f"       now: {_end(s.new)}")
    if total > len(found):
        lines.append(f"    ... and {total - len(found):,} more, not listed (--limit)")
    return lines


def _end(e: End) -> str:
    if not e.outcome_id:
        return f"(no outcome: {e.why})"
    return f"{_verdict(e.verdict)} [{e.tree_id}:{e.outcome_id}] “{e.title}”"
