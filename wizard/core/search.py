"""Find topics as the user types: by title, then keywords, then summary and question text.

How topics are ranked, so a result can be explained:
1. Words match whole words only ("report" does not find "reporter"), ignoring case, accents and
   simple word forms ("photos" finds "photo", "canvassing" finds "canvass").
2. Only when no topic has a whole-word match is the word still being typed tried as a prefix
   ("hust" finds "hustings"), so results appear as the user types.
3. Topics matching the most query words come first; among them, the higher score: each word
   scores where it was found (title 8, keyword 4, summary 2, question 1), and a phrase found
   whole ("day off", "knock on doors") scores again, so it ranks above the same words scattered.
Pure Python, so the command line and tests can use it without Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from wizard.core.model import Tree

# Where a word was found, and how much it counts: a title match outranks a keyword match, which
# outranks the summary, which outranks a question's words.
WEIGHTS = {"title": 8, "keyword": 4, "summary": 2, "question": 1}

STOPWORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "should",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "am",
        "may",
        "might",
        "must",
        "not",
    )
)

_WORD = re.compile(r"[a-z0-9]+")
# A doubled final consonant: stopp -> stop (but not ll/ss/zz: poll, canvass)
_DOUBLE = re.compile(r"([b-df-hjkmnp-rtv-y])\1$")


@dataclass(frozen=True)
class Hit:
    """A topic that matches, how well, and where its best match was (e.g. which question)."""

    tree: Tree
    score: int
    matched: int  # how many words of the query it matched
    field: str  # "title", "keyword", "summary" or "question"
    text: str  # the title, keyword, summary or question text that matched


def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A crude, consistent stem: the same for "photo"/"photos", "retweet"/"retweeting"/"retweeted",
    "badge"/"badges", "party"/"parties", "selfie"/"selfies". Never shorter than three letters."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            word = word[: -len(suffix)]
            if suffix in ("ing", "ed"):
                word = _DOUBLE.sub(r"\1", word)
            break
    return word[:-1] + "i" if word.endswith("y") and len(word) > 3 else word


def words(text: str) -> list[str]:
    """The folded words of a text, apostrophes dropped ("don't" -> "dont")."""
    return _WORD.findall(fold(text).replace("'", ""))


def query_terms(query: str) -> list[str]:
    """The stems of the words that carry meaning; stopwords only if nothing else is left."""
    found = words(query)
    kept = [w for w in found if w not in STOPWORDS] or found
    return [stem(w) for w in kept]


def _contains(seq: list[str], part: list[str]) -> bool:
    """Whether `part` occurs in `seq` as consecutive items."""
    n = len(part)
    return any(seq[i : i + n] == part for i in range(len(seq) - n + 1))


def _phrase(terms: list[str], text_terms: list[str]) -> int:
    """How many words long a phrase shared whole by query and text is: the text's whole phrase
    in the query ("rest day" in "my rest day"), or the whole query in the text; else 0."""
    if len(text_terms) >= 2 and _contains(terms, text_terms):
        return len(text_terms)
    if len(terms) >= 2 and _contains(text_terms, terms):
        return len(terms)
    return 0


def _matches(term: str, stems: set[str], raw: set[str], prefix: bool) -> bool:
    if term in stems:
        return True
    return prefix and len(term) >= 2 and any(w.startswith(term) for w in raw | stems)


def _field_texts(tree: Tree) -> list[tuple[str, str]]:
    out = [
        ("title", tree.title),
        *(("keyword", k) for k in tree.keywords),
        ("summary", tree.summary),
    ]
    out += [("question", q.text) for q in tree.questions.values()]
    return out


def score(tree: Tree, query: str, prefix: bool = False) -> Hit | None:
    """How well one topic matches the query; None when no word of it is found. With `prefix`,
    the query's last word (if still being typed) may match the start of a word."""
    terms = query_terms(query)
    partial = prefix and query[-1:].isalnum()
    fields = [(kind, text, words(text)) for kind, text in _field_texts(tree)]
    total = matched = 0
    best: tuple[int, str, str] = (0, "", "")
    for i, term in enumerate(terms):
        as_prefix = partial and i == len(terms) - 1
        found = [
            (WEIGHTS[kind], kind, text)
            for kind, text, ws in fields
            if _matches(term, {stem(w) for w in ws}, set(ws), as_prefix)
        ]
        if found:
            top = max(found, key=lambda f: f[0])
            total += top[0]
            matched += 1
            best = max(best, top, key=lambda f: f[0])
    if not matched:
        return None
    every = [stem(w) for w in words(query)]  # small words kept too: "where to vote"
    phrases = [
        (WEIGHTS[kind] * n, kind, text)
        for kind, text, ws in fields
        if (n := max(_phrase(terms, query_terms(text)), _phrase(every, [stem(w) for w in ws])))
    ]
    if phrases:
        top = max(phrases, key=lambda f: f[0])
        total += top[0]
        best = top
    return Hit(tree, total, matched, best[1], best[2])


def search(trees: Iterable[Tree], query: str) -> list[Hit]:
    """The topics that match the most words of the query, best first.

    A topic that matches every word hides one that matches only some; ties keep the home
    screen's order. An empty query matches nothing (the caller shows every topic). The word
    being typed matches as a prefix only when no topic matches whole words.
    """
    trees = list(trees)
    hits = [hit for t in trees if (hit := score(t, query)) is not None]
    if not hits:
        hits = [hit for t in trees if (hit := score(t, query, prefix=True)) is not None]
    most = max((h.matched for h in hits), default=0)
    hits = [h for h in hits if h.matched == most]
    hits.sort(key=lambda h: (-h.score, h.tree.order, h.tree.title.lower()))
    return hits
