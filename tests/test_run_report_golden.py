"""The whole stderr of one run on a generated 5,000-post export, as a golden file.

Before, the same run printed one line per diagnostic (4,600 lines here; 26,000 on the benchmark
export). Now: a few per code, '… and N more', the totals by code, the account; the totals are
checked against what the generator planted, and ``--report`` holds every one of them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from conftest import FIXTURES
from run_helpers import messy_export, planted

from importer.cli import main

GOLDEN = FIXTURES / "run" / "convert-json-5000.stderr.txt"


def test_the_whole_stderr_of_a_5000_post_run(tmp_path: Path, golden) -> None:
    source = tmp_path / "sotkuinen.xml"
    source.write_text(messy_export(5000, 4), encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "--to", "json", "-o",
                                       str(tmp_path / "blog.json"), "--report", str(tmp_path / "r.json")])
    assert result.exit_code == 3  # the undated entry is an error
    stderr = result.stderr.replace(str(tmp_path), "<tmp>")
    golden(GOLDEN, stderr.encode("utf-8"))
    lines = stderr.splitlines()
    assert len(lines) <= 40
    totals = {parts[1]: int(parts[2].replace(",", "")) for line in lines
              if len(parts := line.split()) == 3 and parts[0] in ("error", "warning", "info")}
    assert totals == planted(5000, 4)  # every code with its total, as the generator planted them
    # --report holds every diagnostic the terminal summed up
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert Counter(d["code"] for d in report["diagnostics"]) == totals
