"""download_images against a real HTTP server on 127.0.0.1: retries, timeouts, cache, proxies."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from importer.web.download import CACHE_INDEX, download_images
from importer.web.images import image_inventory

JPEG = b"\xff\xd8\xff\xe0fake-jpeg-orkut"
PNG = b"\x89PNG\r\n\x1a\nfake-png"


class _Handler(BaseHTTPRequestHandler):
    hits: Counter[str]
    agents: list[str]
    flaky: set[str]

    def do_GET(self) -> None:
        path = self.path.split("://", 1)[-1]
        path = path[path.index("/"):] if "://" in self.path else self.path
        self.hits[path] += 1
        self.agents.append(self.headers.get("User-Agent", ""))
        if path.endswith("/slow.jpg"):
            time.sleep(0.6)
            return self._send(200, "image/jpeg", JPEG)
        if path.endswith("/missing.jpg"):
            return self._send(404, "text/html", b"not here")
        if path.endswith("/flaky.jpg") and self.hits[path] == 1:
            return self._send(500, "text/html", b"oops")
        if path.endswith("/noext"):
            return self._send(200, "image/png", PNG)
        if path.endswith("/page.jpg"):
            return self._send(200, "text/html", b"<html>login</html>")
        return self._send(200, "image/jpeg", JPEG)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Counter[str], list[str]]]:
    """A threaded image server on 127.0.0.1; proxies are switched off for loopback."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    hits: Counter[str] = Counter()
    agents: list[str] = []
    handler = type("H", (_Handler,), {"hits": hits, "agents": agents})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits, agents
    finally:
        httpd.shutdown()
        httpd.server_close()


def _run(urls: list[str], dest: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    settings: dict[str, object] = {"retries": 2, "backoff": 0.01, "timeout": 5.0, "workers": 4}
    settings.update(kwargs)
    return download_images(urls, dest, **settings)  # type: ignore[arg-type]


def test_downloads_retries_and_failures(server, tmp_path: Path) -> None:
    base, hits, agents = server
    urls = [f"{base}/a/s1600/normal.jpg", f"{base}/a/s1600/slow.jpg", f"{base}/a/s1600/missing.jpg",
            f"{base}/a/s1600/flaky.jpg", f"{base}/img/a/noext", f"{base}/a/s1600/page.jpg"]
    seen: list[tuple[int, int]] = []
    report = _run(urls, tmp_path, timeout=0.25, progress=lambda done, total: seen.append((done, total)))

    assert (tmp_path / report.files[urls[0]]).read_bytes() == JPEG
    assert (tmp_path / report.files[urls[3]]).read_bytes() == JPEG          # 500, then 200
    assert hits["/a/s1600/flaky.jpg"] == 2
    assert report.files[urls[4]].endswith(".png")                            # from Content-Type
    assert (tmp_path / report.files[urls[4]]).read_bytes() == PNG
    assert report.failed[urls[2]] == "HTTP 404"
    assert hits["/a/s1600/missing.jpg"] == 1                                 # 404 is not retried
    assert "after 3 attempts" in report.failed[urls[1]]                      # timeout, retried twice
    assert hits["/a/s1600/slow.jpg"] == 3
    assert "not an image" in report.failed[urls[5]]
    assert set(report.fetched) == {urls[0], urls[3], urls[4]}
    assert sorted(seen)[-1] == (6, 6) and len(seen) == 6
    assert all(agent.startswith("blogimport/") for agent in agents)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cache_means_a_rerun_fetches_nothing(server, tmp_path: Path) -> None:
    base, hits, _ = server
    urls = [f"{base}/a/s1600/normal.jpg", f"{base}/img/a/noext"]
    first = _run(urls, tmp_path)
    count = sum(hits.values())
    second = _run(urls, tmp_path)
    assert sum(hits.values()) == count == 2
    assert second.cached == urls and second.files == first.files and second.attempts == 0
    index = json.loads((tmp_path / CACHE_INDEX).read_text(encoding="utf-8"))
    assert set(index["images"]) == set(urls)
    (tmp_path / first.files[urls[0]]).unlink()                               # a lost file is fetched again
    third = _run(urls, tmp_path)
    assert third.fetched == [urls[0]] and sum(hits.values()) == 3
    assert set(_run(urls, tmp_path, cache=False).fetched) == set(urls)       # cache off: everything again


def test_takeout_albums_are_used_instead_of_downloading(server, tmp_path: Path) -> None:
    base, hits, _ = server
    albums = tmp_path / "Albums" / "Sosmedia ja muuta"
    albums.mkdir(parents=True)
    (albums / "orkut.jpg").write_bytes(b"from-album")
    (albums / "orkut.jpg.json").write_text("{}", encoding="utf-8")
    report = _run([f"{base}/x/s1600/orkut.jpg"], tmp_path / "dest", albums=tmp_path / "Albums")
    assert report.from_albums == [f"{base}/x/s1600/orkut.jpg"] and sum(hits.values()) == 0
    assert (tmp_path / "dest" / report.files[f"{base}/x/s1600/orkut.jpg"]).read_bytes() == b"from-album"


def test_http_proxy_from_the_environment_is_used(server, tmp_path: Path, monkeypatch) -> None:
    """A Blogger URL goes through HTTP_PROXY (our loopback server acting as the proxy)."""
    base, hits, _ = server
    monkeypatch.setenv("HTTP_PROXY", base)
    monkeypatch.setenv("http_proxy", base)
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.setenv("no_proxy", "")
    url = "http://1.bp.blogspot.com/-AbC/TBC/AAAA/XyZ/s1600/orkut.jpg"
    report = _run([url], tmp_path)
    assert report.fetched == [url]
    assert hits["/-AbC/TBC/AAAA/XyZ/s1600/orkut.jpg"] == 1


def test_no_proxy_bypasses_the_proxy(server, tmp_path: Path, monkeypatch) -> None:
    base, _hits, _ = server
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")                  # nothing listens there
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    report = _run([f"{base}/a/s1600/normal.jpg"], tmp_path)                 # NO_PROXY has 127.0.0.1
    assert report.fetched == [f"{base}/a/s1600/normal.jpg"]


def test_inventory_names_are_kept(server, tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from importer.model import Archive, Blog, Post

    base, _, _ = server
    body = f'<a href="{base}/a/s1600/normal.jpg"><img src="{base}/a/s320/normal.jpg"></a>'
    archive = Archive(Blog(), (Post("1", "post", "published", "t", None, None,
                                    datetime(2010, 1, 1, tzinfo=timezone.utc), content_html=body),))
    inventory = image_inventory(archive)
    assert len(inventory) == 0                                               # 127.0.0.1 is not Google
    report = _run([f"{base}/a/s1600/normal.jpg"], tmp_path)
    assert report.files[f"{base}/a/s1600/normal.jpg"].startswith("normal-")
