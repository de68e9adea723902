"""Full and read-only disks (issue 10.6): each its own Dutch message, never a wrong passphrase,
never a traceback, never an open profile behind a locked screen, and nothing lost.

The real thing where the machine allows it: a small tmpfs (`mount -t tmpfs`, root only) filled
with a file up to the free space wanted, and read-only through `mount -o remount,ro` (the whole
disk) or a read-only bind mount of the database file alone. Elsewhere these skip with the
reason; the classification itself is also tested with injected errors (fast, everywhere).

The free-space levels are the ones that behave differently on this engine:
- 40 kB: unlocking can read (the passphrase is checked) but not write its audit event;
- 16 kB: not even SQLite's shared-memory file (-shm) fits, so the key cannot be checked;
- 0 bytes: nothing fits, not even a line in the log file.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from safety_helpers import TEST_PASSPHRASE, enter_passphrase
from sqlcipher3 import dbapi2 as sqlcipher
from textual.widgets import Input
from uikit import screen_text, wait_for

from zvh_tui.app import LOCKED_MODE, ZvhApp
from zvh_tui.core import crash
from zvh_tui.core.errors import DiskFull, ReadOnlyStorage, StorageProblem, WrongPassphrase
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store import database
from zvh_tui.store.models import Partner

ZVH = Path(sys.executable).parent / "zvh"
PARTNER = "Fictief Wijkteam Zuid"
KB = 1024


# -- a small disk ------------------------------------------------------------------------------

def _run_in_a_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run a command with a pseudo-terminal as stdin, stdout and stderr; its status and output."""
    main, child = os.openpty()
    try:
        done = subprocess.run(argv, env=env, stdin=child, stdout=child, stderr=child, timeout=60)
    finally:
        os.close(child)
    output = b""
    try:
        while chunk := os.read(main, 65536):
            output += chunk
    except OSError:  # EIO: the child side is closed and everything has been read
        pass
    finally:
        os.close(main)
    return done.returncode, output.decode("utf-8", errors="replace")


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=20)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs of its own (unmounted afterwards); skipped where mounting is not allowed."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("een kleine tmpfs aankoppelen kan alleen als root (mount -t tmpfs)")
    point = tmp_path / "schijf"
    point.mkdir()
    made = _mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(point))
    if made.returncode != 0:
        pytest.skip(f"mount -t tmpfs is hier niet toegestaan: {made.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-R", "-l", str(point)], capture_output=True, timeout=20)


def profile_on(disk: Path, template: tuple[Path, str]) -> Profile:
    """A profile on the small disk holding one partner of ours (closed, WAL checkpointed)."""
    source, raw_key = template
    folder = disk / "profiel"
    folder.mkdir(mode=0o700)
    shutil.copyfile(source, folder / source.name)
    profile = Profile.from_dir(folder)
    profile.unlock_with_key(raw_key)
    partners.create_partner(PARTNER, "zorg", convenant_signed=True)
    profile.close()
    return Profile.from_dir(folder)


