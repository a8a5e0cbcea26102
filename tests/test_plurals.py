"""Messages use real plurals: '1 post', '2 posts', never 'piece(s)' or '(1 posts)'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BLOG_FI

from importer.checks.examples import EXAMPLES
from importer.checks.registry import CHECKS
from importer.diagnostics import Diagnostics, plural
from importer.pipeline import convert

_WRONG = re.compile(r"\w\(s\)|(?<![\d,.])1 (?:posts|pages|comments|entries|links|images|pieces|"
                    r"diagnostics|files|drafts|times|image references)\b")


def test_plural() -> None:
    assert (plural(1, "post"), plural(0, "post"), plural(2, "entry", "entries")) == (
        "1 post", "0 posts", "2 entries")


@pytest.mark.parametrize("to", ["hugo", "pelican", "wxr", "json"])
def test_no_message_of_a_real_run_says_s_in_brackets_or_1_posts(to: str, tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    convert(BLOG_FI / "legacy.xml", tmp_path / "out", to=to, diagnostics=diagnostics)
    wrong = [str(d) for d in diagnostics if _WRONG.search(d.message)]
    assert not wrong  # was: "Label 'Koodi' (1 posts) was merged", "1 piece(s) of HTML kept"


def test_no_catalogue_example_does_either() -> None:
    examples = [*EXAMPLES.values(), *(check.example for check in CHECKS)]
    assert not [text for text in examples if _WRONG.search(text)]
