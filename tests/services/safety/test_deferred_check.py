"""The quick check after opening (issue 16): `zvh` with a passphrase handed over opens at once
and checks in a thread; writes wait for the check, and a failed check refuses every write."""

from __future__ import annotations

import threading

import pytest

from zvh_tui.core.errors import DatabaseCorrupt
from zvh_tui.services.safety import audit
from zvh_tui.store import maintenance
from zvh_tui.store.models import AuditEvent


def _events() -> list[str]:
    return [e.event for e in AuditEvent.select().order_by(AuditEvent.id)]


def _open_checking_later(make_profile, raw_key: str):
    profile = make_profile(unlock=False)
    profile.check_later = True
    profile.unlock_with_key(raw_key)
    assert profile.unlocked and profile.deferred_check is not None
    return profile


def test_a_healthy_database_opens_at_once_and_is_checked_after(make_profile, raw_key, monkeypatch) -> None:
    release = threading.Event()
    real = maintenance.quick_check_ok

    def slow_check(run):  # the check of a large file: still running while the list is read
        release.wait(10)
        return real(run)

    monkeypatch.setattr(maintenance, "quick_check_ok", slow_check)
    profile = _open_checking_later(make_profile, raw_key)
    check = profile.deferred_check
    assert not check.done
    assert "unlock" not in _events()[-1:]  # not written before the check passed
    release.set()
    assert check.wait(10) and check.problem is None
    assert _events()[-1] == "unlock"
    audit.record("search", object_type="case_list", detail="hits=1")  # writes go on
    assert _events()[-1] == "search"
    assert profile.check_later is False  # once: an unlock on the unlock screen checks first


def test_a_write_waits_until_the_check_has_passed(make_profile, raw_key, monkeypatch) -> None:
    release = threading.Event()
    real = maintenance.quick_check_ok
    monkeypatch.setattr(maintenance, "quick_check_ok", lambda run: release.wait(10) and real(run))
    profile = _open_checking_later(make_profile, raw_key)
    written = threading.Event()

    def write() -> None:
        from zvh_tui.store.models import db

        with db.connection_context():
            audit.record("search", object_type="case_list", detail="hits=2")
        written.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert not written.wait(0.2)  # held: the database has not been checked yet
    release.set()
    assert written.wait(10)
    writer.join()
    assert profile.deferred_check.problem is None
    assert _events()[-2:] == ["unlock", "search"]  # the unlock event first, then the write


def test_a_failed_check_refuses_every_write_and_says_why_in_dutch(make_profile, raw_key, monkeypatch) -> None:
    monkeypatch.setattr(maintenance, "quick_check_ok", lambda run: False)
    before = None
    profile = _open_checking_later(make_profile, raw_key)
    check = profile.deferred_check
    assert check.wait(10)
    assert isinstance(check.problem, DatabaseCorrupt)
    text = str(check.problem)
    assert "beschadigd" in text and "Er is niets gewijzigd" in text and "zvh restore" in text
    before = _events()
    assert before[-1] != "unlock"  # nothing was written to the damaged database
    with pytest.raises(DatabaseCorrupt):
        audit.record("search", object_type="case_list", detail="hits=3")
    assert _events() == before
    seen = []
    check.when_done(seen.append)  # told at once to whoever asks later (the app at its start)
    assert seen == [check.problem]
    profile.lock()  # locking still works; its event is refused like every write
    assert not profile.unlocked
