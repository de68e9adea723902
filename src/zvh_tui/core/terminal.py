"""The terminal while `zvh` starts: what is typed before the app is up is never echoed (issue 11.7).

A procesregisseur who types the passphrase while the app is still loading would otherwise see it
echoed by the terminal, and it would stay in the scrollback after quitting. So the very first
thing the `zvh` command does (`zvh_tui.start`, before any heavy import) is `hold_echo()`: echo
and line editing off. Characters that arrive from then on wait, unechoed, in the terminal's input
queue. Those that arrived even earlier (between Enter on the shell and our first instruction,
some tens of milliseconds) were echoed already: `take_typed_ahead()` reads the queue, erases
those from the screen, and returns all of it for the unlock screen, Enter included.
`release_echo()` gives the terminal back exactly as it was.

Only the standard library, and POSIX-only modules behind ImportError: on Windows (no termios)
every function here does nothing.
"""

from __future__ import annotations

import os
import sys

try:  # POSIX only
    import fcntl
    import struct
    import termios
except ImportError:  # pragma: no cover - Windows
    termios = None  # type: ignore[assignment]

_saved: list | None = None  # the terminal's attributes before hold_echo
_fd: int | None = None
_echoed = 0  # bytes already in the input queue (so echoed) when echo was turned off


def _pending(fd: int) -> int:
    """How many bytes wait in the terminal's input queue."""
    try:
        raw = fcntl.ioctl(fd, termios.FIONREAD, struct.pack("i", 0))
        return int(struct.unpack("i", raw)[0])
    except (OSError, AttributeError):
        return 0


def hold_echo(fd: int = 0) -> None:
    """Turn echo and line editing off on the terminal at `fd` (nothing when it is no terminal)."""
    global _saved, _fd, _echoed
    if termios is None or _saved is not None:
        return
    try:
        if not os.isatty(fd):
            return
        saved = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~(termios.ECHO | termios.ICANON)  # lflag; ISIG stays: Ctrl+C still works
        termios.tcsetattr(fd, termios.TCSANOW, quiet)  # TCSANOW: keep what was typed ahead
    except (OSError, termios.error):
        return
    _saved, _fd = saved, fd
    _echoed = _pending(fd)


def release_echo() -> None:
    """Give the terminal back its attributes from before `hold_echo` (after the app, too)."""
    global _saved, _fd
    if _saved is None or _fd is None:
        return
    try:
        # TCSANOW: after a hang-up (terminal window closed) there is nothing to drain, and
        # TCSADRAIN would wait for ever.
        if os.isatty(_fd):
            termios.tcsetattr(_fd, termios.TCSANOW, _saved)
    except (OSError, termios.error):
        pass
    _saved, _fd = None, None


def _rows(text: str, width: int) -> int:
    """Screen rows that echoed `text` took, starting at the first column."""
    rows = 0
    for line in text.split("\n"):
        columns = sum(2 if ch < " " or ch == "\x7f" else 1 for ch in line)  # ^X for controls
        rows += max(1, -(-columns // width))
    return rows


def _erase(rows: int) -> str:
    """Clear the last `rows` rows up to the cursor, row by row, and end on the first of them.

    Erase-line, not erase-display: tmux (scroll-on-clear) and some terminals move a cleared
    screen into the scrollback instead of wiping it.
    """
    up = rows - 1
    text = "\r" + (f"\x1b[{up}A" if up else "")
    text += "\x1b[B".join(["\x1b[2K"] * rows)
    return text + (f"\x1b[{up}A" if up else "")


def take_typed_ahead() -> str:
    """What was typed before the app could read it; the part the terminal echoed is erased.

    Returns the text with "\\n" for Enter (the terminal maps Enter to a newline before we read).
    """
    global _echoed
    if _saved is None or _fd is None:
        return ""
    count = _pending(_fd)
    if not count:
        return ""
    try:
        data = os.read(_fd, count)
    except OSError:
        return ""
    echoed = data[:_echoed].decode("utf-8", errors="replace")
    _echoed = 0
    if echoed and sys.stdout.isatty():
        try:
            width = os.get_terminal_size(sys.stdout.fileno()).columns or 80
        except OSError:
            width = 80
        sys.stdout.write(_erase(_rows(echoed, width)))
        sys.stdout.flush()
    return data.decode("utf-8", errors="replace")
