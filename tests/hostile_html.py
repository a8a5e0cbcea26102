"""Hostile post bodies and comments (issue 14, item 3) and an independent checker of built output.

Every vector of the issue is here: ``<script>``, ``<svg onload>``, ``<img onerror>``,
``<iframe src=javascript:>``, mixed-case and entity-encoded ``javascript:`` hrefs, an href the
converter writes as ``[x](<javascript:...>)``, plus the encodings a Markdown renderer decodes on top
of HTML's (``&amp;#58;``, ``\\:``), ``vbscript:``, ``data:text/html``, SVG/MathML and ``srcdoc``.
``unsafe_parts`` is written here, not taken from the sanitizer, so it can disagree with it.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from importer.model import Archive, Author, Blog, Comment, Post
from importer.writers.json_writer import archive_to_dict

HKI = ZoneInfo("Europe/Helsinki")

#: ``(id, html)``: each would run script in a browser if written as it is.
BODY_VECTORS: list[tuple[str, str]] = [
    ("script", '<script>alert("b1")</script>'),
    ("svg-onload", "<svg onload=\"alert('b2')\"><circle r=\"5\"/></svg>"),
    ("img-onerror", "<img src=\"x.png\" onerror=\"alert('b3')\">"),
    ("iframe-javascript", "<iframe src=\"javascript:alert('b4')\"></iframe>"),
    ("mixed-case", "<a href=\"JaVaScRiPt:alert('b5')\">sekoitettu</a>"),
    ("entity", "<a href=\"&#106;avascript:alert('b6')\">entiteetti</a>"),
    ("tab-entity", "<a href=\"java&#x09;script:alert('b7')\">sarkain</a>"),
    ("tab", "<a href=\"java\tscript:alert('b7b')\">sarkain2</a>"),
    ("vbscript", "<a href=\"vbscript:msgbox('b8')\">vb</a>"),
    ("data-html", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>'),
    ("angle-destination", "<a href=\"javascript:alert('b9') \">kulmat</a>"),
    ("markdown-entity", "<a href=\"javascript&amp;#58;alert('b10')\">md-entiteetti</a>"),
    ("markdown-escape", "<a href=\"javascript\\:alert('b11')\">md-kenoviiva</a>"),
    ("mathml", "<math><mtext><table><mglyph><style><img src=x onerror=alert('b12')></style></mglyph>"
               "</table></mtext></math>"),
    ("srcdoc", "<iframe srcdoc=\"<script>alert('b13')</script>\"></iframe>"),
    ("ontoggle", "<details open ontoggle=\"alert('b14')\"><summary>s</summary>d</details>"),
    ("formaction", "<form action=\"javascript:alert('b15')\"><button formaction=\"javascript:alert(1)\">"
                   "nappi</button></form>"),
    ("object", "<object data=\"javascript:alert('b16')\"></object><embed src=\"javascript:alert(2)\">"),
    ("css", "<div style=\"background:url(javascript:alert('b17'))\">tyyli</div>"),
    ("onclick", "<a href=\"#\" onclick=\"alert('b18')\">käsittelijä</a>"),
    ("upper", "<IMG SRC=x ONERROR=alert('b19')>"),
    ("svg-xlink", "<svg><a xlink:href=\"javascript:alert('b20')\"><text>x</text></a></svg>"),
    ("source-onerror", "<video><source onerror=\"alert('b21')\"></video>"),
    ("base", "<base href=\"javascript:alert('b22')//\">"),
    ("noscript", "<noscript><p title=\"</noscript><img src=x onerror=alert('b24')>\"></p></noscript>"),
    ("deep", "<div>" * 600 + "<script>alert('b25')</script>" + "</div>" * 600),
]
#: Legitimate Blogger markup the same bodies carry, which must survive sanitizing.
LEGIT = ('<p>Video:</p><iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ'
         '?start=30&amp;rel=0" frameborder="0" allowfullscreen></iframe>'
         '<table border="1"><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>')
COMMENT_VECTORS: list[tuple[str, str]] = [
    ("script", "Hieno!<script>alert('c1')</script>"),
    ("img-onerror", "<img src=x onerror=\"alert('c2')\">"),
    ("mixed-case", "<a href=\"jAvAsCrIpT:alert('c3')\">linkki</a>"),
    ("svg", "<svg/onload=alert('c4')>"),
    ("iframe", "<iframe src=\"https://evil.example/c5\"></iframe>"),
]


def hostile_archive() -> Archive:
    """One published post per body vector (with legit markup too), each with all the comments."""
    blog = Blog(id="1", title="Vihamielinen", url="http://vihamielinen.blogspot.com/", locale="fi",
                timezone="Europe/Helsinki")
    posts = []
    for number, (name, vector) in enumerate(BODY_VECTORS, start=1):
        post_id = str(100 + number)
        comments = tuple(
            Comment(id=f"{post_id}{index}", post_id=post_id, parent_id=None,
                    author=Author(f"Kommentoija {c}"), published=datetime(2010, 6, 11, 9, index, tzinfo=HKI),
                    status="published", content_html=text)
            for index, (c, text) in enumerate(COMMENT_VECTORS, start=1))
        posts.append(Post(
            id=post_id, kind="post", status="published", title=f"Vektori {name}", slug=f"vektori-{name}",
            url=f"http://vihamielinen.blogspot.com/2010/06/vektori-{name}.html",
            published=datetime(2010, 6, 10, 8, number, tzinfo=HKI),
            content_html=f"<p>Alku {name}.</p>{vector}{LEGIT}", comments=comments))
    return Archive(blog=blog, posts=tuple(posts))


def hostile_json() -> bytes:
    """``hostile_archive`` as our JSON input, comments unsanitized (the JSON writer would sanitize them)."""
    return json.dumps(archive_to_dict(hostile_archive()), ensure_ascii=False).encode("utf-8")


_URL_NOISE = re.compile(r"[\x00-\x20\\]+")
#: A start tag, quoted attribute values (which may hold ``>``) taken whole.
_START_TAG = re.compile(r"""<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>""")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_EVENT_ATTRIBUTE = re.compile(r"[\s/]on[a-zA-Z]+\s*=", re.IGNORECASE)


def _dangerous_url(value: str) -> bool:
    url = _URL_NOISE.sub("", html.unescape(html.unescape(value))).lower()
    return url.startswith(("javascript:", "vbscript:", "livescript:")) or (
        url.startswith("data:") and not url.startswith("data:image/png"))


def unsafe_parts(page: str) -> list[str]:
    """What in ``page`` (HTML) could run script: ``<script``, ``on*=`` attributes, script URLs.

    A URL counts when its scheme, after the decodings a browser or a Markdown renderer applies,
    is ``javascript:``/``vbscript:`` or a non-image ``data:``. Text that only mentions them
    (``&lt;script&gt;``, "javascript:" in a sentence or inside a relative URL) is not counted.
    """
    found = []
    if re.search(r"<script", page, re.IGNORECASE):
        found.append("<script")
    tags = [tag.group() for tag in _START_TAG.finditer(page)]
    if any(_EVENT_ATTRIBUTE.search(_QUOTED.sub('""', tag)) for tag in tags):
        found.append("on*= attribute")
    for parser in ("html.parser", "lxml"):  # two parsers, so that one's blind spot is not ours
        with warnings.catch_warnings():  # a page that is only a word "looks like a file name"
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            elements = BeautifulSoup(page, parser).find_all(True)
        for element in elements:
            if element.name in ("script", "svg", "math", "base", "object", "embed") and element.attrs:
                found.append(f"<{element.name}> with attributes")
            for name, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on") or name.lower() == "srcdoc":
                    found.append(f"{name}=")
                elif _dangerous_url(text):
                    found.append(f"javascript: or other script URL in {name}={text!r}")
    return sorted(set(found))
