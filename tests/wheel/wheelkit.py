"""The wheel tests' helpers: where the checkout is, the built files, the wheel's own venv.

Once per session (tests/wheel/conftest.py): `python -m build` (the sdist, then the wheel built
from that sdist, so a file missing from the sdist is missing from the wheel too) into a
temporary folder outside the checkout; a fresh virtual environment there, filled from
requirements.lock with hashes, then the wheel with `--no-deps` and `pip check` (the wheel's own
requirements must be met by the lock). Every command then runs from that venv, in a folder
outside the checkout, with no PYTHONPATH: the checkout's `src` cannot stand in for a file the
wheel lacks.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "wiel-wachtwoord-9"


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          **kwargs)  # type: ignore[call-overload]


@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path

    def wheel_names(self) -> set[str]:
        with zipfile.ZipFile(self.wheel) as archive:
            return set(archive.namelist())


@dataclass(frozen=True)
class WheelVenv:
    root: Path
    work: Path  # a folder outside the checkout, the cwd of every command

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    @property
    def zvh(self) -> Path:
        return self.root / "bin" / "zvh"

    def env(self, home: Path) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if key not in {"PYTHONPATH", "VIRTUAL_ENV", "ZVH_PASSPHRASE", "ZVH_DATA_DIR", "ZVH_LANG",
                              "TMUX", "TMUX_PANE", "PYTHONHOME", "COLUMNS", "LINES"}}
        for name in ("DATA", "CONFIG", "STATE", "CACHE"):
            env[f"XDG_{name}_HOME"] = str(home / "xdg" / name.lower())
        env["ZVH_PASSPHRASE"] = PASSPHRASE
        env["TERM"] = "xterm-256color"
        env["LANG"] = env.get("LANG") or "C.UTF-8"
        return env

    def zvh_run(self, home: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return run([str(self.zvh), *args], cwd=self.work, env=self.env(home), timeout=timeout)
