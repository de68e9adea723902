"""A safe crash policy: a short message (in the language of the moment) and an error id, details only in the log.

Textual's own crash handler prints the traceback *with local variables* to the terminal, and
Python's default excepthook prints the exception's message; both can hold client data (a name in
a query, a note being saved). Here a crash writes to the profile's log file only the exception's
class name, an error id and the frames as `file:line:function` - no message, no locals, no source
lines - and tells the user the error id, so a support desk can find the entry without ever seeing
client data.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from zvh_tui.core.i18n import _

LOGGER_NAME = "zvh_tui"
EXIT_STATUS = 70  # EX_SOFTWARE: the exit status of `zvh` after a crash, in the CLI and the app
_CHAIN_LIMIT = 5  # how many chained exceptions (cause / context) to describe

_handler: logging.Handler | None = None
_handler_path: Path | None = None


class _QuietFileHandler(logging.FileHandler):
    """A log file that fails in silence: a full or read-only disk must not make Python print
    "--- Logging error ---" with a traceback on the terminal (issue 10.6)."""

    def handleError(self, record: logging.LogRecord) -> None:  # logging's name
        pass

    def flush(self) -> None:
        try:
            super().flush()
        except OSError:
            pass

    def close(self) -> None:
        try:
            super().close()  # closing flushes what a full disk refused before: again refused
        except OSError:
            pass


def _never_to_the_terminal() -> logging.Logger:
    """Our logger, with no way to Python's last-resort handler (which writes to stderr): a
    crash record is for the log file only, and without a log file it goes nowhere."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.propagate = False
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    return logger


def setup_logging(log_file: Path | None) -> None:
    """Send the `zvh_tui` loggers to the profile's log file (0600), once per file.

    Only ids and codes are ever logged (shared/engineering.md); a second call with another
    profile's file (tests) moves the handler there.
    """
    global _handler, _handler_path
    logger = _never_to_the_terminal()
    if log_file is None or log_file == _handler_path:
        return
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
        _handler, _handler_path = None, None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        os.chmod(log_file, 0o600)
    except OSError:
        return  # no log file: the crash message still reaches the user
    handler = _QuietFileHandler(log_file, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _handler, _handler_path = handler, log_file


def new_error_id() -> str:
    """Eight hex characters: short enough to read out over the phone."""
    return secrets.token_hex(4)


def user_message(error_id: str) -> str:
    """What the user reads after a crash: no details, only what to do."""
    return _(
        "zvh-tui is gestopt door een onverwachte fout (foutcode {error_id}). "
        "Wat u had opgeslagen is bewaard. Start zvh opnieuw; gebeurt dit vaker, "
        "geef dan de foutcode door aan uw beheerder. Het logbestand van het profiel "
        "bevat alleen technische gegevens, geen cliëntgegevens."
    ).format(error_id=error_id)


def worker_failure_message(error_id: str) -> str:
    """What the user reads when work in the background failed unexpectedly: the app goes on."""
    return _(
        "Er ging iets onverwacht mis (foutcode {error_id}). Wat u had opgeslagen is bewaard en "
        "u kunt verder werken. Gebeurt dit vaker, geef dan de foutcode door aan uw beheerder."
    ).format(error_id=error_id)


def _short_path(filename: str) -> str:
    """A frame's file without the user's home folder: from the package name on, or the name."""
    parts = Path(filename).parts
    for anchor in ("zvh_tui", "site-packages"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            start = index if anchor == "zvh_tui" else index + 1
            return "/".join(parts[start:])
    return Path(filename).name


def frames(tb: TracebackType | None) -> list[str]:
    """The traceback as `file:line:function`, read from code objects (no locals, no source)."""
    return [
        f"{_short_path(frame.f_code.co_filename)}:{lineno}:{frame.f_code.co_name}"
        for frame, lineno in traceback.walk_tb(tb)
    ]


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The exception, what a Textual worker wrapped, and its causes, without loops."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < _CHAIN_LIMIT:
        seen.add(id(current))
        yield current
        wrapped = getattr(current, "error", None)  # textual.worker.WorkerFailed
        if isinstance(wrapped, BaseException):
            current = wrapped
        else:
            current = current.__cause__ or current.__context__


def describe(error: BaseException, error_id: str) -> str:
    """The log entry for a crash: class names and frames only."""
    lines = [f"crash {error_id}"]
    for index, exc in enumerate(_chain(error)):
        label = "exception" if index == 0 else "caused by"
        lines.append(f"  {label} {type(exc).__module__}.{type(exc).__qualname__}")
        lines.extend(f"    at {frame}" for frame in frames(exc.__traceback__))
    return "\n".join(lines)


def report(error: BaseException, log_file: Path | None = None) -> str:
    """Log a crash safely and return its error id; never raises."""
    error_id = new_error_id()
    try:
        setup_logging(log_file)
        logging.getLogger(f"{LOGGER_NAME}.crash").error(describe(error, error_id))
    except Exception:  # reporting a crash must not crash
        pass
    return error_id


def install_excepthook(log_file: Path | None) -> None:
    """The same policy for the CLI and for threads outside Textual."""

    def excepthook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            print(_("Afgebroken."), file=sys.stderr)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        print(user_message(report(exc, log_file)), file=sys.stderr)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            print(user_message(report(args.exc_value, log_file)), file=sys.stderr)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
