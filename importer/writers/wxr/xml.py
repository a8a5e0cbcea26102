"""Rendering the WXR plan as text exactly as WordPress's importer wants it (OUTPUTS.md, WXR 1–9).

Quirks handled:
- Text values go in CDATA, and a ``]]>`` inside one is written ``]]]]><![CDATA[>`` (the only way
  to carry it); nothing stands between a tag and its CDATA section.
- Characters XML 1.0 forbids (``\\x0b``, ``\\x0c`` and other controls from Word pastes, lone
  surrogates, U+FFFE/U+FFFF) are stripped from every value: one of them makes the file malformed,
  and the importer then falls back to a lenient parser that imports garbled text.
- Ids, slugs, logins, statuses, types and dates are plain text with no surrounding whitespace;
  text is raw UTF-8, never ``&#...;`` references.
- Element order is the WordPress exporter's; each author record is on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timezone

from importer.writers.wxr.items import WxrAuthor, WxrChannel, WxrComment, WxrItem, WxrTerm
from importer.writers.wxr.options import GENERATOR

NAMESPACES = (
    ("excerpt", "http://wordpress.org/export/1.2/excerpt/"),
    ("content", "http://purl.org/rss/1.0/modules/content/"),
    ("wfw", "http://wellformedweb.org/CommentAPI/"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("wp", "http://wordpress.org/export/1.2/"),
)
WXR_VERSION = "1.2"

_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def strip_illegal(text: str) -> str:
    """``text`` without the characters XML 1.0 does not allow."""
    return _ILLEGAL.sub("", text)


def cdata(text: str) -> str:
    """``text`` as one or more CDATA sections (``]]>`` split across two)."""
    return "<![CDATA[" + strip_illegal(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def plain(text: str, *, attribute: bool = False) -> str:
    """``text`` escaped for element content (or a double-quoted attribute), trimmed."""
    value = strip_illegal(text).strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace('"', "&quot;") if attribute else value


def local_date(moment: datetime) -> str:
    """``YYYY-MM-DD HH:MM:SS`` wall clock of an aware datetime in its own zone."""
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def gmt_date(moment: datetime) -> str:
    """``YYYY-MM-DD HH:MM:SS`` of the same instant in UTC."""
    return local_date(moment.astimezone(timezone.utc))


def rfc822(moment: datetime) -> str:
    """RSS ``pubDate`` of an aware datetime, in UTC (``Thu, 10 Jun 2010 11:35:00 +0000``)."""
    # Imported here: this module is loaded for every run (it holds the WXR signature) and the
    # email package (with socket and random) was a twentieth of a small conversion's start-up.
    from email.utils import format_datetime

    return format_datetime(moment.astimezone(timezone.utc))


def _el(name: str, value: str) -> str:
    return f"<{name}>{value}</{name}>"


def render_head(channel: WxrChannel) -> str:
    """The XML declaration, the ``<rss>`` root with its namespaces and the channel's own fields."""
    spaces = "".join(f'\n\txmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES)
    lines = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        f'<rss version="2.0"{spaces}\n>',
        "<channel>",
        "\t" + _el("title", cdata(channel.title)),
        "\t" + _el("link", plain(channel.link)),
        "\t" + _el("description", cdata(channel.description)),
    ]
    if channel.pub_date is not None:
        lines.append("\t" + _el("pubDate", rfc822(channel.pub_date)))
    lines += [
        "\t" + _el("language", plain(channel.language)),
        "\t" + _el("wp:wxr_version", WXR_VERSION),
        "\t" + _el("wp:base_site_url", plain(channel.base_site_url)),
        "\t" + _el("wp:base_blog_url", plain(channel.base_blog_url)),
    ]
    return "\n".join(lines) + "\n"


def render_author(author: WxrAuthor) -> str:
    """One ``<wp:author>`` record on one line, its six fields in the exporter's order."""
    return "\t<wp:author>" + "".join([
        _el("wp:author_id", str(author.id)),
        _el("wp:author_login", plain(author.login)),
        _el("wp:author_email", cdata(author.email)),
        _el("wp:author_display_name", cdata(author.display_name)),
        _el("wp:author_first_name", cdata(author.first_name)),
        _el("wp:author_last_name", cdata(author.last_name)),
    ]) + "</wp:author>\n"


