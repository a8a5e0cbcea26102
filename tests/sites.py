"""Building sites with the real generators in tests: the CI rule and a Hugo site of many posts.

A missing generator skips its test on a developer machine and FAILS it in CI (``CI=true``), where
``.ci/run`` installs it: a skip there would pass CI without checking anything.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import IN_CI

BUILD_TIMEOUT = 120
HUGO_BASE = """\
baseURL = "https://example.org/"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]
disableAliases = true

[markup.goldmark.renderer]
unsafe = true
"""
#: Each page says which content file it was built from, and its body in <main>.
HUGO_SINGLE = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<p class="source">{{ .File.Path }}</p>
<main>{{ .Content }}</main>
</body></html>
"""


def faithful_block(notes: str, fence: str) -> str:
    """The settings block SITE-NOTES.md gives "for a faithful copy" (the ```toml or ```yaml after it)."""
    after = notes.split("For a faithful copy", 1)[1]
    return after.split(f"```{fence}\n", 1)[1].split("```", 1)[0]


def require(tool: str, present: bool, install: str) -> None:
    """Skip (or, in CI, fail) when ``tool`` is not there."""
    if present:
        return
    message = f"{tool} is not installed ({install})"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def run(command: list[str], cwd: Path) -> str:
    """Run a build; its output, asserting it succeeded."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                            check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


def hugo() -> str:
    """The ``hugo`` binary (Debian's package in CI)."""
    binary = shutil.which("hugo")
    require("hugo", binary is not None, "apt-get install -y hugo")
    assert binary is not None
    return binary


def build_hugo(site: Path, config: str) -> tuple[Path, str]:
    """Build the Hugo site at ``site`` (its ``content/`` already written) with ``config`` after
    the base settings; (public folder, build log). Pages come out at ``/<section>/<file name>/``."""
    sections = sorted(p.name for p in (site / "content").iterdir() if p.is_dir())
    permalinks = "\n[permalinks]\n" + "".join(f'"{s}" = "/:section/:filename/"\n' for s in sections)
    (site / "hugo.toml").write_text(HUGO_BASE + config + permalinks, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text("<!DOCTYPE html><title>{{ .Title }}</title>\n", encoding="utf-8")
    log = run([hugo(), "--destination", "public", "--cleanDestinationDir", "--quiet"], site)
    return site / "public", log
