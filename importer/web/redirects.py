"""Redirect maps from the old Blogger paths to the new site's URLs: nginx, Apache, Netlify, CSV.

Every post and page with a permalink gets ``/2010/06/slug.html`` (and its mobile ``?m=1`` form)
-> its new URL; every label gets ``/search/label/<label>`` -> its new tag page. Paths that stay the
same (WordPress with Blogger's permalink structure) get no redirect, which also rules out loops.
A tag page exists in a production build only when a public entry carries the tag: a label only
drafts use gets no redirect (it would point at a 404), while every spelling of a merged label
(``Koodi``, ``koodi``, even one only a draft uses) does, since they share the rendered page.

How each format covers the mobile ``?m=1`` (and ``?showComment=``) URLs:
- nginx maps ``$uri`` (the decoded path, no query), so one key per path matches every query;
  its keys are case-insensitive, so paths differing only by case share the first one's target;
- Apache ``RewriteRule`` patterns never see the query, and ``QSD`` drops it from the target.
  mod_rewrite reads its arguments with its own parser: a quoted argument runs verbatim to the
  next quote (``\\"`` and ``\\\\`` are no escapes there), so patterns carry single backslashes and
  spell a quote as ``\\x22``; in the target a backslash does escape (``\\$1`` stays literal);
- Netlify rules without query parameters match any query; ``301!`` wins over the
  generator's own alias pages at the same path;
- the CSV lists the ``?m=1`` variants explicitly, for tools that match whole URLs.

Control characters (``%0A`` in a crafted permalink decodes to a newline, which would end a
``RewriteRule`` and start a directive of the input's choosing) never reach a map raw: Apache
patterns spell them as ``\\xHH`` byte escapes (the rule still matches the decoded path), and
everywhere else, targets included, they stay percent-encoded (so nginx, which matches the decoded
path, no longer matches such a path: no real Blogger permalink holds one).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from urllib.parse import quote, unquote

from importer.blog_urls import label_path, post_path
from importer.errors import OptionError
from importer.model import Archive
from importer.site import SiteUrls

FORMATS = ("nginx", "apache", "netlify", "csv")
NGINX_VARIABLE = "$blogimport_redirect"
#: Characters with a meaning in a PCRE pattern.
_REGEX_SPECIAL = set("\\.^$|?*+()[]{}")
#: C0 and C1 controls, DEL, and the line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def encode_controls(text: str) -> str:
    """``text`` with each control character percent-encoded (``"a\\nb"`` -> ``"a%0Ab"``)."""
    return _CONTROL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text)


def _decoded(path: str) -> str:
    """A percent-encoded path decoded for servers that match decoded paths, controls excepted."""
    return encode_controls(unquote(path))


@dataclass(frozen=True)
class Redirect:
    """One old path (percent-encoded, maybe with ``?m=1``) and the URL it now lives at."""

    old: str
    new: str
    entry: str
    """Post id, or ``label:<label>`` for label pages."""

    @property
    def is_variant(self) -> bool:
        """True for the query (``?m=1``) forms that path-matching servers cover by themselves."""
        return "?" in self.old


def redirect_list(archive: Archive, site: SiteUrls) -> list[Redirect]:
    """Every redirect the archive needs, sorted by old path; identity mappings are left out."""
    found: dict[str, Redirect] = {}
    for post in archive.posts:
        old, new_path = post_path(post), site.posts.get(post.id)
        if old is None or new_path is None or old == new_path:
            continue
        new = site.absolute(new_path)
        found.setdefault(old, Redirect(old, new, post.id))
        found.setdefault(old + "?m=1", Redirect(old + "?m=1", new, post.id))
    rendered = {site.tags[label] for post in archive.posts if post.is_public
                for label in post.labels if label in site.tags}
    for label, tag_path in site.tags.items():
        old = label_path(label)
        if old == tag_path or tag_path not in rendered:
            continue
        new = site.absolute(tag_path)
        found.setdefault(old, Redirect(old, new, f"label:{label}"))
        found.setdefault(old + "?m=1", Redirect(old + "?m=1", new, f"label:{label}"))
    return sorted(found.values(), key=lambda r: r.old)


def _nginx_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _bucket_size(redirects: Sequence[Redirect]) -> int:
    """A power of two holding the longest key (in bytes) plus nginx's per-entry overhead."""
    longest = max((len(_decoded(r.old).encode("utf-8")) for r in redirects), default=0)
    size = 64
    while size < longest + 32:
        size *= 2
    return size


