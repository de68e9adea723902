"""A whole casusoverleg in a real terminal: `zvh meeting new`, then `zvh meeting live N` to `/einde`.

The way a procesregisseur works on a demo profile (`zvh demo`): plan an MDO of three cases from
a script (`zvh meeting new` prints only the meeting's number), start live mode straight from the
command line, and type the meeting into the capture line as it is said at the table:

1. a case without a casusregisseur: attendance, the confidentiality reminder, a decision, an
   action with owner and deadline, a note; `/sluit` is refused with the seed's question, the
   regisseur picks a person by number, is told the next date is missing, `/datum`, `/sluit`;
2. a case in execution: the review of last time's first action (`/gedaan 1`), a decision,
   `/datum`, `/sluit`;
3. a case with its casusregisseur: `/oordeel`, a note from a partner, `/einde` refused while the
   item is open, `/datum`, `/sluit`, `/einde`.

Then Escape and Ctrl+Q, and what is stored is read in this test process (the profile opened with
the passphrase, through the models) and through `zvh export case REF --format json`. Every wait
is for something on screen; the cases and names to type are picked from the demo data here, so
the test follows the demo rather than hard-coding it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from zvh_tui.core.vocab import (
    ActionStatus,
    ItemStatus,
    MeetingStatus,
    NoteTag,
    Phase,
    Presence,
    ReviewOutcome,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import quick_entry
from zvh_tui.services.safety import audit
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import dates
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Case,
    ItemAttendance,
    ItemInvite,
    Meeting,
    MeetingItem,
    Partner,
    Plan,
)

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
WAIT = 60.0  # seconds for anything to show; generous for a loaded 2-core machine
DECISIONS = ("Woningaanpassing aanvragen bij de gemeente", "Uitstroom begeleid wonen voorbereiden",
             "Terugkom-overleg na de zitting")
ACTION = "Huisbezoek samen afleggen"
NOTE = "Hij wil wel meewerken aan de aanpak"
SOURCE_NOTE = "Melding van overlast vorige week"


@dataclass
class Agenda:
    """The three demo cases on the agenda, and what the test will type for them."""

    references: tuple[str, str, str]
    owner_word: str  # after @ in the action of item 1
    owner: tuple[int, int | None]  # what that word resolves to (partner, contact)
    present_word: str  # /aanwezig WORD in item 1
    present: tuple[int, int | None]
    source_word: str  # n @WORD TEXT in item 3
    source_partner: int


@dataclass
class Expected:
    """Read from the planned meeting before it goes live."""

    director: live.Choice  # choice 1 of the director question of item 1
    reviewed_action: int  # action 1 of the review list of item 2
    item_ids: tuple[int, int, int]


def _run(zvh: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(zvh), *args], env={**env, "ZVH_PASSPHRASE": PASSPHRASE},
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def _open(data: Path) -> Profile:
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    return profile


def _named_director(case: Case) -> bool:
    director = cases.director_of(case)
    return director is not None and director.contact_id is not None


def _word_for(partner_id: int, case: Case) -> tuple[str, tuple[int, int | None]] | None:
    """A word that names this partner unambiguously at this case's table (its first word)."""
    word = Partner.get_by_id(partner_id).name.split()[0].lower()
    found_partner, found_contact, problem = quick_entry.resolve_owner(
        word, "", quick_entry.candidates_for(case))
    if problem is not None or found_partner != partner_id:
        return None
    return word, (found_partner, found_contact)


def _words(case: Case, count: int) -> list[tuple[str, tuple[int, int | None]]]:
    found = []
    for row in participants.participants_of(case):
        picked = _word_for(row.partner_id, case)
        if picked is not None and picked[0] not in [w for w, _ in found]:
            found.append(picked)
    assert len(found) >= count, f"te weinig partners met een eigen naam aan tafel bij {case.reference}"
    return found[:count]


