"""Structural fuzzing: our JSON with hostile values put anywhere, and Takeout zips built badly.

Byte-level mutations of every format are in ``test_bad_input.py``. Here the mutations know the
structure: a JSON document gets numbers of 5,000 digits, NaN, 1e400, URLs ``urlsplit`` refuses,
dates out of range, nesting 5,000 deep, wrong types, in any field; a Takeout zip gets odd member
names, compression methods, sizes, settings, damage. Whatever the input, reading (and for JSON,
writing and validating what was read) raises nothing but ``ImporterError``. Examples per test:
2,000 under ``CI=true`` (the ``fuzz-ci`` profile of conftest.py).
"""

from __future__ import annotations

import copy
import io
import json
import warnings
import zipfile
from typing import Any

from conftest import BLOG_FI, FUZZ
from hypothesis import given, settings
from hypothesis import strategies as st

import importer
from importer.diagnostics import Diagnostics
from importer.errors import ImporterError
from importer.options import ReadOptions
from importer.readers import read
from importer.web import WebOptions, apply_web
from importer.writers import get_writer, writer_names

_GOLDEN = json.loads((BLOG_FI / "golden/legacy.json").read_text(encoding="utf-8"))
#: A small document of every shape the format has: a post with threaded comments, a page, a draft.
BASE = {**_GOLDEN, "posts": [copy.deepcopy(p) for p in _GOLDEN["posts"]
                             if p["comments"] or p["kind"] == "page" or p["status"] == "draft"][:3]}
_HOLE = "\u0001hole\u0001"
_DEEP = [10, 200, 999, 5000]

