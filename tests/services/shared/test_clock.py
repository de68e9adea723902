"""Stored UTC to local time and back, with TZ=Europe/Amsterdam, across both changes of the clock.

In 2026 summer time starts on Sunday 29 March (02:00 CET becomes 03:00 CEST, at 01:00 UTC) and
ends on Sunday 25 October (03:00 CEST becomes 02:00 CET, at 01:00 UTC).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from zvh_tui.services.shared import clock


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args)  # naive: UTC, as the store keeps it


def test_a_stored_utc_moment_shows_as_the_clock_on_the_wall(amsterdam: str) -> None:
    assert clock.format_local(utc(2026, 12, 1, 17, 48)) == "01-12-2026 18:48"  # winter: +1
    assert clock.format_local(utc(2026, 7, 1, 12, 0)) == "01-07-2026 14:00"  # summer: +2
    assert clock.format_local(utc(2026, 12, 1, 17, 48, 9), seconds=True) == "01-12-2026 18:48:09"
    assert clock.format_local(None) == ""


@pytest.mark.parametrize(("stored", "shown"), [
    (utc(2026, 3, 29, 0, 59), "29-03-2026 01:59"),  # the last minute of winter time
    (utc(2026, 3, 29, 1, 0), "29-03-2026 03:00"),  # summer time: 02:00-03:00 is skipped
    (utc(2026, 3, 29, 9, 30), "29-03-2026 11:30"),
    (utc(2026, 10, 25, 0, 30), "25-10-2026 02:30"),  # summer time, the first 02:30
    (utc(2026, 10, 25, 1, 30), "25-10-2026 02:30"),  # winter time, the second 02:30
    (utc(2026, 10, 25, 2, 0), "25-10-2026 03:00"),
    (utc(2026, 10, 24, 22, 15), "25-10-2026 00:15"),  # the local day is the next one
])
def test_the_offset_is_that_of_the_moment_itself_across_a_dst_change(
        amsterdam: str, stored: dt.datetime, shown: str) -> None:
    assert clock.format_local(stored) == shown


def test_local_day_of_a_late_evening_moment(amsterdam: str) -> None:
    assert clock.local_date(utc(2026, 12, 1, 23, 30)) == dt.date(2026, 12, 2)
    assert clock.local_date(utc(2026, 12, 1, 22, 59)) == dt.date(2026, 12, 1)


def test_text_and_aware_moments_are_read_too(amsterdam: str) -> None:
    assert clock.format_local("2026-12-01 17:48:00") == "01-12-2026 18:48"  # as SQLite returns it
    assert clock.format_local("2026-12-01T17:48:00+00:00") == "01-12-2026 18:48"  # an anchor file
    assert clock.format_local("2026-12-01T17:48:00Z") == "01-12-2026 18:48"
    five = dt.timezone(dt.timedelta(hours=5))
    assert clock.format_local(dt.datetime(2026, 12, 1, 22, 48, tzinfo=five)) == "01-12-2026 18:48"
    assert clock.format_local("geen tijd") == "geen tijd"  # never a crash on odd text


@pytest.mark.parametrize(("typed", "stored"), [
    (dt.datetime(2026, 3, 28, 10, 0), utc(2026, 3, 28, 9, 0)),  # the day before: +1
    (dt.datetime(2026, 3, 29, 10, 0), utc(2026, 3, 29, 8, 0)),  # that morning already +2
    (dt.datetime(2026, 10, 24, 10, 0), utc(2026, 10, 24, 8, 0)),
    (dt.datetime(2026, 10, 25, 10, 0), utc(2026, 10, 25, 9, 0)),  # back to +1
    (dt.datetime(2026, 10, 25, 2, 30), utc(2026, 10, 25, 0, 30)),  # twice on the clock: the first
])
def test_local_time_as_typed_is_stored_as_utc(amsterdam: str, typed: dt.datetime, stored: dt.datetime) -> None:
    assert clock.local_to_utc(typed) == stored
    assert clock.local_moment(typed.date(), typed.hour, typed.minute) == stored


def test_the_skipped_hour_is_stored_without_an_error(amsterdam: str) -> None:
    stored = clock.local_to_utc(dt.datetime(2026, 3, 29, 2, 30))  # does not exist on the clock
    assert stored in (utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 1, 30))  # the offset before or after
    assert clock.format_local(stored) in ("29-03-2026 01:30", "29-03-2026 03:30")


def test_every_quarter_of_an_hour_around_both_changes_survives_the_round_trip(amsterdam: str) -> None:
    for day in (dt.date(2026, 3, 29), dt.date(2026, 10, 25)):
        moment = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(0, 0))
        while moment.date() <= day + dt.timedelta(days=1):
            if not (day.month == 3 and moment.date() == day and moment.hour == 2):  # skipped hour
                assert clock.format_local(clock.local_to_utc(moment)) == moment.strftime("%d-%m-%Y %H:%M")
            moment += dt.timedelta(minutes=15)


def test_machine_exports_keep_utc_whatever_the_zone(amsterdam: str) -> None:
    assert clock.iso_utc(utc(2026, 12, 1, 17, 48, 9, 123)) == "2026-12-01T17:48:09Z"
    plus_one = dt.timezone(dt.timedelta(hours=1))
    assert clock.iso_utc(dt.datetime(2026, 12, 1, 18, 48, tzinfo=plus_one)) == "2026-12-01T17:48:00Z"
    assert clock.iso_utc(None) is None


def test_exports_write_the_local_clock_with_its_offset(amsterdam: str) -> None:
    assert clock.iso_local(utc(2026, 12, 1, 17, 48, 9, 123)) == "2026-12-01T18:48:09+01:00"
    assert clock.iso_local(utc(2026, 7, 1, 17, 48)) == "2026-07-01T19:48:00+02:00"  # summer time
    assert clock.iso_local(None) is None


def test_another_zone_has_its_own_offset_and_its_own_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not Amsterdam hard-coded: New York's rule (POSIX TZ, no zone database needed)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() bestaat niet op dit platform")
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")  # summer time from 8 March 2026
    time.tzset()
    try:
        assert clock.format_local(utc(2026, 12, 1, 17, 48)) == "01-12-2026 12:48"
        assert clock.format_local(utc(2026, 3, 8, 6, 59)) == "08-03-2026 01:59"
        assert clock.format_local(utc(2026, 3, 8, 7, 0)) == "08-03-2026 03:00"
        assert clock.local_to_utc(dt.datetime(2026, 7, 1, 9, 0)) == utc(2026, 7, 1, 13, 0)
    finally:
        monkeypatch.undo()
        time.tzset()
