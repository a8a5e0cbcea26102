"""Shared CLI plumbing: error handling, diagnostics on stderr, ``--fail-on``, option flags.

Flags for reader and writer options are generated from the options dataclasses' fields, so a
flag and its library keyword always share one name (``--all-comments`` ↔ ``all_comments``).
"""

from __future__ import annotations

import dataclasses
import functools
import signal
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar, Union

import click

from importer.cli.terminal import report_lines
from importer.diagnostics import Diagnostic, Diagnostics, Severity
from importer.errors import ImporterError, Interrupted, OptionError, UsageError, clip

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_DIAGNOSTICS = 0, 1, 2, 3

FAIL_ON = click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Exit with 3 when a diagnostic at or above this severity was reported.",
)


class FatalError(click.ClickException):
    """A library ``ImporterError`` shown as one line, exit code 1."""

    exit_code = EXIT_FATAL

    def format_message(self) -> str:
        return self.message


def debug_enabled() -> bool:
    """True when ``blogimport --debug`` was given: internal errors then show their traceback."""
    context = click.get_current_context(silent=True)
    return bool(context is not None and context.find_root().params.get("debug"))


def internal_error_message(exc: BaseException) -> str:
    """One line for an exception that is a bug of ours, not a problem of the input."""
    first = (str(exc).strip().splitlines() or [""])[0]
    detail = f"{type(exc).__name__}: {clip(first, 200)}" if first else type(exc).__name__
    return f"internal error: {detail} (run with --debug for the trace, please report it)"


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """While a command runs, SIGINT and SIGTERM raise ``Interrupted``, so ``io`` can leave the
    output whole before the process ends (SIGTERM would otherwise end it on the spot)."""
    def stop(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    try:
        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def interrupted(stop: Interrupted, output: object) -> NoReturn:
    """One line saying what became of the output; exit 128 + the signal number (130, 143)."""
    where = stop.output or (str(output) if output not in (None, "-") else None)
    if stop.outcome == "completed":
        text = f"interrupted: {where} was finished first; it holds the new output"
    elif where:
        text = f"interrupted: {where} is unchanged"
    else:
        text = "interrupted: nothing was written"
    click.echo(text, err=True)
    sys.exit(128 + stop.signum)


def handle_errors(func: F) -> F:
    """Turn library errors into one-line messages and exit codes (never a traceback); a signal
    ends the command with one line saying what became of its output.

    The last guard: any other exception is a bug, shown as one ``internal error`` line with exit
    code 1; ``blogimport --debug`` lets it through with its traceback instead.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with signals_interrupt():
                return func(*args, **kwargs)
        except Interrupted as stop:
            interrupted(stop, kwargs.get("output"))
        except OptionError as exc:  # the library names keywords; a person typed flags
            raise click.UsageError(exc.flag_message()) from None
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
        except ImporterError as exc:
            raise FatalError(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own ways of ending a command
        except BrokenPipeError:
            raise  # the reader of our output went away (| head): click ends the run quietly
        except MemoryError:
            if debug_enabled():
                raise
            raise FatalError("out of memory: the input needs more memory than this machine "
                             "allows (run with --debug for the trace)") from None
        except Exception as exc:
            if debug_enabled():
                raise
            raise FatalError(internal_error_message(exc)) from None

    return typing.cast(F, wrapper)


QUIET = click.option("-q", "--quiet", is_flag=True,
                     help="Print only errors and the totals (no progress, no warnings or info).")
VERBOSE = click.option("-v", "--verbose", is_flag=True,
                       help="Print every diagnostic, not only the first few of each code.")


def check_verbosity(quiet: bool, verbose: bool) -> None:
    """A usage error for ``--quiet`` with ``--verbose`` (checked before any work starts)."""
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")


def echo_diagnostics(diagnostics: Iterable[Diagnostic], *, quiet: bool = False,
                     verbose: bool = False) -> None:
    """Print diagnostics to stderr: a few of each code (all with ``verbose``), then totals by code."""
    for line in report_lines(list(diagnostics), verbose=verbose, quiet=quiet):
        click.echo(line, err=True)


def exit_for(diagnostics: Diagnostics, fail_on: str) -> None:
    """Exit 3 when a diagnostic is at or above ``fail_on`` (``never`` disables this)."""
    if fail_on == "never":
        return
    worst = diagnostics.worst()
    if worst is not None and worst >= Severity.parse(fail_on):
        sys.exit(EXIT_DIAGNOSTICS)


def _base_type(annotation: Any) -> Any:
    """``str | None`` -> ``str``; ``tuple[str, ...]`` stays; resolves string annotations."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else str
    return annotation


def options_from_dataclasses(classes: Iterable[type]) -> Callable[[F], F]:
    """Click options for every field of the given options dataclasses (deduplicated by name).

    Every flag defaults to None ("not given") so that the writer's own defaults and the
    flavor presets apply; booleans become ``--x/--no-x`` switches.
    """
    seen: dict[str, Callable[[F], F]] = {}
    for cls in classes:
        hints = typing.get_type_hints(cls)
        for fld in dataclasses.fields(cls):
            if fld.name in seen or "help" not in fld.metadata:
                continue
            seen[fld.name] = _make_option(fld, _base_type(hints[fld.name]))

    def decorate(func: F) -> F:
        for opt in reversed(list(seen.values())):
            func = opt(func)
        return func

    return decorate


def _make_option(fld: dataclasses.Field[Any], kind: Any) -> Any:
    flag = "--" + fld.name.replace("_", "-")
    help_text = str(fld.metadata["help"])
    if kind is bool:
        return click.option(f"{flag}/--no-{fld.name.replace('_', '-')}", fld.name,
                            default=None, help=help_text)
    if typing.get_origin(kind) is tuple:
        return click.option(flag, fld.name, multiple=True, default=None, help=help_text,
                            callback=lambda _c, _p, v: tuple(v) or None)
    choices = fld.metadata.get("choices")
    click_type: Any = click.Choice(list(choices)) if choices else (
        kind if kind in (int, float) else str)
    return click.option(flag, fld.name, type=click_type, default=None, help=help_text)


def pick(values: dict[str, Any], cls: type) -> dict[str, Any]:
    """The entries of ``values`` that are fields of ``cls`` and were given (not None)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in values.items() if k in names and v is not None}
