"""Front matter: every string quoted, dates RFC 3339 with offsets, parsed back as written."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import tomllib
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from importer.writers.markdown.frontmatter import pelican_header, toml_front_matter, yaml_front_matter

HOSTILE = ["Orkut-projekti: ensimmäiset kokemukset", "# ei kommentti", "yes", "no", "y", "null", "1e3",
           'Hän sanoi "moi"', "C:\\polku\\tiedosto", "- lista?", "[hakasulku]", "{aalto}", "@käyttäjä",
           "* tähti", "& et", "! huuto", "| putki", "> nuoli", "% prosentti", "12:30", "", "  välit  "]
WHEN = datetime(2010, 6, 10, 14, 35, tzinfo=timezone(timedelta(hours=3)))


def _body(block: str, fence: str) -> str:
    assert block.startswith(fence + "\n") and block.endswith(fence + "\n")
    return block[len(fence) + 1: -len(fence) - 1]


@pytest.mark.parametrize("title", HOSTILE)
def test_yaml_round_trips_every_hostile_string(title: str) -> None:
    block = yaml_front_matter({"title": title, "tags": [title, "x"], "draft": False, "date": WHEN})
    parsed = yaml.safe_load(_body(block, "---"))
    assert parsed == {"title": title, "tags": [title, "x"], "draft": False, "date": WHEN}
    title_line = next(line for line in block.splitlines() if line.startswith("title:"))
    assert title_line.startswith('title: "'), title_line


def test_yaml_dates_are_rfc3339_and_booleans_real() -> None:
    block = yaml_front_matter({"date": WHEN, "published": False})
    assert "date: 2010-06-10T14:35:00+03:00\n" in block
    assert "published: false\n" in block


def test_yaml_refuses_naive_dates() -> None:
    with pytest.raises(ValueError, match="offset"):
        yaml_front_matter({"date": datetime(2010, 1, 1)})


@pytest.mark.parametrize("title", HOSTILE)
def test_toml_round_trips(title: str) -> None:
    block = toml_front_matter({"title": title, "taxonomies": {"tags": [title]}, "date": WHEN, "draft": True})
    parsed = tomllib.loads(_body(block, "+++"))
    assert parsed == {"title": title, "date": WHEN, "draft": True, "taxonomies": {"tags": [title]}}
    assert "+03:00" in block
    assert block.index("date =") < block.index("[taxonomies]")


def test_pelican_header_lists_and_colons() -> None:
    header = pelican_header({"Title": "Kesäkuu: ensimmäiset\nkokemukset", "Date": WHEN,
                             "Tags": ["a, b", "c"], "Authors": ["Pirjo"], "Summary": None})
    assert header == ("Title: Kesäkuu: ensimmäiset kokemukset\nDate: 2010-06-10T14:35:00+03:00\n"
                      "Tags: a, b; c\nAuthors: Pirjo\n\n")
    assert pelican_header({"Tags": ["a", "b"]}) == "Tags: a, b\n\n"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_title_reads_back_exactly_from_yaml(title: str) -> None:
    block = yaml_front_matter({"title": title, "tags": [title]})
    assert block.startswith("---\n") and block.endswith("---\n")
    # PyYAML reads what it wrote, whatever the characters (control characters are escaped)
    loaded = yaml.safe_load(block[4:-4])
    assert loaded == {"title": title, "tags": [title]}
