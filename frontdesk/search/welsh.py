"""Welsh in the search box: mutated words back to their dictionary form.

An adviser in Wales types what the caller says, in Welsh. The Welsh vocabulary
(resources/search/welsh.txt, loaded with the synonyms) sends Welsh words to the English
words the catalogue uses, but Welsh changes the first letter of a word after certain
words: "treth" (tax) is "fy nhreth" (my tax), "dreth" after "y", "thai" after "ei" (her).
The vocabulary is written in dictionary (radical) forms, so before matching, a typed word
that is not Welsh as written is tried against the radicals it could be a mutation of:

- soft: c->g, p->b, t->d, g->(dropped), b->f, d->dd, ll->l, m->f, rh->r
- nasal: c->ngh, p->mh, t->nh, g->ng, b->m, d->n
- aspirate: c->ch, p->ph, t->th, and h- before a vowel

A word is only ever replaced by a radical the Welsh vocabulary knows, and only when the
word itself is not in the index, not a Welsh word as it stands and not a caller's word the
synonym list knows: "gold" never becomes a Welsh word, and a catalogue that carries Welsh
text still finds its own mutated words as written.

A query with Welsh in it is not spell-corrected into English: a Welsh word the vocabulary
lacks is closer, letter by letter, to some English catalogue word than to nothing, and that
chance overlap ("biniau" read as some other indexed word) is how a question about bins came
to be answered with immigration advice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from frontdesk.search.bundled import bundled_text
from frontdesk.search.synonyms import Phrase, Synonyms
from frontdesk.search.tokens import (
    ENGLISH_STOPWORDS,
    MAX_WORDS,
    STOPWORDS,
    WELSH_STOPWORDS,
    TypedQuery,
    words,
)
from frontdesk.search.vocabulary import Vocabulary

VOCABULARY_FILE = "welsh.txt"

# Mutated beginning -> the radical beginnings it can come from, longest first so that
# "ngh" is read before "ng" and "n", "dd" before "d", "mh" before "m".
_MUTATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ngh", ("c",)),  # nasal c
    ("mh", ("p",)),  # nasal p
    ("nh", ("t",)),  # nasal t
    ("ng", ("g",)),  # nasal g
    ("ch", ("c",)),  # aspirate c
    ("ph", ("p",)),  # aspirate p
    ("th", ("t",)),  # aspirate t
    ("dd", ("d",)),  # soft d
    ("g", ("c",)),  # soft c
    ("b", ("p",)),  # soft p
    ("d", ("t",)),  # soft t
    ("f", ("b", "m")),  # soft b, soft m
    ("l", ("ll",)),  # soft ll
    ("r", ("rh",)),  # soft rh
    ("m", ("b",)),  # nasal b
    ("n", ("d",)),  # nasal d
)
_VOWELS = frozenset("aeiouwy")


def radicals(word: str) -> tuple[str, ...]:
    """Every dictionary form `word` could be a mutation of, most likely first. Says
    nothing about whether those forms are words: the vocabulary decides that."""
    if len(word) < 2 or not word.isalpha():
        return ()
    found: list[str] = []
    for mutated, sources in _MUTATIONS:
        if word.startswith(mutated) and len(word) > len(mutated):
            found.extend(source + word[len(mutated) :] for source in sources)
    # Soft mutation drops g altogether: "ofal" is "gofal", "wasanaeth" is "gwasanaeth".
    if word[0] in _VOWELS or word[0] in "lr":
        found.append("g" + word)
    # An aspirate h- before a vowel: "ei hoedran" is "oedran" (her age).
    if word[0] == "h" and word[1] in _VOWELS:
        found.append(word[1:])
    return tuple(dict.fromkeys(found))


def vocabulary_text() -> str:
    """The Welsh vocabulary shipped with frontdesk, in the synonym list's format."""
    return bundled_text(VOCABULARY_FILE)


@lru_cache(maxsize=1)
def welsh_words() -> frozenset[str]:
    """Every Welsh word the vocabulary uses on its Welsh (left-hand) side."""
    found: set[str] = set()
    for line in vocabulary_text().splitlines():
        left = line.split("#", 1)[0].partition("=>")[0]
        found.update(words(left))
    return frozenset(found - STOPWORDS)


# Function words that are Welsh and not English: one of them says the query is Welsh.
_WELSH_ONLY = WELSH_STOPWORDS - ENGLISH_STOPWORDS


def unmutate(word: str, vocabulary: Vocabulary, synonyms: Synonyms) -> str:
    """The Welsh radical `word` stands for, or `word` itself when it is not a mutated
    form of a word the vocabulary knows (see the module's rules)."""
    known = welsh_words()
    if word in known or word in STOPWORDS or vocabulary.count(word) > 0 or synonyms.knows(word):
        return word
    for radical in radicals(word):
        if radical in known:
            return radical
    return word


@lru_cache(maxsize=1)
def welsh_phrases() -> Synonyms:
    """The Welsh vocabulary alone, for reading a Welsh query into English."""
    return Synonyms.parse(vocabulary_text())


@dataclass(frozen=True, slots=True)
class WelshReading:
    """A typed query after its Welsh was read: `in_welsh` says the query is Welsh (its
    words are then not spell-corrected into English), `translated` that some of its
    Welsh was replaced by the catalogue's English words."""

    typed: TypedQuery
    in_welsh: bool
    translated: bool


def read_welsh(typed: TypedQuery, vocabulary: Vocabulary, synonyms: Synonyms) -> WelshReading:
    """Mutated Welsh words back to their radicals, then each Welsh phrase the index does
    not hold replaced by its English rendering: the first on the vocabulary's line whose
    words are all in the index. The English then counts as the caller's own words, as
    it would had the adviser typed it. Welsh the index does hold (a feed written in Welsh)
    is searched as typed, with the English as its synonyms."""
    spoken = [unmutate(w, vocabulary, synonyms) for w in typed.spoken]
    known = welsh_words()
    in_welsh = spoken != list(typed.spoken) or any(
        (w in _WELSH_ONLY or w in known) and vocabulary.count(w) == 0 for w in spoken
    )
    if not any(w in known for w in spoken):
        return WelshReading(typed, in_welsh, False)  # no Welsh word: nothing to read
    out: list[str] = []
    position = 0
    translated = False
    for match in welsh_phrases().matches(spoken, typing=typed.prefix):
        said = [w for w in spoken[match.start : match.end] if w not in STOPWORDS]
        if all(vocabulary.count(w) for w in said):
            continue  # the index holds these words as typed: Welsh text in a feed
        out += spoken[position : match.start] + list(_rendering(match.alternatives, vocabulary))
        position, translated = match.end, True
    out += spoken[position:]
    if out == list(typed.spoken):
        return WelshReading(typed, in_welsh, False)
    # The word still being typed stays a prefix unless it was read as Welsh.
    prefix = typed.prefix and position < len(spoken) and spoken[-1] == typed.spoken[-1]
    content = [w for w in out if w not in STOPWORDS] or out
    if prefix and out[-1] in STOPWORDS:
        content.append(out[-1])  # the word still being typed stays
    reading = replace(typed, words=tuple(content[:MAX_WORDS]), spoken=tuple(out), prefix=prefix)
    return WelshReading(reading, in_welsh, translated)


def _rendering(alternatives: tuple[tuple[str, ...], ...], vocabulary: Vocabulary) -> Phrase:
    for phrase in alternatives:
        if all(vocabulary.count(w) for w in phrase):
            return phrase
    return alternatives[0]
