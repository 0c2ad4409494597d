"""The line under a result: the sentence that answers the caller's words."""

from __future__ import annotations

from frontdesk.search.snippets import ELLIPSIS, Marker


def test_the_sentence_with_most_of_the_callers_words_is_shown_whole() -> None:
    marker = Marker(("bin", "missed"), ())
    description = (
        "We collect household waste every week. Tell us about a missed bin within two "
        "days. Garden waste is collected in summer."
    )
    assert marker((description, None, None)) == ("Tell us about a «missed» «bin» within two days.")


def test_keyword_and_label_lists_are_never_shown() -> None:
    marker = Marker(("housing",), ())
    assert marker((None, "Housing benefit new claim Money Housing", "Housing")) == ""
    described = marker(("Help with rent.", "Housing benefit new claim Money Housing", None))
    assert described == "Help with rent."


def test_a_long_sentence_is_cut_round_its_match_with_one_ellipsis_each_side() -> None:
    words = [f"w{i}" for i in range(60)]
    words[30] = "foodbank"
    shown = Marker(("foodbank",), ())((" ".join(words) + ".", None, None))
    assert shown.startswith(ELLIPSIS) and shown.endswith(ELLIPSIS)
    assert "«foodbank»" in shown
    assert ELLIPSIS * 2 not in shown
    assert len(shown.split()) <= 26


def test_nothing_matching_shows_the_first_sentence() -> None:
    marker = Marker(("zebra",), ())
    assert marker(("First sentence here. Second one.", None, None)) == "First sentence here."
