"""Table test of ``importer.dates.parse_date`` on real-shaped texts (see ``dates_cases.py``)."""

from __future__ import annotations

import pytest

from importer.dates import parse_date
from importer.errors import DateParseError
from tests.dates_cases import CASES, Case, Fails


def _id(case: Case) -> str:
    text, locale, tz, expected = case
    verdict = "bad" if isinstance(expected, Fails) else "ok"
    shown = text if text and text.strip() == text else repr(text)
    return f"{verdict}-{locale}-{shown}" + ("" if tz is None else f"-{tz}")


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 120
    assert len({_id(case) for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[_id(case) for case in CASES])
def test_parse_date_table(case: Case) -> None:
    text, locale, tz, expected = case
    if isinstance(expected, Fails):
        with pytest.raises(DateParseError) as raised:
            parse_date(text, locale, tz)
        assert raised.value.reason == expected.reason
        assert raised.value.text == text
    else:
        parsed = parse_date(text, locale, tz)
        assert f"{parsed.isoformat()} ({parsed.precision})" == expected
