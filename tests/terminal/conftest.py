"""Drive the installed `zvh` command in a real terminal (tmux), as a person would.

Each test gets its own tmux server (`tmux -L <unique name>`) with one 120x40 session running the
installed `zvh` (the venv's own script, beside sys.executable) on a throw-away `--data-dir`.
`remain-on-exit` keeps the pane after zvh ends, so a test can read what was left on the
terminal and the exit status. The server is killed in teardown.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

ZVH = Path(sys.executable).parent / "zvh"
WIDTH, HEIGHT = 120, 40


class Tmux:
    """One tmux server and session running `zvh`; helpers to type and to read the screen."""

    def __init__(self, root: Path, env: Mapping[str, str], zvh: Path = ZVH) -> None:
        self.zvh = zvh
        self.socket = f"zvh-test-{uuid.uuid4().hex[:12]}"
        self.root = root
        self.env = dict(env)
        self.config = root / "tmux.conf"
        # exit-empty off: a restart kills the only session; the server must not be on its way
        # out when the next session is made ("server exited unexpectedly").
        self.config.write_text(
            "set -s exit-empty off\nset -g remain-on-exit on\nset -g status off\n", encoding="utf-8"
        )
        self.started = False

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            env=self.env, capture_output=True, text=True, timeout=10, check=check,
        )

    def start(self, *zvh_args: str, env: Mapping[str, str] | None = None,
              size: tuple[int, int] = (WIDTH, HEIGHT), exit_file: Path | None = None) -> None:
        """Start `zvh ARGS` in a new session (a new server for the first start), `size`
        columns by lines. With `exit_file`, a shell around zvh writes zvh's exit status there
        (read it with `exit_status_from`): tmux itself does not always collect it in time."""
        if self.started:
            self._tmux("kill-session", "-t", "zvh", check=False)
        command = " ".join(shlex.quote(part) for part in [str(self.zvh), *zvh_args])
        if exit_file is not None:
            script = f"{command}; echo $? > {shlex.quote(str(exit_file))}"
            command = f"sh -c {shlex.quote(script)}"
        extra = [f"-e{key}={value}" for key, value in (env or {}).items()]
        for attempt in range(3):  # a server still shutting down can refuse once
            result = self._tmux("new-session", "-d", "-s", "zvh", "-x", str(size[0]), "-y",
                                str(size[1]), *extra, command, check=attempt == 2)
            if result.returncode == 0:
                break
            time.sleep(0.3)
        self.started = True

    def send_keys(self, *keys: str) -> None:
        """tmux key names: 'Enter', 'C-q', 'F1', 'Escape'."""
        self._tmux("send-keys", "-t", "zvh", *keys)

    def type(self, text: str) -> None:
        """Type literal text (no key names)."""
        self._tmux("send-keys", "-t", "zvh", "-l", text)

    def capture(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "zvh").stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Poll the screen until `text` shows; return the screen (fail with it on timeout)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} verscheen niet binnen {timeout} s. Scherm:\n{screen}")

    def wait_gone(self, text: str, timeout: float = 15.0) -> str:
        """Poll the screen until `text` no longer shows (a countdown that ends)."""
        deadline = time.monotonic() + timeout
        screen = self.capture()
        while text in screen:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} bleef staan na {timeout} s. Scherm:\n{screen}")
            time.sleep(0.05)
            screen = self.capture()
        return screen

    def exit_status(self, timeout: float = 20.0) -> int:
        """Wait until zvh has ended; its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            fields = self._tmux(
                "display-message", "-p", "-t", "zvh", "#{pane_dead} #{pane_dead_status}"
            ).stdout.split()
            if fields and fields[0] == "1":
                return int(fields[1]) if len(fields) > 1 else 0
            time.sleep(0.05)
        raise AssertionError(f"zvh stopte niet binnen {timeout} s. Scherm:\n{self.capture()}")

    def exit_status_from(self, exit_file: Path, timeout: float = 30.0) -> int:
        """Wait until the shell of `start(exit_file=...)` has written zvh's exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                text = exit_file.read_text(encoding="ascii").strip()
            except FileNotFoundError:
                text = ""
            if text.isdigit():
                return int(text)
            time.sleep(0.05)
        raise AssertionError(f"zvh stopte niet binnen {timeout} s. Scherm:\n{self.capture()}")

    def kill(self) -> None:
        self._tmux("kill-server", check=False)
        self.started = False


@pytest.fixture
def zvh_command() -> Path:
    """The installed console script, as a user would run it."""
    if not ZVH.exists():
        pytest.fail(f"het geïnstalleerde zvh-commando ontbreekt naast {sys.executable}")
    return ZVH


@pytest.fixture
def zvh_env(tmp_path: Path) -> dict[str, str]:
    """The environment for the installed zvh: isolated folders, no passphrase, a real TERM, and
    no COLUMNS/LINES (set in pytest-xdist's workers): the tmux pane's size is the terminal's."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"ZVH_PASSPHRASE", "ZVH_DATA_DIR", "ZVH_LANG", "TMUX", "TMUX_PANE", "COLUMNS", "LINES"}}
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / "xdg" / name.lower())
    env["TERM"] = "xterm-256color"
    env["LANG"] = env.get("LANG") or "C.UTF-8"
    env.pop("TEXTUAL", None)  # no devtools or debug features
    return env


@pytest.fixture
def tmux(tmp_path: Path, zvh_env: dict[str, str], zvh_command: Path) -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is niet geïnstalleerd (CI installeert het; lokaal: apt install tmux)")
    session = Tmux(tmp_path, zvh_env)
    try:
        yield session
    finally:
        session.kill()