def render_nginx(redirects: Sequence[Redirect]) -> str:
    """An nginx ``map`` of decoded paths (``$uri``) to new URLs, for the ``http`` context."""
    lines = [
        "# Redirects from the old Blogger addresses, written by blogimport.",
        "# Include this file inside http { }, then inside the site's server { } add:",
        f"#     if ({NGINX_VARIABLE}) {{ return 301 {NGINX_VARIABLE}; }}",
        "# $uri has no query string, so ?m=1 (mobile) and ?showComment= URLs match too.",
        "# Long paths need bigger hash buckets than nginx's default (remove this line if your",
        "# http { } block already sets map_hash_bucket_size to at least this).",
        f"map_hash_bucket_size {_bucket_size(redirects)};",
        f"map $uri {NGINX_VARIABLE} {{",
        '    default "";',
    ]
    seen: set[str] = set()
    for redirect in redirects:
        key = _decoded(redirect.old)
        # map keys are case-insensitive in nginx: "/search/label/Koodi" and ".../koodi" would conflict
        if redirect.is_variant or key.lower() in seen:
            continue
        seen.add(key.lower())
        # the value may not hold a bare "$" (nginx would read a variable); targets are URLs, so encode it
        target = encode_controls(redirect.new).replace("$", "%24")
        lines.append(f"    {_nginx_string(key)} {_nginx_string(target)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _pcre_literal(ch: str) -> str:
    if ch in _REGEX_SPECIAL:
        return "\\" + ch
    if ch == '"' or _CONTROL.match(ch):
        return "".join(f"\\x{b:02x}" for b in ch.encode("utf-8"))
    return ch


def regex_escape(text: str) -> str:
    """``text`` as a literal PCRE pattern for a double-quoted ``RewriteRule`` argument.

    Each metacharacter goes behind one backslash. A double quote and each control character
    become ``\\xHH`` escapes of their UTF-8 bytes: mod_rewrite's own argument parser ends a quoted
    argument at the next quote whatever precedes it (``\\"`` is no escape there), and a raw newline
    would end the directive.
    """
    return "".join(_pcre_literal(ch) for ch in text)


def apache_quote(text: str) -> str:
    """``text`` as a double-quoted ``RewriteRule`` argument, as mod_rewrite reads it: verbatim up
    to the closing quote (no unescaping), so ``text`` must hold no ``"``."""
    if '"' in text:
        raise ValueError(f"a RewriteRule argument cannot hold a double quote: {text!r}")
    return f'"{text}"'


def _apache_substitution(url: str) -> str:
    """The target URL as a substitution: quote, space and controls percent-encoded (it is a URL,
    and NE sends it as written), then ``\\``, ``$`` and ``%`` made literal with one backslash
    (``$1``, ``%1`` and ``%{VAR}`` would be expanded)."""
    url = encode_controls(url).replace('"', "%22").replace(" ", "%20")
    return url.replace("\\", "\\\\").replace("$", "\\$").replace("%", "\\%")


def render_apache(redirects: Sequence[Redirect]) -> str:
    """``RewriteRule``s (mod_rewrite) for a virtual host or an ``.htaccess`` in the site root."""
    lines = [
        "# Redirects from the old Blogger addresses, written by blogimport (Apache mod_rewrite).",
        "# Put these lines in the site's .htaccess or <VirtualHost>. Patterns match the decoded",
        "# path without the query, so ?m=1 URLs match too; QSD drops the query from the target.",
        "RewriteEngine On",
    ]
    for redirect in redirects:
        if redirect.is_variant:
            continue
        pattern = "^/?" + regex_escape(unquote(redirect.old).lstrip("/")) + "$"
        lines.append(
            f"RewriteRule {apache_quote(pattern)} {apache_quote(_apache_substitution(redirect.new))}"
            " [R=301,L,NE,QSD]"
        )
    return "\n".join(lines) + "\n"


def render_netlify(redirects: Sequence[Redirect]) -> str:
    """A Netlify ``_redirects`` file: ``old new 301!`` per line (forced over alias pages)."""
    lines = ["# Redirects from the old Blogger addresses, written by blogimport."]
    width = max((len(encode_controls(r.old)) for r in redirects), default=0)
    for redirect in redirects:
        if redirect.is_variant:
            continue
        old = encode_controls(redirect.old)
        lines.append(f"{old.ljust(width)}  {quote(redirect.new, safe=':/?#=&%~+@!$,;')}  301!")
    return "\n".join(lines) + "\n"


def render_csv(redirects: Sequence[Redirect]) -> str:
    """A plain CSV ``old,new,status,entry``, ``?m=1`` variants included."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["old", "new", "status", "entry"])
    for redirect in redirects:
        writer.writerow([encode_controls(redirect.old), encode_controls(redirect.new), "301",
                         encode_controls(redirect.entry)])
    return buffer.getvalue()


_RENDER = {"nginx": render_nginx, "apache": render_apache, "netlify": render_netlify, "csv": render_csv}


def _chosen(text: str | Iterable[str]) -> list[str]:
    names = text.split(",") if isinstance(text, str) else list(text)
    return list(dict.fromkeys(n.strip().lower() for n in names if n.strip()))


def formats_problem(text: str | Iterable[str]) -> str | None:
    """Why ``text`` names no redirect formats (an unknown name, or none at all), or None."""
    chosen = _chosen(text)
    unknown = [n for n in chosen if n not in FORMATS]
    if unknown:
        close = get_close_matches(unknown[0], FORMATS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown redirect format {unknown[0]!r}{hint}; known: {', '.join(FORMATS)}"
    return None if chosen else f"names no format; known: {', '.join(FORMATS)}"


def parse_formats(text: str | Iterable[str] | None) -> list[str]:
    """``"nginx,csv"`` -> ``["nginx", "csv"]``; raises ``OptionError`` for unknown names."""
    if text is None:
        return []
    problem = formats_problem(text)
    if problem:
        raise OptionError("redirects", text, problem)
    return _chosen(text)


def redirect_file_name(format: str, static: str | None) -> str:
    """Where a map goes in a tree output: Netlify's file in the generator's ``static`` folder (the
    one copied to the site root as it is), when it has one."""
    if format == "netlify":
        return f"{static}/_redirects" if static else "redirects/_redirects"
    return {"nginx": "redirects/nginx-redirects.conf", "apache": "redirects/apache-redirects.conf",
            "csv": "redirects/redirects.csv"}[format]


def render_redirects(redirects: Sequence[Redirect], format: str) -> bytes:
    """One map in ``format`` (``nginx``, ``apache``, ``netlify``, ``csv``), UTF-8 encoded."""
    return _RENDER[format](redirects).encode("utf-8")
