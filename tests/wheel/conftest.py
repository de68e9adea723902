"""Build the wheel and the sdist from this checkout and install the wheel as a user would.

The helpers and what the fixtures give are described in wheelkit.py.
"""

from __future__ import annotations

import sys
import venv
from pathlib import Path

import pytest
from wheelkit import REPO, Dist, WheelVenv, run


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    out = tmp_path_factory.mktemp("dist")
    result = run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], timeout=600)
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
        result = run(step, cwd=installed.work, env=installed.env(installed.work), timeout=600)
        assert result.returncode == 0, f"{' '.join(step)}:\n{result.stdout}\n{result.stderr}"
    return installed


@pytest.fixture(scope="session")
def demo_home(wheel_venv: WheelVenv, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throw-away profile filled by the wheel's `zvh demo` (the folder `--data-dir` points at)."""
    home = tmp_path_factory.mktemp("demo-home")
    result = wheel_venv.zvh_run(home, "demo", "--data-dir", str(home / "profiel"))
    assert result.returncode == 0, f"zvh demo:\n{result.stdout}\n{result.stderr}"
    return home
