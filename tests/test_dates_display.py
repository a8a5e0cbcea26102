"""Display-time check (issue 11 item 8, issue 12): every Blogger display format, one parse per format.

The measured defect: a 5,000-post Finnish export whose comment display times carry a weekday
(``keskiviikko 13. maaliskuuta 2024 klo 20.10``) printed one ``display-time-mismatch ... unexpected
'keskiviikko'`` per comment, and a JSON run parsed each display text five times.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT

import importer
from importer.dates import display, format_date
from importer.dates.display import check_display_text
from importer.diagnostics import Diagnostics

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import display_time, generate_legacy

HELSINKI = ZoneInfo("Europe/Helsinki")
# Blogger's languages whose CLDR formats our parser reads (eu, fa, fr_CA, th, zh_TW are not yet).
LOCALES = ("fi", "en", "en_GB", "sv", "de", "nl", "nb", "da", "et", "es", "fr", "it", "pt_BR", "pl",
           "cs", "ru", "ja", "ko", "zh_CN", "tr", "hu", "id", "he", "ar", "el", "uk", "vi")
STAMPS = [dt.datetime(2009, 12, 31, 23, 59, tzinfo=HELSINKI) + dt.timedelta(minutes=9_973 * n)
          for n in range(12)]


@pytest.fixture(autouse=True)
def _no_learnt_templates() -> None:
    display._TEMPLATES.clear()


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("style", ["full", "long", "medium", "short"])
def test_every_format_of_the_locale_agrees_with_and_without_weekday(locale: str, style: str) -> None:
    for stamp in STAMPS:
        for with_time in (True, False):
            text = format_date(stamp, locale, style, with_time=with_time)
            assert check_display_text(text, stamp, locale) is None, text


@pytest.mark.parametrize("locale", LOCALES)
def test_a_learnt_format_still_catches_every_wrong_field(locale: str) -> None:
    """After the format is known, a text of another minute, hour, day, month or year is caught."""
    for stamp in STAMPS[:5]:
        assert check_display_text(format_date(stamp, locale, "full", with_time=True), stamp, locale) is None
    for stamp in STAMPS[5:]:
        for shift in (dt.timedelta(minutes=1), dt.timedelta(hours=1), dt.timedelta(days=1),
                      dt.timedelta(days=31), dt.timedelta(days=365)):
            wrong = format_date(stamp + shift, locale, "full", with_time=True)
            problem = check_display_text(wrong, stamp, locale)
            assert problem is not None, (wrong, stamp)


def test_a_weekday_that_is_not_the_dates_is_caught_after_learning() -> None:
    stamp = dt.datetime(2024, 3, 13, 20, 10, tzinfo=HELSINKI)
    assert check_display_text("keskiviikko 13. maaliskuuta 2024 klo 20.10", stamp, "fi") is None
    problem = check_display_text("torstai 13. maaliskuuta 2024 klo 20.10", stamp, "fi")
    assert problem is not None and problem.code == "date-unparsed"
    assert "'torstai' does not match 2024-03-13" in problem.message


def test_finnish_weekday_display_time_agrees_whatever_locale_the_blog_names() -> None:
    stamp = dt.datetime(2024, 3, 13, 20, 10, tzinfo=HELSINKI)
    for locale in ("fi", "fi_FI", None):
        assert check_display_text("keskiviikko 13. maaliskuuta 2024 klo 20.10", stamp, locale) is None


def test_one_parse_per_display_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 comments in one format are parsed about once, not 1,000 (or 5,000) times."""
    calls: list[str] = []
    real = display.parse_fields
    monkeypatch.setattr(display, "parse_fields",
                        lambda text, tables: calls.append(text) or real(text, tables))
    stamps = [dt.datetime(2010, 1, 1, 0, 5, tzinfo=HELSINKI) + dt.timedelta(minutes=977 * n)
              for n in range(1000)]
    for weekday in (False, True):
        for stamp in stamps:
            assert check_display_text(display_time(stamp, weekday=weekday), stamp, "fi") is None
    assert len(calls) <= 8  # a few texts cannot teach the format (day 1 of month 1 reads two ways)


def _display_lines(diagnostics: Diagnostics) -> list[tuple[str, str | None]]:
    codes = ("date-unparsed", "display-time-mismatch")
    return sorted((d.code, d.entry) for d in diagnostics if d.code in codes)


def test_generated_finnish_export_with_weekday_display_times_has_no_date_diagnostics(tmp_path: Path) -> None:
    source = generate_legacy(tmp_path / "export.xml", posts=30, comments_per_post=4, body_size=300,
                             messy=True)
    result = importer.convert(source, tmp_path / "out.json", to="json")
    assert _display_lines(result.diagnostics) == []


def test_export_without_a_locale_setting_reads_finnish_display_times(tmp_path: Path) -> None:
    """No BLOG_LOCALE: the reader read the texts as English and flagged every comment."""
    source = generate_legacy(tmp_path / "export.xml", posts=10, comments_per_post=4, body_size=300,
                             messy=True)
    data = source.read_text(encoding="utf-8")
    start = data.index("<entry><id>tag:blogger.com,1999:blog-9876543210987654321.settings.BLOG_LOCALE")
    source.write_text(data[:start] + data[data.index("</entry>", start) + len("</entry>\n"):],
                      encoding="utf-8")
    diagnostics = Diagnostics()
    archive = importer.read(source, diagnostics=diagnostics)
    assert archive.blog.locale is None and archive.comment_count == 40
    assert _display_lines(diagnostics) == []


def test_same_display_diagnostics_for_every_output_and_for_our_json_read_back(tmp_path: Path) -> None:
    """One wrong weekday: one ``date-unparsed`` line, whatever the output and whatever the input."""
    source = generate_legacy(tmp_path / "export.xml", posts=5, comments_per_post=2, body_size=300)
    data = source.read_text(encoding="utf-8")
    shown = display_time(dt.datetime.fromisoformat("2015-06-10T15:35:00+03:00"))
    assert data.count(f'value="{shown}"') == 1
    source.write_text(data.replace(f'value="{shown}"', f'value="sunnuntai {shown}"'), encoding="utf-8")
    expected = [("date-unparsed", "800000000000000000")]
    runs = {to: importer.convert(source, tmp_path / f"out-{to}", to=to) for to in ("json", "hugo", "wxr")}
    for to, result in runs.items():
        assert _display_lines(result.diagnostics) == expected, to
    again = importer.convert(tmp_path / "out-json", tmp_path / "again.json", to="json")
    assert _display_lines(again.diagnostics) == expected
