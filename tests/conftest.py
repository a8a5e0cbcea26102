"""Shared test helpers: paths, the shared corpus (skipped when absent, failing in CI), golden files.

Golden files are regenerated only on request (``pytest --update-golden``) and then reviewed
as diffs before committing; a normal run compares byte for byte.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
BLOG_FI = FIXTURES / "blog-fi"
CORPUS = ROOT.parent / "shared" / "corpus"
IN_CI = os.environ.get("CI") == "true"

# Fuzzing the readers (tests/test_fuzz_readers.py, tests/test_bad_input.py): 2,000 examples per
# reader under CI=true, a quick pass otherwise; BLOGIMPORT_FUZZ_EXAMPLES=N runs N locally.
if IN_CI:  # CI runs the same examples every time: a property that fails there fails for everyone
    settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
    settings.load_profile("ci")
settings.register_profile(
    "fuzz", deadline=None, max_examples=int(os.environ.get("BLOGIMPORT_FUZZ_EXAMPLES", "40")),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large])
settings.register_profile("fuzz-ci", settings.get_profile("fuzz"), max_examples=2000, database=None,
                          print_blob=True)
#: The settings of every fuzz test: ``@settings(FUZZ)``.
FUZZ = settings.get_profile("fuzz-ci" if IN_CI else "fuzz")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from current output (review the diff!).")


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; the test is skipped when it is absent (and fails under ``CI=true``,
    where a skipped conformance test would pass the run without checking anything)."""
    if not CORPUS.is_dir():
        if IN_CI:
            pytest.fail(f"../shared/corpus is not present at {CORPUS} (CI must run beside it)")
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """``golden(path, data: bytes)``: compare with the golden file, or rewrite it on request."""

    def check(path: Path, data: bytes) -> None:
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        if not path.exists():
            pytest.fail(f"golden file {path} is missing; run pytest --update-golden and review it")
        assert data.decode("utf-8") == path.read_text(encoding="utf-8"), f"differs from {path}"

    return check

