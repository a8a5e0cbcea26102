"""WordPress WXR 1.2 output (see ``writer`` for the steps and OUTPUTS.md for the rules).

``write_wxr`` is imported on first use: the registry names it for every run, and a JSON run
has no use for the writer's modules (start-up of a small conversion, issue 12).
"""

from importer.lazy import lazy_names
from importer.writers.wxr.options import WxrOptions

__all__ = ["WxrOptions", "write_wxr"]


__getattr__ = lazy_names(__name__, {"write_wxr": "importer.writers.wxr.writer"})