def _pick(data: Path) -> Agenda:
    """From the demo: (1) a case at the meeting phase without a named casusregisseur, (2) a case
    in execution with a named one and open actions in its adopted plan, (3) a case at the
    meeting phase with a named casusregisseur."""
    profile = _open(data)
    try:
        running = list(Case.select().where(Case.phase != Phase.CLOSED.value).order_by(Case.reference))
        first = next(c for c in running if c.phase == Phase.MEETING.value and not _named_director(c))
        second = next(c for c in running if c.phase == Phase.EXECUTION.value and _named_director(c)
                      and (adopted := cases.adopted_plan(c)) is not None
                      and Action.select().where((Action.plan == adopted.id) & Action.status.in_(
                          [ActionStatus.OPEN.value, ActionStatus.BUSY.value])).exists())
        third = next(c for c in running if c.phase == Phase.MEETING.value and _named_director(c))
        (owner_word, owner), (present_word, present) = _words(first, 2)
        source_word, (source_partner, _) = _words(third, 1)[0]
        return Agenda((first.reference, second.reference, third.reference), owner_word, owner,
                     present_word, present, source_word, source_partner)
    finally:
        profile.close()


def _expect(data: Path, meeting_id: int) -> Expected:
    profile = _open(data)
    try:
        items = meetings.items_of(meetings.get_meeting(meeting_id))
        assert len(items) == 3
        return Expected(director=live.director_choices(items[0])[0],
                        reviewed_action=live.review_list(items[1])[0].action_id,
                        item_ids=tuple(item.id for item in items))  # type: ignore[arg-type]
    finally:
        profile.close()


def _on_item(tmux, number: int, reference: str, timeout: float = WAIT) -> str:
    """Wait until the live screen's title line is on agenda item `number` of 3, this case
    ("punt 2 van 3" or "punt 2/3", the case number on the same line)."""
    wanted = re.compile(rf"\bpunt {number}( van |/)3\b.*{re.escape(reference)}|"
                        rf"{re.escape(reference)}.*\bpunt {number}( van |/)3\b")
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux.capture()
        if any(wanted.search(line) for line in screen.splitlines()[:3]):
            return screen
        time.sleep(0.05)
    raise AssertionError(f"punt {number} ({reference}) verscheen niet binnen {timeout} s. Scherm:\n{screen}")


def _flat(screen: str) -> str:
    """The screen as one line of words: a long answer wraps anywhere."""
    return " ".join(screen.split())


def _say(tmux, line: str, shown: str) -> str:
    """Type one line in the capture line and Enter; wait until the screen shows `shown`."""
    tmux.type(line)
    tmux.wait_for(line, timeout=WAIT)  # the line is in the field before Enter
    tmux.send_keys("Enter")
    return tmux.wait_for(shown, timeout=WAIT)


