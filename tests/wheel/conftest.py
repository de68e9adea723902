"""Build the wheel and the sdist from this checkout and install the wheel as a user would.

Once per session: `python -m build` (the sdist, then the wheel built from that sdist, so a file
missing from the sdist is missing from the wheel too) into a temporary folder outside the
checkout; a fresh virtual environment there, filled from requirements.lock with hashes, then the
wheel with `--no-deps` and `pip check` (the wheel's own requirements must be met by the lock).
Every command then runs from that venv, in a folder outside the checkout, with no PYTHONPATH: the
checkout's `src` cannot stand in for a file the wheel lacks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "wiel-wachtwoord-9"


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
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
               if key not in {"PYTHONPATH", "VIRTUAL_ENV", "ZVH_PASSPHRASE", "ZVH_DATA_DIR",
                              "TMUX", "TMUX_PANE", "PYTHONHOME"}}
        for name in ("DATA", "CONFIG", "STATE", "CACHE"):
            env[f"XDG_{name}_HOME"] = str(home / "xdg" / name.lower())
        env["ZVH_PASSPHRASE"] = PASSPHRASE
        env["TERM"] = "xterm-256color"
        env["LANG"] = env.get("LANG") or "C.UTF-8"
        return env

    def zvh_run(self, home: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return _run([str(self.zvh), *args], cwd=self.work, env=self.env(home), timeout=timeout)


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    out = tmp_path_factory.mktemp("dist")
    result = _run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], timeout=600)
    assert result.returncode == 0, f"python -m build faalde:\n{result.stdout}\n{result.stderr}"
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    return Dist(wheel=wheels[0], sdist=sdists[0])


@pytest.fixture(scope="session")
def wheel_venv(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> WheelVenv:
    root = tmp_path_factory.mktemp("wheel-venv") / "venv"
    assert not root.resolve().is_relative_to(REPO)
    venv.create(root, with_pip=True, clear=True)
    installed = WheelVenv(root=root, work=tmp_path_factory.mktemp("work"))
    pip = [str(installed.python), "-m", "pip", "install", "--no-input", "--quiet"]
    for step in ([*pip, "--require-hashes", "-r", str(REPO / "requirements.lock")],
                 [*pip, "--no-deps", str(dist.wheel)],
                 [str(installed.python), "-m", "pip", "check"]):
        result = _run(step, cwd=installed.work, env=installed.env(installed.work), timeout=600)
        assert result.returncode == 0, f"{' '.join(step)}:\n{result.stdout}\n{result.stderr}"
    return installed


@pytest.fixture(scope="session")
def demo_home(wheel_venv: WheelVenv, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throw-away profile filled by the wheel's `zvh demo` (the folder `--data-dir` points at)."""
    home = tmp_path_factory.mktemp("demo-home")
    result = wheel_venv.zvh_run(home, "demo", "--data-dir", str(home / "profiel"))
    assert result.returncode == 0, f"zvh demo:\n{result.stdout}\n{result.stderr}"
    return home
