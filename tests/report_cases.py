"""Archives for the migration-report tests: a hostile one whose titles, URLs and bodies attack the page."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from importer import write
from importer.model import Archive, Author, Blog, Comment, Post

WHEN = datetime(2012, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=2)))
MARKER = "PWNED"

#: A body that tries every way out: a script, an event handler, a javascript: link, a data block
#: breakout, a remote image and a style that would fetch.
HOSTILE_BODY = (
    f"<p>Ennen skriptiä.</p><script>document.title='{MARKER}';parent.document.title='{MARKER}';"
    f"document.documentElement.setAttribute('data-ran','{MARKER}')</script>"
    f"<img src=\"https://1.bp.blogspot.com/x/s320/kuva.jpg\" onerror=\"document.title='{MARKER}'\">"
    f"<a href=\"javascript:document.title='{MARKER}'\">linkki</a>"
    f"</script><script>document.title='{MARKER}'</script>"
    "<p style=\"background:url(https://tracker.invalid/p.gif)\">Jälkeen skriptin.</p>"
)
HOSTILE_TITLE = f"</title><script>document.title='{MARKER}'</script><b onmouseover=x>Otsikko</b>"
HOSTILE_URL = f"http://evil.blogspot.com/2012/03/\"><script>document.title='{MARKER}'</script>.html"


def hostile_archive() -> Archive:
    """Three posts: one hostile everywhere, one with a changed body, one plain."""
    comment = Comment(id="91", post_id="1", parent_id=None, author=Author(f"<i>{MARKER}</i>"),
                      published=WHEN, status="published", content_html=f"<script>{MARKER}</script>ok")
    posts = (
        Post(id="1", kind="post", status="published", title=HOSTILE_TITLE, slug="x", url=HOSTILE_URL,
             published=WHEN, content_html=HOSTILE_BODY, comments=(comment,)),
        Post(id="2", kind="post", status="published", title="", slug="tyhja", url=None,
             published=WHEN - timedelta(days=400), content_html=""),
        Post(id="3", kind="page", status="published", title="Sivu", slug="sivu",
             url="http://evil.blogspot.com/p/sivu.html", published=WHEN,
             content_html="<p>Tavallinen sivu.</p>"),
    )
    return Archive(blog=Blog(title=f"<script>{MARKER}</script>Blogi", url="http://evil.blogspot.com/",
                             timezone="Europe/Helsinki"), posts=posts, source_format="json")


def write_archive(archive: Archive, path: Path) -> Path:
    """``archive`` as our JSON, to be converted from ``path``."""
    (out,) = write(archive, "json")
    path.write_bytes(out.data)
    return path
