"""WordPress WXR 1.2 output (see ``writer`` for the steps and OUTPUTS.md for the rules).

``write_wxr`` is imported on first use: the registry names it for every run, and a JSON run
has no use for the writer's modules (start-up of a small conversion, issue 12).
"""

from typing import Any

from importer.writers.wxr.options import WxrOptions

__all__ = ["WxrOptions", "write_wxr"]


def __getattr__(name: str) -> Any:
    if name == "write_wxr":
        from importer.writers.wxr.writer import write_wxr

        return write_wxr
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
