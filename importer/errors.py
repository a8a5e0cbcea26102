"""Fatal errors: the ``ImporterError`` family.

A fatal error stops one whole read or write. Problems that spoil a single entry are not errors:
they are diagnostics (see ``importer.diagnostics``) and the rest of the archive converts.
Only the CLI turns these into exit codes (1 for ``ImporterError``, 2 for ``UsageError``).
"""

from __future__ import annotations

import re

#: Control characters and line breaks: a file name or member name may hold them (``a\nb.zip``).
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ImporterError(Exception):
    """Base of every fatal error the library raises.

    ``file`` and ``line`` say where, when known; ``str(error)`` is one line
    (``export.xml:12: message``) fit to show a user as it is: a control character or line break in
    a name or message is shown escaped (``\\n``), never raw.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where = f"{self.file}:{self.line}"
        text = f"{where}: {self.message}" if where else self.message
        return _BREAKS.sub(lambda found: repr(found.group())[1:-1], text)


class InputError(ImporterError):
    """The input cannot be read: missing, empty, not XML, truncated, hostile, or foreign."""


class FormatDetectionError(InputError):
    """No reader recognises the input's content."""


class SchemaError(InputError):
    """A JSON document of ours with an unknown or unsupported schema version."""


class OutputError(ImporterError):
    """The output cannot be written safely (exists, not ours, path escapes the output folder)."""


class UsageError(ImporterError):
    """The caller asked for something inconsistent (unknown format, missing ``--blog``...)."""


class OptionError(UsageError):
    """An option value that cannot work, found when the options are made (before any reading).

    ``str(error)`` names the library keyword (``timezone='Europe/Helsinky': ...``); the CLI shows
    ``flag_message()``, which names the flag (``--timezone 'Europe/Helsinky': ...``), so each audience
    reads the name it typed.
    """

    def __init__(self, option: str, value: object, problem: str) -> None:
        super().__init__(f"{option}={value!r}: {problem}")
        self.option = option
        self.value = value
        self.problem = problem

    def flag_message(self) -> str:
        """The message with the command-line flag instead of the keyword."""
        return f"--{self.option.replace('_', '-')} {self.value!r}: {self.problem}"


def clip(text: str, limit: int = 80) -> str:
    """``text`` cut to about ``limit`` characters with an ellipsis, for quoting hostile input."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DateParseError(ImporterError):
    """A date or time text that cannot be parsed exactly.

    Carries the ``text``, the ``locale`` it was parsed in and the ``reason`` in words. The message
    and ``reason`` quote at most a line's worth of the text (a 5,000-digit "date" stays one line).
    """

    def __init__(self, text: str, locale: str, reason: str) -> None:
        reason = clip(reason, 200)
        super().__init__(f"cannot parse {clip(text)!r} as a date (locale {locale}): {reason}")
        self.text = text
        self.locale = locale
        self.reason = reason


class Interrupted(BaseException):
    """A run stopped by a signal (SIGINT, SIGTERM) that the CLI turned into this exception.

    Not an ``ImporterError`` (and not an ``Exception``): nothing may swallow it. ``io`` catches it
    only to leave the output whole, and records in ``outcome`` what became of it: ``"unchanged"``
    (the previous output is as it was) or ``"completed"`` (the new output was finished first).
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.outcome: str | None = None
        self.output: str | None = None
        """The output ``io`` was writing when the signal came (None: it had not begun)."""

    def settle(self, output: object, outcome: str) -> None:
        """Record what became of ``output``: ``unchanged`` or ``completed``."""
        self.output = str(output)
        self.outcome = outcome