def render_term(term: WxrTerm) -> str:
    """One term declaration (``wp:category`` or ``wp:tag``) on one line."""
    if term.domain == "category":
        return "\t<wp:category>" + "".join([
            _el("wp:term_id", str(term.id)),
            _el("wp:category_nicename", plain(term.nicename)),
            _el("wp:category_parent", plain(term.parent_nicename)),
            _el("wp:cat_name", cdata(term.name)),
        ]) + "</wp:category>\n"
    return "\t<wp:tag>" + "".join([
        _el("wp:term_id", str(term.id)),
        _el("wp:tag_slug", plain(term.nicename)),
        _el("wp:tag_name", cdata(term.name)),
    ]) + "</wp:tag>\n"


def render_generator() -> str:
    """The ``<generator>`` line the exporter writes after the terms."""
    return "\t" + _el("generator", plain(GENERATOR)) + "\n"


def render_tail() -> str:
    """Closes the channel and the document."""
    return "</channel>\n</rss>\n"


def _meta(tag: str, key: str, value: str, indent: str) -> str:
    return (f"{indent}<wp:{tag}>\n{indent}\t{_el('wp:meta_key', plain(key))}\n"
            f"{indent}\t{_el('wp:meta_value', cdata(value))}\n{indent}</wp:{tag}>\n")


def render_comment(comment: WxrComment) -> str:
    """One ``<wp:comment>``, fields in the exporter's order, then its ``wp:commentmeta``."""
    fields = [
        _el("wp:comment_id", str(comment.id)),
        _el("wp:comment_author", cdata(comment.author)),
        _el("wp:comment_author_email", cdata("")),
        _el("wp:comment_author_url", cdata(comment.author_url)),
        _el("wp:comment_author_IP", cdata("")),
        _el("wp:comment_date", local_date(comment.date)),
        _el("wp:comment_date_gmt", gmt_date(comment.date)),
        _el("wp:comment_content", cdata(comment.content)),
        _el("wp:comment_approved", plain(comment.approved)),
        _el("wp:comment_type", plain(comment.type)),
        _el("wp:comment_parent", str(comment.parent)),
        _el("wp:comment_user_id", "0"),
    ]
    body = "".join(f"\t\t\t{line}\n" for line in fields)
    meta = "".join(_meta("commentmeta", k, v, "\t\t\t") for k, v in comment.meta)
    return f"\t\t<wp:comment>\n{body}{meta}\t\t</wp:comment>\n"


def _category(term: WxrTerm) -> str:
    nicename = plain(term.nicename, attribute=True)
    return f'\t\t<category domain="{term.domain}" nicename="{nicename}">{cdata(term.name)}</category>\n'


def render_item(item: WxrItem) -> str:
    """One ``<item>`` in the exporter's element order (OUTPUTS.md WXR point 4)."""
    fields = [
        _el("title", cdata(item.title)),
        _el("link", plain(item.link)),
        _el("pubDate", rfc822(item.date)),
        _el("dc:creator", plain(item.creator)),
        f'<guid isPermaLink="false">{plain(item.guid)}</guid>',
        _el("description", ""),
        _el("content:encoded", cdata(item.content)),
        _el("excerpt:encoded", cdata(item.excerpt)),
        _el("wp:post_id", str(item.id)),
        _el("wp:post_date", local_date(item.date)),
        _el("wp:post_date_gmt", gmt_date(item.date)),
        _el("wp:comment_status", "open" if item.post_type != "attachment" else "closed"),
        _el("wp:ping_status", "closed"),
        _el("wp:post_name", plain(item.post_name)),
        _el("wp:status", plain(item.status)),
        _el("wp:post_parent", str(item.parent)),
        _el("wp:menu_order", str(item.menu_order)),
        _el("wp:post_type", plain(item.post_type)),
        _el("wp:post_password", cdata(item.password) if item.password else ""),
        _el("wp:is_sticky", "1" if item.sticky else "0"),
    ]
    if item.attachment_url is not None:
        fields.append(_el("wp:attachment_url", cdata(item.attachment_url)))
    text = "\t<item>\n" + "".join(f"\t\t{line}\n" for line in fields)
    text += "".join(_category(term) for term in item.terms)
    text += "".join(_meta("postmeta", key, value, "\t\t") for key, value in item.meta)
    text += "".join(render_comment(comment) for comment in item.comments)
    return text + "\t</item>\n"


def render_group(item: WxrItem) -> str:
    """An item followed by the attachment items it owns (kept together in one file)."""
    return render_item(item) + "".join(render_item(a) for a in item.attachments)


def render_document(channel: WxrChannel, authors: Iterable[WxrAuthor], terms: Iterable[WxrTerm],
                    groups: Iterable[str]) -> str:
    """A whole WXR document from its parts (``groups`` are rendered item groups)."""
    header = render_head(channel) + "".join(render_author(a) for a in authors)
    header += "".join(render_term(t) for t in terms) + render_generator()
    return header + "".join(groups) + render_tail()
