"""Correcting misspelt words against the index's own vocabulary.

Only words the catalogue actually contains are suggested, so a correction can never
lead to an empty result. Candidates are found through shared letter pairs (each edit
breaks at most two pairs), then checked with an edit distance that counts a swapped
pair of letters as one slip; among equally close words the most common wins.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz.distance import OSA

from frontdesk.search.vocabulary import Vocabulary


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swapped pair of letters is one slip), or
    `limit + 1` as soon as it must exceed `limit`; rapidfuzz's, in C."""
    return int(OSA.distance(a, b, score_cutoff=limit))


def allowed_edits(word: str) -> int:
    """Short words have too many near neighbours to correct safely."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


def _bare_forms(term: str) -> tuple[str, ...]:
    """The word without a plural or past ending, as a caller may type it."""
    if term.endswith("ies") and len(term) > 4:
        return (term[:-3] + "y",)
    if term.endswith("es") and len(term) > 4:
        return (term[:-2], term[:-1])
    if term.endswith("s") and not term.endswith("ss") and len(term) > 3:
        return (term[:-1],)
    if term.endswith("ed") and len(term) > 4:
        return (term[:-2], term[:-1])
    return ()


def _pairs(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Speller:
    """Suggestions for one vocabulary; build once, reuse for every query."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        # Keys are the indexed words and their bare forms ("allotments" is also filed as
        # "allotment"), so a slip in a form the catalogue never uses is still one slip
        # away from a key; each key leads to the indexed word it came from.
        self._keys: list[tuple[str, int]] = []
        self._by_pair: dict[str, list[int]] = defaultdict(list)
        for i, term in enumerate(vocabulary.terms):
            if term.isalpha() and len(term) >= 3:
                for key in dict.fromkeys((term, *_bare_forms(term))):
                    for pair in _pairs(key):
                        self._by_pair[pair].append(len(self._keys))
                    self._keys.append((key, i))

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
        for k, n in shared.items():
            if n < needed:
                continue
            key, i = self._keys[k]
            distance = edit_distance(word, key, limit)
            if distance <= limit:
                found = (distance, -counts[i], terms[i])
                if best is None or found < best:
                    best = found
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
