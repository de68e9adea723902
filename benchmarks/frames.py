"""What reaches the terminal: a Textual driver that keeps every frame, and a small terminal.

`FrameDriver` is Textual's headless driver with one difference: it is not headless, so the app
renders and writes each frame (`App._display` skips that for a headless driver); `write` keeps
`(time.monotonic(), data)` instead of sending the bytes to a terminal. Keys go in through the
driver's `process_message`, the call Textual's input thread makes for a key read from the
terminal (`inject_key`).

`Terminal` replays those frames as a terminal would (cursor moves, text, wide characters; colours
and styles ignored): after each frame the text on every line is known, so a measurement can ask
"the first frame after which the screen shows the new rows" and "did that frame write into the
table's lines" — what a user sees, not a callback before the draw.

For start-up in a fresh process, the installed `zvh` runs unchanged with this driver named in
TEXTUAL_DRIVER (Textual reads it in `App.get_driver_class`): with ZVH_BENCH_FRAMES set, the
driver writes its frames (and the process's peak memory) there as JSON when the app ends; once a
frame matched ZVH_BENCH_UNTIL (a regular expression on the frame's text) and nothing was drawn
for ZVH_BENCH_QUIET seconds, it presses the keys of ZVH_BENCH_KEYS one by one (each followed by
a quiet time) and ends the app.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

from rich.cells import get_character_cell_size
from textual import events
from textual.drivers.headless_driver import HeadlessDriver

ENV_FRAMES = "ZVH_BENCH_FRAMES"
ENV_UNTIL = "ZVH_BENCH_UNTIL"
ENV_QUIET = "ZVH_BENCH_QUIET"
ENV_KEYS = "ZVH_BENCH_KEYS"  # keys (comma-separated) to press, one per quiet time, after UNTIL
DRIVER_NAME = "benchmarks.frames:FrameDriver"

_TOKEN = re.compile(
    r"\x1b\[(?P<csi>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI: cursor moves, colours, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    r"|\x1b[@-Z\\-_]|\x1b[()][0-9A-Za-z]"  # two-byte escapes
    r"|(?P<ctl>[\r\n\b\x07])"
    r"|(?P<text>[^\x1b\r\n\b\x07]+)"
)
_SGR_OR_ESC = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def plain(data: str) -> str:
    """The text of a frame without its escape sequences (for a quick look, not for layout)."""
    return _SGR_OR_ESC.sub("", data)


class Terminal:
    """A screen of `width` x `height` cells that frames are written to (text only)."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def feed(self, data: str) -> set[int]:
        """Apply one frame; returns the lines it wrote text on."""
        touched: set[int] = set()
        for match in _TOKEN.finditer(data):
            text = match.group("text")
            if text is not None:
                self._text(text, touched)
                continue
            ctl = match.group("ctl")
            if ctl is not None:
                if ctl == "\r":
                    self.x = 0
                elif ctl == "\n":
                    self.y = min(self.height - 1, self.y + 1)
                elif ctl == "\b":
                    self.x = max(0, self.x - 1)
                continue
            final = match.group("final")
            if final is None:
                continue
            params = match.group("csi") or ""
            if params.startswith(("?", ">", "<", "=")):
                continue  # modes (sync, cursor on/off, mouse): nothing on the screen
            numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
            first = numbers[0] if numbers else 0
            if final in "Hf":
                row = numbers[0] if numbers and numbers[0] else 1
                col = numbers[1] if len(numbers) > 1 and numbers[1] else 1
                self.y, self.x = min(self.height, row) - 1, min(self.width, col) - 1
            elif final == "A":
                self.y = max(0, self.y - (first or 1))
            elif final == "B":
                self.y = min(self.height - 1, self.y + (first or 1))
            elif final == "C":
                self.x = min(self.width - 1, self.x + (first or 1))
            elif final == "D":
                self.x = max(0, self.x - (first or 1))
            elif final == "G":
                self.x = min(self.width, first or 1) - 1
            elif final == "J":
                if first == 0:  # from the cursor to the end of the screen
                    self.cells[self.y][self.x:] = [" "] * (self.width - self.x)
                    rows = range(self.y, self.height)
                else:  # 2: all (1, from the start to the cursor, Textual never writes)
                    rows = range(self.height) if first == 2 else range(0)
                for y in rows:
                    if y != self.y or first == 2:
                        self.cells[y] = [" "] * self.width
                    touched.add(y)
            elif final == "K":
                line = self.cells[self.y]
                if first == 0:
                    line[self.x:] = [" "] * (self.width - self.x)
                elif first == 2:
                    self.cells[self.y] = [" "] * self.width
                touched.add(self.y)
        return touched

    def _text(self, text: str, touched: set[int]) -> None:
        line = self.cells[self.y]
        touched.add(self.y)
        for char in text:
            size = get_character_cell_size(char)
            if size == 0:
                continue
            if self.x + size > self.width:
                break  # Textual never writes past the edge; a broken frame stops here
            line[self.x] = char
            if size == 2:
                line[self.x + 1] = ""
            self.x += size

    def lines(self, top: int = 0, bottom: int | None = None, left: int = 0,
              right: int | None = None) -> list[str]:
        return ["".join(row[left:right]).rstrip() for row in self.cells[top:bottom]]

    def text(self) -> str:
        return "\n".join(self.lines())


