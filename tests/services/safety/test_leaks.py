"""Leak hygiene: canary strings planted in client data never reach a log, a stream, a temp file
or any unencrypted file of the profile, through a session with a crash, an export and a backup."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import safety_helpers as h

from zvh_tui.core import crash
from zvh_tui.services.cases import export
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile

CANARY = "Lekkanarie8Hn"
ENCRYPTED_SUFFIXES = ("zvh.db", "zvh.db-wal", ".db")


def _is_encrypted_db(path: Path) -> bool:
    return path.name.endswith(ENCRYPTED_SUFFIXES)


def grep_profile(profile: Profile, canary: str) -> list[str]:
    """Every file of the profile that holds the canary in the clear, plus plaintext databases."""
    hits: list[str] = []
    roots = {profile.paths.data, profile.paths.config, profile.paths.state, profile.paths.log}
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            if _is_encrypted_db(path) and data.startswith(b"SQLite format 3"):
                hits.append(f"{path.name}: onversleutelde database")
            for needle in h.needles(canary):
                if needle in data:
                    hits.append(path.name)
    return hits


async def test_a_session_with_a_crash_an_export_and_a_backup_leaks_nothing(
    profile: Profile, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from zvh_tui.app import ZvhApp

    case = h.fill_case(CANARY, today=h.TODAY)
    exported = export.export_case_json(case.reference)
    assert CANARY in exported  # the export itself holds the data: the user chose to write it
    backup.make_backup(profile)

    def boom() -> None:  # an exception whose message holds client data: the worst case
        raise RuntimeError(f"kapot bij {CANARY} Naam")

    app = ZvhApp(profile)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.call_later(boom)
            await pilot.pause()
            await pilot.pause()
    assert app.return_code == 70  # EX_SOFTWARE, as the README says

    # The crash went to the log as class names and frames only.
    log = profile.paths.log_file.read_text(encoding="utf-8")
    assert "crash " in log and "RuntimeError" in log
    assert grep_profile(profile, CANARY) == []
    out, err = capfd.readouterr()
    assert CANARY not in out and CANARY not in err
    assert "Traceback" not in out + err


def test_the_cli_keeps_client_data_off_the_terminal(
    profile: Profile, tmp_path: Path, raw_key: str
) -> None:
    case = h.fill_case(CANARY, today=h.TODAY)
    data_dir = profile.paths.data
    profile.close()
    env = dict(os.environ, ZVH_PASSPHRASE=h.TEST_PASSPHRASE, ZVH_DATA_DIR=str(data_dir))
    target = tmp_path / "export.json"
    run = subprocess.run(
        [sys.executable, "-m", "zvh_tui", "export", "case", case.reference, "-o", str(target)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert CANARY in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert CANARY not in run.stdout + run.stderr
    # A crash inside the CLI prints a short message and an error id, never the exception text.
    code = (
        "import sys; from zvh_tui.core import crash; crash.install_excepthook(None); "
        f"raise RuntimeError('geheim {CANARY}')"
    )
    boom = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert boom.returncode != 0
    assert "foutcode" in boom.stderr and CANARY not in boom.stdout + boom.stderr
    reopened = Profile.from_dir(data_dir)
    reopened.unlock_with_key(raw_key)
    try:
        assert grep_profile(reopened, CANARY) == []
    finally:
        reopened.close()


def test_crash_report_holds_no_message_or_locals() -> None:
    try:
        secret = f"{CANARY} BSN 123456782"  # noqa: F841 - a local the report must not show
        raise ValueError(f"fout met {CANARY}")
    except ValueError as error:
        text = crash.describe(error, "abcd1234")
    assert "ValueError" in text and CANARY not in text and "BSN" not in text


def test_no_core_dumps_and_private_files_from_the_start(tmp_path: Path) -> None:
    code = (
        "import os, resource; from zvh_tui.core import paths; paths.secure_process(); "
        "print(resource.getrlimit(resource.RLIMIT_CORE)[0], oct(os.umask(0)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.split() == ["0", "0o77"]
    assert resource.RLIMIT_CORE  # the platform has the limit at all
