"""What a user installs works: the wheel and sdist built from this checkout, run from a fresh venv.

A file the package reads at run time that is not in the wheel (as `store/schema_v1.sql` once
was) fails here twice: in the comparison of the wheel with the package folder, and in the
commands that need it (`zvh demo`, `zvh check`, ...), which run from the installed wheel only.
"""

from __future__ import annotations

import csv
import json
import shutil
import tarfile
from importlib import metadata
from pathlib import Path

import pytest
from wheelkit import PASSPHRASE, REPO, Dist, WheelVenv, run

from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case

pytestmark = pytest.mark.wheel

PACKAGE = REPO / "src" / "zvh_tui"
SDIST_MUST_CARRY = [
    "LICENSE", "README.md", "SECURITY.md", "screens.md", "Makefile", "pyproject.toml",
    "requirements.lock", "requirements-dev.lock", "scripts/ensure-venv", "scripts/test-pythons",
    ".ci/run", "tests/conftest.py",
    "tests/fixtures/schema_v1.db", "tests/wheel/test_installed_wheel.py",
    "src/zvh_tui/store/schema_v1.sql",
]


def package_files() -> set[str]:
    """Every file of the package folder, as the wheel names it (no caches)."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_wheel_holds_every_file_of_the_package(dist: Dist) -> None:
    missing = package_files() - dist.wheel_names()
    assert not missing, f"niet in de wheel: {sorted(missing)}"
    assert "zvh_tui/store/schema_v1.sql" in dist.wheel_names()


def test_sdist_carries_tests_docs_makefile_and_licence(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    missing = [name for name in SDIST_MUST_CARRY if name not in names]
    assert not missing, f"niet in de sdist: {missing}"
    in_package = {f"src/{name}" for name in package_files()}
    assert in_package <= names, sorted(in_package - names)
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_wheel_metadata_licence_and_classifiers(dist: Dist, wheel_venv: WheelVenv) -> None:
    code = ("from importlib import metadata; m = metadata.metadata('zvh-tui'); "
            "import json; print(json.dumps({k: m.get_all(k) for k in "
            "('License-Expression', 'License-File', 'Classifier', 'Requires-Dist')}))")
    result = run([str(wheel_venv.python), "-c", code], cwd=wheel_venv.work)
    assert result.returncode == 0, result.stderr
    meta = json.loads(result.stdout)
    assert meta["License-Expression"] == ["EUPL-1.2"]
    assert meta["License-File"] == ["LICENSE"]
    classifiers = set(meta["Classifier"])
    for wanted in ("Natural Language :: Dutch", "Operating System :: POSIX :: Linux",
                   "Operating System :: MacOS", "Operating System :: Microsoft :: Windows",
                   *(f"Programming Language :: Python :: 3.{minor}" for minor in (10, 11, 12, 13))):
        assert wanted in classifiers
    assert any(req.startswith("rich") for req in meta["Requires-Dist"])
    licence = next(name for name in dist.wheel_names() if name.endswith("licenses/LICENSE"))
    assert licence
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "15.Applicable Law" in text and "Appendix" in text


def test_installed_package_is_the_wheel_not_the_checkout(wheel_venv: WheelVenv) -> None:
    result = run([str(wheel_venv.python), "-c", "import zvh_tui; print(zvh_tui.__file__)"],
                  cwd=wheel_venv.work, env=wheel_venv.env(wheel_venv.work))
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(wheel_venv.root)


def test_version_flag_and_command_agree_with_the_metadata(
    wheel_venv: WheelVenv, tmp_path: Path
) -> None:
    flag = wheel_venv.zvh_run(tmp_path, "--version")
    command = wheel_venv.zvh_run(tmp_path, "version")
    assert flag.returncode == command.returncode == 0, flag.stderr + command.stderr
    assert flag.stdout == command.stdout
    assert flag.stdout.startswith(f"zvh-tui {metadata.version('zvh-tui')} ")


def first_case(data: Path, passphrase: str) -> tuple[str, str]:
    profile = Profile.from_dir(data)
    profile.unlock(passphrase)
    try:
        case = Case.select().where(Case.phase != "closed").order_by(Case.reference).first()
        assert case is not None, "de demo maakte geen open casus"
        return case.reference, case.title
    finally:
        profile.close()


def test_readme_commands_from_the_wheel(
    wheel_venv: WheelVenv, demo_home: Path, tmp_path: Path
) -> None:
    data = demo_home / "profiel"
    reference, _title = first_case(data, PASSPHRASE)
    where = ["--data-dir", str(data)]

    def zvh(*args: str) -> None:
        result = wheel_venv.zvh_run(demo_home, *args, *where)
        assert result.returncode == 0, f"zvh {' '.join(args)}: {result.returncode}\n{result.stderr}"

    zvh("backup")  # first: `zvh check` counts a profile without a back-up as a problem
    backups = list((data / "backups").glob("*"))
    assert backups, "zvh backup maakte geen back-up"
    zvh("check")
    zvh("export", "case", reference, "--format", "json", "-o", str(tmp_path / "case.json"))
    exported = json.loads((tmp_path / "case.json").read_text(encoding="utf-8"))
    assert reference in json.dumps(exported)
    # the demo's tables have partners without a convenant: the export asks for the explicit flag
    zvh("export", "plan", reference, "--format", "html", "--zonder-convenant", "-o", str(tmp_path / "plan.html"))
    assert "<html" in (tmp_path / "plan.html").read_text(encoding="utf-8").lower()
    zvh("export-partners", str(tmp_path / "partners.csv"))
    with (tmp_path / "partners.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) > 1


def test_app_from_the_wheel_shows_the_case_list_in_a_terminal(
    wheel_venv: WheelVenv, demo_home: Path
) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is niet geïnstalleerd (CI installeert het; lokaal: apt install tmux)")
    from terminal.conftest import Tmux  # the tmux driver of tests/terminal (tests/ is on the path)

    data = demo_home / "profiel"
    reference, _title = first_case(data, PASSPHRASE)
    session = Tmux(demo_home, wheel_venv.env(demo_home), zvh=wheel_venv.zvh)
    try:
        session.start("--data-dir", str(data))
        session.wait_for(reference, timeout=60)
        session.send_keys("C-q")
        assert session.exit_status() == 0
    finally:
        session.kill()
