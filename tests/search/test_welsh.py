"""Welsh in the search box: mutations undone, the Welsh vocabulary loaded and kept apart
from English, and a Welsh query read into the catalogue's English words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.search.synonyms import Synonyms
from frontdesk.search.tokens import ENGLISH_STOPWORDS, WELSH_STOPWORDS, parse_typed, words
from frontdesk.search.vocabulary import Vocabulary
from frontdesk.search.welsh import radicals, read_welsh, unmutate, vocabulary_text, welsh_words

REPO = Path(__file__).resolve().parents[2]
SYNONYMS = Synonyms.bundled()


def english_index(*terms: str) -> Vocabulary:
    """An index holding these words once each, as an English catalogue would."""
    ordered = sorted(set(terms))
    return Vocabulary(ordered, [1] * len(ordered), documents=len(ordered))


CATALOGUE = english_index(
    "council", "tax", "bin", "bins", "collection", "missed", "pay", "gold", "fan", "eu"
)


# --- Mutations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mutated", "radical"),
    [
        # soft mutation
        ("gyngor", "cyngor"),  # c -> g
        ("bleidleisio", "pleidleisio"),  # p -> b
        ("dreth", "treth"),  # t -> d
        ("ofal", "gofal"),  # g -> (dropped)
        ("wasanaeth", "gwasanaeth"),  # g -> (dropped) before w
        ("fws", "bws"),  # b -> f
        ("ddyledion", "dyledion"),  # d -> dd
        ("lyfrgell", "llyfrgell"),  # ll -> l
        ("fethu", "methu"),  # m -> f
        ("rent", "rhent"),  # rh -> r
        # nasal mutation
        ("nghyngor", "cyngor"),  # c -> ngh
        ("mhlentyn", "plentyn"),  # p -> mh
        ("nhreth", "treth"),  # t -> nh
        ("ngardd", "gardd"),  # g -> ng
        ("miniau", "biniau"),  # b -> m
        ("nyled", "dyled"),  # d -> n
        # aspirate mutation
        ("chasglu", "casglu"),  # c -> ch
        ("phensiwn", "pensiwn"),  # p -> ph
        ("thai", "tai"),  # t -> th
        ("hoedran", "oedran"),  # h- before a vowel
    ],
)
def test_a_mutated_word_lists_its_radical(mutated: str, radical: str) -> None:
    assert radical in radicals(mutated)


def test_nasal_ngh_is_read_before_ng_and_n() -> None:
    assert radicals("nghar")[0] == "car"


def test_short_words_and_non_letters_have_no_radicals() -> None:
    assert radicals("a") == ()
    assert radicals("d4") == ()


def test_a_mutated_word_becomes_the_radical_the_vocabulary_knows() -> None:
    assert unmutate("nhreth", CATALOGUE, SYNONYMS) == "treth"
    assert unmutate("ddyledion", CATALOGUE, SYNONYMS) == "dyledion"
    assert unmutate("thai", CATALOGUE, SYNONYMS) == "tai"


def test_an_english_word_in_the_index_is_never_unmutated() -> None:
    # "fan" could be soft-mutated "ban" or "man"; "gold" soft-mutated "cold": the index
    # has them as English, so they stay as typed.
    for word in ("fan", "gold", "bins", "council"):
        assert unmutate(word, CATALOGUE, SYNONYMS) == word


def test_a_word_whose_radical_is_no_welsh_term_stays_as_typed() -> None:
    assert unmutate("dwdl", CATALOGUE, SYNONYMS) == "dwdl"


def test_a_mutated_word_a_welsh_feed_indexed_is_searched_as_typed() -> None:
    welsh_feed = english_index("dreth", "treth", "cyngor")
    assert unmutate("dreth", welsh_feed, SYNONYMS) == "dreth"


# --- The vocabulary ------------------------------------------------------------------------


def test_the_welsh_vocabulary_is_loaded_with_the_synonyms() -> None:
    assert ("council", "tax") in SYNONYMS.lookup(("treth", "cyngor"))
    assert ("housing", "benefit") in SYNONYMS.lookup(("budd", "dal", "tai"))
    assert ("food", "bank") in SYNONYMS.lookup(("banc", "bwyd"))
    assert ("blue", "badge") in SYNONYMS.lookup(("bathodyn", "glas"))


def test_the_vocabulary_covers_an_advisers_day() -> None:
    lines = [
        line
        for line in vocabulary_text().splitlines()
        if line.split("#", 1)[0].strip() and "=>" in line
    ]
    assert len(lines) >= 250
    assert len(welsh_words()) >= 400
    # Every line sends Welsh words somewhere: no empty side.
    for line in lines:
        left, _, right = line.partition("=>")
        assert words(left) and words(right), line


def test_the_vocabulary_is_written_in_dictionary_forms() -> None:
    """Mutated forms are undone in the query, so the file holds radicals only. The few
    words that look like mutations of another listed word are radicals in their own
    right: "du" (black), and "daliadau" as written in "budd-daliadau"."""
    known = welsh_words()
    look_mutated = {w for w in known if any(r in known for r in radicals(w))}
    assert look_mutated <= {"du", "daliad", "daliadau"}


def english_words() -> set[str]:
    catalogue = json.loads((REPO / "resources/demo/catalogue.json").read_text("utf-8"))
    text = " ".join(f"{s['name']} {s.get('description') or ''}" for s in catalogue)
    synonyms = (REPO / "resources/search/synonyms.txt").read_text("utf-8")
    return set(words(text)) | set(words(synonyms)) | set(ENGLISH_STOPWORDS)


def test_no_welsh_word_alone_is_an_english_catalogue_word() -> None:
    """A Welsh word that is also English ("plant", "tan") is only used inside a phrase,
    so an English query is never read as Welsh."""
    singles = set()
    for line in vocabulary_text().splitlines():
        left = line.split("#", 1)[0].partition("=>")[0]
        singles.update(p[0] for p in (words(x) for x in left.split(",")) if len(p) == 1)
    assert not singles & english_words()


def test_welsh_filler_words_are_not_english_catalogue_words_except_eu() -> None:
    """ "eu" (their) fills Welsh sentences ("biniau heb eu casglu"); as English it is
    only the EU, and an English query keeps its other words ("eu settlement")."""
    assert (WELSH_STOPWORDS - ENGLISH_STOPWORDS) & english_words() <= {"eu", "fi"}


# --- Reading a Welsh query ---------------------------------------------------------------


def read(text: str, vocabulary: Vocabulary = CATALOGUE) -> tuple[tuple[str, ...], bool, bool]:
    reading = read_welsh(parse_typed(text, typing=False), vocabulary, SYNONYMS)
    return reading.typed.words, reading.in_welsh, reading.translated


def test_a_welsh_phrase_is_read_as_the_catalogues_english() -> None:
    assert read("sut ydw i'n talu fy nhreth gyngor") == (("pay", "council", "tax"), True, True)


def test_welsh_filler_never_reaches_the_index() -> None:
    # "eu" (their) would otherwise match the EU Settlement Scheme.
    found, in_welsh, _ = read("biniau heb eu casglu")
    assert in_welsh
    assert "eu" not in found
    assert found == ("missed", "bin")


def test_an_english_query_is_left_alone() -> None:
    assert read("council tax") == (("council", "tax"), False, False)
    assert read("eu settlement") == (("settlement",), False, False)


def test_welsh_text_the_index_holds_is_searched_as_typed() -> None:
    welsh_feed = english_index("biniau", "casglu", "bin", "collection")
    found, _, translated = read("casglu biniau", welsh_feed)
    assert found == ("casglu", "biniau")
    assert not translated
