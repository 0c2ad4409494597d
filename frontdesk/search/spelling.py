"""Correcting misspelt words against the index's own vocabulary.

Only words the catalogue actually contains are suggested, so a correction can never
lead to an empty result. Candidates are found through shared letter pairs (each edit
breaks at most two pairs), then checked with an edit distance that counts a swapped
pair of letters as one slip; among equally close words the most common wins.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from frontdesk.search.vocabulary import Vocabulary


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or `limit + 1` as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(word: str) -> int:
    """Short words have too many near neighbours to correct safely."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


def _pairs(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Speller:
    """Suggestions for one vocabulary; build once, reuse for every query."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self._by_pair: dict[str, list[int]] = defaultdict(list)
        for i, term in enumerate(vocabulary.terms):
            if term.isalpha() and len(term) >= 3:
                for pair in _pairs(term):
                    self._by_pair[pair].append(i)

    def correct(self, word: str) -> str | None:
        """The closest common indexed word to a word the index lacks, if one is close."""
        limit = allowed_edits(word)
        if limit == 0:
            return None
        pairs = _pairs(word)
        shared: Counter[int] = Counter()
        for pair in pairs:
            shared.update(self._by_pair.get(pair, ()))
        needed = len(pairs) - 2 * limit
        best: tuple[int, int, str] | None = None
        terms, counts = self._vocabulary.terms, self._vocabulary.counts
        for i, n in shared.items():
            if n < needed:
                continue
            term = terms[i]
            distance = edit_distance(word, term, limit)
            if distance <= limit:
                key = (distance, -counts[i], term)
                if best is None or key < best:
                    best = key
        return None if best is None else best[2]

    def join(self, first: str, second: str) -> str | None:
        """'pot hole' -> 'pothole' when the joined word is indexed and more telling."""
        joined = first + second
        together = self._vocabulary.count(joined)
        if together == 0:
            return None
        apart = min(self._vocabulary.count(first), self._vocabulary.count(second))
        return joined if together >= apart else None

    def split(self, word: str) -> tuple[str, str] | None:
        """'counciltax' -> ('council', 'tax') when both halves are indexed."""
        best: tuple[int, str, str] | None = None
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            support = min(self._vocabulary.count(left), self._vocabulary.count(right))
            if support and (best is None or support > best[0]):
                best = (support, left, right)
        return None if best is None else (best[1], best[2])
