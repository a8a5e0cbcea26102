"""Fatal errors: the ``ImporterError`` family.

A fatal error stops one whole read or write. Problems that spoil a single entry are not errors:
they are diagnostics (see ``importer.diagnostics``) and the rest of the archive converts.
Only the CLI turns these into exit codes (1 for ``ImporterError``, 2 for ``UsageError``).
"""

from __future__ import annotations


class ImporterError(Exception):
    """Base of every fatal error the library raises.

    ``file`` and ``line`` say where, when known; ``str(error)`` is one line
    (``export.xml:12: message``) fit to show a user as it is.
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
        return f"{where}: {self.message}" if where else self.message


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


class DateParseError(ImporterError):
    """A date or time text that cannot be parsed exactly.

    Carries the ``text``, the ``locale`` it was parsed in and the ``reason`` in words.
    """

    def __init__(self, text: str, locale: str, reason: str) -> None:
        super().__init__(f"cannot parse {text!r} as a date (locale {locale}): {reason}")
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
