"""The wait after a wrong passphrase, kept in the profile's state folder (issue 10.7).

After each wrong passphrase the next try waits 1, 2, 4 … at most 30 seconds. The count and the
moment of the last wrong try live in `state/unlock-delay.json`, so quitting and restarting the
app, or running `zvh` once per guess with ZVH_PASSPHRASE, does not start again at zero. A file
that cannot be read as written here (edited, damaged) counts as the longest wait, so editing it
does not help; deleting it does (see SECURITY.md: whoever can delete files can also copy the
database and guess offline, where no delay applies).
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from zvh_tui.core.errors import UnlockDelayed
from zvh_tui.core.i18n import Mn

FILENAME = "unlock-delay.json"
MAX_RETRY_DELAY_SECONDS = 30
_MAX_FAILURES = 6  # 2 ** 5 > 30: any count from here waits the maximum


def retry_delay(failures: int) -> int:
    """Seconds to wait after the given number of wrong passphrases: 1, 2, 4 … at most 30."""
    if failures <= 0:
        return 0
    return min(2 ** (min(failures, _MAX_FAILURES) - 1), MAX_RETRY_DELAY_SECONDS)


class UnlockDelay:
    """Wrong passphrases of one profile: how many in a row, and when the last one was."""

    def __init__(self, file: Path, clock: Callable[[], float] = time.time) -> None:
        self.file = file
        self.clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            text = self.file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return 0, 0.0
        except OSError:
            return _MAX_FAILURES, self._mtime()
        try:
            data = json.loads(text)
            failures, last = data["failures"], data["last"]
            if (not isinstance(failures, int) or isinstance(failures, bool) or failures < 0
                    or not isinstance(last, (int, float)) or not math.isfinite(last)):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            return _MAX_FAILURES, self._mtime()  # edited or damaged: the longest wait
        return failures, float(last)

    def _mtime(self) -> float:
        try:
            return min(self.file.stat().st_mtime, self.clock())
        except OSError:
            return self.clock()

    @property
    def failures(self) -> int:
        return self._read()[0]

    def remaining(self) -> float:
        """Seconds until the next try is allowed (0 when it is allowed now)."""
        failures, last = self._read()
        delay = retry_delay(failures)
        if delay == 0:
            return 0.0
        # A clock set back must not stretch the wait: never more than one full delay.
        return max(0.0, min(float(delay), last + delay - self.clock()))

    def check(self) -> None:
        """Refuse a try that comes too soon after a wrong passphrase."""
        wait = self.remaining()
        if wait > 0:
            raise UnlockDelayed(
                Mn("safety.unlock_delay.wait",
                   "Na een fout wachtwoord moet u even wachten: probeer het over {n} seconde opnieuw.",
                   "Na een fout wachtwoord moet u even wachten: probeer het over {n} seconden opnieuw.",
                   n=math.ceil(wait)),
                seconds=wait,
            )

    def failed(self) -> int:
        """Count one more wrong passphrase; return the seconds the next try must wait."""
        failures = self._read()[0] + 1
        self._write({"failures": failures, "last": self.clock()})
        return retry_delay(failures)

    def succeeded(self) -> None:
        try:
            self.file.unlink(missing_ok=True)
        except OSError:
            pass

    def _write(self, data: dict[str, object]) -> None:
        """Atomically: a full or read-only disk keeps the old file (the app still counts down)."""
        tmp = self.file.with_name(self.file.name + ".tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.file)
        except OSError:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