def test_a_whole_meeting_typed_in_the_capture_line_is_stored(
        tmux, tmp_path: Path, zvh_command: Path, zvh_env: dict[str, str]) -> None:
    data = tmp_path / "profiel"
    made = _run(zvh_command, zvh_env, "--data-dir", str(data), "demo")
    assert made.returncode == 0, made.stderr
    # A backup now, so none is due when live mode unlocks: no notice over the answers' corner.
    backed_up = _run(zvh_command, zvh_env, "--data-dir", str(data), "backup")
    assert backed_up.returncode == 0, backed_up.stderr
    plan = _pick(data)
    first, second, third = plan.references

    planned = _run(zvh_command, zvh_env, "--data-dir", str(data), "meeting", "new", "--kind", "MDO",
                   "--date", "vandaag", "--time", "9:30", "--location", "Stadskantoor, zaal 3",
                   "--case", first, "--case", second, "--case", third)
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.strip().isdigit() and planned.stdout == planned.stdout.strip() + "\n"
    meeting_id = int(planned.stdout)
    listed = _run(zvh_command, zvh_env, "--data-dir", str(data), "meeting", "list")
    assert listed.returncode == 0 and f"{first}, {second}, {third}" in listed.stdout
    expected = _expect(data, meeting_id)
    today = dt.date.today()

    tmux.start("--data-dir", str(data), "meeting", "live", str(meeting_id),
               env={"ZVH_PASSPHRASE": PASSPHRASE})
    screen = _on_item(tmux, 1, first)
    assert "Casusregisseur: nog niemand" in screen

    # 1. no casusregisseur yet
    _say(tmux, f"/aanwezig {plan.present_word}", ": aanwezig")
    _say(tmux, "/herinnering", "Geheimhouding benoemd; vastgelegd voor 1 aan tafel")
    _say(tmux, f"b {DECISIONS[0]}", f"BESLUIT {DECISIONS[0]}")
    _say(tmux, f"a {ACTION} @{plan.owner_word} vr", "Actie in plan versie")
    _say(tmux, f"n {NOTE}", f"beeld {NOTE}")
    screen = _say(tmux, "/sluit", "Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen?")
    assert "Dit punt kan nog niet worden afgerond" in screen
    assert f"1 {expected.director.label}" in _flat(screen), screen
    tmux.send_keys("1", "Enter")  # the person: answered by number, right there
    screen = tmux.wait_for("er is nog geen vervolgdatum", timeout=WAIT)
    assert f"{expected.director.label} houdt het overzicht" in _flat(screen), screen
    assert "/datum" in screen
    day_1 = today + dt.timedelta(weeks=4)
    _say(tmux, "/datum +4w", f"Vervolgdatum (evaluatie): {dates.format_date(day_1)}")
    _say(tmux, "/sluit", "Punt afgerond.")
    _say(tmux, "/volgende", f"Casus {second}.")
    _on_item(tmux, 2, second)

    # 2. in execution: last time's actions
    tmux.wait_for("Terugblik", timeout=WAIT)
    _say(tmux, "/gedaan 1", "Actie 1: gedaan")
    _say(tmux, f"b {DECISIONS[1]}", f"BESLUIT {DECISIONS[1]}")
    day_2 = dates.parse_date("15-1", today=today, future=True)
    _say(tmux, "/datum 15-1", f"Vervolgdatum (evaluatie): {dates.format_date(day_2)}")
    _say(tmux, "/sluit", "Punt afgerond.")
    _say(tmux, "/volgende", f"Casus {third}.")
    _on_item(tmux, 3, third)

    # 3. with its casusregisseur; /einde refused while it is open
    _say(tmux, "/oordeel", "Fase: oordeel.")
    _say(tmux, f"n @{plan.source_word} {SOURCE_NOTE}", f") {SOURCE_NOTE}")  # oordeel (PARTNER) TEXT
    _say(tmux, f"b {DECISIONS[2]}", f"BESLUIT {DECISIONS[2]}")
    screen = _say(tmux, "/einde", f"Nog open: {third}.")  # the refusal names the open item
    assert "Het overleg is gesloten" not in screen
    tmux.send_keys("C-u")  # the refused line was kept in the field; clear it as a person would
    tmux.wait_for("b besluit · a actie", timeout=WAIT)  # the placeholder: the field is empty
    day_3 = today + dt.timedelta(weeks=6)
    _say(tmux, "/datum +6w", f"Vervolgdatum (evaluatie): {dates.format_date(day_3)}")
    _say(tmux, "/sluit", "Punt afgerond.")
    screen = _say(tmux, "/einde", "Het overleg is gesloten.")
    assert "Traceback" not in screen
    tmux.wait_for("bestanden in", timeout=WAIT)  # the minutes, written at /einde without a dialog
    tmux.send_keys("Escape")
    tmux.wait_for("Overleggen", timeout=WAIT)
    tmux.send_keys("C-q")
    assert tmux.exit_status(timeout=WAIT) == 0

    _check_stored(data, meeting_id, plan, expected, (day_1, day_2, day_3), today)
    _check_export(zvh_command, zvh_env, data, first, today)
    _check_minutes(data / "exports", meeting_id, plan)


def _check_minutes(folder: Path, meeting_id: int, plan: Agenda) -> None:
    """The files /einde wrote: the verslag holds the notes, the besluitenlijst the decisions and
    not the beeld/oordeel notes, the .ics only case numbers; every file 0600."""
    written = {p.name: p for p in folder.iterdir() if p.name.startswith(f"overleg-{meeting_id}-")}
    assert written, sorted(p.name for p in folder.iterdir())
    assert all(p.stat().st_mode & 0o077 == 0 for p in written.values())
    verslag = next(p for name, p in written.items() if "verslag" in name and name.endswith(".md"))
    besluiten = next(p for name, p in written.items() if "besluitenlijst" in name and name.endswith(".md"))
    ics = next(p for name, p in written.items() if name.endswith(".ics"))
    verslag_text, besluiten_text = verslag.read_text("utf-8"), besluiten.read_text("utf-8")
    for decision in DECISIONS:
        assert decision in verslag_text and decision in besluiten_text
    assert NOTE in verslag_text and SOURCE_NOTE in verslag_text
    assert NOTE not in besluiten_text and SOURCE_NOTE not in besluiten_text
    ics_text = ics.read_text("utf-8")
    assert "BEGIN:VCALENDAR" in ics_text
    for reference in plan.references:
        assert reference in besluiten_text
    assert all(reference in ics_text for reference in plan.references)  # each next date


