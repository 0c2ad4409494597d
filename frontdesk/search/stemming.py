"""A light English stemmer, so that the forms of one word meet at query time.

Search keeps the index unstemmed (a stemming tokenizer would also stem the unfinished
word of a prefix query and break search-as-you-type) and instead groups the index's own
words by stem in memory. The stem only has to be the same for the forms a caller and a
publisher use for one idea: "emptied"/"empty", "evicting"/"eviction", "smoking"/"smoke",
"housing"/"house". It must also keep apart words that only look alike, which a crude
suffix-stripper does not: "rats" and "rates" stay different words.

The rules follow the shape of Porter's first step (plurals, -ed/-ing with the usual
repairs: doubled consonants undone, a silent e restored after a short stem), plus the
few derivational endings that matter here (-ment, -ion after s/t) and Porter's removal
of a final e after a long stem.
"""

from __future__ import annotations

_VOWELS = frozenset("aeiou")
_NO_UNDOUBLE = frozenset("lsz")


def _consonant(word: str, i: int) -> bool:
    ch = word[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _consonant(word, i - 1)
    return True


def _measure(stem: str) -> int:
    """How many vowel-consonant runs the stem has: 'tr'=0, 'rat'=1, 'bereav'=2."""
    runs, previous_vowel = 0, False
    for i in range(len(stem)):
        vowel = not _consonant(stem, i)
        if previous_vowel and not vowel:
            runs += 1
        previous_vowel = vowel
    return runs


def _has_vowel(stem: str) -> bool:
    return any(not _consonant(stem, i) for i in range(len(stem)))


def _short_syllable(stem: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y ('rat', 'smok')."""
    if len(stem) < 3:
        return False
    return (
        _consonant(stem, len(stem) - 3)
        and not _consonant(stem, len(stem) - 2)
        and _consonant(stem, len(stem) - 1)
        and stem[-1] not in "wxy"
    )


def _plural(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tense(word: str) -> str:
    if word.endswith("eed"):
        return word[:-1] if _measure(word[:-3]) > 0 else word
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]):
            stem = word[: -len(suffix)]
            if stem.endswith(("at", "bl", "iz")):
                return stem + "e"
            if len(stem) > 1 and stem[-1] == stem[-2] and stem[-1] not in _NO_UNDOUBLE:
                return stem[:-1]
            if _measure(stem) == 1 and _short_syllable(stem):
                return stem + "e"
            return stem
    return word


def _derived(word: str) -> str:
    if word.endswith("ment") and _measure(word[:-4]) > 1:
        return word[:-4]
    if word.endswith("ion") and word[-4:-3] in ("s", "t") and _measure(word[:-3]) > 1:
        return word[:-3]
    return word


def stem(word: str) -> str:
    """The stem of one lower-case word; words of three letters or fewer are left alone.
    A decade or age band ("50s", "1960s") stems to its number, as "50's" is indexed as
    "50" and "s"."""
    if word[-1:] == "s" and word[:-1].isdigit():
        return word[:-1]
    if len(word) <= 3 or not word.isalpha():
        return word
    out = _derived(_tense(_plural(word)))
    if out.endswith("y") and _has_vowel(out[:-1]):
        out = out[:-1] + "i"
    if out.endswith("e"):
        base = out[:-1]
        if _measure(base) > 1 or (_measure(base) == 1 and not _short_syllable(base)):
            out = base
    if out.endswith("ll") and _measure(out) > 1:
        out = out[:-1]
    return out
