"""The package's structure: public names and modules do not shadow each other."""

from __future__ import annotations

import subprocess
import sys


def test_validate_function_and_checks_package_are_both_reachable() -> None:
    # `importer.validate` (the function) used to shadow the package `importer.validate`, so
    # `import importer.validate.output as m` raised ImportError.
    code = ("import importer.checks.output as m, importer; "
            "assert callable(importer.validate) and m.__name__ == 'importer.checks.output'")
    subprocess.run([sys.executable, "-c", code], check=True)
