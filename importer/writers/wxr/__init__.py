"""WordPress WXR 1.2 output (see ``writer`` for the steps and OUTPUTS.md for the rules)."""

from importer.writers.wxr.options import WxrOptions
from importer.writers.wxr.writer import write_wxr

__all__ = ["WxrOptions", "write_wxr"]
