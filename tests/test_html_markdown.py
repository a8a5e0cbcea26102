"""HTML to Markdown: escaping, code, embeds, raw HTML counting, hostile nesting."""

from __future__ import annotations

import pytest

from importer.html.markdown import html_to_markdown, youtube_id


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("10. kesäkuuta", "10\\. kesäkuuta\n"),
        ("snake_case ja _x_", "snake_case ja \\_x\\_\n"),
        ("a * b", "a \\* b\n"),
        ("Hinta 5 € - 10 €", "Hinta 5 € - 10 €\n"),
        ("C# ja #tagi keskellä", "C# ja #tagi keskellä\n"),
        ("<h3>Kieli C #</h3>", "### Kieli C \\#\n"),
        ("&lt;b&gt; &amp;amp;", "\\<b> \\&amp;\n"),
        ("<pre>a\n```\nb</pre>", "````\na\n```\nb\n````\n"),
        ('<pre class="brush: js">x<br />y</pre>', "```js\nx\ny\n```\n"),
        ("<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n    - b\n"),
    ],
    ids=["ordinal", "underscore", "star", "dash-mid-line", "hash-mid-line", "heading-hash", "entities",
         "fence-longer", "pre-br-language", "nested-list"],
)
def test_conversion(html: str, expected: str) -> None:
    assert html_to_markdown(html).markdown == expected


def test_youtube_ids() -> None:
    assert youtube_id("https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0") == "dQw4w9WgXcQ"
    assert youtube_id("http://www.youtube.com/v/dQw4w9WgXcQ&hl=fi") == "dQw4w9WgXcQ"
    assert youtube_id("https://vimeo.com/123") is None


def test_embeds_as_shortcode_or_iframe() -> None:
    html = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe>'
    shortcode = html_to_markdown(html, youtube_shortcode="{{{{< youtube {id} >}}}}", hugo=True)
    assert shortcode.markdown == "{{< youtube dQw4w9WgXcQ >}}\n" and shortcode.raw_kept == 0
    iframe = html_to_markdown(html)
    assert iframe.markdown.startswith('<iframe width="560" height="315" src="https://www.youtube.com/embed/')
    assert iframe.raw_kept == 1 and iframe.raw_tags == ("iframe",)


def test_inexpressible_table_stays_balanced_html() -> None:
    table = '<table><tr><td rowspan="2">a</td><td>b</td></tr>\n\n<tr><td>c</td></tr></table>'
    result = html_to_markdown(table)
    assert result.markdown.startswith("<table>") and result.markdown.rstrip().endswith("</table>")
    assert "\n\n" not in result.markdown.strip()  # a blank line would end the HTML block
    assert result.raw_tags == ("table",)


def test_jump_break_marker_and_summary() -> None:
    result = html_to_markdown("Alku.<br /><br /><a name='more'></a>Loppu.", more_marker="<!-- more -->")
    assert result.markdown == "Alku.\n\n<!-- more -->\n\nLoppu.\n"
    assert result.summary == "Alku."
    assert html_to_markdown("Alku.<!--more-->Loppu.", more_marker="").markdown == "Alku.\n\nLoppu.\n"


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    html = "<div>" * 3000 + "<b>syvä</b>" + "</div>" * 3000 + "<p>pinta</p>"
    result = html_to_markdown(html)
    assert "pinta" in result.markdown and "syvä" in result.markdown
    assert "nested" in result.raw_tags
    assert result.markdown.count("<div>") == result.markdown.count("</div>")


def test_hugo_shortcode_like_text_is_neutralized() -> None:
    assert html_to_markdown("a {{< x >}} b", hugo=True).markdown == "a {{</* x */>}} b\n"
    assert html_to_markdown("a {{< x >}} b").markdown == "a {{< x >}} b\n"


