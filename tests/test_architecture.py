"""The package's layers, read from the code itself (``ast``), so a change that breaks them fails here.

- No import cycle, counting imports inside functions and under ``TYPE_CHECKING``.
- Readers and writers are siblings: neither imports the other.
- ``web``, ``checks``, ``report`` and ``pipeline`` reach writers only through the registry
  (``importer.writers``), never a writer's own modules; ``io`` imports neither readers nor writers.
- Only ``importer.io`` writes to disk; only ``importer.cli`` imports click, prints or exits.
- No module over 400 lines, no function over 60.
See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "importer"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


@cache
def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


@cache
def tree(name: str) -> ast.Module:
    return ast.parse(modules()[name].read_text(encoding="utf-8"))


def _owner(dotted: str) -> str | None:
    """The module of ours that ``dotted`` (a module or a name in one) belongs to."""
    while dotted and dotted not in modules():
        dotted = dotted.rpartition(".")[0]
    return dotted or None


def imports(name: str) -> set[str]:
    """Modules of ours that module ``name`` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        found.update(owner for t in targets if t.startswith("importer") and (owner := _owner(t)))
    found.discard(name)
    return found


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in imports(node):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(sorted(group))

    for name in modules():
        if name not in index:
            visit(name)
    return groups


def test_no_import_cycles() -> None:
    assert _cycles() == []


def _violations(sources: str, forbidden: str, allowed: tuple[str, ...] = ()) -> list[str]:
    return [f"{name} imports {target}" for name in modules() if _in(name, sources)
            for target in sorted(imports(name))
            if _in(target, forbidden) and target not in allowed]


@pytest.mark.parametrize("sources, forbidden, allowed", [
    ("importer.readers", "importer.writers", ()),
    ("importer.writers", "importer.readers", ()),
    ("importer.web", "importer.writers", ("importer.writers",)),
    ("importer.checks", "importer.writers", ("importer.writers",)),
    ("importer.pipeline", "importer.writers", ("importer.writers",)),
    ("importer.io", "importer.writers", ()),
    ("importer.io", "importer.readers", ()),
    ("importer.readers", "importer.web", ()),
    ("importer.writers", "importer.web", ()),
    ("importer.readers", "importer.cli", ()),
    ("importer.writers", "importer.cli", ()),
], ids=lambda value: str(value) if isinstance(value, str) else "")
def test_layers(sources: str, forbidden: str, allowed: tuple[str, ...]) -> None:
    assert _violations(sources, forbidden, allowed) == []


_DISK_METHODS = {"write_bytes", "write_text", "mkdir", "unlink", "rmdir", "rename", "replace", "touch",
                 "mkstemp", "rmtree", "symlink_to", "chmod", "makedirs", "remove"}


def _disk_writes(name: str) -> Iterator[str]:
    for node in ast.walk(tree(name)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _DISK_METHODS:
            # str.replace / bytes.replace take two arguments; os.replace and Path.replace write
            if func.attr == "replace" and not (isinstance(func.value, ast.Name) and func.value.id == "os"):
                continue
            yield f"{name}:{node.lineno} .{func.attr}()"
        elif isinstance(func, ast.Name) and func.id == "open" and len(node.args) > 1:
            mode = node.args[1]
            if isinstance(mode, ast.Constant) and set(str(mode.value)) & set("wax+"):
                yield f"{name}:{node.lineno} open(..., {mode.value!r})"


def test_only_io_writes_to_disk() -> None:
    writes = [w for name in modules() if not _in(name, "importer.io") for w in _disk_writes(name)]
    assert writes == []


def _calls(name: str, what: set[str]) -> list[str]:
    found = []
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else (
                f"{func.value.id}.{func.attr}" if isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name) else "")
            if called in what:
                found.append(f"{name}:{node.lineno} {called}()")
    return found


def test_only_the_cli_prints_exits_or_imports_click() -> None:
    library = [name for name in modules() if not _in(name, "importer.cli") and name != "importer.__main__"]
    assert [c for name in library for c in _calls(name, {"print", "sys.exit", "exit"})] == []
    assert [name for name in library if any(_in(t, "click") for t in _external_imports(name))] == []


def _external_imports(name: str) -> set[str]:
    found = set()
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_modules_and_functions_stay_small() -> None:
    long_modules = [f"{name}: {len(path.read_text().splitlines())} lines" for name, path in modules().items()
                    if len(path.read_text().splitlines()) > MAX_MODULE_LINES]
    long_functions = [
        f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"  # type: ignore[operator]
        for name in modules() for node in ast.walk(tree(name))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]  # type: ignore[operator]
    assert long_modules == [] and long_functions == []


def test_the_checker_sees_what_it_must() -> None:
    # The rules above would pass on an empty graph; make sure the scan finds real edges.
    assert "importer.outputs" in imports("importer.writers")
    assert "importer.readers.sniff" in imports("importer.readers.detect")
    assert imports("importer.readers.detect") >= {"importer.readers.takeout_source"}
    assert any("open(" in w for w in _disk_writes("importer.io.files")) or \
        any("replace" in w for w in _disk_writes("importer.io.files"))


def test_validate_function_and_checks_package_are_both_reachable() -> None:
    # `importer.validate` (the function) used to shadow the package `importer.validate`, so
    # `import importer.validate.output as m` raised ImportError.
    code = ("import importer.checks.output as m, importer; "
            "assert callable(importer.validate) and m.__name__ == 'importer.checks.output'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_diagnostic_codes_are_a_closed_type() -> None:
    from typing import get_args

    from importer.diagnostics import CODES, DiagnosticCode

    assert list(get_args(DiagnosticCode)) == list(CODES)


def test_a_mistyped_code_is_a_type_error(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    sample = tmp_path / "sample.py"
    sample.write_text("from importer import Diagnostics\n\n"
                      "Diagnostics().report('date-unparsed', 'fine')\n"
                      "Diagnostics().report('date-unparsd', 'a typo')\n")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             "--cache-dir", str(tmp_path / "cache"), str(sample)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and "sample.py:4:" in errors[0] and "date-unparsd" in errors[0], result.stdout