def _check_stored(data: Path, meeting_id: int, plan: Agenda, expected: Expected,
                  next_days: tuple[dt.date, dt.date, dt.date], today: dt.date) -> None:
    profile = _open(data)
    try:
        meeting = Meeting.get_by_id(meeting_id)
        assert meeting.status == MeetingStatus.CLOSED.value
        assert meeting.started_at is not None and meeting.closed_at is not None
        assert meeting.start_time == "09:30" and meeting.held_on == today
        items = [MeetingItem.get_by_id(i) for i in expected.item_ids]
        assert [i.case.reference for i in items] == list(plan.references)
        assert [i.status for i in items] == [ItemStatus.CLOSED.value] * 3
        assert [i.next_on for i in items] == list(next_days)
        first, second, third = items

        # the Breda rule: the person picked at /sluit holds the overview, for the case too
        assert (first.director_partner_id, first.director_contact_id) == (
            expected.director.partner_id, expected.director.contact_id)
        director = cases.director_of(first.case)
        assert (director.partner_id, director.contact_id) == (
            expected.director.partner_id, expected.director.contact_id)
        assert first.call_on is not None and first.call_on > today
        for item in (second, third):
            named = cases.director_of(item.case)
            assert named is not None and named.contact_id is not None

        assert [[n.text for n in live.decisions_of(i)] for i in items] == [[d] for d in DECISIONS]
        assert [(n.text, n.tag, n.source_partner_id) for n in live.notes_of(first)] == [
            (NOTE, NoteTag.PICTURE.value, None)]
        assert [(n.text, n.tag, n.source_partner_id) for n in live.notes_of(third)] == [
            (SOURCE_NOTE, NoteTag.JUDGEMENT.value, plan.source_partner)]

        # the action: in the case's concept plan, its owner and deadline, agreed in item 1
        action = Action.get(Action.agreed_in == first.id)
        assert action.text == ACTION
        assert (action.owner_partner_id, action.owner_contact_id) == plan.owner
        assert action.deadline == dates.parse_date("vr", today=today, future=True)
        assert Plan.get_by_id(action.plan_id).case_id == first.case_id
        assert Action.select().where(Action.agreed_in.in_([second.id, third.id])).count() == 0

        stays = list(ItemAttendance.select().where(
            (ItemAttendance.item == first.id) & (ItemAttendance.presence == Presence.PRESENT.value)))
        partner_id, contact_id = plan.present
        if contact_id is None:  # only the organisation was typed: the person invited for this item
            contact_id = ItemInvite.get((ItemInvite.item == first.id)
                                        & (ItemInvite.partner == partner_id)).contact_id
        assert [(s.partner_id, s.contact_id) for s in stays] == [(partner_id, contact_id)]
        assert stays[0].arrived_at is not None and stays[0].reminded_at is not None
        assert first.meeting.reminder_at is not None

        review = ActionReview.get(ActionReview.item == second.id)
        assert (review.action_id, review.outcome) == (expected.reviewed_action, ReviewOutcome.DONE.value)
        assert Action.get_by_id(expected.reviewed_action).status == ActionStatus.DONE.value
        assert audit.verify_chain().ok
    finally:
        profile.close()


def _check_export(zvh: Path, env: dict[str, str], data: Path, reference: str, today: dt.date) -> None:
    """What the client may ask for (AVG art. 15) shows the same meeting for case 1."""
    done = _run(zvh, env, "--data-dir", str(data), "export", "case", reference, "--format", "json",
                "-o", "-")
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    held = [m for m in exported["meetings"] if m["status"] == MeetingStatus.CLOSED.value
            and m["held_on"] == today.isoformat() and m["start_time"] == "09:30"]
    assert len(held) == 1
    assert [d["text"] if isinstance(d, dict) else d for d in held[0]["decisions"]] == [DECISIONS[0]]
    assert held[0]["agenda_item"]["status"] == ItemStatus.CLOSED.value
    assert held[0]["agenda_item"]["casusregisseur_agreed"]
    actions = [a for p in exported["plans"] for a in p["actions_without_goal"]
               + [a for g in p["goals"] for a in g.get("actions", [])] if a["text"] == ACTION]
    assert len(actions) == 1
    assert actions[0]["agreed_in"] == {"held_on": today.isoformat(), "kind": "MDO"}
    assert actions[0]["deadline"] == dates.parse_date("vr", today=today, future=True).isoformat()
