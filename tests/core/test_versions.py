"""frontdesk release numbers compare as numbers, and only release numbers are accepted."""

from __future__ import annotations

import pytest

from frontdesk.core.versions import is_older, parse_version


def test_releases_compare_as_numbers_not_text() -> None:
    assert is_older("0.9.2", "0.10.0")
    assert not is_older("0.10.0", "0.9.2")
    assert not is_older("1.2", "1.2.0") and not is_older("1.2.0", "1.2")
    assert parse_version(" 2.0.1 ") == (2, 0, 1)


@pytest.mark.parametrize("text", ["", "1.2.3-beta", "v1.2", "1..2", "1.2.3.4.5", "latest"])
def test_anything_but_a_release_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a frontdesk version"):
        parse_version(text)
