"""The layer rules (import-linter contracts in pyproject.toml) hold, `make lint` checks them, and
a breach is reported: a screen that imports the store, a store module that imports a service.

This test is part of `make test`, which CI runs, so a broken rule fails CI even without `make lint`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def test_the_layer_rules_hold() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    for rule in ("Layers point down", "never import the store", "know nothing of Textual",
                 "Only the cli imports the demo builder"):
        assert rule in result.stdout, rule


def test_make_lint_runs_the_contracts() -> None:
    result = subprocess.run(["make", "--no-print-directory", "-n", "-C", str(REPO), "lint"],
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    commands = result.stdout.splitlines()
    assert any("ruff check" in line for line in commands), result.stdout
    assert any("lint-imports" in line for line in commands), result.stdout


def test_a_screen_importing_the_store_is_reported(tmp_path: Path) -> None:
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    package = tmp_path / "src" / "zvh_tui"
    shutil.copytree(REPO / "src" / "zvh_tui", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (package / "screens" / "cases" / "sneaky.py").write_text(
        "from zvh_tui.store.models import Case\n", encoding="utf-8")
    (package / "store" / "upward.py").write_text(
        "from zvh_tui.services.cases import lifecycle\n", encoding="utf-8")

    result = lint_imports(tmp_path, pythonpath=tmp_path / "src")

    assert result.returncode != 0
    assert "2 broken" in result.stdout, result.stdout
    assert "zvh_tui.screens.cases.sneaky -> zvh_tui.store.models" in result.stdout
    assert "zvh_tui.store.upward -> zvh_tui.services.cases.lifecycle" in result.stdout


def _raw_sql_calls(path: Path) -> list[str]:
    """Calls that hand SQL (or an SQLite-only clause) to the database, as 'file:line name'."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        raw_text = name in ("execute", "executemany") and bool(node.args)  # Peewee's has none
        if name in ("execute_sql", "on_conflict_replace") or raw_text:
            found.append(f"{path.name}:{node.lineno} {name}")
    return found


def test_services_hand_no_sql_to_the_database() -> None:
    """SQLite-specific work (raw SQL, FTS5, INSERT OR REPLACE, pragmas) sits behind store/."""
    services = REPO / "src" / "zvh_tui" / "services"
    found = [hit for path in sorted(services.rglob("*.py")) for hit in _raw_sql_calls(path)]
    assert found == []
    store = REPO / "src" / "zvh_tui" / "store"
    assert any(_raw_sql_calls(path) for path in store.rglob("*.py"))  # the check sees them
