"""Phrases as tuples of word stems, and finding one inside a caller's words."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

from frontdesk.search.stemming import stem
from frontdesk.search.tokens import words

Phrase = tuple[str, ...]
T = TypeVar("T", bound=Hashable)


def stems(text: str) -> Phrase:
    """The stems of the words of `text`."""
    return tuple(stem(w) for w in words(text))


def within(phrase: Phrase, text: Phrase) -> bool:
    """Whether `phrase` occurs in `text` as consecutive words."""
    n = len(phrase)
    return any(text[i : i + n] == phrase for i in range(len(text) - n + 1))


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a vocabulary file, comments (`#` on) and blank lines left out."""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, line


class PhraseIndex(Generic[T]):
    """Phrases filed by their first word, each with what it stands for: finding which
    of hundreds of phrases occur in a text looks only at those starting with one of the
    text's words."""

    def __init__(self, entries: Iterable[tuple[Phrase, T]]) -> None:
        by_first: dict[str, list[tuple[Phrase, T]]] = defaultdict(list)
        for phrase, value in entries:
            if phrase:
                by_first[phrase[0]].append((phrase, value))
        self._by_first = dict(by_first)

    def found(self, text: Phrase) -> set[T]:
        """What the phrases occurring in `text` (consecutive words) stand for."""
        out: set[T] = set()
        for i, word in enumerate(text):
            for phrase, value in self._by_first.get(word, ()):
                if value not in out and text[i : i + len(phrase)] == phrase:
                    out.add(value)
        return out
