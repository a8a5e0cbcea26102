"""Conformance on real public exports (../shared/corpus): the counts corpus/INDEX.md lists."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.readers import read
from importer.readers.detect import detect_format


def _counts(archive: Archive) -> Counter[str]:
    counts: Counter[str] = Counter(f"{p.kind}:{p.status}" for p in archive.posts)
    counts["comments"] = archive.comment_count
    return counts


CASES = [
    ("legacy/kriscargile_blog-08-19-2012.xml", "blogger-legacy",
     {"post:published": 8, "post:draft": 2, "page:published": 1, "comments": 1}),
    ("legacy/gbc_blogger-sample2_2008.xml", "blogger-legacy",
     {"post:published": 4, "comments": 3}),
    ("takeout/bhpayne_triplog/Blogger/Blogs/trip log/feed.atom", "blogger-takeout",
     {"post:published": 5, "post:draft": 1, "comments": 0}),
    ("takeout/bhpayne_triplog", "blogger-takeout",
     {"post:published": 5, "post:draft": 1, "comments": 0}),
]


@pytest.mark.parametrize("relative,fmt,expected", CASES, ids=[c[0].split("/")[1] for c in CASES])
def test_corpus_counts(corpus: Path, relative: str, fmt: str, expected: dict[str, int]) -> None:
    path = corpus / relative
    assert detect_format(path) == fmt
    diagnostics = Diagnostics()
    archive = read(path, diagnostics=diagnostics)
    assert _counts(archive) == Counter(expected)
    assert diagnostics.worst() is None or str(diagnostics.worst()) != "error"


def test_triplog_urls_are_rebuilt_from_local_dates_and_flagged(corpus: Path) -> None:
    diagnostics = Diagnostics()
    archive = read(corpus / "takeout/bhpayne_triplog", diagnostics=diagnostics)
    live = [p for p in archive.posts if p.status == "published"]
    assert all(p.url_reconstructed and p.url for p in live)
    assert all(p.url.startswith("https://triplogandnotes.blogspot.com/") for p in live if p.url)
    colorado = next(p for p in live if "Colorado" in p.title)
    # 2017-03-03T00:24Z is still 2 March in Los Angeles, but the month is the same: March.
    assert colorado.published.isoformat().startswith("2017-03-02T16:24")
    assert colorado.url.endswith("/2017/03/skiing-in-colorado-2017.html")
    draft = next(p for p in archive.posts if p.status == "draft")
    assert draft.url is None and not draft.url_reconstructed
    assert diagnostics.codes() == ["url-reconstructed"]
    assert archive.blog.timezone == "America/Los_Angeles" and archive.blog.title == "trip log"


def test_kriscargile_comment_keeps_display_time_and_it_agrees(corpus: Path) -> None:
    diagnostics = Diagnostics()
    archive = read(corpus / "legacy/kriscargile_blog-08-19-2012.xml", diagnostics=diagnostics)
    (comment,) = [c for p in archive.posts for c in p.comments]
    assert comment.extra["display_time"] == "July 13, 2011 10:22 PM"
    assert comment.post_id == "6564295019642347867"
    assert "display-time-mismatch" not in diagnostics.codes()


def test_gbc_sample_blog_url_and_untouched_permalinks(corpus: Path) -> None:
    archive = read(corpus / "legacy/gbc_blogger-sample2_2008.xml")
    assert archive.blog.url == "http://www.blogger.com/blogspot/jjsfavoritethings/"
    post = next(p for p in archive.posts if p.title == "A (somewhat) brief history")
    assert post.url == "http://www.blogger.com/blogspot/jjsfavoritethings/2008/04/somewhat-brief-history.html"
    assert post.slug == "somewhat-brief-history"


def test_corpus_export_with_app_prefix_undeclared_reads_with_a_warning(corpus: Path, tmp_path: Path) -> None:
    """The corpus copy declares ``app`` inline; the defect FORMATS.md describes is recreated."""
    data = (corpus / "legacy/kriscargile_blog-08-19-2012.xml").read_bytes()
    broken = data.replace(b" xmlns:app='http://purl.org/atom/app#'", b"")
    assert broken != data
    path = tmp_path / "blog-08-19-2012.xml"
    path.write_bytes(broken)
    diagnostics = Diagnostics()
    archive = read(path, diagnostics=diagnostics)
    assert diagnostics.codes() == ["prefix-undeclared"]
    assert _counts(archive) == Counter({"post:published": 8, "post:draft": 2, "page:published": 1,
                                        "comments": 1})
