"""The app's crash: no traceback with locals on the screen, a Dutch message and an error id.

Textual's own crash screen prints the traceback with the values of local variables (client
data). `SafeCrashMixin` (put before `App` in the bases) logs the crash safely (`core.crash`)
and ends the app with `crash.user_message` instead; the private parts of Textual it needs are
in `compat.textual`.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from zvh_tui.compat.textual import ExceptionHook, end_app_after_crash
from zvh_tui.core import crash


class SafeCrashMixin(ExceptionHook):
    """The app defines `crash_log_file` (a Path or None) to say where the entry goes."""

    crash_log_file: Path | None = None

    def on_unhandled_exception(self, error: Exception) -> None:
        error_id = crash.report(error, self.crash_log_file)
        end_app_after_crash(self, error, return_code=crash.EXIT_STATUS,  # type: ignore[arg-type]
                            message=Text(crash.user_message(error_id)))
