"""What to try when the caller's words, as said, find nothing — and how to say so.

An adviser on a call is better served by "nothing matched every word; here are services
matching some of them" than by an empty list. The steps, each tried only when the one
before found nothing:

1. *some words* — the usual search already matches any of the caller's concepts and ranks
   by how much of the query each service covers; when no service covers it all, the
   result says so.
2. *any word* — a recognised phrase is one concept and needs all its words; here every
   word stands alone ("hardship fund" finds a fund when no service says "hardship").
3. *partial words* — a word the catalogue does not hold, even corrected, is replaced by
   the commonest indexed word that starts like it and is spelt alike (rapidfuzz's
   normalised similarity), so "safegaurdng" still reaches "safeguarding".

The machine-readable step names go in `SearchResult.relaxed`; `NOTES` has the one-line
English text the command line prints (the GUI words its own, in the adviser's language).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from frontdesk.search.tokens import STOPWORDS, TypedQuery
from frontdesk.search.vocabulary import Vocabulary

SOME_WORDS, ANY_WORD, PARTIAL_WORDS = "some-words", "any-word", "partial-words"
NOTES = {
    SOME_WORDS: "No service matched every word; showing services matching some of them.",
    ANY_WORD: "No service matched the words together; showing services matching any of them.",
    PARTIAL_WORDS: (
        "No service matched these words; showing services with words that start or are "
        "spelt like them."
    ),
}
# Completions of a prefix weighed, and how alike (0-100) a stand-in word must be.
_CANDIDATES = 200
_ALIKE = 70.0
_SHORTEST = 4


def partial_words(typed: TypedQuery, vocabulary: Vocabulary) -> str | None:
    """The typed words with each one the catalogue lacks replaced by an indexed word that
    starts like it and is spelt alike; None when no word could be replaced."""
    out: list[str] = []
    changed = False
    for word in typed.words:
        if word in STOPWORDS or vocabulary.count(word) or len(word) < _SHORTEST:
            out.append(word)
            continue
        stand_in = _stand_in(word, vocabulary)
        changed = changed or stand_in is not None
        out.append(stand_in or word)
    return " ".join(out) if changed else None


def _stand_in(word: str, vocabulary: Vocabulary) -> str | None:
    for length in range(len(word) - 1, _SHORTEST - 1, -1):
        completions = vocabulary.completions(word[:length], _CANDIDATES)
        if completions is None:
            return None  # so common a start that it says nothing
        alike = [
            (fuzz.ratio(word, term), vocabulary.count(term), term)
            for term in completions
            if term.isalpha()
        ]
        good = [a for a in alike if a[0] >= _ALIKE]
        if good:
            return max(good)[2]
    return None
