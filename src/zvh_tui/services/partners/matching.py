"""Finding a partner or contact person by what the user types: the one set of rules.

Two ways of matching, both over `fold` (case, accents and apostrophes ignored):

- `contains_words`: every word of the query occurs somewhere in the texts (the partner's
  name, a contact's name, function or e-mail). Lists that narrow as the user types use it:
  the roster, the command palette, the partner picker, `roster.list_partners`.
- `match_score`: how well a query names one partner or contact (3 exact, 2 a word starts
  with it, 1 contains it). Places that must pick exactly one use it with `best`: the plan's
  quick entry ("@politie") and `zvh export plan --partner NAME`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from zvh_tui.services.shared.fold import fold

T = TypeVar("T")


def query_words(query: str | None) -> list[str]:
    """The folded words of what the user typed."""
    return fold(query).split()


def contains_words(words: list[str], *texts: str) -> bool:
    """Does every word occur in one of the (already folded) texts? No words: yes."""
    return all(any(word in text for text in texts) for word in words)


def _words(value: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", fold(value)) if w]


def match_score(query: str, name: str) -> int:
    """3 exact name, 2 the name or one of its words starts with the query, 1 contains it, 0 no."""
    q = " ".join(_words(query))
    if not q:
        return 0
    n = " ".join(_words(name))
    if not n:
        return 0
    if q == n:
        return 3
    if n.startswith(q) or any(w.startswith(q) for w in n.split()):
        return 2
    # a multi-word query: every word must start a word of the name, in order
    q_words, n_words = q.split(), n.split()
    if len(q_words) > 1 and _words_in_order(q_words, n_words):
        return 2
    if q in n or q.replace(" ", "") in n.replace(" ", ""):
        return 1
    return 0


def _words_in_order(query: list[str], name: list[str]) -> bool:
    index = 0
    for word in name:
        if index < len(query) and word.startswith(query[index]):
            index += 1
    return index == len(query)


def best(scored: Iterable[tuple[int, T]]) -> list[T]:
    """The items with the highest score above 0 (several when they tie)."""
    rows = [(score, item) for score, item in scored if score > 0]
    if not rows:
        return []
    top = max(score for score, _ in rows)
    return [item for score, item in rows if score == top]
