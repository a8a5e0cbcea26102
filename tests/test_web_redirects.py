"""Redirect maps: each format checked by its own rules (nginx -t, Apache RewriteRule applied in Python)."""

from __future__ import annotations

import csv
import dataclasses
import http.client
import io
import re
import shutil
import socket
import subprocess
import time
import unicodedata
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


# --- Apache: parse each RewriteRule the way mod_rewrite does, then apply it ----------------------

def _apache_words(line: str) -> list[str]:
    """Split a ``RewriteRule`` line as mod_rewrite's own parser does (the directive takes raw
    arguments): a quoted argument runs verbatim to the next quote, a backslash escapes nothing
    there; an unquoted one runs to the next space not preceded by a backslash."""
    words, i = [], 0
    while i < len(line):
        if line[i] in " \t":
            i += 1
            continue
        quote = line[i] if line[i] in "\"'" else ""
        j = i + 1 if quote else i
        while j < len(line):
            if (quote and line[j] == quote) or (not quote and line[j] in " \t"):
                break
            j += 2 if line[j] == "\\" and line[j + 1:j + 2] in (" ", "\t") else 1
        words.append(line[i + 1 if quote else i:j])
        i = j + 1
    return words


def _apache_rules(text: str) -> list[tuple[re.Pattern[str], str, str]]:
    rules = []
    lines = [line for line in text.split("\n") if line and not line.startswith("#")]
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


# --- control characters: a crafted permalink with %0A must not break a map line -----------------

CONTROLS = "%0Aevil%0D%09x%7F%00%C2%85%E2%80%A8"


def _hostile_redirects() -> list[Redirect]:
    """The fixture blog with control characters percent-encoded in a permalink and a label."""
    archive = fixture_archive()
    posts = tuple(dataclasses.replace(p, url=p.url.replace(".html", CONTROLS + ".html"),
                                      labels=(*p.labels, "uusi\nRewriteEngine Off"))
                  if p.id == P1 else p for p in archive.posts)
    archive = dataclasses.replace(archive, posts=posts)
    spec = get_writer("hugo")
    return redirect_list(archive, plan_of(archive, spec, spec.make_options()))


@pytest.mark.parametrize("format", ["nginx", "apache", "netlify", "csv"])
def test_control_characters_never_reach_a_map_raw(format: str) -> None:
    redirects = [*_hostile_redirects(), Redirect("/a\nb.html", "/x/\r\n/", "raw\x00")]
    text = render_redirects(redirects, format).decode()
    controls = {ch for ch in text if unicodedata.category(ch) in ("Cc", "Zl", "Zp")}
    assert controls == {"\n"}, controls
    plain = render_redirects([r for r in redirects if "evil" not in r.old and "\n" not in r.old
                              and "%0A" not in r.old], format).decode()
    hostile = sum(1 for r in redirects if not (format != "csv" and r.is_variant)
                  and ("evil" in r.old or "\n" in r.old or "%0A" in r.old))
    assert len(text.split("\n")) - len(plain.split("\n")) == hostile  # one line per redirect


def test_apache_pattern_still_matches_the_decoded_path() -> None:
    """Apache matches the decoded path's bytes: the \\xHH escapes stand for exactly those."""
    rules = _apache_rules(render_redirects(_hostile_redirects(), "apache").decode())
    (redirect,) = [r for r in _hostile_redirects() if "evil" in r.old and not r.is_variant]
    path = unquote(redirect.old).encode("utf-8")
    matching = [sub for pattern, sub, _ in rules if re.search(pattern.pattern.encode("utf-8"), path)]
    assert matching and _substitute(matching[0]) == redirect.new
    assert not re.search(rules[0][0].pattern.encode("utf-8"), path.replace(b"\n", b"n"))


def _apache(tmp_path: Path, redirects: list[Redirect], port: int = 8099) -> tuple[str, Path]:
    """Debian's ``apache2ctl`` and a minimal server config in ``tmp_path`` including the map."""
    apachectl = shutil.which("apache2ctl") or next(
        (p for p in ("/usr/sbin/apache2ctl", "/usr/sbin/apachectl") if Path(p).exists()), None)
    modules = Path("/usr/lib/apache2/modules")
    if apachectl is None or not modules.is_dir():
        if IN_CI:
            pytest.fail("apache2 is not installed in CI (apt-get install -y apache2)")
        pytest.skip("apache2 is not installed")
    (tmp_path / "apache-redirects.conf").write_bytes(render_redirects(redirects, "apache"))
    conf = tmp_path / "httpd.conf"
    conf.write_text(f"""
ServerRoot "{tmp_path}"
DefaultRuntimeDir "{tmp_path}"
ServerName localhost
Listen 127.0.0.1:{port}
PidFile "{tmp_path}/httpd.pid"
ErrorLog "{tmp_path}/error.log"
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule rewrite_module {modules}/mod_rewrite.so
<VirtualHost 127.0.0.1:{port}>
    Include "{tmp_path}/apache-redirects.conf"
</VirtualHost>
""", encoding="utf-8")
    return apachectl, conf


def test_apache_accepts_the_map(tmp_path: Path) -> None:
    """A real ``apache2ctl -t`` (Debian's apache2) on a server config that includes the map."""
    redirects = [*_hugo_redirects(), *ODD, *_hostile_redirects()]
    apachectl, conf = _apache(tmp_path, redirects)
    done = subprocess.run([apachectl, "-t", "-f", str(conf)], capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 0, done.stderr
    assert "Syntax OK" in done.stderr + done.stdout
    rules = render_redirects(redirects, "apache").decode().count("\nRewriteRule ")
    assert rules == len([r for r in redirects if not r.is_variant])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_real_apache_redirects_every_old_path(tmp_path: Path) -> None:
    """mod_rewrite reads its arguments with its own parser: only a running server shows that each
    rule matches its path (``-t`` accepted rules that never matched: ``\\\\.html``)."""
    # Apache answers 404 to %00 before any rule runs: that one character is left out here
    hostile = [dataclasses.replace(r, old=r.old.replace("%00", "")) for r in _hostile_redirects()
               if "evil" in r.old]
    redirects = [*_hugo_redirects(), *ODD, *hostile]
    port = _free_port()
    apachectl, conf = _apache(tmp_path, redirects, port)
    log = tmp_path / "apache2.out"
    with log.open("wb") as output:
        server = subprocess.Popen([str(Path(apachectl).with_name("apache2")), "-X", "-f", str(conf)],
                                  stdout=output, stderr=subprocess.STDOUT)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert server.poll() is None, log.read_text(errors="replace")
                time.sleep(0.05)
        for redirect in redirects:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", redirect.old)
            response = connection.getresponse()
            response.read()
            location = response.getheader("Location") or ""
            assert (response.status, location.split(f":{port}", 1)[-1]) == (301, redirect.new), \
                redirect.old
    finally:
        server.terminate()
        server.wait(timeout=30)


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
