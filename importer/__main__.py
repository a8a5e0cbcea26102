"""``python -m importer`` and the ``blogimport`` command: the command line's entry point.

Ctrl-C and SIGTERM are answered from the first moment: before the CLI has loaded, a signal ends
the run with one line (nothing has been read or written yet); once a command runs, the CLI's own
handlers take over and say what became of the output.
"""

import signal
import sys


def _before_start(signum: int, _frame: object) -> None:
    sys.stderr.write("interrupted: nothing was written\n")
    raise SystemExit(128 + signum)


for _signal in (signal.SIGINT, signal.SIGTERM):
    signal.signal(_signal, _before_start)

from importer.cli import main  # noqa: E402  (after the handlers, on purpose)


def run() -> None:
    """The ``blogimport`` console script."""
    main(prog_name="blogimport")


if __name__ == "__main__":
    run()