def fill(disk: Path, free: int) -> None:
    """Leave exactly `free` bytes free on the disk (a filler file takes the rest)."""
    info = os.statvfs(disk)
    available = info.f_bavail * info.f_frsize
    assert available > free, "the small disk is already fuller than the level wanted"
    fd = os.open(disk / "vulling", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.posix_fallocate(fd, 0, available - free)
    finally:
        os.close(fd)
    assert database.free_bytes(disk) == free


def assert_nothing_lost(profile: Profile, disk: Path, raw_key: str) -> None:
    """Once there is room again, the profile opens with its data."""
    (disk / "vulling").unlink(missing_ok=True)
    profile.unlock_with_key(raw_key)
    try:
        assert Partner.get_or_none(Partner.name == PARTNER) is not None
    finally:
        profile.close()


# -- full disks --------------------------------------------------------------------------------

@pytest.mark.parametrize("free", [40 * KB, 16 * KB, 0], ids=["40kB", "16kB", "0B"])
def test_unlock_on_a_full_disk_says_so_and_counts_no_failed_try(
    small_disk: Path, template: tuple[Path, str], free: int
) -> None:
    profile = profile_on(small_disk, template)
    fill(small_disk, free)
    with pytest.raises(DiskFull) as caught:
        profile.unlock(TEST_PASSPHRASE)  # the right passphrase
    message = str(caught.value)
    assert "De schijf is vol" in message and "niet als fout geteld" in message
    assert "wachtwoord klopt niet" not in message
    assert not profile.unlocked
    assert profile.unlock_delay.failures == 0 and profile.unlock_delay.remaining() == 0
    profile.release()
    assert_nothing_lost(profile, small_disk, template[1])


def test_zvh_on_a_disk_with_nothing_free_prints_a_message_not_a_traceback(
    small_disk: Path, template: tuple[Path, str]
) -> None:
    profile = profile_on(small_disk, template)
    fill(small_disk, 0)
    env = {**os.environ, "ZVH_PASSPHRASE": TEST_PASSPHRASE}
    done = subprocess.run([str(ZVH), "--data-dir", str(profile.paths.data), "check"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "De schijf is vol (0 bytes vrij)" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert_nothing_lost(profile, small_disk, template[1])


def test_a_crash_report_on_a_full_disk_never_reaches_the_terminal(
    small_disk: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log_file = small_disk / "logs" / "zvh.log"
    crash.setup_logging(log_file)  # the log file exists, empty, before the disk fills
    fill(small_disk, 0)
    try:
        raise RuntimeError("geheime cliëntnaam")
    except RuntimeError as error:
        error_id = crash.report(error, log_file)
    captured = capfd.readouterr()
    assert len(error_id) == 8
    assert captured.err == "" and captured.out == ""  # no "--- Logging error ---" traceback


async def test_the_app_stays_locked_when_unlock_cannot_write(
    small_disk: Path, template: tuple[Path, str]
) -> None:
    """The unlock reads (passphrase right) but cannot write: F2 must show no case list."""
    profile = profile_on(small_disk, template)
    fill(small_disk, 40 * KB)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter_passphrase(pilot, TEST_PASSPHRASE)
        await wait_for(pilot, lambda: "De schijf is vol" in screen_text(app))
        await pilot.press("f2")
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == LOCKED_MODE and not app.is_unlocked
        assert not profile.unlocked
        text = screen_text(app)
        assert "vergrendeld" in text and PARTNER not in text and "Casussen" not in text
        assert not app.screen.query_one("#passphrase", Input).disabled  # no countdown: not a try
    profile.close()
    assert_nothing_lost(profile, small_disk, template[1])


# -- read-only disks and files -----------------------------------------------------------------

def test_a_read_only_disk_gets_its_own_message_in_the_app_and_the_cli(
    small_disk: Path, template: tuple[Path, str]
) -> None:
    profile = profile_on(small_disk, template)
    remounted = _mount("-o", "remount,ro", str(small_disk))
    if remounted.returncode != 0:
        pytest.skip(f"mount -o remount,ro is hier niet toegestaan: {remounted.stderr.strip()}")
    with pytest.raises(ReadOnlyStorage) as caught:
        profile.unlock(TEST_PASSPHRASE)
    assert "alleen-lezen" in str(caught.value)
    env = {key: value for key, value in os.environ.items() if key != "ZVH_PASSPHRASE"}
    for args, extra in ((["check"], {"ZVH_PASSPHRASE": TEST_PASSPHRASE}), ([], {})):
        # The app (no arguments) only starts in a terminal (issue 9.6): give it a pty.
        returncode, output = _run_in_a_terminal(
            [str(ZVH), "--data-dir", str(profile.paths.data), *args], {**env, **extra})
        assert returncode == 2, output
        assert "alleen-lezen" in output
        assert "foutcode" not in output and "crash" not in output and "Traceback" not in output
    _mount("-o", "remount,rw", str(small_disk))
    assert_nothing_lost(profile, small_disk, template[1])


def test_a_read_only_database_file_gets_its_own_message(
    small_disk: Path, template: tuple[Path, str]
) -> None:
    profile = profile_on(small_disk, template)
    db_file = str(profile.paths.database)
    if _mount("--bind", db_file, db_file).returncode != 0:
        pytest.skip("een bind mount van één bestand is hier niet toegestaan")
    if _mount("-o", "remount,ro,bind", db_file).returncode != 0:
        pytest.skip("mount -o remount,ro,bind is hier niet toegestaan")
    with pytest.raises(ReadOnlyStorage) as caught:
        profile.unlock(TEST_PASSPHRASE)
    assert "alleen-lezen" in str(caught.value) and not profile.unlocked
    assert profile.unlock_delay.failures == 0
    profile.release()
    subprocess.run(["umount", db_file], capture_output=True, timeout=20)
    assert_nothing_lost(profile, small_disk, template[1])


def test_a_crash_with_an_unwritable_log_prints_only_the_short_message(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """No log file (its folder is a file here, so it cannot be made, root or not)."""
    (tmp_path / "logs").write_text("geen map", encoding="utf-8")
    log_file = tmp_path / "logs" / "zvh.log"
    try:
        raise ValueError("geheime cliëntnaam")
    except ValueError as error:
        crash.report(error, log_file)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""  # the record went nowhere, not to stderr


# -- the classification, with injected errors (fast, every machine) ------------------------

def _sqlite_error(code: int, text: str) -> Exception:
    error = sqlcipher.OperationalError(text)
    error.sqlite_errorcode = code  # what sqlcipher3 sets from SQLite's extended result code
    return error


@pytest.mark.parametrize(("error", "kind"), [
    (OSError(errno.ENOSPC, "No space left on device"), DiskFull),
    (_sqlite_error(13, "database or disk is full"), DiskFull),
    (OSError(errno.EROFS, "Read-only file system"), ReadOnlyStorage),
    (OSError(errno.EACCES, "Permission denied"), ReadOnlyStorage),
    (_sqlite_error(8, "attempt to write a readonly database"), ReadOnlyStorage),
    (_sqlite_error(8 | (1 << 8), "attempt to write a readonly database"), ReadOnlyStorage),
    (_sqlite_error(10, "disk I/O error"), StorageProblem),
    (OSError(errno.EIO, "Input/output error"), StorageProblem),
])
def test_disk_errors_are_told_apart_from_a_wrong_key(
    tmp_path: Path, error: Exception, kind: type[StorageProblem]
) -> None:
    problem = database.storage_problem(error, tmp_path / "zvh.db")
    assert type(problem) is kind
    assert "Er is niets gewijzigd of verloren" in str(problem)


def test_a_wrong_key_is_not_a_disk_problem(tmp_path: Path) -> None:
    assert database.storage_problem(_sqlite_error(26, "file is not a database"), tmp_path) is None


def test_an_io_error_on_a_nearly_full_disk_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "free_bytes", lambda path: 16 * KB)
    problem = database.storage_problem(_sqlite_error(10, "disk I/O error"), tmp_path / "zvh.db")
    assert isinstance(problem, DiskFull) and "16 kB vrij" in str(problem)


def test_an_injected_full_disk_under_unlock_keeps_the_profile_locked(
    make_profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no tmpfs can be mounted: the first write of the unlock fails as a full disk does."""
    from zvh_tui.services.safety import audit

    profile = make_profile(unlock=False)

    def full(*args: object, **kwargs: object) -> None:
        raise DiskFull(database.DISK_FULL_MESSAGE)

    monkeypatch.setattr(audit, "record", full)
    with pytest.raises(DiskFull) as caught:
        profile.unlock(TEST_PASSPHRASE)
    assert "kan niet worden geopend" in str(caught.value)
    assert not profile.unlocked and profile.unlock_delay.failures == 0


def test_an_injected_io_error_under_the_key_check_is_no_wrong_passphrase(
    make_profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = make_profile(unlock=False)
    monkeypatch.setattr(database, "free_bytes", lambda path: 0)

    def failing_probe(db: object) -> None:
        raise _sqlite_error(10, "disk I/O error")

    monkeypatch.setattr(database, "_probe", failing_probe)
    with pytest.raises(StorageProblem) as caught:
        profile.unlock(TEST_PASSPHRASE)
    assert not isinstance(caught.value, WrongPassphrase)
    assert profile.unlock_delay.failures == 0


def test_a_write_refused_as_read_only_while_unlocked_says_so(profile: Profile) -> None:
    """A disk that turns read-only under a running app (the kernel does so after I/O errors):
    SQLite's SQLITE_READONLY, here through `query_only`, is said as such and loses nothing."""
    from zvh_tui.store.models import db

    partners.create_partner(PARTNER, "zorg", convenant_signed=True)
    db.execute_sql("PRAGMA query_only = 1")
    with pytest.raises(ReadOnlyStorage) as caught:
        partners.create_partner("Fictieve Woningcorporatie", "wonen", convenant_signed=False)
    assert "alleen-lezen: de laatste wijziging is niet opgeslagen" in str(caught.value)
    db.execute_sql("PRAGMA query_only = 0")
    assert [p.name for p in Partner.select().where(Partner.name.startswith("Fictie"))] == [PARTNER]
