"""The link survey (``link-unresolved``, ``image-remote``) reads plain URLs without ``urlsplit``.

Before: every ``href`` and ``src`` of every body went through ``urlsplit`` (about 80,000 on the
5,000-post export: 0.9 s, the largest part of the checks of a JSON run). The fast path must give
exactly what ``urlsplit`` gives, for any text.
"""

from __future__ import annotations

import sys
import urllib.parse
from pathlib import Path

import pytest
from conftest import FUZZ, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import importer
from importer.checks import content

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate_legacy


def _by_urlsplit(url: str) -> tuple[str, str]:
    parts = content._split(url)
    return (parts.hostname or "").lower(), parts.path


_PIECES = st.sampled_from(["http:", "HTTPS:", "//", "/", "?", "#", "@", ":", "[", "]", "%", "%41",
                           "\t", "\n", " ", "\x00", "ä", "\u2100", "Blogi.BlogSpot.com", "www.",
                           "2010/06/", "kirjoitus.html", "x", "80", "user:pw"])


@settings(FUZZ)
@given(url=st.lists(_PIECES, max_size=12).map("".join) | st.text(max_size=40))
def test_host_and_path_are_what_urlsplit_gives(url: str) -> None:
    assert content._host_path(url) == _by_urlsplit(url)


@pytest.mark.parametrize("url", [
    "http://Blogi.blogspot.FI/2010/06/eka.html?m=1#c1", "//user:pw@host.com:80/p/sivu.html",
    "https://x.com", "http://[::1]/a.html", "http://ho\tst.com/a.html", " http://a.com/ä.html",
    "http://a.com:notaport/x", "https://bp.blogspot.com/-a/X1/s1600/kuva.jpg", "http://exa\u2100mple.com/",
])
def test_host_and_path_of_odd_urls(url: str) -> None:
    assert content._host_path(url) == _by_urlsplit(url)


def test_the_survey_of_plain_bodies_splits_no_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = importer.read(generate_legacy(tmp_path / "blog.xml", posts=60, comments_per_post=0,
                                            messy=True))
    calls: list[str] = []
    real = urllib.parse.urlsplit

    def counted(url: str, *args: object, **kwargs: object) -> urllib.parse.SplitResult:
        calls.append(url)
        return real(url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(content, "urlsplit", counted)
    found = importer.validate(archive)
    assert {d.code for d in found} >= {"link-unresolved", "image-remote"}  # the survey did its work
    assert calls == []
