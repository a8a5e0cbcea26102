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
