"""Redirect maps: each format checked by its own rules (nginx -t, Apache RewriteRule applied in Python)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import IN_CI
from web_blog import G1, P1, P3, fixture_archive, plan_of, web_with_plan

from importer.diagnostics import Diagnostics
from importer.site import SiteUrls
from importer.web import WebOptions
from importer.web.redirects import Redirect, redirect_list, render_redirects
from importer.writers import get_writer

ODD = [  # paths with characters that mean something to a regex, a shell or a config parser
    Redirect("/2010/06/a.b+c(1)[x]$y.html", "/posts/a-b/", "1"),
    Redirect("/search/label/uusi%20juttu", "/tags/uusi-juttu/", "label:x"),
    Redirect("/search/label/Kes%C3%A4%22quote%22", "/tags/kesa/", "label:y"),
    Redirect("/p/100%25.html", "/100-percent/$1/", "2"),
]


def _hugo_redirects() -> list[Redirect]:
    archive = fixture_archive()
    spec = get_writer("hugo")
    return redirect_list(archive, plan_of(archive, spec, spec.make_options()))


def test_every_post_page_and_label_has_a_redirect_with_mobile_variant() -> None:
    redirects = {r.old: r.new for r in _hugo_redirects()}
    assert redirects["/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"] == \
        "/posts/orkut-projekti-ja-sosmediamarkkinointi/"
    assert redirects["/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html?m=1"] == \
        "/posts/orkut-projekti-ja-sosmediamarkkinointi/"
    assert redirects["/p/tietoa-minusta.html"] == "/tietoa-minusta/"
    assert redirects["/search/label/sosiaalinen%20media"] == "/tags/sosiaalinen-media/"
    # P3 and P4 share the slug blog-post: two different targets
    assert redirects["/2010/05/blog-post.html"] != redirects["/2010/03/blog-post.html"]


def test_label_maps_cover_every_spelling_and_no_page_only_drafts_have() -> None:
    archive = fixture_archive()
    draft = next(p for p in archive.posts if not p.is_public)
    assert draft.labels == ("luonnos",)  # a label only the draft has: no tag page in production
    archive = dataclasses.replace(archive, posts=tuple(
        dataclasses.replace(p, labels=("luonnos", "KOODI")) if p is draft else p for p in archive.posts))
    spec = get_writer("hugo")
    olds = {r.old: r.new for r in redirect_list(archive, plan_of(archive, spec, spec.make_options()))}
    assert "/search/label/luonnos" not in olds and "/search/label/luonnos?m=1" not in olds
    # Koodi and koodi (public posts) and KOODI (the draft only) all lead to the one rendered page
    assert olds["/search/label/Koodi"] == olds["/search/label/koodi"] == "/tags/koodi/"
    assert olds["/search/label/KOODI"] == "/tags/koodi/"


def test_site_url_makes_targets_absolute() -> None:
    site = SiteUrls({P1: "/posts/x/"}, {}, "https://example.fi/blog/")
    archive = fixture_archive()
    (redirect,) = [r for r in redirect_list(archive, site) if not r.is_variant]
    assert redirect.new == "https://example.fi/blog/posts/x/"


def test_wxr_keeps_post_paths_so_only_renamed_posts_pages_and_labels_redirect() -> None:
    archive = fixture_archive()
    spec = get_writer("wxr")
    result = web_with_plan(archive, spec, spec.make_options(), WebOptions(redirects="csv"), Diagnostics(),
                       output="out.xml")
    rows = list(csv.DictReader(io.StringIO(result.files[0].data.decode())))
    olds = {row["old"]: row["new"] for row in rows}
    assert "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html" not in olds   # same path: no loop
    assert olds["/p/tietoa-minusta.html"] == "/tietoa-minusta/"
    assert olds["/search/label/Orkut"] == "/tag/orkut/"
    assert all(row["old"] != row["new"] for row in rows)


def test_csv_lists_mobile_variants() -> None:
    rows = list(csv.reader(io.StringIO(render_redirects(_hugo_redirects(), "csv").decode())))
    assert rows[0] == ["old", "new", "status", "entry"]
    olds = [row[0] for row in rows[1:]]
    assert "/p/tietoa-minusta.html?m=1" in olds and "/p/tietoa-minusta.html" in olds


def test_netlify_lines_have_three_fields() -> None:
    text = render_redirects([*_hugo_redirects(), *ODD], "netlify").decode()
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines
    for line in lines:
        old, new, status = line.split()
        assert old.startswith("/") and new.startswith("/") and status == "301!"
        assert "?" not in old
    assert any(line.split()[0] == "/search/label/sosiaalinen%20media" for line in lines)


# --- Apache: parse each RewriteRule the way Apache's config reader does, then apply it ----------

def _apache_words(line: str) -> list[str]:
    """Split a config line like ap_getword_conf: quoted words lose their quotes, \\\\ and \\" unescape."""
    words, i = [], 0
    while i < len(line):
        if line[i].isspace():
            i += 1
            continue
        if line[i] == '"':
            j, word = i + 1, []
            while line[j] != '"':
                if line[j] == "\\" and line[j + 1] in '\\"':
                    j += 1
                word.append(line[j])
                j += 1
            words.append("".join(word))
            i = j + 1
        else:
            j = i
            while j < len(line) and not line[j].isspace():
                j += 1
            words.append(line[i:j])
            i = j
    return words