def test_private_use_characters_in_text_are_not_taken_for_placeholders() -> None:
    # icon fonts put private-use characters in text; the converter stashes pieces behind
    # private-use delimiters, and a body holding the same pair crashed or got the wrong piece
    for html in ["<p>icon \ue0000\ue001 <code>x</code></p>", "<p>&#xe000;0&#xe001; <u>y</u></p>"]:
        markdown = html_to_markdown(html).markdown
        assert "\ue0000\ue001" in markdown
    assert html_to_markdown("<p>icon \ue0000\ue001 <code>x</code></p>").markdown.endswith("`x`\n")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Aja:<br><code>cd /tmp<br>make all</code></p>", "Aja:  \n\n```\ncd /tmp\nmake all\n```\n"),
        ("<code><div>a</div><div>b</div></code>", "```\na\nb\n```\n"),
        ("<p>käytä <code>a\nb</code> nyt</p>", "käytä `a b` nyt\n"),
        ('<a href="http://x/">Koodi: <code>a<br>b</code></a>', "[Koodi: `a b`](http://x/)\n"),
    ],
    ids=["br-lines", "div-lines", "source-newline-is-space", "in-link-stays-inline"],
)
def test_code_lines_broken_by_br_stay_lines(html: str, expected: str) -> None:
    # <code> with <br> lines (no <pre>) ran the lines together: "cd /tmpmake all"
    assert html_to_markdown(html).markdown == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<ul><li>teksti<pre>a\n\nb</pre>jälkeen</li><li>kaksi</li></ul>",
         "- teksti\n\n    ```\n    a\n\n    b\n    ```\n\n    jälkeen\n- kaksi\n"),
        ("<ul><li><pre>a\nb</pre></li><li>kaksi</li></ul>", "- ```\n  a\n  b\n  ```\n- kaksi\n"),
        ("<blockquote><pre>a\n\nb</pre>jälkeen</blockquote><p>ulos</p>",
         "> ```\n> a\n>\n> b\n> ```\n>\n> jälkeen\n\nulos\n"),
    ],
    ids=["in-list-item", "list-item-starts-with-code", "in-quote"],
)
def test_code_blocks_in_lists_and_quotes_stay_inside(html: str, expected: str) -> None:
    # the block's later lines lacked the item's indentation or the quote's ">": the container
    # ended at the first code line and the closing fence opened a block swallowing the rest
    assert html_to_markdown(html).markdown == expected


def test_pipes_in_code_and_links_of_table_cells_do_not_split_the_cell() -> None:
    # GFM splits table rows at every bare "|", inside code spans and link destinations too:
    # `a|b` became two cells and shifted every later cell of the row
    html = ('<table><thead><tr><th>op</th><th>linkki</th></tr></thead><tr><td><code>a|b</code></td>'
            '<td><a href="http://x/?a=1|2" title="t|u">l|k</a> <img src="i|.jpg" alt="x|y"></td>'
            '</tr></table>')
    row = html_to_markdown(html).markdown.splitlines()[2]
    assert row == r'| `a\|b` | [l\|k](http://x/?a=1\|2 "t\|u") ![x\|y](i\|.jpg) |'
    assert html_to_markdown("<p><code>a|b</code></p>").markdown == "`a|b`\n"  # only in cells


def test_a_table_footer_is_a_last_row_not_a_second_header() -> None:
    # the theme unit test's <tfoot> got a second "| --- |" line: a row of dashes in every page
    html = ("<table><thead><tr><th>otsikko</th><th>toinen</th></tr></thead><tbody><tr><td>a</td>"
            "<td>b</td></tr></tbody><tfoot><tr><th>yhteensä</th><th>2</th></tr></tfoot></table>")
    assert html_to_markdown(html).markdown == (
        "| otsikko | toinen |\n| --- | --- |\n| a | b |\n| yhteensä | 2 |\n")


def test_a_footer_written_before_the_body_keeps_the_table_as_html() -> None:
    # a browser shows such a footer last; a pipe table would show it in the middle
    html = ("<table><thead><tr><th>o</th></tr></thead><tfoot><tr><td>loppu</td></tr></tfoot>"
            "<tbody><tr><td>a</td></tr></tbody></table>")
    assert html_to_markdown(html).markdown.startswith("<table>")


@pytest.mark.parametrize("text", ["-- -", "- - -", "--  --", "---"])
def test_a_line_of_dashes_is_text_not_a_thematic_break(text: str) -> None:
    # found by the emphasis property test: "-- -" rendered as <hr> and its text was gone
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(html_to_markdown(f"<p>{text}</p>").markdown)
    assert "<hr" not in rendered and rendered.count("-") == text.count("-")


def test_the_line_after_a_break_starts_without_a_space() -> None:
    # WordPress classic text (and Takeout bodies) put a newline after each <br />: every such
    # line of the Markdown began with a space that no page shows
    assert html_to_markdown("<p>1 Infinite Loop<br />\nCupertino<br />\n- ei lista</p>").markdown == (
        "1 Infinite Loop  \nCupertino  \n\\- ei lista\n")
