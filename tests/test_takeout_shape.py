"""One rule for the Takeout folder shape: detection, the Takeout reader and ``validate`` agree.

Before, three functions decided it and disagreed: ``Blogs/X/feed.atom`` was refused by detection
but read with ``--from blogger-takeout``; ``a/b/c/Blogger/Blogs/X/feed.atom`` was detected as a
Takeout and then the reader found "no feed".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BLOG_FI

from importer.checks import validate_paths
from importer.errors import FormatDetectionError, InputError
from importer.readers import read
from importer.readers.detect import detect_format

BLOG = BLOG_FI / "takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta"
POSTS_IN_FIXTURE = 7  # fixtures/blog-fi/BLOG.md: 5 posts, 1 page, 1 draft


def _place_blog(root: Path, relative: str) -> Path:
    """A copy of the fixture blog folder at ``root/relative``; returns ``root``."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(BLOG, target)
    return root


# The folder a user may give, by what it is, with where the blog folder sits inside it.
TAKEOUT_SHAPES = {
    "blog folder": "",
    "Blogs folder": "Sosmedia ja muuta",
    "Blogger folder": "Blogs/Sosmedia ja muuta",
    "Takeout folder": "Blogger/Blogs/Sosmedia ja muuta",
    "extracted zip": "Takeout/Blogger/Blogs/Sosmedia ja muuta",
}


@pytest.mark.parametrize("relative", TAKEOUT_SHAPES.values(), ids=TAKEOUT_SHAPES.keys())
def test_every_takeout_shape_is_detected_read_and_validated_as_one_input(tmp_path: Path,
                                                                         relative: str) -> None:
    given = _place_blog(tmp_path / "given", relative) if relative else _place_blog(tmp_path, "given")
    assert detect_format(given) == "blogger-takeout"
    assert len(read(given).posts) == POSTS_IN_FIXTURE
    assert len(read(given, format="blogger-takeout").posts) == POSTS_IN_FIXTURE
    report = validate_paths([given])
    assert [(f.format, f.posts) for f in report.files] == [("blogger-takeout", POSTS_IN_FIXTURE)]


def test_a_folder_holding_a_takeout_deeper_is_not_one_everywhere(tmp_path: Path) -> None:
    downloads = _place_blog(tmp_path / "downloads", "a/b/c/Blogger/Blogs/Sosmedia ja muuta")
    with pytest.raises(FormatDetectionError):
        detect_format(downloads)
    with pytest.raises(InputError, match="no Takeout blog feed"):
        read(downloads, format="blogger-takeout")
    # validate searches such a folder and finds the Takeout folder inside it as one input
    report = validate_paths([downloads])
    assert [(Path(f.path).name, f.format) for f in report.files] == [("c", "blogger-takeout")]


def test_comments_folder_feeds_are_never_blogs(tmp_path: Path) -> None:
    blogger = tmp_path / "Blogger"
    comments = blogger / "Comments" / "Other blog"
    comments.mkdir(parents=True)
    shutil.copy(BLOG / "feed.atom", comments / "feed.atom")
    with pytest.raises(InputError, match="no Takeout blog feed"):
        read(blogger, format="blogger-takeout")
    with pytest.raises(InputError, match="no Takeout blog feed"):
        read(blogger / "Comments", format="blogger-takeout")


def test_a_saved_public_feed_named_feed_atom_is_no_takeout(tmp_path: Path) -> None:
    # Any folder holding a file called feed.atom was taken for a Takeout blog folder: a saved
    # public feed there gave 0 posts and 5 entry-invalid errors, and validate checked nothing else.
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "feed.atom").write_bytes((BLOG_FI / "public-feed.xml").read_bytes())
    shutil.copy(BLOG_FI / "legacy.xml", folder / "legacy.xml")
    with pytest.raises(FormatDetectionError):
        detect_format(folder)
    assert detect_format(folder / "feed.atom") == "blogger-feed"
    report = validate_paths([folder])
    assert sorted((Path(f.path).name, f.format) for f in report.files) == [
        ("feed.atom", "blogger-feed"), ("legacy.xml", "blogger-legacy")]


def test_detect_format_takes_a_string_path() -> None:
    assert detect_format(str(BLOG_FI / "legacy.xml")) == "blogger-legacy"