def _apache_rules(text: str) -> list[tuple[re.Pattern[str], str, str]]:
    rules = []
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "RewriteEngine On"
    for line in lines[1:]:
        directive, pattern, substitution, flags = _apache_words(line)
        assert directive == "RewriteRule"
        assert re.fullmatch(r"\[[A-Z]+(=\d+)?(,[A-Z]+(=\d+)?)*\]", flags), flags
        rules.append((re.compile(pattern), substitution, flags))
    return rules


def _substitute(substitution: str) -> str:
    """Undo the substitution escapes (\\$, \\%, \\\\); a bare $ or % would be a back-reference."""
    assert not re.search(r"(?<!\\)[$%]", substitution), substitution
    return re.sub(r"\\(.)", r"\1", substitution)


@pytest.mark.parametrize("prefix", ["/", ""], ids=["vhost", "htaccess"])
def test_apache_rules_send_each_old_path_to_its_target(prefix: str) -> None:
    redirects = [*_hugo_redirects(), *ODD]
    rules = _apache_rules(render_redirects(redirects, "apache").decode())
    for redirect in (r for r in redirects if not r.is_variant):
        path = prefix + unquote(redirect.old).lstrip("/")      # Apache matches the decoded path
        matching = [(pattern, sub) for pattern, sub, _ in rules if pattern.search(path)]
        assert matching, path
        assert _substitute(matching[0][1]) == redirect.new
        assert "R=301" in rules[0][2] and "QSD" in rules[0][2]
    # a literal dot is not "any character"
    assert not any(p.search("2010/06/orkut-projekti-ja-sosmediamarkkinointiXhtml") for p, _, _ in rules)


# --- nginx: a real nginx -t on a config that includes the generated map ------------------------

def _nginx_map_entries(text: str) -> dict[str, str]:
    entries = {}
    for line in text.splitlines():
        match = re.fullmatch(r'    "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)";', line)
        if match:
            entries[re.sub(r"\\(.)", r"\1", match.group(1))] = re.sub(r"\\(.)", r"\1", match.group(2))
    return entries


def test_nginx_map_keys_are_decoded_paths() -> None:
    redirects = [*_hugo_redirects(), *ODD]
    entries = _nginx_map_entries(render_redirects(redirects, "nginx").decode())
    # Written out from BLOG.md: the six published posts and pages (P3 and P4 share the slug
    # blog-post; the older P4 keeps it), one key per label ignoring case (nginx matches map keys
    # without case, so 'Koodi' and 'koodi' are one entry), no ?m=1 variants ($uri has no query),
    # and none for 'luonnos', which only the draft carries (its tag page is not built).
    assert entries == {
        "/2010/01/koodia-merkkeja.html": "/posts/koodia-merkkeja/",
        "/2010/03/blog-post.html": "/posts/blog-post/",
        "/2010/05/blog-post.html": "/posts/blog-post-2010-05/",
        "/2010/06/kesakuun-kuulumiset-ensimmaiset.html": "/posts/kesakuun-kuulumiset-ensimmaiset/",
        "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html":
            "/posts/orkut-projekti-ja-sosmediamarkkinointi/",
        "/p/tietoa-minusta.html": "/tietoa-minusta/",
        "/search/label/Koodi": "/tags/koodi/",
        "/search/label/Markkinointi": "/tags/markkinointi/",
        "/search/label/Orkut": "/tags/orkut/",
        "/search/label/arki": "/tags/arki/",
        "/search/label/sosiaalinen media": "/tags/sosiaalinen-media/",
        "/2010/06/a.b+c(1)[x]$y.html": "/posts/a-b/",
        "/search/label/uusi juttu": "/tags/uusi-juttu/",
        '/search/label/Kesä"quote"': "/tags/kesa/",
        "/p/100%.html": "/100-percent/%241/",                                 # no "$" for nginx to expand
    }


def test_nginx_accepts_the_map(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)
    if nginx is None:
        if IN_CI:
            pytest.fail("nginx is not installed in CI (apt-get install -y nginx)")
        pytest.skip("nginx is not installed")
    (tmp_path / "redirects.conf").write_bytes(render_redirects([*_hugo_redirects(), *ODD], "nginx"))
    (tmp_path / "logs").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/logs/error.log;
events {{}}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fcgi; uwsgi_temp_path {tmp_path}/uwsgi; scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/redirects.conf;
    server {{
        listen 127.0.0.1:8089;
        if ($blogimport_redirect) {{ return 301 $blogimport_redirect; }}
    }}
}}
""", encoding="utf-8")
    done = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr


def test_redirect_files_land_in_a_tree_output() -> None:
    archive = fixture_archive()
    spec = get_writer("hugo")
    result = web_with_plan(archive, spec, spec.make_options(), WebOptions(redirects="nginx,netlify"),
                       Diagnostics(), output="site")
    assert [f.path for f in result.files] == ["redirects/nginx-redirects.conf", "static/_redirects"]
    # 6 published posts and pages + 6 label spellings (Koodi and koodi are two old addresses;
    # luonnos, only on the draft, has no tag page to go to)
    assert result.report.redirects == 12
    assert G1 and P3  # fixture ids used above stay meaningful
