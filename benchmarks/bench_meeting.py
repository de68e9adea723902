"""The live meeting of the benchmark: its setup beside the scale data, and its services.

`setup_meeting` (run once when a cached profile is made, benchmarks/profiles.py): three
fictional partners with a contact person each, a case at the table with all three, its plan of
15 actions adopted (so the first item's card lists 15 actions to review), and an MDO today with
that case and two cases of the scale data on its agenda. bench_ui measures the live screen on
it (a line captured, the next agenda item, to the frame that shows it); `services_level` shows
where a line's and an item's time goes without the screen.
"""

from __future__ import annotations

import datetime as dt
import time

from benchmarks.report import Series

PLAN_ACTIONS = 15


def setup_meeting(today: dt.date) -> tuple[int, str, int]:
    """The meeting of the benchmark, beside the scale data; returns (its id, the owner word
    for @, the id of the case with the plan of 15 actions)."""
    from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
    from zvh_tui.services.cases import lifecycle as cases
    from zvh_tui.services.meetings import meeting as meetings
    from zvh_tui.services.partners import participants
    from zvh_tui.services.partners import roster as partners
    from zvh_tui.services.plans import versions as plans
    from zvh_tui.store.models import Case

    team = partners.create_partner("Bench Wijkteam Zuid", "gemeente", convenant_signed=True)
    police = partners.create_partner("Bench Politie Zuid", "straf", convenant_signed=True)
    housing = partners.create_partner("Bench Woningcorporatie Zuid", "wonen", convenant_signed=True)
    worker = partners.add_contact(team, "Bench Sanne Meting", phone="06 00000011")
    agent = partners.add_contact(police, "Bench Wim Meting", phone="06 00000012")
    tenant = partners.add_contact(housing, "Bench Huub Meting", phone="06 00000013")
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Bench Cliënt Meting")],
                                           reason="Benchmark: overlast en schulden",
                                           referrer_partner_id=team.id))
    participants.set_check(participants.participants_of(case)[0], CheckStatus.KNOWN,
                           basis="convenant art. 5")
    for step in (Phase.SCREENING, Phase.TRIAGE):
        cases.move_phase(case, step)
    cases.set_triage(case, TriageOutcome.TAKE_ON)
    cases.move_phase(case, Phase.ANALYSIS)
    participants.add_participant(case, police.id, contact_id=agent.id)
    participants.add_participant(case, housing.id, contact_id=tenant.id)
    participants.set_director(case, team.id, contact_id=worker.id)
    cases.move_phase(case, Phase.MEETING)
    cases.move_phase(case, Phase.PLAN)
    plan = plans.start_plan(case)
    plans.update_plan(plan, shared_task="Wonen behouden en de overlast stoppen",
                      evaluation_on=today + dt.timedelta(weeks=6))
    goal = plans.add_goal(plan, "Hij houdt zijn woning")
    owners = ((team.id, worker.id), (police.id, agent.id), (housing.id, tenant.id))
    for n in range(PLAN_ACTIONS):
        partner_id, contact_id = owners[n % 3]
        plans.add_action(plan, f"Actie {n + 1} van het plan: afspraak maken en terugkoppelen",
                         goal=goal if n % 2 else None, owner_partner_id=partner_id,
                         owner_contact_id=contact_id, deadline=today + dt.timedelta(days=n * 3 - 10))
    plans.add_agreement(plan, "Bij een incident belt de politie de casusregisseur")
    plans.adopt(plan)
    cases.move_phase(case, Phase.EXECUTION)
    others = list(Case.select().where((Case.phase == Phase.EXECUTION.value) & (Case.id != case.id))
                  .order_by(Case.id).limit(2))
    meeting = meetings.create_meeting("MDO", today, start_time="09:30", location="Benchmark")
    for on_agenda, minutes in zip([case, *others], (20, 15, 15), strict=True):
        meetings.add_item(meeting, on_agenda, slot_minutes=minutes)
    return meeting.id, "woningcorporatie", case.id


