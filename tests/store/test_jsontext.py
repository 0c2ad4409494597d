"""The catalogue's fast JSON: the same answers as the standard library, including for
what orjson alone would refuse."""

from __future__ import annotations

import json

import pytest

from frontdesk.store import jsontext


def test_documents_are_canonical_whatever_the_key_order() -> None:
    a = jsontext.dumps_sorted({"name": "Café", "id": "s1", "keywords": ["a", "b"]})
    b = jsontext.dumps_sorted({"keywords": ["a", "b"], "id": "s1", "name": "Café"})
    assert a == b == '{"id":"s1","keywords":["a","b"],"name":"Café"}'


def test_values_orjson_refuses_fall_back_to_the_standard_library() -> None:
    huge = {"minimum_age": 2**70, "id": "s1"}
    assert jsontext.dumps_sorted(huge) == '{"id":"s1","minimum_age":1180591620717411303424}'
    assert jsontext.loads(b'{"minimum_age": 1180591620717411303424}') == {"minimum_age": 2**70}
    assert jsontext.loads(b"[NaN]")[0] != jsontext.loads(b"[NaN]")[0]  # NaN, as json reads it


@pytest.mark.parametrize(
    "value", [{"b": 1, "a": [None, True, "Café"]}, [("service", "src:s1", {"age": 2**70})]]
)
def test_values_passed_on_come_back_as_they_were(value: object) -> None:
    # Tuples come back as lists, as in any JSON; a 70-bit integer needs the fallback.
    assert jsontext.loads(jsontext.dumps(value)) == json.loads(json.dumps(value))


@pytest.mark.parametrize("text", [b"", b"{", b'{"a": 1', b"\xff\xfe{}", b"not json"])
def test_text_that_is_not_json_is_a_value_error(text: bytes) -> None:
    with pytest.raises(ValueError):
        jsontext.loads(text)


def test_parsed_values_equal_the_standard_librarys() -> None:
    text = '{"a": [1, 2.5, "x\\u00e9", null, true], "b": {"c": "\\n"}}'
    assert jsontext.loads(text) == json.loads(text)
    assert jsontext.loads(text.encode()) == json.loads(text)
