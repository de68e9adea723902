"""A worker thread's database connection (services/shared/session.py): its own, closed after,
and refused with a Dutch `StoreClosing` once the profile is locked."""

from __future__ import annotations

import threading

import pytest

from zvh_tui.core.errors import StoreClosing
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared.session import thread_connection
from zvh_tui.store import models


def _in_a_thread(job) -> list[object]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(job())
        except Exception as error:  # reported to the test
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return outcome


def test_a_thread_reads_through_its_own_connection_and_closes_it(profile: Profile) -> None:
    database = models.db.obj

    def job() -> tuple[int, bool, bool]:
        with thread_connection():
            count = models.Case.select().count()
            open_inside = not database.is_closed()
        return count, open_inside, database.is_closed()

    assert _in_a_thread(job) == [(0, True, True)]


def test_after_a_lock_a_thread_gets_no_connection(profile: Profile) -> None:
    profile.lock()

    def job() -> None:
        with thread_connection():
            pytest.fail("no connection while locked")

    [error] = _in_a_thread(job)
    assert isinstance(error, StoreClosing)
    assert "vergrendeld" in str(error)
