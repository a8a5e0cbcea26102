"""Blogger HTML cleanup: paragraphs from <br> runs, wrappers, spans, Word cruft, nbsp, jump break."""

from __future__ import annotations

import pytest

from importer.html.cleanup import MORE_TAG, clean


def _html(source: str) -> str:
    return "".join(str(child) for child in clean(source).root.children)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a<br /><br />b<br />c", "<p>a</p><p>b<br/>c</p>"),
        ('<div dir="ltr" trbidi="on">x<br /><br /><br />y</div>', "<p>x</p><p>y</p>"),
        ('<span style="font-weight: bold;">b</span><span style="color:red">r</span>', "<strong>b</strong>r"),
        ('<span style="font-weight:bold;font-style:italic">x</span>', "<strong><em>x</em></strong>"),
        ('<p class="MsoNormal">w<o:p></o:p></p><!--[if gte mso 9]><xml>x</xml><![endif]-->', "<p>w</p>"),
        ("a&nbsp;&nbsp; b 10&nbsp;km", "a b 10\xa0km"),
        ("<div><br /></div><p>&nbsp;</p><p>t</p>", "<p>t</p>"),
    ],
    ids=["br-runs", "trbidi", "spans", "bold-italic", "word", "nbsp", "empty-blocks"],
)
def test_clean(source: str, expected: str) -> None:
    assert _html(source) == expected


def test_jump_break_becomes_one_block_marker() -> None:
    result = clean("a<br /><br /><span><a name='more'></a>b</span><!--more-->")
    assert result.has_more
    assert len(result.root.find_all(MORE_TAG)) == 1
    assert _html("a<br /><br /><a name='more'></a>b") == f"<p>a</p><{MORE_TAG}></{MORE_TAG}><p>b</p>"


def test_caption_table_keeps_the_s1600_link() -> None:
    source = ('<table class="tr-caption-container"><tr><td><a href="https://x/s1600/k.jpg"><img '
              'src="https://x/s320/k.jpg"/></a></td></tr><tr><td class="tr-caption">Ranta</td></tr></table>')
    html = _html(source)
    assert "<table" not in html and 'href="https://x/s1600/k.jpg"' in html and "<p>Ranta</p>" in html


def test_empty_word_element_with_children_is_dropped_without_a_crash() -> None:
    # Word pastes put styled spans inside <o:p>; dropping the empty <o:p> used to leave its
    # decomposed children in the loop, and reading their class crashed the whole conversion
    assert _html('<p class=MsoNormal>Hei<o:p><span lang=FI>&nbsp;</span></o:p></p>') == "<p>Hei</p>"
    assert _html('<o:p><span class="MsoX"><b></b></span></o:p><p>t</p>') == "<p>t</p>"
