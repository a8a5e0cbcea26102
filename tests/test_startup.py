"""Start-up (issue 12): ``blogimport --help`` and ``import importer`` load no reader or writer.

Counting modules instead of timing keeps the test exact on a loaded machine: before, ``import
importer.cli`` loaded BeautifulSoup, markdownify, PyYAML, Babel and every reader and writer
(0.3-0.6 s before the first line of help).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT

from importer.cli import COMMANDS, main

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate_legacy

HEAVY = ("bs4", "markdownify", "yaml", "babel", "lxml", "importer.readers", "importer.writers",
         "importer.pipeline", "importer.web", "importer.checks", "urllib.request")


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_help_loads_no_reader_writer_or_html_library() -> None:
    code = ("import sys\nfrom importer.cli import main\nsys.argv = ['blogimport', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    assert _heavy(_modules_after(code)) == []


def test_import_importer_is_light_and_the_api_still_resolves() -> None:
    assert _heavy(_modules_after("import importer")) == []
    code = ("import importer\nassert callable(importer.validate) and callable(importer.convert)\n"
            "import importer.checks.engine\nassert callable(importer.validate)")
    assert "importer.checks.engine" in _modules_after(code)


def test_command_list_in_help_is_each_commands_own_short_help() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        command = main.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None
        assert COMMANDS[name][2] == command.get_short_help_str(limit=78 - 6 - max(map(len, COMMANDS))), name
        assert f"  {name:<8}  {COMMANDS[name][2]}\n" in result.stdout


def test_no_html_library_advice_on_stderr(tmp_path: Path) -> None:
    """A body that is only a link made BeautifulSoup print a multi-line "looks like a URL" warning."""
    source = generate_legacy(tmp_path / "export.xml", posts=1, comments_per_post=0, body_size=10)
    data = source.read_text(encoding="utf-8")
    start = data.index("<content type='html'>", data.index("kind#post")) + len("<content type='html'>")
    source.write_text(data[:start] + "https://example.com/kuva.jpg" + data[data.index("</content>", start):],
                      encoding="utf-8")
    blogimport = Path(sys.executable).parent / "blogimport"
    result = subprocess.run([str(blogimport), "convert", str(source), "--to", "hugo", "-o",
                             str(tmp_path / "site")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and "BeautifulSoup" not in result.stderr, result.stderr
