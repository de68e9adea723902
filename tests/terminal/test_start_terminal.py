"""The installed `zvh` at the edges of a terminal (issues 9.6, 9.7, 11.7).

The app refuses to draw into a file or pipe; a closed pipe is a quiet exit; a passphrase from a
pipe gives no English warning; and a passphrase typed while the app is still starting is neither
echoed nor left in the scrollback, yet unlocks.
"""

from __future__ import annotations

import shlex
import subprocess
import time
from pathlib import Path

import pytest
from terminal.conftest import HEIGHT, WIDTH, ZVH, Tmux  # tests/ is on the path

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"


def run_zvh(env: dict[str, str], *args: str, stdin: str | None = None,
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ZVH), *args], env=env, capture_output=True, text=True, timeout=60,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL)


@pytest.fixture
def made(zvh_env: dict[str, str], tmp_path: Path) -> Path:
    """A profile made with `zvh init` (passphrase PASSPHRASE)."""
    folder = tmp_path / "profiel"
    result = run_zvh({**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE}, "init", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def start_shell(tmux: Tmux, script: str) -> None:
    """Run a shell script in the test's tmux session instead of `zvh` itself."""
    command = f"sh -c {shlex.quote(script)}"
    tmux._tmux("new-session", "-d", "-s", "zvh", "-x", str(WIDTH), "-y", str(HEIGHT), command)
    tmux.started = True


def scrollback(tmux: Tmux) -> str:
    """The whole pane, scrollback included, as it is after the program ended."""
    return tmux._tmux("capture-pane", "-p", "-S", "-", "-t", "zvh").stdout


def test_app_without_a_terminal_refuses_at_once(zvh_env: dict[str, str], tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_zvh(zvh_env, "--data-dir", str(tmp_path / "p"))  # stdin /dev/null, output pipes
    assert time.monotonic() - started < 30  # never waits for input that cannot come
    assert result.returncode == 2
    assert "werkt alleen in een terminal" in result.stderr
    assert result.stdout == "" and "\x1b" not in result.stderr  # no screen drawn anywhere
    assert not (tmp_path / "p").exists()


def test_app_with_standard_error_in_a_file_says_so_on_the_terminal(tmux, tmp_path: Path) -> None:
    data, log = tmp_path / "p", tmp_path / "fouten.txt"
    start_shell(tmux, f"{shlex.quote(str(ZVH))} --data-dir {shlex.quote(str(data))} "
                      f"2>{shlex.quote(str(log))}; echo status=$?")
    tmux.wait_for("status=")
    screen = " ".join(scrollback(tmux).split())  # the first row may have scrolled already
    assert "status=2" in screen
    assert "werkt alleen in een terminal" in screen and "standaardfoutuitvoer is omgeleid" in screen
    assert log.read_text(encoding="utf-8") == ""  # not a byte of the screen in the file
    assert not data.exists()


def test_a_closed_pipe_is_a_quiet_exit(made: Path, zvh_env: dict[str, str]) -> None:
    """A reader that stops early: `| head -1` takes the first line (whether zvh still writes after
    head has gone depends on the machine's timing: 0 or 141), `| true` has gone before zvh writes
    at all (zvh takes far longer to start): 141. Never a word on standard error."""
    env = {**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE}
    check = f"{shlex.quote(str(ZVH))} check --data-dir {shlex.quote(str(made))}"
    for reader, stdout, codes in (("head -1", "Controle van profiel 'profiel':\n", (0, 141)), ("true", "", (141,))):
        result = subprocess.run(["bash", "-c", f"set -o pipefail; {check} | {reader}"], env=env,
                                capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert result.stdout == stdout, reader
        assert result.stderr == "", reader  # no error id, no "Exception ignored … BrokenPipeError"
        assert result.returncode in codes, (reader, result.returncode)


def test_a_passphrase_from_a_pipe_gives_no_warning(made: Path, zvh_env: dict[str, str]) -> None:
    result = run_zvh(zvh_env, "check", "--data-dir", str(made), stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert "Database: in orde" in result.stdout
    assert "Warning" not in result.stderr and "GetPass" not in result.stderr
    assert PASSPHRASE not in result.stdout + result.stderr


def test_passphrase_typed_at_once_is_not_echoed_and_unlocks(tmux, made: Path) -> None:
    tmux.start("--data-dir", str(made))
    tmux.type(PASSPHRASE)  # at once: the app is still starting
    tmux.send_keys("Enter")
    screen = tmux.wait_for("ontgrendeld")
    assert "Casussen" in screen and PASSPHRASE not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
    assert PASSPHRASE not in scrollback(tmux)
    _echo_is_back(tmux)


def test_passphrase_echoed_before_zvh_started_is_erased_and_unlocks(
    tmux, made: Path, tmp_path: Path
) -> None:
    """Typed so early that the terminal echoed it (zvh not yet running): wiped, then used."""
    go = tmp_path / "go"
    start_shell(tmux, f"while [ ! -e {shlex.quote(str(go))} ]; do sleep 0.02; done; "
                      f"exec {shlex.quote(str(ZVH))} --data-dir {shlex.quote(str(made))}")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for(PASSPHRASE)  # the terminal echoed it: the case to be handled
    go.touch()
    screen = tmux.wait_for("ontgrendeld")
    assert PASSPHRASE not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
    assert PASSPHRASE not in scrollback(tmux)


def _echo_is_back(tmux: Tmux) -> None:
    """After zvh the terminal echoes again, as the shell left it."""
    attributes = tmux._tmux("display-message", "-p", "-t", "zvh", "#{pane_tty}").stdout.strip()
    if not attributes:
        return
    result = subprocess.run(["stty", "-a", "-F", attributes], capture_output=True, text=True,
                            timeout=10)
    if result.returncode == 0:
        assert " echo " in f" {result.stdout} " and " icanon " in f" {result.stdout} "
