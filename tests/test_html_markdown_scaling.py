"""HTML to Markdown is linear in the body size (a 50 MB single post took 95 s and 2.26 GB).

The body is built here: Blogger's "convert line breaks" shape (every paragraph a child of one
``<div dir="ltr" trbidi="on">``, separated by ``<br /><br />``) with styled spans, links, images,
lists, headings and ``&nbsp;``. Four times the body must take well under the 16 times a quadratic
conversion takes; CPU time (not wall time) so other work on the machine matters less. Speed
targets are in ``benchmarks/bench_big_body.py``.
"""

from __future__ import annotations

import time

from lxml import etree

from importer.html.markdown import html_to_markdown

SMALL, LARGE = 250_000, 1_000_000
#: Linear is 4; quadratic 16. The margin absorbs the fixed costs and a busy machine.
MAX_RATIO = 7.0
#: CPU time of HTML to Markdown over a bare lxml parse and serialization of the same 1 MB body:
#: about 110 with BeautifulSoup and markdownify (2.5 s), about 15 on our own tree (0.5 s).
MAX_TIMES_PARSE = 60.0
_PIECES = (
    '<span style="font-weight: bold;">Päivän ohjelma:<br /></span>Lähtö kello kymmenen.',
    'Katso <a href="http://esimerkki.blogspot.com/2010/01/kirjoitus.html">aiempi kirjoitus</a>.',
    '<div class="separator" style="clear: both; text-align: center;"><a href="https://1.bp.blogspot.com'
    '/-a/s1600/kuva.jpg" imageanchor="1"><img border="0" src="https://1.bp.blogspot.com/-a/s320/kuva.jpg"'
    ' /></a></div>',
    '<span style="font-family: Arial;">Sosiaalinen media&nbsp;&nbsp;ja markkinointi, <i>kesä</i> 2010.'
    '</span>',
    "<ul><li>yksi</li><li>kaksi <b>lihava</b></li></ul>",
    "<h3>Väliotsikko</h3>Teksti jatkuu otsikon jälkeen ja kertoo lisää.",
)


def big_body(size: int) -> str:
    """A Blogger-shaped body of about ``size`` characters."""
    paragraphs: list[str] = []
    length = 0
    while length < size:
        piece = _PIECES[len(paragraphs) % len(_PIECES)]
        paragraphs.append(piece)
        length += len(piece) + 12
    return '<div dir="ltr" trbidi="on">' + "<br /><br />".join(paragraphs) + "</div>"


def _seconds(body: str) -> float:
    start = time.process_time()
    markdown = html_to_markdown(body).markdown
    assert markdown.count("Väliotsikko") == body.count("Väliotsikko")
    return time.process_time() - start


def test_four_times_the_body_takes_about_four_times_as_long() -> None:
    small, large = big_body(SMALL), big_body(LARGE)
    ratio = _seconds(large) / min(_seconds(small), _seconds(small))
    assert ratio < MAX_RATIO, f"{LARGE // SMALL}x the body took {ratio:.1f}x as long"


def _parse_seconds(body: str) -> float:
    start = time.process_time()
    etree.tostring(etree.fromstring(body, etree.HTMLParser()), encoding="unicode", method="html")
    return time.process_time() - start


def test_conversion_costs_a_bounded_multiple_of_parsing() -> None:
    # a 50 MB body took 95 s to Markdown: the converter's own work per element was the cost, not
    # the parser's; measured against a bare parse so the figure does not depend on the machine
    body = big_body(LARGE)
    ratio = min(_seconds(body) for _ in range(2)) / min(_parse_seconds(body) for _ in range(3))
    assert ratio < MAX_TIMES_PARSE, f"HTML to Markdown took {ratio:.0f}x a bare lxml parse"
