"""Phrases as tuples of word stems, and finding one inside a caller's words."""

from __future__ import annotations

from frontdesk.search.stemming import stem
from frontdesk.search.tokens import words

Phrase = tuple[str, ...]


def stems(text: str) -> Phrase:
    """The stems of the words of `text`."""
    return tuple(stem(w) for w in words(text))


def within(phrase: Phrase, text: Phrase) -> bool:
    """Whether `phrase` occurs in `text` as consecutive words."""
    n = len(phrase)
    return any(text[i : i + n] == phrase for i in range(len(text) - n + 1))
