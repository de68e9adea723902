"""`zvh meeting live N` (issue 13.7): an unknown or closed meeting is refused in Dutch before the
app starts; a meeting that can go live gets as far as the app (which refuses a redirected
terminal here, as `zvh` itself does)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zvh_tui.core.vocab import MeetingStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Meeting

Run = Callable[..., tuple[int, str, str]]


def planned_meeting(profile: Profile, *, closed: bool = False) -> tuple[str, int]:
    """A meeting with one case ("Zwaluwnaam", never printed); the profile folder, closed."""
    police = partners.create_partner("Politie Noord", "straf", convenant_signed=True)
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Zwaluwnaam Een")],
                                           referrer_partner_id=police.id, reason="Overlast"))
    meeting = meetings.create_meeting("MDO", "1-12-2026")
    meetings.add_item(meeting, case)
    if closed:  # as /einde leaves it
        Meeting.update(status=MeetingStatus.CLOSED.value).where(Meeting.id == meeting.id).execute()
    folder = str(profile.paths.data)
    profile.close()
    return folder, meeting.id


def test_an_unknown_meeting_is_refused_before_the_app_starts(zvh: Run, profile: Profile) -> None:
    folder, meeting_id = planned_meeting(profile)
    status, out, err = zvh("--data-dir", folder, "meeting", "live", str(meeting_id + 1))
    assert status == 2
    assert f"Er is geen overleg met nummer '{meeting_id + 1}'" in err
    assert out == "" and "terminal" not in err  # refused before the app's own checks


def test_a_closed_meeting_is_refused_before_the_app_starts(zvh: Run, profile: Profile) -> None:
    folder, meeting_id = planned_meeting(profile, closed=True)
    status, out, err = zvh("--data-dir", folder, "meeting", "live", str(meeting_id))
    assert status == 2
    assert f"Overleg {meeting_id} is al gesloten" in err
    assert "Zwaluwnaam" not in out + err


def test_a_meeting_that_can_go_live_gets_to_the_app(zvh: Run, profile: Profile) -> None:
    folder, meeting_id = planned_meeting(profile)
    status, _out, err = zvh("--data-dir", folder, "meeting", "live", str(meeting_id))
    assert status == 2  # standard output is no terminal here: the app says so and stops
    assert "de app werkt alleen in een terminal" in err
    assert "Er is geen overleg" not in err and "gesloten" not in err


def test_the_number_must_be_a_whole_number(zvh: Run, profile: Profile) -> None:
    folder, _meeting_id = planned_meeting(profile)
    status, _out, err = zvh("--data-dir", folder, "meeting", "live", "morgen")
    assert status == 64
    assert "geen geheel getal" in err


def test_no_profile_no_meeting_and_nothing_written(zvh: Run, tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    status, out, err = zvh("--data-dir", str(empty), "meeting", "live", "1")
    assert status == 2 and out == ""
    assert err.startswith("zvh: ")
    assert not empty.exists() or not any(empty.iterdir())
