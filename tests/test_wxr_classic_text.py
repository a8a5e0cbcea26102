"""WordPress classic-editor text keeps its paragraphs.

A classic-editor body is stored as typed (``Eka kappale.\\n\\nToka kappale``) and WordPress adds
``<p>``/``<br />`` only on display; read as HTML, the two paragraphs became one in every output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BLOG_FI
from markdown_it import MarkdownIt
from test_wxr_reader import document, load

from importer import read, write
from importer.html.autop import auto_paragraphs

CLASSIC = "Eka kappale.\n\nToka kappale\nja sen toinen rivi.\n\n<pre>koodi\n\n  sisennys</pre>\n\nLoppu"


def _item(body: str, comment: str = "") -> str:
    return f"""<item><title>Klassinen</title><link>https://b.example/?p=7</link>
<dc:creator>pirjo</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date>2010-06-10 14:35:00</wp:post_date>
<wp:post_date_gmt>2010-06-10 11:35:00</wp:post_date_gmt><wp:post_name>klassinen</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
{comment}</item>"""


COMMENT = """<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Ilkka</wp:comment_author>
<wp:comment_date>2010-06-10 16:02:00</wp:comment_date>
<wp:comment_date_gmt>2010-06-10 13:02:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Hyvä kirjoitus.

Toinen kappale.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_parent>0</wp:comment_parent></wp:comment>"""


def test_classic_paragraphs_survive_into_markdown(tmp_path: Path) -> None:
    archive, _ = load(tmp_path, document(_item(CLASSIC, COMMENT)))
    post = archive.posts[0]
    assert post.content_html == ("<p>Eka kappale.</p>\n<p>Toka kappale<br />\nja sen toinen rivi.</p>\n"
                                 "<pre>koodi\n\n  sisennys</pre>\n<p>Loppu</p>")
    assert post.comments[0].content_html == "<p>Hyvä kirjoitus.</p>\n<p>Toinen kappale.</p>"
    files = {f.path: f.data.decode() for f in write(archive, "hugo")}
    html = MarkdownIt("commonmark").render(files["content/posts/klassinen.md"].split("+++\n", 2)[-1]
                                           .split("---\n", 2)[-1])
    assert html.count("<p>") == 3 and "<br />" in html and "<pre><code>koodi\n\n  sisennys" in html


@pytest.mark.parametrize("body", [
    "<!-- wp:paragraph -->\n<p>Lohko</p>\n<!-- /wp:paragraph -->",   # block editor: markup is there
    "<p>Valmis kappale.</p>",                                          # one line, nothing to add
])
def test_bodies_with_their_own_markup_are_left_alone(body: str) -> None:
    assert auto_paragraphs(body) == body


def test_our_own_wxr_keeps_bodies_byte_for_byte(tmp_path: Path) -> None:
    # Blogger's HTML has line breaks of its own; WordPress-style paragraphs must not be added to it
    source = read(BLOG_FI / "legacy.xml")
    assert any("\n" in p.content_html for p in source.posts)
    archive, _ = load(tmp_path, write(source, "wxr")[0].data)
    bodies = {p.id: p.content_html for p in source.posts}
    assert {p.id: p.content_html for p in archive.posts} == bodies


def test_line_breaks_inside_a_block_element_are_kept_as_wordpress_shows_them() -> None:
    # the theme unit test's <address> of three lines came out as one line in every output
    body = ("<address>1 Infinite Loop\nCupertino, CA 95014\nUnited States</address><strong>Seuraava</strong>"
            "\n\n<ul>\n<li>yksi\njatkuu</li>\n<li>kaksi</li>\n</ul>")
    assert auto_paragraphs(body) == (
        "<address>1 Infinite Loop<br />\nCupertino, CA 95014<br />\nUnited States</address>\n"
        "<p><strong>Seuraava</strong></p>\n<ul>\n<li>yksi<br />\njatkuu</li>\n<li>kaksi</li>\n</ul>")