def services_level(meeting_id: int, owner: str, series: list[Series]) -> None:
    """Where the time of a line and of an item goes, without the screen (item 1, its plan)."""
    from zvh_tui.services.meetings import capture, card, live
    from zvh_tui.services.meetings import meeting as meetings
    from zvh_tui.services.shared import context, drafts
    from zvh_tui.store.models import utcnow

    item = meetings.items_of(meetings.get_meeting(meeting_id))[0]
    today = context.today()
    now = utcnow()
    rows = [
        ("services: capture.execute(b …), vastgelegd", lambda n: capture.execute(
            f"b Besluit {n} zonder scherm", item, today=today, now=now)),
        ("services: capture.execute(a … @eigenaar vr)", lambda n: capture.execute(
            f"a Actie {n} zonder scherm @{owner} vr", item, today=today, now=now)),
        ("services: drafts.save (de regel als concept)", lambda n: drafts.save(
            f"capture:{meeting_id}", {"capture-input": f"b half getypt {n}"}, case_id=item.case_id)),
        ("services: card.case_card (punt 1)", lambda n: card.case_card(item, today)),
        ("services: capture.names_for (namen na @)", lambda n: capture.names_for(item)),
        ("services: alle panelen lezen (punt 1)", lambda n: (
            card.case_card(item, today), live.attendance_of(item), card.agenda(item.meeting, item.id),
            live.notes_of(item), live.decisions_of(item), capture.names_for(item))),
    ]
    for name, step in rows:
        s = Series(name)
        for n in range(10):
            t0 = time.perf_counter()
            step(n)
            s.add_seconds(time.perf_counter() - t0)
        series.append(s)
    drafts.discard(f"capture:{meeting_id}")


MINUTES_CASES = 10


def minutes_of_ten(series: list[Series], folder, runs: int = 5) -> None:
    """Issue 16: the minutes of a 10-case meeting in at most 1 s. An MDO with ten cases of the
    scale data on its agenda, a decision, a note and an action captured on each (as in a real
    meeting), then every document `minutes.write_minutes` makes after `/einde` (verslag,
    besluitenlijst, a sheet per partner, the client versions, the .ics; Markdown and HTML) —
    in Dutch and, for the same meeting, in English (issue 17: the language per export)."""
    from zvh_tui.core.vocab import Phase
    from zvh_tui.services.meetings import capture, minutes
    from zvh_tui.services.meetings import meeting as meetings
    from zvh_tui.services.partners import participants
    from zvh_tui.services.shared import context
    from zvh_tui.store.models import Case, utcnow

    today = context.today()
    on_agenda = list(Case.select().where(Case.phase == Phase.EXECUTION.value)
                     .order_by(Case.id.desc()).limit(MINUTES_CASES))
    meeting = meetings.create_meeting("MDO", today, start_time="13:00", location="Benchmark verslag")
    for case in on_agenda:
        meetings.add_item(meeting, case, slot_minutes=10)
    now = utcnow()
    for n, item in enumerate(meetings.items_of(meeting)):
        table = participants.participants_of(item.case)
        owner = f" @{table[0].partner.name.split()[0].lower()}" if table else ""
        for line in (f"b Besluit {n + 1}: de regie blijft bij het wijkteam",
                     f"n beeld: situatie {n + 1} is stabiel, geen nieuwe meldingen",
                     f"a Actie {n + 1}: huisbezoek plannen{owner} vr"):
            capture.execute(line, item, today=today, now=now)
    everyone = [p.id for p in minutes.unsigned_partners(meeting)]  # every sheet is written
    for language, name in (("nl", "verslag: 10 casussen, alle documenten (nl)"),
                           ("en", "verslag: 10 casussen, alle documenten (en)")):
        s = Series(name, 1000)
        for run in range(runs):
            target = folder / f"minutes-{language}-{run}"
            target.mkdir(parents=True)
            t0 = time.perf_counter()
            written = minutes.write_minutes(meeting, target, confirmed_partners=everyone,
                                            language=language)
            s.add_seconds(time.perf_counter() - t0, checked=bool(written))
        s.note = f"{len(written)} bestanden"
        series.append(s)
