"""`zvh meeting new` and `zvh meeting list` (issue 13.7), run in this process as a script would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from zvh_tui.cli import commands as cli
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import ItemInvite, Meeting, MeetingItem

Run = Callable[..., tuple[int, str, str]]
KEY = "test-wachtwoord-1"


@pytest.fixture
def world(profile: Profile) -> tuple[str, list[str]]:
    """Three cases ("Zwaluw…" names that must never be printed), the third one closed."""
    police = partners.create_partner("Politie Noord", "straf", convenant_signed=True)
    references = []
    for name in ("Zwaluwnaam Een", "Zwaluwnaam Twee", "Zwaluwnaam Drie"):
        case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name=name)],
                                               referrer_partner_id=police.id, reason="Overlast"))
        references.append(case.reference)
    cases.close_case(cases.find_by_reference(references[2]), "Klaar", retention_years=15)
    folder = str(profile.paths.data)
    profile.close()
    return folder, references


def _reopen(profile: Profile) -> None:
    profile.unlock(KEY)


def test_meeting_new_prints_only_the_number(zvh: Run, world, profile: Profile) -> None:
    folder, refs = world
    status, out, err = zvh("--data-dir", folder, "meeting", "new", "--kind", "mdo", "--date", "1-12-2026",
                           "--time", "930", "--location", "Stadhuis", "--chair", "Anna",
                           "--notulist", "Bas", "--case", refs[1], "--case", refs[0])
    assert status == 0, err
    assert out.strip().isdigit() and out == out.strip() + "\n"
    _reopen(profile)
    meeting = Meeting.get_by_id(int(out))
    assert (meeting.kind, meeting.held_on, meeting.start_time, meeting.location, meeting.chair,
            meeting.notulist) == ("MDO", dt.date(2026, 12, 1), "09:30", "Stadhuis", "Anna", "Bas")
    items = list(MeetingItem.select().where(MeetingItem.meeting == meeting).order_by(MeetingItem.position))
    assert [i.case.reference for i in items] == [refs[1], refs[0]]
    assert ItemInvite.select().count() == 2  # the referrer of each case


def test_meeting_new_online(zvh: Run, world, profile: Profile) -> None:
    folder, refs = world
    status, out, err = zvh("--data-dir", folder, "meeting", "new", "--kind", "ICO", "--date", "vr",
                           "--time", "14:00", "--online", "--case", refs[0])
    assert status == 0, err
    _reopen(profile)
    meeting = Meeting.get_by_id(int(out))
    assert (meeting.online, meeting.held_on) == (True, dt.date(2026, 11, 27))


@pytest.mark.parametrize(("change", "message"), [
    ({"--case": "2026-9999"}, "Er is geen casus met nummer '2026-9999'; er is niets gepland"),
    ({"--case": "CLOSED"}, "is afgesloten en kan niet op de agenda"),
    ({"--date": "31-02-2027"}, "Datum: '31-02-2027' is geen datum"),
    ({"--date": "gisteravond"}, "is geen datum"),
    ({"--time": "25:61"}, "Begintijd: 25:61 bestaat niet"),
    ({"--time": "straks"}, "Begintijd: 'straks' is geen tijd"),
    ({"--kind": "Koffie"}, "'Koffie' is geen soort overleg van dit huis. Kies uit: MDO, Casusoverleg, ICO"),
])
def test_meeting_new_refuses_in_dutch_and_plans_nothing(zvh: Run, world, profile: Profile,
                                                        change: dict[str, str], message: str) -> None:
    folder, refs = world
    options = {"--kind": "MDO", "--date": "1-12-2026", "--time": "09:30", **change}
    extra = refs[2] if options.get("--case") == "CLOSED" else options.pop("--case", None)
    options.pop("--case", None)
    args = [part for pair in options.items() for part in pair] + ["--case", refs[0]]
    if extra:
        args += ["--case", extra]
    status, out, err = zvh("--data-dir", folder, "meeting", "new", *args)
    assert status == cli.EXIT_REFUSED
    assert out == "" and message in err and "Traceback" not in err
    _reopen(profile)
    assert (Meeting.select().count(), MeetingItem.select().count()) == (0, 0)


def test_meeting_new_needs_a_case_kind_and_date(zvh: Run, world) -> None:
    folder, _refs = world
    status, _out, err = zvh("--data-dir", folder, "meeting", "new", "--kind", "MDO", "--date", "vr",
                            "--time", "9:00")
    assert status == cli.EXIT_USAGE and "dit ontbreekt nog: --case" in err


def test_meeting_list_shows_numbers_never_names(zvh: Run, world) -> None:
    folder, refs = world
    numbers = []
    for date, time, cases_ in (("1-12-2026", "09:30", refs[:2]), ("20-11-2026", "13:00", refs[:1])):
        args = [part for ref in cases_ for part in ("--case", ref)]
        status, out, err = zvh("--data-dir", folder, "meeting", "new", "--kind", "MDO", "--date", date,
                               "--time", time, "--location", "online", "--chair", "Zwaluwvoorzitter",
                               "--notulist", "Zwaluwnotulist", *args)
        assert status == 0, err
        numbers.append(int(out))
    status, out, err = zvh("--data-dir", folder, "meeting", "list")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "Komende overleggen:"
    coming = lines[1]
    assert coming.split()[:5] == [str(numbers[0]), "di", "01-12-2026", "09:30", "MDO"]
    assert "gepland" in coming and "online" in coming and f"{refs[0]}, {refs[1]}" in coming
    assert lines[2] == "Eerdere overleggen:"
    assert lines[3].split()[:3] == [str(numbers[1]), "vr", "20-11-2026"]
    assert "Zwaluw" not in out + err
