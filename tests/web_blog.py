"""The fixture blog for the web tests: fixtures/blog-fi/legacy.xml when a reader for it is
registered, else the same posts built from the model as fixtures/blog-fi/BLOG.md specifies."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import BLOG_FI

from importer.errors import FormatDetectionError
from importer.model import Archive, Blog, Comment, Post
from importer.readers import read

HOST = "http://sosmedia-ja-muuta.blogspot.com"
OLD_HOST = "sosmedia-ja-muuta.blogspot"
IMG = "https://1.bp.blogspot.com/-AbCdEfGhIjK/TBCdEfGhIjI/AAAAAAAAABc/XyZ123"
P1, P2, P3, P4, P5, G1 = (f"700000000000000000{n}" for n in (1, 2, 3, 4, 5, 6))
_HEL = ZoneInfo("Europe/Helsinki")

BODIES = {
    P1: "Orkut-projekti.<br /><br /><a name='more'></a><b>Mitä opin?</b><br />Paljon.",
    P2: (f'Katso <a href="{HOST}/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html">edellinen</a>.'
         f'<div class="separator"><a href="{IMG}/s1600/orkut.jpg" imageanchor="1"><img border="0" '
         f'src="{IMG}/s320/orkut.jpg" width="320" /></a></div>'),
    P3: ('Pelkkä kuva ja pari sanaa. <a href="https://sosmedia-ja-muuta.blogspot.com/2010/03/'
         'blog-post.html?m=1">Edellinen</a>'),
    P4: "Kevät tulee!",
    P5: f'<pre>{{{{ muuttuja }}}}</pre><a href="{HOST}/p/tietoa-minusta.html#yhteystiedot">Minusta</a>',
    G1: '<p>Olen Pirjo.</p><h3 id="yhteystiedot">Yhteystiedot</h3>',
}
PATHS = {
    P1: "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html",
    P2: "/2010/06/kesakuun-kuulumiset-ensimmaiset.html",
    P3: "/2010/05/blog-post.html",
    P4: "/2010/03/blog-post.html",
    P5: "/2010/01/koodia-merkkeja.html",
    G1: "/p/tietoa-minusta.html",
}
LABELS = {P1: ("sosiaalinen media", "Orkut", "Markkinointi"), P2: ("Orkut", "koodi"), P4: ("arki",),
          P5: ("Koodi",)}
DATES = {P1: (2010, 6, 10, 14, 35), P2: (2010, 6, 10, 9, 5), P3: (2010, 5, 20, 21, 47),
         P4: (2010, 3, 28, 10, 15), P5: (2010, 1, 15, 8, 0), G1: (2010, 1, 2, 12, 0)}
TITLES = {P1: "Orkut – projekti ja sosmediamarkkinointi",
          P2: "Kesäkuun kuulumiset: ensimmäiset kokemukset", P5: "Koodia & merkkejä",
          G1: "Tietoa minusta"}


def _built() -> Archive:
    posts = []
    for pid, path in PATHS.items():
        when = datetime(*DATES[pid], tzinfo=_HEL)
        comments = ()
        if pid == P3:
            comments = (Comment("8000000000000000003", P3, None, _author(), when, "published", "Kiva kuva."),)
        posts.append(Post(pid, "page" if pid == G1 else "post", "published", TITLES.get(pid, ""),
                          path.rsplit("/", 1)[-1][:-5], HOST + path, when, labels=LABELS.get(pid, ()),
                          content_html=BODIES[pid], comments=comments))
    blog = Blog(id="1234567890123456789", title="Sosmedia ja muuta", url=HOST + "/", locale="fi",
                timezone="Europe/Helsinki")
    return Archive(blog, tuple(posts))


def _author():  # type: ignore[no-untyped-def]
    from importer.model import Author

    return Author("Anonyymi", anonymous=True)


def fixture_archive() -> Archive:
    """The fixture blog (read from legacy.xml when the legacy reader is available)."""
    try:
        return read(BLOG_FI / "legacy.xml")
    except FormatDetectionError:
        return _built()
