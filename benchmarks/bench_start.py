"""Start-up as the terminal and a person see it, each run in a fresh process.

- `zvh` (the installed command, unchanged; ZVH_PASSPHRASE given) to the first frame after which
  the screen shows a case row, beside the bare Textual app (bare_app.py) to its first table row,
  started the same way: a new process on a pseudo-terminal, the frame driver named in
  TEXTUAL_DRIVER (frames.py). The clock starts before the process is made and stops at the
  frame's time (both `time.monotonic`, one clock for every process on the machine). Runs are
  interleaved (zvh, bare, zvh, …) so a change of load hits both.
- `zvh` without a passphrase to the unlock screen ("Profiel vergrendeld"), against the same bare app.
- peak memory: in each of those zvh runs, once the list is drawn and quiet, Enter (the first
  case's dossier), then the process's peak resident set (ru_maxrss, after the frame that
  counted); the bare app's beside it.
- in tmux (`tmux -L <own socket>`, 120x40): from `new-session` to the first `capture-pane` that
  shows a case row; the bare app too. A person's view: tmux's own drawing and the polling
  (every 10 ms) are in the figure.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks import frames as F
from benchmarks.profiles import PASSPHRASE, REPO, profile_env
from benchmarks.report import Series, say

ZVH = Path(sys.executable).parent / "zvh"
SIZE = (120, 40)
# A case row (and the bare app's rows): a case number "2026-00001" followed by more text.
CASE_ROW = r"\b\d{4}-\d{3,}\b\s+\S"
UNLOCK = "Profiel vergrendeld"
DOSSIER = "Overzicht"  # the dossier's first section
TIMEOUT = 120.0
QUIT_WAIT = 20.0


def _env(root: Path, *, passphrase: bool, until: str, keys: str = "") -> dict[str, str]:
    env = profile_env(root)
    env.update({"TEXTUAL_DRIVER": F.DRIVER_NAME, "PYTHONPATH": str(REPO), "TERM": "xterm-256color",
                "COLUMNS": str(SIZE[0]), "LINES": str(SIZE[1]), F.ENV_UNTIL: until,
                F.ENV_KEYS: keys})
    if passphrase:
        env["ZVH_PASSPHRASE"] = PASSPHRASE
    return env


def _run(command: list[str], env: dict[str, str], shown: str,
         last: str | None = None) -> tuple[float, int]:
    """Start `command` on a new pseudo-terminal; (seconds to the first frame after which the
    screen matches `shown`, peak memory in KiB). With `last`: the screen must show that text
    when the process ends (the dossier opened by the keys pressed after `shown`)."""
    with tempfile.TemporaryDirectory(prefix="zvh-bench-start-") as tmp:
        dump = Path(tmp) / "frames.json"
        env = {**env, F.ENV_FRAMES: str(dump)}
        master, slave = pty.openpty()
        try:
            import fcntl
            import struct
            import termios

            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            started = time.monotonic()
            process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                                       cwd=tmp, close_fds=True)
            os.close(slave)
            slave = -1
            said = b""
            deadline = started + TIMEOUT
            while process.poll() is None:  # read what it says (nothing, normally) till it ends
                if time.monotonic() > deadline:
                    process.kill()
                    raise RuntimeError(f"{command[-1]} eindigde niet binnen {TIMEOUT:.0f} s")
                ready, _, _ = select.select([master], [], [], 0.05)
                if ready:
                    try:
                        said += os.read(master, 65536)
                    except OSError:
                        break
            process.wait(timeout=TIMEOUT)
        finally:
            os.close(master)
            if slave >= 0:
                os.close(slave)
        if process.returncode != 0 or not dump.is_file():
            raise RuntimeError(f"{Path(command[-1]).name} stopte met {process.returncode}: "
                               f"{said.decode(errors='replace')[-300:]!r}")
        recorded, peak = F.load_dump(dump)
    pattern = re.compile(shown)
    for index, (at, data) in enumerate(recorded.written):
        recorded.terminal.feed(data)
        if pattern.search(recorded.terminal.text()):
            recorded.replayed = index + 1
            recorded.catch_up()
            if last is not None and last not in recorded.terminal.text():
                raise RuntimeError(f"{Path(command[-1]).name}: {last!r} niet op het laatste beeld")
            return at - started, peak
    raise RuntimeError(f"{Path(command[-1]).name}: geen beeld met {shown!r}")


def zvh_command() -> list[str]:
    return [str(ZVH)]


def bare_command() -> list[str]:
    return [sys.executable, "-m", "benchmarks.bare_app"]


def run(root: Path, runs: int, tmux_runs: int, warm: bool = True) -> dict[str, Series]:
    """The start-up series on the profile folder `root` (a working copy)."""
    s_zvh = Series("start -> eerste casusrij (ZVH_PASSPHRASE)")
    s_bare = Series("kale Textual-app -> eerste tabelrij")
    s_unlock = Series("start -> ontgrendelscherm (geen wachtwoord)")
    s_ratio = Series("  start tot eerste rij, ratio t.o.v. kaal", target=1.5, ratio_to=s_bare)
    s_uratio = Series("  ontgrendelscherm, ratio t.o.v. kaal", target=1.2, ratio_to=s_bare)
    say(f"opstarten in een nieuw proces, {runs}× om en om met de kale app; piekgeheugen")
    if warm:  # the first start after the copy reads the database from disk, not from the cache
        _run(zvh_command(), _env(root, passphrase=True, until=CASE_ROW), CASE_ROW)
    mem_zvh = Series("piekgeheugen (RSS) na lijst + dossier", target=100, unit="MiB")
    mem_bare = Series("piekgeheugen kale app", unit="MiB")
    for _ in range(runs):  # each zvh start also opens the first case (Enter) for its peak memory
        took, peak = _run(zvh_command(), _env(root, passphrase=True, until=CASE_ROW, keys="enter"),
                          CASE_ROW, last=DOSSIER)
        s_zvh.add_seconds(took)
        mem_zvh.add(peak / 1024)
        took, peak = _run(bare_command(), _env(root, passphrase=False, until=CASE_ROW), CASE_ROW)
        s_bare.add_seconds(took)
        mem_bare.add(peak / 1024)
        s_unlock.add_seconds(_run(zvh_command(), _env(root, passphrase=False, until=UNLOCK), UNLOCK)[0])
    s_ratio.values, s_ratio.checked = list(s_zvh.values), s_zvh.checked
    s_uratio.values, s_uratio.checked = list(s_unlock.values), s_unlock.checked
    mem_zvh.note = f"{mem_zvh.median / mem_bare.median:.1f}× kaal"
    result = {"start": s_zvh, "bare": s_bare, "start_ratio": s_ratio, "unlock": s_unlock,
              "unlock_ratio": s_uratio, "mem": mem_zvh, "mem_bare": mem_bare}
    if tmux_runs and shutil.which("tmux"):
        say(f"opstarten in tmux, {tmux_runs}×")
        t_zvh = Series("tmux: start -> capture-pane toont casusrij")
        t_bare = Series("tmux: kale app -> capture-pane toont rij")
        for _ in range(tmux_runs):
            t_zvh.add_seconds(_tmux(zvh_command(), root, passphrase=True))
            t_bare.add_seconds(_tmux(bare_command(), root, passphrase=False))
        t_ratio = Series("  tmux, ratio t.o.v. kaal", target=1.5, ratio_to=t_bare)
        t_ratio.values, t_ratio.checked = list(t_zvh.values), t_zvh.checked
        result.update({"tmux": t_zvh, "tmux_bare": t_bare, "tmux_ratio": t_ratio})
    return result


def _tmux(command: list[str], root: Path, *, passphrase: bool) -> float:
    """Seconds from `tmux new-session` running `command` to a capture showing a case row."""
    socket = f"zvh-bench-{uuid.uuid4().hex[:10]}"
    env = profile_env(root)
    env["PYTHONPATH"] = str(REPO)
    env.pop("TEXTUAL_DRIVER", None)
    if passphrase:
        env["ZVH_PASSPHRASE"] = PASSPHRASE

    def tmux(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args], env=env,
                              capture_output=True, text=True, timeout=30, cwd=REPO)

    pattern = re.compile(CASE_ROW)
    pid = ""
    started = time.monotonic()
    try:
        made = tmux("new-session", "-d", "-s", "bench", "-x", str(SIZE[0]), "-y", str(SIZE[1]),
                    *(f"-e{k}={v}" for k, v in env.items() if k.startswith(("ZVH_", "XDG_", "PYTHON"))),
                    "exec " + " ".join(command))
        if made.returncode != 0:
            raise RuntimeError(f"tmux: {made.stderr.strip()}")
        pid = tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").stdout.strip()
        while True:
            shown = tmux("capture-pane", "-p", "-t", "bench").stdout
            if pattern.search(shown):
                return time.monotonic() - started
            if time.monotonic() - started > TIMEOUT:
                raise RuntimeError(f"tmux: geen casusrij na {TIMEOUT:.0f} s:\n{shown}")
            time.sleep(0.01)
    finally:
        # Ctrl+Q as a person quits (zvh holds the profile's lock until it has ended); a process
        # still there after QUIT_WAIT is killed. Not kill-server first: zvh was seen to hang
        # after its terminal went away (SIGHUP), holding the lock.
        tmux("send-keys", "-t", "bench", "C-q")
        if not _gone(pid, QUIT_WAIT) and pid.isdigit():
            os.kill(int(pid), signal.SIGKILL)
            _gone(pid, QUIT_WAIT)
        tmux("kill-server")


def _gone(pid: str, wait: float) -> bool:
    """Whether the process has ended within `wait` seconds (a zombie counts as ended)."""
    deadline = time.monotonic() + wait
    while pid.isdigit() and time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.02)
    return not pid.isdigit() or not Path(f"/proc/{pid}").exists()
