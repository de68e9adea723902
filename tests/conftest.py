"""Fixtures for every test: isolated folders, a fresh unlocked profile, a real calendar.

Every test runs with the XDG folders inside its own tmp_path and without ZVH_PASSPHRASE /
ZVH_DATA_DIR, so nothing can reach a real profile. Sub-folders add their own conftest.py for
what only they need, importing shared fixtures from tests/kits/ (one place per fixture).

Creating a profile costs about 0.2-0.3 s of key derivation, so `profile` copies a template made
once per session with `Profile.create` (the real path: migrations, own partner, audit) and opens
the copy with its raw key (about 10 ms). Tests about the passphrase itself use `profile_dir`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Shared test helpers and fixture modules (imported by the conftest.py of each folder).
sys.path.insert(0, str(Path(__file__).with_name("kits")))

from zvh_tui.core import i18n
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context, disclosure
from zvh_tui.store import models

TEST_PASSPHRASE = "test-wachtwoord-1"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`make test` runs on two pytest-xdist workers with `--dist loadgroup`: the tests marked
    `terminal` or `wheel`, and any test that takes the `tmux` fixture, form one group, run one
    after another on one worker as in a serial run (one real terminal at a time, the wheel built
    once), while the other worker takes the rest. The group is the largest unit, so xdist hands
    it out first. Without xdist the marker does nothing."""
    for item in items:
        if (item.get_closest_marker("terminal") or item.get_closest_marker("wheel")
                or "tmux" in getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("tmux-and-wheel"))


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings) -> bool | None:
    """pytest-timeout's thread method in a pytest-xdist worker: the same timer and the same end
    of the worker (xdist reports "crashed while running <test>" and goes on with a new one), but
    the stacks of every thread go to standard error, which xdist passes on; pytest-timeout writes
    them to the worker's terminal, which xdist throws away. Outside xdist pytest-timeout's own."""
    if settings.method != "thread" or not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    timer = threading.Timer(settings.timeout, _timeout_in_worker, (item, settings.timeout))
    timer.name = f"timeout {item.nodeid}"
    timer.daemon = True

    def cancel() -> None:
        timer.cancel()
        timer.join()

    item.cancel_timeout = cancel  # what pytest-timeout's cancel hook calls
    timer.start()
    return True


def _timeout_in_worker(item: pytest.Item, timeout: float) -> None:
    try:
        capman = item.config.pluginmanager.getplugin("capturemanager")
        captured = ("", "")
        if capman is not None:  # so sys.stderr is the run's own again
            capman.suspend_global_capture(in_=True)
            captured = capman.read_global_capture()
        out = sys.stderr
        out.write(f"\n{'+' * 20} Timeout: {item.nodeid} ran longer than {timeout:g} s {'+' * 20}\n")
        for title, text in zip(("Captured stdout", "Captured stderr"), captured, strict=True):
            if text:
                out.write(f"{'~' * 10} {title}\n{text}\n")
        names = {thread.ident: thread.name for thread in threading.enumerate()}
        for ident, frame in sys._current_frames().items():
            if ident != threading.get_ident():
                out.write(f"{'~' * 10} Stack of thread {names.get(ident, '?')} ({ident})\n")
                out.write("".join(traceback.format_stack(frame)))
        out.write(f"{'+' * 20} Timeout: {item.nodeid} {'+' * 20}\n")
        out.flush()
    finally:
        os._exit(1)


def isolate(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """Point the per-user folders at `root` and forget any profile set in the environment."""
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(root / "xdg" / name.lower()))
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    monkeypatch.delenv("ZVH_DATA_DIR", raising=False)
    # The terminal decides its own size: pytest-xdist's workers run with COLUMNS=80 and LINES=24
    # in their environment, and Textual (and rich) take those over the real size, so a zvh
    # started in a 120x40 tmux pane would draw at 80x24.
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture(autouse=True)
def _root_isolation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    isolate(monkeypatch, tmp_path)
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    i18n.set_language(i18n.DEFAULT)
    yield
    i18n.set_language(i18n.DEFAULT)  # a test in English does not leak it into the next
    context.set_today(None)
    context.set_actor(context.Actor())
    disclosure.set_screen(disclosure.Disclosure.FULL)
    if models.db.obj is not None:  # a test left a store bound: do not leak it into the next
        models.db.obj.close()
        models.db.initialize(None)


@pytest.fixture
def test_passphrase() -> str:
    return TEST_PASSPHRASE


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    """A profile folder that does not exist yet (`--data-dir` for a throw-away profile)."""
    return tmp_path / "profiel"


@pytest.fixture(scope="session")
def profile_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A newly created profile's database file and its raw key (created once per session)."""
    root = tmp_path_factory.mktemp("template")
    with pytest.MonkeyPatch.context() as mp:
        isolate(mp, root)
        template = Profile.from_dir(root / "profiel")
        template.create(TEST_PASSPHRASE)
        assert template.store is not None
        raw_key = template.store.raw_key
        template.close()
    context.set_actor(context.Actor())
    return template.paths.database, raw_key


@pytest.fixture
def profile(profile_dir: Path, profile_template: tuple[Path, str]) -> Iterator[Profile]:
    """A fresh, unlocked profile in `profile_dir` (passphrase TEST_PASSPHRASE); closed after."""
    source, raw_key = profile_template
    profile_dir.mkdir(mode=0o700, parents=True)
    shutil.copyfile(source, profile_dir / source.name)
    opened = Profile.from_dir(profile_dir)
    opened.unlock_with_key(raw_key)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def zvh(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., tuple[int, str, str]]:
    """Run `zvh ARGS…` in this process with ZVH_PASSPHRASE set; return (status, out, err)."""
    from zvh_tui.cli import commands as cli

    monkeypatch.setenv("ZVH_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    def run(*args: str) -> tuple[int, str, str]:
        status = cli.main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run


# The zone database's Amsterdam, or the same EU rule as a POSIX TZ string where it is missing.
AMSTERDAM = ("Europe/Amsterdam" if Path("/usr/share/zoneinfo/Europe/Amsterdam").exists()
             else "CET-1CEST,M3.5.0,M10.5.0/3")


@pytest.fixture
def amsterdam() -> Iterator[str]:
    """Local time is Europe/Amsterdam (TZ and time.tzset()) during the test, restored after."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() bestaat niet op dit platform")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", AMSTERDAM)
        time.tzset()
        try:  # never pass in UTC by accident: the zone must be in force, winter and summer
            winter = dt.datetime(2026, 12, 1, 17, 48, tzinfo=dt.timezone.utc).astimezone()
            summer = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.timezone.utc).astimezone()
            assert (winter.hour, summer.hour) == (18, 14), "TZ=Europe/Amsterdam not in force"
            yield AMSTERDAM
        finally:
            mp.undo()
            time.tzset()
