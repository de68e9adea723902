"""Measuring one key in a running app: into the driver, out at the frame that shows its result.

`Harness.measure(series, key, region=...)`: waits until the app is quiet, hands the key to the
driver (frames.inject_key, as Textual's input thread does), waits until the app is quiet again
(no frame for QUIET seconds and no worker running), then looks at what the terminal shows now
in `region` (a widget's selector, its region on the screen then; None: the whole screen) and
stops the clock at the first frame after the key after which the terminal showed exactly that
and which wrote on those lines itself. A key after which the region shows the same as before
counts as not checked ("gecontroleerd n/m" in the table); a text that must be shown
(`expect`) or a screen that must be on top (`screen`) and is not is an error, not a figure.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from benchmarks.frames import FrameDriver, Frames, inject_key
from benchmarks.report import Series

QUIET = 0.12  # seconds without a frame: the app is done drawing (it paints at most 60 a second)
IDLE_PROBE = 0.03  # seconds in which the process must use at most IDLE_CPU seconds of CPU
IDLE_CPU = 0.003
TIMEOUT = 30.0


class Harness:
    def __init__(self, app: Any, pilot: Any) -> None:
        self.app, self.pilot = app, pilot

    @property
    def frames(self) -> Frames:
        assert FrameDriver.frames is not None
        return FrameDriver.frames

    def _busy(self) -> bool:
        return any(not worker.is_finished for worker in self.app.workers)

    async def settle(self, since: int | None = None) -> None:
        """Until a frame came after index `since` and the app is done: no frame for QUIET
        seconds, no worker running, the process using no CPU (threads included: a query in a
        thread keeps it busy without a frame) and every widget of the screen through its
        messages (Pilot's own wait). A screen switch awaits its mounting with the loop free
        and no frame written for a while: quiet alone is not done."""
        deadline = time.monotonic() + TIMEOUT
        written = self.frames.written
        while True:
            await asyncio.sleep(0.01)
            if time.monotonic() > deadline:
                raise RuntimeError(f"geen rustig beeld binnen {TIMEOUT:.0f} s "
                                   f"(scherm {type(self.app.screen).__name__})")
            if since is not None and len(written) <= since:
                continue
            if not written or time.monotonic() - written[-1][0] < QUIET or self._busy():
                continue
            count, cpu = len(written), time.process_time()
            await asyncio.sleep(IDLE_PROBE)
            if time.process_time() - cpu > IDLE_CPU:
                continue
            await self.pilot._wait_for_screen()
            if len(written) == count and not self._busy():
                return

    async def press(self, key: str) -> None:
        """A key that is not measured (to get somewhere), through the same way in; it need
        not draw anything (Down on the last row)."""
        await self.settle()
        inject_key(self.app, key)
        await self.settle()

    def region(self, selector: str | None) -> tuple[int, int, int, int] | None:
        if selector is None:
            return None
        r = self.app.screen.query_one(selector).region
        return (r.x, r.y, r.width, r.height)

    def screen_text(self) -> str:
        self.frames.catch_up()
        return self.frames.terminal.text()

    async def measure(self, series: Series, key: str, *, region: str | None = None,
                      expect: str | None = None, screen: str | None = None) -> float:
        await self.settle()
        self.frames.catch_up()
        since = len(self.frames.written)
        started = inject_key(self.app, key)
        await self.settle(since)
        if screen is not None and type(self.app.screen).__name__ != screen:
            raise RuntimeError(f"{key!r}: scherm {type(self.app.screen).__name__}, niet {screen}")
        where = self.region(region)
        before, after = self.frames.settled(since, where)
        if before == after and where is not None:
            # The region did not change (a filter that leaves the same rows, a table hidden
            # behind its "no cases" line): what changed is elsewhere on the screen.
            where = None
            before, after = self.frames.settled(since, where)
        if expect is not None and expect not in "\n".join(after):
            raise RuntimeError(f"{key!r}: {expect!r} staat niet op het scherm")
        hit = self.frames.first_showing(since, where, after)
        self.frames.catch_up()
        if hit is None and before == after and len(self.frames.written) > since:
            hit = (self.frames.written[since][0], since)  # nothing new to see: the next frame
        if hit is None:
            raise RuntimeError(f"{key!r}: geen frame schreef de nieuwe inhoud van {region or 'het scherm'}")
        took = hit[0] - started
        series.add_seconds(took, checked=before != after)
        return took
