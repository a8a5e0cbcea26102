"""The fixture blog (fixtures/blog-fi/BLOG.md) built directly in the model, for the WXR tests.

Built from the model rather than from an export so that the writer tests do not depend on a
reader; a few hostile details are added on purpose (a reply whose Blogger id is LOWER than its
parent's, a ``]]>`` and a ``\\x0b`` in bodies, two untitled posts at the same second).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from importer.model import Archive, Author, Blog, Comment, Post

HELSINKI = ZoneInfo("Europe/Helsinki")
HOST = "http://sosmedia-ja-muuta.blogspot.com"
PIRJO = Author("Pirjo Esimerkki", "https://www.blogger.com/profile/01234567890123456789")
IMAGE = "https://1.bp.blogspot.com/-AbCdEfGhIjK/TBCdEfGhIjI/AAAAAAAAABc/XyZ123"
NS = {"wp": "http://wordpress.org/export/1.2/", "dc": "http://purl.org/dc/elements/1.1/",
      "content": "http://purl.org/rss/1.0/modules/content/",
      "excerpt": "http://wordpress.org/export/1.2/excerpt/"}


def at(*parts: int) -> datetime:
    """A Helsinki wall-clock time."""
    return datetime(*parts, tzinfo=HELSINKI)  # type: ignore[misc]


def _comment(cid: str, post: str, parent: str | None, who: Author, when: datetime, status: str,
             text: str) -> Comment:
    return Comment(cid, post, parent, who, when, status, text)


P1 = "7000000000000000001"
COMMENTS_P1 = (
    # the reply (…0001) has a LOWER Blogger id than its parent (…0009): ids must be renumbered
    _comment("8000000000000000009", P1, None, Author("Ilkka", "https://www.blogger.com/profile/1"),
             at(2010, 6, 10, 16, 2), "published", "Hyvä yhteenveto! Sosmedia on vain yksi media."),
    _comment("8000000000000000001", P1, "8000000000000000009", PIRJO, at(2010, 6, 10, 18, 15),
             "published", "Kiitos, Ilkka!"),
    _comment("8000000000000000004", P1, None, Author("Halpoja lääkkeitä"), at(2010, 6, 11, 3, 12),
             "spam", '<a href="http://spam.example.invalid/">osta nyt</a>'),
    _comment("8000000000000000006", P1, None, Author("Poistettu"), at(2010, 6, 11, 4, 0),
             "deleted", ""),
)


def sample_posts() -> tuple[Post, ...]:
    """The fixture blog's entries, newest first, plus a second untitled post at P3's second."""
    return (
        Post("7000000000000000007", "post", "draft", "Keskeneräinen luonnos", None, None,
             at(2010, 6, 12, 20, 0), author=PIRJO, labels=("luonnos",),
             content_html="Tämä on vasta luonnos."),
        Post(P1, "post", "published", "Orkut – projekti ja sosmediamarkkinointi",
             "orkut-projekti-ja-sosmediamarkkinointi",
             f"{HOST}/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html", at(2010, 6, 10, 14, 35),
             updated=at(2010, 6, 11, 8, 0), author=PIRJO,
             labels=("sosiaalinen media", "Orkut", "Markkinointi"),
             content_html="Ensin <b>Mitä opin?</b> ja ]]> sekä \x0bpystysarkain.<a name='more'></a>",
             comments=COMMENTS_P1),
        Post("7000000000000000002", "post", "published", "Kesäkuun kuulumiset: ensimmäiset kokemukset",
             "kesakuun-kuulumiset-ensimmaiset", f"{HOST}/2010/06/kesakuun-kuulumiset-ensimmaiset.html",
             at(2010, 6, 10, 9, 5), author=PIRJO, labels=("Orkut", "koodi"),
             content_html=f'<a href="{IMAGE}/s1600/orkut.jpg" imageanchor="1"><img border="0" '
                          f'src="{IMAGE}/s320/orkut.jpg" width="320" /></a>',
             comments=(_comment("8000000000000000005", "7000000000000000002", None, Author("Maija"),
                                at(2010, 6, 12, 10, 0), "pending", "Odottaa hyväksyntää."),)),
        Post("7000000000000000003", "post", "published", "", "blog-post", f"{HOST}/2010/05/blog-post.html",
             at(2010, 5, 20, 21, 47), author=PIRJO, content_html="Pelkkä kuva ja pari sanaa.",
             comments=(_comment("8000000000000000003", "7000000000000000003", None,
                                Author("Anonyymi", anonymous=True), at(2010, 5, 21, 7, 30),
                                "published", "Kiva kuva."),)),
        Post("7000000000000000008", "post", "published", "", "blog-post_20",
             f"{HOST}/2010/05/blog-post_20.html", at(2010, 5, 20, 21, 47), author=PIRJO,
             content_html="Toinen nimetön samalla sekunnilla."),
        Post("7000000000000000004", "post", "published", "", "blog-post", f"{HOST}/2010/03/blog-post.html",
             at(2010, 3, 28, 10, 15), author=PIRJO, labels=("arki",),
             content_html="Kevät tulee! Kellot siirrettiin yöllä tunnilla eteenpäin."),
        Post("7000000000000000005", "post", "published", "Koodia & merkkejä: {{ aaltosulkeet }}",
             "koodia-merkkeja", f"{HOST}/2010/01/koodia-merkkeja.html", at(2010, 1, 15, 8, 0),
             author=PIRJO, labels=("Koodi",), content_html="<pre>{{ muuttuja }}\n&lt;</pre>"),
        Post("7000000000000000006", "page", "published", "Tietoa minusta", "tietoa-minusta",
             f"{HOST}/p/tietoa-minusta.html", at(2010, 1, 2, 12, 0), author=PIRJO,
             content_html="<p>Olen Pirjo, markkinoinnin opiskelija.</p>"),
    )


def sample_archive() -> Archive:
    """The whole sample blog."""
    blog = Blog(id="1234567890123456789", title="Sosmedia ja muuta", url=f"{HOST}/", locale="fi",
                timezone="Europe/Helsinki",
                description="Ajatuksia markkinoinnista ja sosiaalisesta mediasta.")
    return Archive(blog=blog, posts=sample_posts())


def parse(data: bytes) -> etree._Element:
    """A WXR document parsed strictly (raises on anything malformed)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, strip_cdata=False)
    return etree.fromstring(data, parser)


def items(root: etree._Element) -> list[etree._Element]:
    """The document's ``<item>`` elements."""
    return list(root.iter("item"))


def wp(element: etree._Element, name: str) -> str:
    """Text of a ``wp:`` child."""
    return str(element.findtext(f"wp:{name}", namespaces=NS))


def by_source_id(root: etree._Element) -> dict[str, etree._Element]:
    """Items keyed by the Blogger id the writer keeps in postmeta."""
    result = {}
    for item in items(root):
        for meta in item.findall("wp:postmeta", NS):
            if meta.findtext("wp:meta_key", namespaces=NS) == "_blogimport_id":
                result[str(meta.findtext("wp:meta_value", namespaces=NS))] = item
    return result