@dataclass
class Frames:
    """Every frame written, `(monotonic seconds, data)`, and a terminal they are replayed on."""

    width: int
    height: int
    written: list[tuple[float, str]] = field(default_factory=list)
    replayed: int = 0  # frames already fed to `terminal`
    terminal: Terminal = field(init=False)

    def __post_init__(self) -> None:
        self.terminal = Terminal(self.width, self.height)

    def catch_up(self, upto: int | None = None) -> None:
        end = len(self.written) if upto is None else upto
        while self.replayed < end:
            self.terminal.feed(self.written[self.replayed][1])
            self.replayed += 1

    def settled(self, since: int, region: tuple[int, int, int, int] | None) -> tuple[list[str], list[str]]:
        """What `region` showed before frame `since` and what it shows after the last frame
        (replayed on a copy; the terminal itself stays at `since`)."""
        self.catch_up(since)
        x, y, w, h = region if region is not None else (0, 0, self.width, self.height)
        before = self.terminal.lines(y, y + h, x, x + w)
        scratch = Terminal(self.width, self.height)
        scratch.cells = [row[:] for row in self.terminal.cells]
        scratch.x, scratch.y = self.terminal.x, self.terminal.y
        for _, data in self.written[since:]:
            scratch.feed(data)
        return before, scratch.lines(y, y + h, x, x + w)

    def first_showing(self, since: int, region: tuple[int, int, int, int] | None,
                      expected: list[str]) -> tuple[float, int] | None:
        """The first frame (index >= since) after which `region` (x, y, width, height) shows
        `expected` and that itself wrote on those lines: (its time, its index). Replays from
        where the terminal stands; the terminal must stand at `since`."""
        self.catch_up(since)
        x, y, w, h = region if region is not None else (0, 0, self.width, self.height)
        lines = set(range(y, y + h))
        while self.replayed < len(self.written):
            at, data = self.written[self.replayed]
            touched = self.terminal.feed(data)
            self.replayed += 1
            if touched & lines and self.terminal.lines(y, y + h, x, x + w) == expected:
                return at, self.replayed - 1
        return None


class FrameDriver(HeadlessDriver):
    """Headless input, real output: every frame the app writes is kept with its time."""

    frames: Frames | None = None  # the frames of the app running in this process

    def __init__(self, app: Any, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        width, height = self._get_terminal_size()
        FrameDriver.frames = self.frames = Frames(width, height)
        self._dump = os.environ.get(ENV_FRAMES)
        until = os.environ.get(ENV_UNTIL)
        self._until = re.compile(until) if until else None
        self._quiet = float(os.environ.get(ENV_QUIET, "0.4"))
        self._keys = [k for k in os.environ.get(ENV_KEYS, "").split(",") if k]
        self._seen = False

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        self.frames.written.append((time.monotonic(), data))
        if self._until is not None and not self._seen and self._until.search(plain(data)):
            self._seen = True
            self._app.set_timer(self._quiet, self._next_step)

    def _next_step(self) -> None:
        """Once nothing was drawn for the quiet time: the next key of ENV_KEYS, or the end."""
        if time.monotonic() - self.frames.written[-1][0] < self._quiet * 0.9:
            self._app.set_timer(self._quiet, self._next_step)
        elif self._keys:
            inject_key(self._app, self._keys.pop(0))
            self._app.set_timer(self._quiet, self._next_step)
        else:
            self._app.exit()

    def stop_application_mode(self) -> None:
        super().stop_application_mode()
        if self._dump:
            peak_kib = peak_rss_kib()
            with open(self._dump, "w", encoding="utf-8") as out:
                json.dump({"size": [self.frames.width, self.frames.height],
                           "frames": self.frames.written, "peak_rss_kib": peak_kib}, out)


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB: VmHWM (Linux), else ru_maxrss. Not
    ru_maxrss on Linux: it survives fork and exec, so a child started by a big benchmark
    process reports the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    if resource is None:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS


def key_event(key: str) -> events.Key:
    """The Key event Textual's input reader makes for `key` (a key name or one character)."""
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def inject_key(app: Any, key: str) -> float:
    """Hand `key` to the app the way the driver's input thread does; returns the moment."""
    event = key_event(key)
    at = time.monotonic()
    app._driver.process_message(event)
    return at


def load_dump(path: str | os.PathLike[str]) -> tuple[Frames, int]:
    """The frames a process wrote (ENV_FRAMES) and its peak resident memory in KiB."""
    with open(path, encoding="utf-8") as dump:
        data = json.load(dump)
    frames = Frames(*data["size"])
    frames.written = [(float(t), str(d)) for t, d in data["frames"]]
    return frames, int(data["peak_rss_kib"])