#: JSON text put where a value was: numbers, strings, nesting and types a writer would trip on.
RAW_VALUES = st.one_of(
    st.sampled_from(["9" * 20, "9" * 101, "1" + "0" * 400, "9" * 4301, "-" + "9" * 5000, "1e400",
                     "-1e400", "1e-400", "NaN", "Infinity", "-Infinity", "-0", "0.1", "-1", "0",
                     "true", "false", "null", "[]", "{}", '["x"]', '{"x": 1}', '[null]', '[1, 2]']),
    st.sampled_from(_DEEP).map(lambda d: "[" * d + "]" * d),
    st.sampled_from(_DEEP).map(lambda d: '{"a":' * d + "1" + "}" * d),
    st.sampled_from([
        "http://[x/", "http://a:99999999/p.html", "https://[::1]:x/", "//evil.example/x",
        "javascript:alert(1)", "http://x.blogspot.com/2010/06/%0Aa.html", "\u0000", "\ud800",
        "a" * 20_000, "", " ", "con", "../../etc/passwd", "Europe", "Mars/Olympus",
        "2010-06-10T14:35:00", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00",
        "2010-13-45T99:99:99Z", "2010-06-10T14:35:00+99:00", "published", "post", "page",
        "<script>alert(1)</script>", "<a href='http://[x/'>x</a><img src='http://[y/'>",
        "tag:blogger.com,1999:blog-1.post-2",
    ]).map(json.dumps),
    st.text(max_size=30).map(json.dumps),
    st.integers().map(str),
    st.floats().map(lambda f: json.dumps(f)),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a loaded document: dict keys and list indexes, depth first."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*path, index))
    return found


def _mutate(document: dict[str, Any], data: st.DataObject) -> tuple[dict[str, Any], list[str]]:
    """Up to four structural changes; raw JSON replacements are returned for the text form."""
    raws: list[str] = []
    for _ in range(data.draw(st.integers(1, 4))):
        paths = _paths(document)[1:]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent: Any = document
        for key in path[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["replace", "replace", "replace", "delete", "copy"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "copy" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))  # a duplicate post, comment, label...
        else:
            raws.append(data.draw(RAW_VALUES))
            parent[path[-1]] = _HOLE + str(len(raws) - 1) + _HOLE
    return document, raws


def _text(document: dict[str, Any], raws: list[str], lines: bool) -> str:
    if lines:
        header = {k: v for k, v in document.items() if k != "posts"}
        posts = document.get("posts")
        rows = [json.dumps(header)] + ([json.dumps(p) for p in posts] if isinstance(posts, list)
                                        else [json.dumps(posts)])
        text = "\n".join(rows)
    else:
        text = json.dumps(document, indent=1)
    for index, raw in enumerate(raws):
        text = text.replace(json.dumps(f"{_HOLE}{index}{_HOLE}"), raw)
    return text


OUTPUTS = writer_names()


def _use(archive: importer.Archive, to: str) -> None:
    """What convert does with an archive: validate it, rewrite its links and render every
    redirect map, and write it (all in memory)."""
    diagnostics = Diagnostics()
    importer.validate(archive, diagnostics=diagnostics)
    spec = get_writer(to)
    options = spec.make_options()
    site = spec.site_urls(archive, options, diagnostics)
    web = apply_web(archive, spec, site, WebOptions(redirects="nginx,apache,netlify,csv"),
                    diagnostics, output="out")
    list(spec.write(web.archive, options, diagnostics, site))


@settings(FUZZ)
@given(data=st.data(), lines=st.booleans())
def test_json_with_hostile_values_anywhere_raises_only_importer_errors(
        tmp_path_factory: Any, data: st.DataObject, lines: bool) -> None:
    document, raws = _mutate(copy.deepcopy(BASE), data)
    path = tmp_path_factory.mktemp("json") / ("blog.jsonl" if lines else "blog.json")
    path.write_text(_text(document, raws, lines), encoding="utf-8", errors="surrogatepass")
    try:
        archive = read(path, format=data.draw(st.sampled_from(["json", None])))
        _use(archive, data.draw(st.sampled_from(OUTPUTS)))
    except ImporterError as error:
        assert "\n" not in str(error)


# --- Takeout zips --------------------------------------------------------------------------------

_FEED = (BLOG_FI / "takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta/feed.atom").read_bytes()
_SETTINGS = (BLOG_FI / "takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta/settings.csv").read_bytes()
_BLOG = "Takeout/Blogger/Blogs/Sosmedia ja muuta"
_METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
BLOG_NAMES = st.one_of(
    st.sampled_from(["Sosmedia ja muuta", "..", ".", "", "a/b", "Ä ö", "x" * 300, "Comments",
                     "con", "feed.atom", " "]),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
)
MEMBER_NAMES = st.one_of(
    BLOG_NAMES.map(lambda b: f"Takeout/Blogger/Blogs/{b}/feed.atom"),
    BLOG_NAMES.map(lambda b: f"Blogger/Blogs/{b}/feed.atom"),
    BLOG_NAMES.map(lambda b: f"Takeout/Blogger/Comments/{b}/feed.atom"),
    BLOG_NAMES.map(lambda b: f"Takeout/Blogger/Blogs/{b}/settings.csv"),
    BLOG_NAMES.map(lambda b: f"../../Blogger/Blogs/{b}/feed.atom"),
    BLOG_NAMES.map(lambda b: f"/Takeout/Blogger/Blogs/{b}/feed.atom"),
    st.sampled_from(["Takeout/Blogger/Blogs/", "Takeout/archive_browser.html", "feed.atom"]),
)


@st.composite
def member_data(draw: st.DrawFn, name: str) -> bytes:
    seed = _SETTINGS if name.endswith(".csv") else _FEED
    kind = draw(st.sampled_from(["seed", "seed", "cut", "mutated", "mutated", "bytes", "empty", "big"]))
    if kind == "seed":
        return seed
    if kind == "cut":
        return seed[:draw(st.integers(0, len(seed)))]
    if kind == "mutated":
        position = draw(st.integers(0, len(seed) - 1))
        return seed[:position] + draw(st.binary(max_size=8)) + seed[position + draw(st.integers(0, 8)):]
    if kind == "big":
        return seed + b" " * draw(st.sampled_from([100_000, 2_000_000]))
    return b"" if kind == "empty" else draw(st.binary(max_size=200))


def _damage(blob: bytes, data: st.DataObject) -> bytes:
    kind = data.draw(st.sampled_from(["none", "none", "none", "none", "flip", "cut", "sizes"]))
    if kind == "flip" and blob:
        damaged = bytearray(blob)
        for _ in range(data.draw(st.integers(1, 8))):
            damaged[data.draw(st.integers(0, len(blob) - 1))] ^= data.draw(st.integers(1, 255))
        return bytes(damaged)
    if kind == "cut":
        return blob[:data.draw(st.integers(0, len(blob)))]
    if kind == "sizes":  # the central directory lies about a member's sizes
        central = blob.find(b"PK\x01\x02")
        if central >= 0:
            field = data.draw(st.sampled_from([20, 24]))  # compressed, uncompressed size
            value = data.draw(st.sampled_from([0, 1, 2**31, 2**32 - 1])).to_bytes(4, "little")
            return blob[:central + field] + value + blob[central + field + 4:]
    return blob


@settings(FUZZ)
@given(data=st.data())
def test_takeout_zips_built_badly_raise_only_importer_errors(tmp_path_factory: Any,
                                                             data: st.DataObject) -> None:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile's own "Duplicate name" while building the input
        with zipfile.ZipFile(buffer, "w") as archive:
            names = [f"{_BLOG}/feed.atom", f"{_BLOG}/settings.csv"][:data.draw(st.integers(0, 2))]
            names += [data.draw(MEMBER_NAMES) for _ in range(data.draw(st.integers(0, 3)))]
            for name in names:
                archive.writestr(name, data.draw(member_data(name)),
                                 compress_type=data.draw(st.sampled_from(_METHODS)))
    path = tmp_path_factory.mktemp("zip") / "takeout.zip"
    path.write_bytes(_damage(buffer.getvalue(), data))
    options = ReadOptions(max_inflated=data.draw(st.sampled_from([None, None, "1kB", "20kB", "1MB"])),
                          blog=data.draw(st.sampled_from([None, None, None, "Sosmedia ja muuta", "x"])))
    try:
        read(path, format=data.draw(st.sampled_from(["blogger-takeout", None])), options=options)
    except ImporterError as error:
        assert "\n" not in str(error)


# --- crashes the fuzzers found, kept as named regression tests ------------------------------------

def test_zip_member_name_flagged_utf8_that_is_not_is_an_input_error(tmp_path: Any) -> None:
    """zipfile raised UnicodeDecodeError opening a zip whose member name has the UTF-8 flag set
    over bytes that are not UTF-8 (one flipped byte in the central directory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Takeout/Blogger/Blogs/Ä/feed.atom", _FEED)
    blob = bytearray(buffer.getvalue())
    blob[blob.index("Ä".encode(), blob.index(b"PK\x01\x02"))] = 0x9E
    path = tmp_path / "takeout.zip"
    path.write_bytes(bytes(blob))
    try:
        read(path)
    except ImporterError as error:
        assert "not a readable zip file" in str(error)
    else:
        raise AssertionError("a zip with an undecodable member name was read")


def test_zip_member_name_with_a_newline_gives_a_one_line_error(tmp_path: Any) -> None:
    """The member's name is part of the error's location: a newline in it made two lines."""
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Takeout/Blogger/Blogs/a\nb/feed.atom", b"<feed")
    try:
        read(path)
    except ImporterError as error:
        assert "\n" not in str(error) and "a\\nb" in str(error)
    else:
        raise AssertionError("a broken feed was read")
