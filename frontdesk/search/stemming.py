"""English stemming, so that the forms of one word meet at query time.

Search keeps the index unstemmed (a stemming tokenizer would also stem the unfinished
word of a prefix query and break search-as-you-type) and instead groups the index's own
words by stem in memory. The stem only has to be the same for the forms a caller and a
publisher use for one idea: "emptied"/"empty", "evicting"/"eviction", "smoking"/"smoke",
"housing"/"house", and keep apart words that only look alike: "rats" and "rates".

The stemmer is Snowball's English (Porter 2) stemmer through PyStemmer, its C
implementation: on the judged queries it matched or beat the small hand-written stemmer
used before, at the same speed (docs/decisions.md). Two rules stay ours: words of three
letters or fewer are left alone ("bus" is not "bu"), and a decade or age band ("50s",
"1960s") stems to its number, as "50's" is indexed as "50" and "s".

Snowball stems inflections, not derivations: "register" and "registration" stay
"regist" and "registr", so a caller who wants to register a death missed "Death
registration". `_FAMILIES` joins the few noun and verb forms that council services are
named with (register/registration, apply/application, licence/license,
marry/marriage, child/children) by their stems, for every word of those families.
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer

_ENGLISH = Stemmer.Stemmer("english")
# Snowball stem -> the stem of the family's verb (or singular) form.
_FAMILIES = {
    "registr": "regist",
    "applic": "appli",
    "licenc": "licens",
    "marriag": "marri",
    "children": "child",
}


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """The stem of one lower-case word."""
    if word[-1:] == "s" and word[:-1].isdigit():
        return word[:-1]
    if len(word) <= 3 or not word.isalpha():
        return word
    root = str(_ENGLISH.stemWord(word))
    return _FAMILIES.get(root, root)
