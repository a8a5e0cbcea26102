"""The fixture blog of fixtures/blog-fi/BLOG.md built from the model (for Markdown writer tests)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from importer.model import Archive, Author, Blog, Comment, Post

HEL = ZoneInfo("Europe/Helsinki")
HOST = "http://sosmedia-ja-muuta.blogspot.com"
PIRJO = Author("Pirjo Esimerkki", "https://www.blogger.com/profile/01234567890123456789")


def _at(y: int, mo: int, d: int, h: int, mi: int) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=HEL)


P1_BODY = (
    "Orkut-projekti oli kevään iso juttu.<br /><br /><a name='more'></a><b>Mitä opin?</b><br />"
    "Opin, että sosmedia&nbsp;on vain yksi media.<br /><br /><b>Lopuksi</b><br />Kiitos lukijoille!"
)
P2_BODY = (
    f'Katso edellinen <a href="{HOST}/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html">kirjoitus</a>.'
    '<div class="separator" style="clear: both; text-align: center;"><a href="https://1.bp.blogspot.com/'
    '-AbCdEfGhIjK/TBCdEfGhIjI/AAAAAAAAABc/XyZ123/s1600/orkut.jpg" imageanchor="1" style="margin-left: 1em;'
    ' margin-right: 1em;"><img border="0" height="240" src="https://1.bp.blogspot.com/-AbCdEfGhIjK/'
    'TBCdEfGhIjI/AAAAAAAAABc/XyZ123/s320/orkut.jpg" width="320" /></a></div>'
    '<iframe allowfullscreen="" frameborder="0" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ"'
    ' width="560"></iframe><br />Tämä on <span style="font-weight: bold;">lihavoitu</span> ja '
    "<i>kursiivi</i>."
)
P5_BODY = (
    "Koodiesimerkki:<pre>{{ muuttuja }}\n{% if x %}\nif a &lt; b: pass</pre>"
    "<ul><li>yksi</li><li>kaksi</li></ul>"
    f'<a href="{HOST}/p/tietoa-minusta.html#yhteystiedot">Yhteystiedot</a>'
)


def _post(pid: str, kind: str, status: str, title: str, path: str | None, when: datetime,
          labels: tuple[str, ...], body: str, comments: tuple[Comment, ...] = (),
          updated: datetime | None = None) -> Post:
    url = f"{HOST}{path}" if path else None
    slug = path.rsplit("/", 1)[-1][:-5] if path else None
    return Post(id=pid, kind=kind, status=status, title=title, slug=slug, url=url, published=when,
                updated=updated or when + timedelta(hours=1), author=PIRJO, labels=labels,
                content_html=body, comments=comments)


def _comment(cid: str, pid: str, parent: str | None, author: Author, when: datetime, status: str,
             text: str) -> Comment:
    return Comment(cid, pid, parent, author, when, status, text)


def blog_fi() -> Archive:
    """Archive of the fixture blog, with the Takeout-only spam and pending comments."""
    p1, p2, p3 = "7000000000000000001", "7000000000000000002", "7000000000000000003"
    ilkka = Author("Ilkka", "https://www.blogger.com/profile/11111111111111111111")
    c1 = (_comment("8000000000000000001", p1, None, ilkka, _at(2010, 6, 10, 16, 2), "published",
                   "Hyvä yhteenveto! Sosmedia on vain yksi media."),
          _comment("8000000000000000002", p1, "8000000000000000001", PIRJO, _at(2010, 6, 10, 18, 15),
                   "published", "Kiitos, Ilkka!"),
          _comment("8000000000000000004", p1, None, Author("Halpoja lääkkeitä"), _at(2010, 6, 11, 3, 12),
                   "spam", '<a href="http://spam.example.invalid/">osta nyt</a>'))
    c2 = (_comment("8000000000000000005", p2, None, Author("Maija"), _at(2010, 6, 12, 10, 0), "pending",
                   "Odottaa hyväksyntää."),)
    c3 = (_comment("8000000000000000003", p3, None, Author("Anonyymi", anonymous=True),
                   _at(2010, 5, 21, 7, 30), "published", "Kiva kuva."),)
    posts = (
        _post("7000000000000000007", "post", "draft", "Keskeneräinen luonnos", None, _at(2010, 6, 12, 20, 0),
              ("luonnos",), "Tämä on vasta luonnos."),
        _post(p1, "post", "published", "Orkut – projekti ja sosmediamarkkinointi",
              "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html", _at(2010, 6, 10, 14, 35),
              ("sosiaalinen media", "Orkut", "Markkinointi"), P1_BODY, c1, _at(2010, 6, 11, 8, 0)),
        _post(p2, "post", "published", "Kesäkuun kuulumiset: ensimmäiset kokemukset",
              "/2010/06/kesakuun-kuulumiset-ensimmaiset.html", _at(2010, 6, 10, 9, 5), ("Orkut", "koodi"),
              P2_BODY, c2),
        _post(p3, "post", "published", "", "/2010/05/blog-post.html", _at(2010, 5, 20, 21, 47), (),
              'Pelkkä kuva ja pari sanaa. <a href="https://sosmedia-ja-muuta.blogspot.com/2010/03/'
              'blog-post.html?m=1">Edellinen</a>', c3),
        _post("7000000000000000004", "post", "published", "", "/2010/03/blog-post.html",
              _at(2010, 3, 28, 10, 15), ("arki",),
              "Kevät tulee! Kellot siirrettiin yöllä tunnilla eteenpäin."),
        _post("7000000000000000005", "post", "published", "Koodia & merkkejä: {{ aaltosulkeet }}",
              "/2010/01/koodia-merkkeja.html", _at(2010, 1, 15, 8, 0), ("Koodi",), P5_BODY),
        _post("7000000000000000006", "page", "published", "Tietoa minusta", "/p/tietoa-minusta.html",
              _at(2010, 1, 2, 12, 0), (), '<p>Olen Pirjo, markkinoinnin opiskelija.</p><h3 id="yhteystiedot">'
              "Yhteystiedot</h3><p>pirjo (at) example.invalid</p>"),
    )
    blog = Blog(id="1234567890123456789", title="Sosmedia ja muuta", url=f"{HOST}/", locale="fi",
                timezone="Europe/Helsinki",
                description="Ajatuksia markkinoinnista ja sosiaalisesta mediasta.")
    return Archive(blog=blog, posts=posts)
