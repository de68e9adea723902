"""scripts/test-pythons (make test-pythons, run by CI): a Python it cannot find fails the run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_missing_python_fails_loudly(tmp_path: Path) -> None:
    env = {**os.environ, "PYENV_ROOT": str(tmp_path / "no-pyenv"), "HOME": str(tmp_path)}
    result = subprocess.run(["sh", "scripts/test-pythons", "3.99"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "Python 3.99 not found" in result.stderr and "were NOT run" in result.stderr
    assert not (REPO / ".venv-py3.99").exists()
