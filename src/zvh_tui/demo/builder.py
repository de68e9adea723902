"""Demo data: a hand-made, fictional profile (`zvh demo`) and a scale generator (`zvh demo --scale N`).

The demo profile is built through the services, case by case along its own timeline, so every
rule of the trade holds and the data is exactly what a user could have made. Dates are relative to
`context.today()`, so overdue actions and coming meetings show on any day. Where a service stamps
the wall clock (journal entries, closing times, last change), the date is set afterwards on the
row. Deterministic: a fixed random seed and a fixed order.

The scale generator writes N cases (about ten actions each) with `insert_many` in one
transaction, fills the search index in bulk and writes one audit event.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from peewee import chunked, fn

from zvh_tui.core.errors import RuleError, ValidationError, ZvhError
from zvh_tui.core.vocab import (
    ActionStatus,
    CheckStatus,
    Level,
    ParticipantRole,
    Phase,
    PlanStatus,
    Presence,
    TriageOutcome,
)
from zvh_tui.demo import texts as T
from zvh_tui.services.cases import escalation, journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import clock, context
from zvh_tui.store.models import (
    Action,
    Agreement,
    Assessment,
    Attendee,
    Case,
    CasePerson,
    CaseSearch,
    Contact,
    DirectorChange,
    Escalation,
    Goal,
    JournalEntry,
    KeyValue,
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Person,
    Perspective,
    Plan,
    db,
)

SEED = 2013  # the year of the Landelijk Kader ZVH
OPEN = (ActionStatus.OPEN.value, ActionStatus.BUSY.value)
MAX_SCALE = 200_000
Progress = Callable[[int, int], None]

ALREADY_FILLED = (
    "Dit profiel bevat al casussen. Demogegevens worden alleen in een leeg profiel geladen, "
    "zodat ze nooit met echte gegevens mengen. Gebruik een nieuw profiel, bijvoorbeeld met "
    "--data-dir."
)


def load_demo(scale: int | None = None, progress: Progress | None = None) -> str:
    """Fill an empty, unlocked profile with demo data; return a one-line Dutch summary."""
    if Case.select().exists():
        raise ZvhError(ALREADY_FILLED)
    if scale is None:
        return _DemoBuilder().build()
    if not 1 <= int(scale) <= MAX_SCALE:
        raise ValidationError(f"Kies een aantal casussen tussen 1 en {_nl(MAX_SCALE)}.", field="scale")
    return _ScaleGenerator(int(scale), progress).build()


def _nl(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


def _max_id(model) -> int:  # noqa: ANN001
    return model.select(fn.MAX(model.id)).scalar() or 0


# -- shared helpers ---------------------------------------------------------------------------

def _ascii(value: str) -> str:
    plain = unicodedata.normalize("NFKD", value.replace("ł", "l").replace("Ł", "L").replace("ı", "i"))
    return "".join(ch for ch in plain if ch.isascii() and (ch.isalnum() or ch in "-.")).lower()


def _email(name: str, partner_key: str) -> str:
    parts = name.split()
    local = f"{_ascii(parts[0])[:1]}.{_ascii(''.join(parts[1:]))}"
    domain = f"{partner_key}.noordwaarde.invalid" if partner_key in T.INVALID_MAIL else f"{partner_key}.example.org"
    return f"{local}@{domain}"


def _birth_date(rng: random.Random, today: dt.date, age: int) -> dt.date:
    return today - dt.timedelta(days=int(age * 365.25) + rng.randint(15, 340))


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _tuesday(day: dt.date) -> dt.date:
    """The weekly casusoverleg is on Tuesday: the first Tuesday on or after `day`."""
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


def _at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    """`day` at `hour:minute` on the local clock, stored as UTC like every moment (clock.py)."""
    return clock.local_moment(day, hour, minute)


@contextmanager
def _clock(day: dt.date) -> Iterator[None]:
    """Let one service call happen on `day` (the reference year of a case); then restore."""
    before = context._today  # restored exactly, frozen or not
    context.set_today(day)
    try:
        yield
    finally:
        context.set_today(before)


def _grondslag(partner_key: str) -> str:
    if partner_key == "politie":
        return T.GRONDSLAGEN[1]
    if partner_key in ("veiligthuis", "raad", "gi"):
        return T.GRONDSLAGEN[2]
    if partner_key == "ggz":
        return T.GRONDSLAGEN[3]
    if partner_key in ("om", "reclassering", "dji", "halt"):
        return T.GRONDSLAGEN[4]
    return T.GRONDSLAGEN[0]


# -- the hand-made demo -----------------------------------------------------------------------

class _DemoBuilder:
    """Plays each demo case along its timeline through the services."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.today = context.today()
        self.partner: dict[str, Partner] = {}
        self.contacts: dict[str, list[Contact]] = {}
        self.own: Partner | None = None
        self.meetings: dict[dt.date, Meeting] = {}
        self.last: dict[int, dt.date] = {}  # case id -> day of the last change
        self.received: dict[int, dt.date] = {}
        self.pending_agenda: list[Case] = []  # cases for the coming meeting
        self.attendance: set[tuple[int, int, int | None]] = set()
        self.plan_days: dict[int, dt.date] = {}  # plan id -> day it was started

    def day(self, days_ago: int) -> dt.date:
        return self.today - dt.timedelta(days=days_ago)

    def touch(self, case: Case, day: dt.date) -> None:
        if day > self.last.get(case.id, dt.date.min):
            self.last[case.id] = day

    # -- partners ---------------------------------------------------------------------------
    def build_partners(self) -> None:
        own = partners.own_partner()
        if own is None:
            own = Partner.create(name="Zorg- en Veiligheidshuis", domain="veiligheid", convenant_signed=True,
                                 is_own=True)
            audit.record("create", object_type="partner", object_id=own.id)
        self.own = own
        phone = 1000
        for spec in T.PARTNERS:
            existing = Partner.get_or_none(fn.lower(Partner.name) == spec["name"].lower())
            partner = existing or partners.create_partner(
                spec["name"], spec["domain"], spec["convenant"],
                notes="Fictieve organisatie (demogegevens)." + ("" if spec["convenant"] else
                                                                " Privacyconvenant nog niet getekend."),
            )
            self.partner[spec["key"]] = partner
            known = {c.name: c for c in partners.contacts_of(partner, include_inactive=True)}
            people = []
            for name, function, availability in spec["contacts"]:
                phone += 37
                people.append(known.get(name) or partners.add_contact(
                    partner, name, function=function, phone=f"06-0000{phone:04d}",
                    email=_email(name, spec["key"]), availability=availability,
                ))
            self.contacts[spec["key"]] = people

    def owner(self, ref: tuple[str, int | None] | None) -> tuple[int | None, int | None]:
        if ref is None:
            return None, None
        key, index = ref
        if key == "own":
            return self.own.id, None  # type: ignore[union-attr]
        return self.partner[key].id, (self.contacts[key][index].id if index is not None else None)

    # -- meetings ---------------------------------------------------------------------------
    def meeting_on(self, day: dt.date) -> Meeting:
        meeting = self.meetings.get(day)
        if meeting is None:
            week = day.isocalendar()[1]
            kind = "Casusoverleg" if week % 3 == 0 else "MDO"
            meeting = meetings.create_meeting(
                kind, day, title=f"{kind} zorg en veiligheid, week {week}",
                location=T.MEETING_LOCATIONS[week % len(T.MEETING_LOCATIONS)],
            )
            if day <= self.today:
                meetings.open_meeting(meeting)
            self.meetings[day] = meeting
        return meeting

    def hold_item(self, case: Case, day: dt.date, notes: list[tuple[str, str]], *,
                  director: tuple[str, int] | None = None, close: bool = True) -> None:
        """Put the case on the agenda of the meeting of `day`, with attendance and notes."""
        meeting = self.meeting_on(day)
        item = meetings.add_item(meeting, case)
        if day <= self.today:
            present = [(self.own.id, None)] + [  # type: ignore[union-attr]
                (row.partner_id, row.contact_id) for row in participants.participants_of(case)]
            for partner_id, contact_id in present:
                if (meeting.id, partner_id, contact_id) in self.attendance:
                    continue  # already at the table for an earlier case of this meeting
                self.attendance.add((meeting.id, partner_id, contact_id))
                presence = Presence.PRESENT if partner_id == self.own.id else self.rng.choices(  # type: ignore[union-attr]
                    [Presence.PRESENT, Presence.EXCUSED, Presence.ABSENT], weights=[88, 8, 4])[0]
                meetings.set_attendance(meeting, partner_id, presence, contact_id=contact_id)
            for tag, body in notes:
                meetings.add_note(item, tag, body)
            if director is not None:
                partner_id, contact_id = self.owner(director)
                before = _max_id(DirectorChange)
                meetings.set_item_director(item, partner_id, contact_id)  # type: ignore[arg-type]
                DirectorChange.update(at=_at(day, 11)).where(DirectorChange.id > before).execute()
            if close:
                meetings.close_item(item)
                MeetingItem.update(closed_at=_at(day, 11, 30)).where(MeetingItem.id == item.id).execute()
            MeetingNote.update(created_at=_at(day, 10, 45)).where(MeetingNote.item == item).execute()
            self.touch(case, day)

    def close_meetings(self) -> None:
        for day, meeting in sorted(self.meetings.items()):
            if day <= self.today:
                meetings.close_meeting(meeting)
                Meeting.update(closed_at=_at(day, 12), created_at=_at(day - dt.timedelta(days=7), 9)).where(
                    Meeting.id == meeting.id).execute()

    # -- one case ---------------------------------------------------------------------------
    def build(self) -> str:
        started = time.perf_counter()
        with db.atomic():
            self.build_partners()
            specs = sorted(T.DEMO_CASES, key=lambda s: -s["received"])  # references in date order
            for spec in specs:
                _DemoCase(self, spec).play()
            upcoming = _tuesday(self.today + dt.timedelta(days=2))
            for case in self.pending_agenda:
                self.hold_item(case, upcoming, [])
            self.close_meetings()
            self.fix_case_times()
            KeyValue.insert(key="demo", value="demo").on_conflict_replace().execute()
            audit.record("demo.load", detail=f"cases={len(specs)}")
        counts = {
            "cases": Case.select().count(),
            "partners": Partner.select().where(Partner.is_own == False).count(),  # noqa: E712
            "contacts": Contact.select().count(),
            "actions": Action.select().count(),
            "meetings": Meeting.select().count(),
        }
        seconds = time.perf_counter() - started
        return (
            f"Demo geladen: {counts['cases']} casussen, {counts['partners']} partners, "
            f"{counts['contacts']} contactpersonen, {counts['actions']} acties, "
            f"{counts['meetings']} overleggen (fictieve gegevens; {_seconds(seconds)})."
        )

    def fix_case_times(self) -> None:
        """Creation and change times as they would have been, instead of the loading moment."""
        for case_id, day in self.last.items():
            received = self.received[case_id]
            Case.update(created_at=_at(received, 9, 15), updated_at=_at(day, 16, 20)).where(
                Case.id == case_id).execute()
            Person.update(created_at=_at(received, 9, 15)).where(
                Person.id.in_(CasePerson.select(CasePerson.person).where(CasePerson.case == case_id))).execute()
            Participant.update(added_at=_at(received + dt.timedelta(days=1), 10)).where(
                (Participant.case == case_id) & (Participant.role != ParticipantRole.REFERRER.value)).execute()
            Participant.update(added_at=_at(received, 9, 15)).where(
                (Participant.case == case_id) & (Participant.role == ParticipantRole.REFERRER.value)).execute()
        for plan_id, day in self.plan_days.items():
            plan = Plan.get_by_id(plan_id)
            changed = plan.adopted_on or min(self.last.get(plan.case_id, day), self.today)
            Plan.update(created_at=_at(day, 10), updated_at=_at(max(changed, day), 15)).where(
                Plan.id == plan_id).execute()
            Action.update(created_at=_at(day, 10), updated_at=_at(max(changed, day), 15)).where(
                Action.plan == plan_id).execute()
        first = min(self.received.values()) - dt.timedelta(days=30)
        Partner.update(created_at=_at(first, 9), updated_at=_at(first, 9)).where(Partner.is_own == False).execute()  # noqa: E712
        Contact.update(created_at=_at(first, 9), updated_at=_at(first, 9)).execute()


class _DemoCase:
    """One case of the demo, from aanmelding to its phase of today."""

    def __init__(self, builder: _DemoBuilder, spec: dict) -> None:
        self.b = builder
        self.spec = spec
        self.v = T.VIGNETTES[spec["v"]]
        self.rng = builder.rng
        self.case: Case | None = None
        self.plan: Plan | None = None
        self.fmt: dict[str, str] = {}

    def f(self, text: str) -> str:
        return text.format(**self.fmt)

    @property
    def target(self) -> str:
        return self.spec["phase"]

    def reached(self, phase: Phase) -> bool:
        """Did the case get at least as far as `phase` before today (closed: as far as it went)?"""
        order = [p.value for p in Phase]
        target = self.target
        if target == Phase.CLOSED.value or self.spec.get("closed"):
            if self.spec.get("triage") == "refer":
                target = Phase.TRIAGE.value
            else:
                target = Phase.EXECUTION.value
        return order.index(target) >= order.index(phase.value)

    def end_day(self) -> dt.date:
        """The last day anything happened to this case (before a reopen)."""
        if self.spec.get("stagnant"):
            return self.b.day(self.spec["stagnant"])
        if self.spec.get("closed"):
            return self.b.day(self.spec["closed"])
        return self.b.today

    def play(self) -> None:
        b, spec, rng = self.b, self.spec, self.rng
        received = b.day(spec["received"])
        persons = []
        for name, age, role in spec["persons"]:
            persons.append(cases.NewPerson(name=name, date_of_birth=_birth_date(rng, b.today, age), role=role,
                                           address=f"{rng.choice(T.STREETS)} {rng.randint(2, 180)}, {T.PLACE}"))
        first = persons[0]
        street = first.address.split(",")[0]
        self.fmt = {"first": first.name.split()[0], "age": str(_age_on(first.date_of_birth, received)),
                    "street": street}
        referrer_key, referrer_index = self.v["partners"][0]
        citizen = spec.get("citizen", "")
        informed = spec.get("informed_no") is None
        data = cases.NewCase(
            persons=persons,
            title=spec.get("title", ""),
            referrer_partner_id=None if citizen else b.partner[referrer_key].id,
            referrer_contact_id=None if citizen else b.contacts[referrer_key][referrer_index].id,
            referrer_citizen=citizen,
            reason=self.f(self.v["reason"]),
            referral_goal=self.f(self.v["goal"]),
            received_on=received,
            informed=informed,
            not_informed_reason="" if informed else self.v.get("not_informed", "Informeren schaadt de veiligheid."),
            informed_review_on=None if informed else b.today + dt.timedelta(days=spec["informed_no"]),
            zvh_role=spec.get("zvh_role", "direction"),
        )
        with _clock(received):
            case = cases.create_case(data)
        self.case = case
        b.received[case.id] = received
        b.touch(case, received)
        if not self.reached(Phase.SCREENING):
            self.journal(received, "procesregie", "Aanmelding ontvangen; aanmelder gebeld voor aanvullende vragen.")
            return
        self.screening(received)
        if not self.reached(Phase.TRIAGE):
            return
        day = received + dt.timedelta(days=6)
        cases.move_phase(case, Phase.TRIAGE)
        b.touch(case, day)
        if self.target == Phase.TRIAGE.value:
            return
        if spec.get("triage") == "refer":
            cases.set_triage(case, TriageOutcome.REFER, self.f(spec["triage_reason"]))
            self.journal(day, "beschikken", "Triage: doorverwezen; de aanmelder is geïnformeerd.")
            self.close(b.day(spec["closed"]), "Doorverwezen na triage; geen regie door het ZVH nodig.")
            return
        cases.set_triage(case, TriageOutcome.TAKE_ON, self.v["triage"])
        self.journal(day, "beschikken", "Triage in het weekoverleg: oppakken.")
        self.analysis(received + dt.timedelta(days=8))
        if not self.reached(Phase.MEETING):
            return
        cases.move_phase(case, Phase.MEETING)
        first_meeting = _tuesday(received + dt.timedelta(days=14))
        if spec.get("no_director") or first_meeting > b.today - dt.timedelta(days=1):
            b.pending_agenda.append(case)
            return
        self.stage_journal("meeting", first_meeting - dt.timedelta(days=3))
        notes = [(tag, self.f(body)) for tag, body in self.v["notes"]]
        b.hold_item(case, first_meeting, notes, director=self.v["director"])
        if not self.reached(Phase.PLAN):
            return
        cases.move_phase(case, Phase.PLAN)
        self.write_plan(first_meeting)
        self.stage_journal("plan", first_meeting + dt.timedelta(days=4))
        if self.target == Phase.PLAN.value:
            b.pending_agenda.append(case)
            return
        adopt_day = first_meeting + dt.timedelta(days=14)
        self.adopt(adopt_day)
        cases.move_phase(case, Phase.EXECUTION)
        self.execution(adopt_day)

    # -- the steps ---------------------------------------------------------------------------
    def journal(self, day: dt.date, hat: str, body: str) -> None:
        if day > self.b.today:
            return
        entry = journal.add_entry(self.case, self.f(body), hat=hat)  # type: ignore[arg-type]
        JournalEntry.update(at=_at(day, self.rng.randint(8, 17), self.rng.choice([0, 10, 25, 40, 55]))).where(
            JournalEntry.id == entry.id).execute()
        self.b.touch(self.case, day)  # type: ignore[arg-type]

    def stage_journal(self, stage: str, start: dt.date, end: dt.date | None = None) -> None:
        """The vignette's journal lines of one stage, spread from `start` (to `end`)."""
        entries = [(hat, body) for when, hat, body in self.v["journal"] if when == stage]
        span = max(((end or start) - start).days, len(entries))
        for index, (hat, body) in enumerate(entries):
            self.journal(start + dt.timedelta(days=span * index // max(len(entries), 1)), hat, body)

    def screening(self, received: dt.date) -> None:
        b, case = self.b, self.case
        cases.move_phase(case, Phase.SCREENING)  # type: ignore[arg-type]
        for key, index in self.v["partners"][1:]:
            participants.add_participant(case, b.partner[key].id, contact_id=b.contacts[key][index].id)  # type: ignore[arg-type]
        pending = self.target == Phase.SCREENING.value
        for number, row in enumerate(participants.participants_of(case)):  # type: ignore[arg-type]
            row.case = case  # spare the services a lookup
            key = next(k for k, p in b.partner.items() if p.id == row.partner_id)
            if row.role == ParticipantRole.REFERRER.value:
                status = CheckStatus.KNOWN
            elif pending:
                status = [CheckStatus.ASKED, CheckStatus.KNOWN, CheckStatus.NO_ANSWER][number % 3]
            else:
                status = self.rng.choices([CheckStatus.KNOWN, CheckStatus.NOT_KNOWN, CheckStatus.NO_ANSWER],
                                          weights=[65, 28, 7])[0]
            day = min(received + dt.timedelta(days=1 + number), b.today)
            participants.set_check(row, status, on=day, basis=_grondslag(key))
            b.touch(case, day)  # type: ignore[arg-type]
        self.journal(min(received + dt.timedelta(days=1), b.today), "onderzoek",
                     "Check op bekendheid uitgezet bij de partners, met de grondslag per partner.")
        if self.target != Phase.SCREENING.value:
            self.stage_journal("screening", received + dt.timedelta(days=3))

    def analysis(self, day: dt.date) -> None:
        case = self.case
        cases.move_phase(case, Phase.ANALYSIS)  # type: ignore[arg-type]
        if self.spec.get("ave"):
            cases.set_ave(case, self.spec["ave"])  # type: ignore[arg-type]
        self.plan = plans.start_plan(case)  # type: ignore[arg-type]
        self.b.plan_days[self.plan.id] = day
        for domain, strengths, concerns in self.v["assessments"]:
            plans.set_assessment(self.plan, domain, self.f(strengths), self.f(concerns))
        for key, body in self.v["perspectives"].items():
            plans.set_perspective(self.plan, self.b.partner[key].id, self.f(body))
        self.b.touch(case, day)  # type: ignore[arg-type]
        self.journal(day, "onderzoek", "Beeldvorming: krachten en zorgen per leefgebied op een rij gezet.")
        self.stage_journal("analysis", day + dt.timedelta(days=1))

    def write_plan(self, day: dt.date) -> None:
        b, spec, rng, plan = self.b, self.spec, self.rng, self.plan
        blockers = set(spec.get("blockers", []))
        changes: dict[str, object] = {"client_view": self.f(self.v["client_view"])}
        if "shared_task" not in blockers:
            changes["shared_task"] = self.f(self.v["shared_task"])
        if "evaluation" not in blockers:
            changes["evaluation_on"] = day + dt.timedelta(days=rng.choice([63, 70, 84]))
        plans.update_plan(plan, **changes)  # type: ignore[arg-type]
        horizon = max(21, (b.today - day).days + 80)
        undated_done = False
        for intent, domain, actions in self.v["goals"]:
            goal = plans.add_goal(plan, self.f(intent), domain)  # type: ignore[arg-type]
            for body, owner in actions:
                if owner is not None and owner[0] != "own" and rng.random() < 0.15:
                    continue  # not every case needs every step
                partner_id, contact_id = b.owner(owner)
                deadline: dt.date | None = day + dt.timedelta(days=rng.randint(7, horizon))
                if "deadline" in blockers and not undated_done and owner is not None:
                    deadline, undated_done = None, True
                plans.add_action(plan, self.f(body), goal=goal, owner_partner_id=partner_id,  # type: ignore[arg-type]
                                 owner_contact_id=contact_id, deadline=deadline)
        if owner_less := [a for a in self.actions(plan) if a.owner_partner_id is None]:  # type: ignore[arg-type]
            if "nobody" not in blockers and spec.get("nobody") == "accepted":
                plans.accept_nobody(owner_less[0])
            elif "nobody" not in blockers:  # in the other cases the gemeente picks it up
                partner_id, contact_id = b.owner(("gemeente", 0))
                plans.update_action(owner_less[0], owner_partner_id=partner_id, owner_contact_id=contact_id)
        if "agreements" not in blockers:
            for body, key in self.v["agreements"]:
                plans.add_agreement(plan, self.f(body), b.partner[key].id if key else None)  # type: ignore[arg-type]
        b.touch(self.case, day)  # type: ignore[arg-type]

    def adopt(self, day: dt.date) -> None:
        self.b.hold_item(self.case, day, [  # type: ignore[arg-type]
            ("beeld", "Plan van aanpak besproken; alle acties hebben een eigenaar en een deadline."),
            ("besluit", f"Plan van aanpak vastgesteld (versie {self.plan.version})."),  # type: ignore[union-attr]
        ])
        plans.adopt(self.plan, on=day, meeting=self.b.meetings[day])  # type: ignore[arg-type]

    def actions(self, plan: Plan) -> list[Action]:
        rows = plans.actions_of(plan)
        for row in rows:
            row.plan = plan  # spare the services a lookup per action
        return rows

    def monitor(self, plan: Plan, start: dt.date, end: dt.date) -> None:
        """Status and feedback of the actions whose deadline falls in [start, end)."""
        for action in self.actions(plan):
            if action.deadline is None or not start <= action.deadline < end:
                continue
            if action.status in (ActionStatus.DONE.value, ActionStatus.CANCELLED.value):
                continue
            if action.deadline < self.b.today:
                status = self.rng.choices([ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.BUSY,
                                           ActionStatus.CANCELLED], weights=[62, 18, 15, 5])[0]
            else:
                status = self.rng.choices([ActionStatus.OPEN, ActionStatus.BUSY], weights=[55, 45])[0]
            if status != ActionStatus.OPEN:
                plans.set_action_status(action, status)
            day = min(action.deadline, self.b.today)
            if status in (ActionStatus.DONE, ActionStatus.BUSY) and self.rng.random() < 0.7:
                plans.set_feedback(action, self.rng.choice(T.SCALE_FEEDBACK), on=day)
            self.b.touch(self.case, day)  # type: ignore[arg-type]

    def escalate(self, until: dt.date) -> None:
        v = self.v
        for days_ago, level, ave, trigger in self.spec.get("escalations", []):
            day = self.b.day(days_ago)
            if day > until:
                continue
            escalation.change_level(
                self.case, to_level=level or self.case.level, to_ave=ave,  # type: ignore[arg-type, union-attr]
                trigger=self.f(trigger or v["escalation"][0]), decided_by=v["escalation"][1], decided_on=day,
            )
            Escalation.update(created_at=_at(day, 15)).where(
                (Escalation.case == self.case) & (Escalation.decided_on == day)).execute()
            self.b.touch(self.case, day)  # type: ignore[arg-type]

    def execution(self, adopt_day: dt.date) -> None:
        b, spec = self.b, self.spec
        end = self.end_day()
        evaluation = self.plan.evaluation_on  # type: ignore[union-attr]
        revise_day = _tuesday(evaluation) if spec.get("revise") == "adopt" and evaluation else None
        if revise_day is not None and revise_day >= b.today:
            revise_day = None
        stop = revise_day or end
        self.monitor(self.plan, adopt_day, stop)  # type: ignore[arg-type]
        if change := spec.get("director_change"):
            day = b.day(change[0])
            partner_id, contact_id = b.owner(change[1])
            before = _max_id(DirectorChange)
            participants.set_director(self.case, partner_id, contact_id=contact_id)  # type: ignore[arg-type]
            DirectorChange.update(at=_at(day, 14)).where(DirectorChange.id > before).execute()
            self.journal(day, "procesregie", "Casusregisseur gewisseld: de reclassering neemt het overzicht over.")
        self.escalate(end)
        self.stage_journal("execution", adopt_day + dt.timedelta(days=7), end - dt.timedelta(days=3))
        if revise_day is not None:
            self.revise(revise_day, adopt=True)
            self.monitor(self.plan, adopt_day, end)  # type: ignore[arg-type]
        if spec.get("closed"):
            self.finish_and_close(b.day(spec["closed"]))
            if spec.get("reopen"):
                self.reopen(b.day(spec["reopen"]))

    def revise(self, day: dt.date, *, adopt: bool) -> None:
        b, rng = self.b, self.rng
        old = self.plan
        new = plans.revise(old)  # type: ignore[arg-type]
        self.plan = new
        b.plan_days[new.id] = day
        actions = self.actions(new)
        late = [a for a in actions if a.status in OPEN and a.deadline and a.deadline < day]
        if late:
            plans.update_action(late[0], deadline=day + dt.timedelta(days=21))
        done = [a for a in actions if a.status == ActionStatus.DONE.value]
        if done:
            plans.delete_action(done[-1])
        partner_id, contact_id = b.owner(self.v["director"])
        movable = [a for a in actions if a.owner_partner_id not in (None, partner_id) and a.status in OPEN
                   and (not late or a.id != late[0].id)]
        if movable:  # the casusregisseur takes over a step that stalled elsewhere
            plans.update_action(movable[-1], owner_partner_id=partner_id, owner_contact_id=contact_id)
        goals = plans.goals_of(new)
        plans.add_action(new, "Evaluatie met de cliënt: wat werkt, wat moet anders?", goal=goals[0] if goals else None,
                         owner_partner_id=partner_id, owner_contact_id=contact_id,
                         deadline=day + dt.timedelta(days=rng.randint(20, 40)))
        plans.update_plan(new, evaluation_on=day + dt.timedelta(days=rng.choice([56, 63, 70])))
        b.touch(self.case, day)  # type: ignore[arg-type]
        if adopt:
            self.adopt(day)
        self.journal(day, "procesregie", "Evaluatie: plan van aanpak bijgesteld; wijzigingen met de partners doorgenomen.")

    def finish_and_close(self, day: dt.date) -> None:
        for action in self.actions(self.plan):  # type: ignore[arg-type]
            if action.status in OPEN:
                plans.set_action_status(action, ActionStatus.DONE if self.rng.random() < 0.8 else ActionStatus.CANCELLED)
        self.journal(day, "procesregie", "Afsluiting besproken met de casusregisseur en de cliënt.")
        self.close(day, self.f(self.v["closing"]))

    def close(self, day: dt.date, reason: str) -> None:
        watch = self.spec.get("watch")
        cases.close_case(
            self.case, reason, retention_years=T.RETENTION_YEARS,  # type: ignore[arg-type]
            informed="Cliënt, aanmelder en alle partners aan tafel.",
            watch_until=self.b.today + dt.timedelta(days=watch) if watch else None, closed_on=day,
        )
        self.b.touch(self.case, day)  # type: ignore[arg-type]

    def reopen(self, day: dt.date) -> None:
        case = self.case
        before = _max_id(JournalEntry)
        cases.reopen_case(case, "Terugval: nieuwe meldingen van overlast en een incident met de hond.")  # type: ignore[arg-type]
        JournalEntry.update(at=_at(day, 9, 30)).where(JournalEntry.id > before).execute()
        self.b.touch(case, day)  # type: ignore[arg-type]
        self.revise(day + dt.timedelta(days=7), adopt=False)
        self.b.pending_agenda.append(case)  # type: ignore[arg-type]
        self.journal(day + dt.timedelta(days=8), "procesregie",
                     "Concept voor versie 2 klaargezet; vaststellen in het volgende overleg.")


# -- the scale generator ----------------------------------------------------------------------

PHASE_WEIGHTS = [
    (Phase.REFERRAL, 3), (Phase.SCREENING, 3), (Phase.TRIAGE, 3), (Phase.ANALYSIS, 5),
    (Phase.MEETING, 6), (Phase.PLAN, 8), (Phase.EXECUTION, 55), (Phase.CLOSED, 17),
]
CHUNK = 1000  # cases per step (and per progress report)
HOUSEHOLD = {"huiselijk_geweld", "schulden", "woonoverlast"}
CONTACT_NAMES = {name for spec in T.PARTNERS for name, _, _ in spec["contacts"]}
LEVELS_UP = [Level.CASE.value, Level.PROCESS.value, Level.MANAGEMENT.value]


def _insert(model, fields: list, rows: list[tuple]) -> None:  # noqa: ANN001
    """insert_many in batches that stay under SQLite's limit of bound variables."""
    if not rows:
        return
    size = max(1, 30_000 // len(fields))
    for batch in chunked(rows, size):
        model.insert_many(batch, fields=fields).execute()


def _next_id(model) -> int:  # noqa: ANN001
    return (model.select(fn.MAX(model.id)).scalar() or 0) + 1


class _ScaleGenerator:
    def __init__(self, count: int, progress: Progress | None) -> None:
        self.n = count
        self.progress = progress
        self.rng = random.Random(SEED * 7 + count)
        self.today = context.today()
        self.now = _at(self.today, 8)
        self.ids: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.user = context.actor().user

    def take(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] = value + 1
        self.counts[name] = self.counts.get(name, 0) + 1
        return value

    # -- set-up ------------------------------------------------------------------------------
    def partners(self) -> None:
        now = self.now
        own = partners.own_partner()
        if own is None:
            Partner.insert(name="Zorg- en Veiligheidshuis", domain="veiligheid", convenant_signed=True,
                           is_own=True, notes="", active=True, created_at=now, updated_at=now).execute()
            own = partners.own_partner()
        self.own_id = own.id  # type: ignore[union-attr]
        self.partner_id: dict[str, int] = {}
        self.contact_id: dict[str, list[int]] = {}
        phone = 1000
        for spec in T.PARTNERS:
            partner = Partner.get_or_none(fn.lower(Partner.name) == spec["name"].lower())
            if partner is None:
                Partner.insert(name=spec["name"], domain=spec["domain"], convenant_signed=spec["convenant"],
                               is_own=False, notes="Fictieve organisatie (schaaldata).", active=True,
                               created_at=now, updated_at=now).execute()
                partner = Partner.get(Partner.name == spec["name"])
            self.partner_id[spec["key"]] = partner.id
            existing = list(Contact.select(Contact.id).where(Contact.partner == partner).order_by(Contact.id))
            if not existing:
                rows = []
                for name, function, availability in spec["contacts"]:
                    phone += 37
                    rows.append((partner.id, name, function, f"06-0000{phone:04d}", _email(name, spec["key"]),
                                 availability, True, now, now))
                _insert(Contact, [Contact.partner, Contact.name, Contact.function, Contact.phone, Contact.email,
                                  Contact.availability, Contact.active, Contact.created_at, Contact.updated_at], rows)
                existing = list(Contact.select(Contact.id).where(Contact.partner == partner).order_by(Contact.id))
            self.contact_id[spec["key"]] = [c.id for c in existing]

    def owner(self, ref: tuple[str, int | None] | None) -> tuple[int | None, int | None]:
        if ref is None:
            return None, None
        key, index = ref
        if key == "own":
            return self.own_id, None
        contacts = self.contact_id[key]
        return self.partner_id[key], contacts[min(index or 0, len(contacts) - 1)]

    def span_days(self) -> int:
        return max(3 * 365, int(self.n / 9000 * 365) + 365)

    def plan_meetings(self) -> None:
        """Weekly meetings over the whole span, and two to come."""
        first = _tuesday(self.today - dt.timedelta(days=self.span_days()))
        day, rows, self.upcoming = first, [], []
        while len(self.upcoming) < 2:
            week = day.isocalendar()[1]
            kind = "Casusoverleg" if week % 3 == 0 else "MDO"
            past = day < self.today
            rows.append((self.take("meeting"), kind, f"{kind} zorg en veiligheid, week {week}", day,
                         "closed" if past else "planned", T.MEETING_LOCATIONS[week % 3],
                         _at(day - dt.timedelta(days=7), 9), _at(day, 12) if past else None))
            if not past:
                self.upcoming.append(day)
            day += dt.timedelta(days=7)
        self.meeting_id = {r[3]: r[0] for r in rows}
        _insert(Meeting, [Meeting.id, Meeting.kind, Meeting.title, Meeting.held_on, Meeting.status,
                          Meeting.location, Meeting.created_at, Meeting.closed_at], rows)
        attendees = []
        keys = [spec["key"] for spec in T.PARTNERS]
        for row in rows:
            if row[4] != "closed":
                continue
            attendees.append((row[0], self.own_id, None, "present"))
            for key in self.rng.sample(keys, 6):
                presence = self.rng.choices(["present", "excused", "absent"], weights=[85, 10, 5])[0]
                attendees.append((row[0], self.partner_id[key], self.contact_id[key][0], presence))
        _insert(Attendee, [Attendee.meeting, Attendee.partner, Attendee.contact, Attendee.presence], attendees)

    def headers(self) -> list[tuple[str, dt.date, int]]:
        """(phase, received day, reference number) per case, oldest first; references per year."""
        span = self.span_days()
        phases = [p for p, _ in PHASE_WEIGHTS]
        weights = [w for _, w in PHASE_WEIGHTS]
        rows = []
        for _ in range(self.n):
            phase = self.rng.choices(phases, weights=weights)[0]
            if phase in (Phase.REFERRAL, Phase.SCREENING, Phase.TRIAGE):
                ago = self.rng.randint(0, 12)
            elif phase in (Phase.ANALYSIS, Phase.MEETING):
                ago = self.rng.randint(10, 30)
            elif phase == Phase.PLAN:
                ago = self.rng.randint(25, 50)
            elif phase == Phase.EXECUTION:
                ago = self.rng.randint(45, min(span, 720))
            else:
                ago = self.rng.randint(120, span)
            rows.append((phase.value, self.today - dt.timedelta(days=ago)))
        rows.sort(key=lambda r: r[1])
        numbered, per_year = [], {}
        for phase, day in rows:
            per_year[day.year] = per_year.get(day.year, 0) + 1
            numbered.append((phase, day, per_year[day.year]))
        return numbered

    # -- the cases ----------------------------------------------------------------------------
    def build(self) -> str:
        started = time.perf_counter()
        with db.atomic():
            for model, name in ((Case, "case"), (Person, "person"), (Plan, "plan"), (Goal, "goal"),
                                (Meeting, "meeting"), (MeetingItem, "item")):
                self.ids[name] = _next_id(model)
            self.partners()
            self.plan_meetings()
            headers = self.headers()
            done = 0
            for batch in chunked(headers, CHUNK):
                self.write_chunk(batch)
                done += len(batch)
                if self.progress is not None:
                    self.progress(done, self.n)
            KeyValue.insert(key="demo", value=f"scale:{self.n}").on_conflict_replace().execute()
            audit.record("demo.scale", detail=f"cases={self.n} actions={self.counts.get('action', 0)}")
        bad = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise RuleError("De schaaldata verwijzen naar ontbrekende gegevens; er is niets bewaard.")
        seconds = time.perf_counter() - started
        return (f"Schaaldata geladen: {_nl(self.n)} casussen, {_nl(self.counts.get('action', 0))} acties, "
                f"{_nl(self.counts.get('journal', 0))} journaalregels (fictieve gegevens; {_seconds(seconds)}).")

    def name(self, pool: tuple, female: bool, surname: tuple[str, str] | None = None) -> tuple[str, tuple[str, str]]:
        """A client's name from one pool; never the name of one of the demo's professionals."""
        males, females, surnames = pool
        while True:
            last = surname or self.rng.choice(surnames)
            first = self.rng.choice(females if female else males)
            name = f"{first} {last[1] if female else last[0]}"
            if name not in CONTACT_NAMES:
                return name, last

    def write_chunk(self, batch: Iterable[tuple[str, dt.date, int]]) -> None:
        rng, today = self.rng, self.today
        r: dict[str, list[tuple]] = {k: [] for k in (
            "case", "person", "case_person", "participant", "director", "plan", "goal", "action", "agreement",
            "assessment", "perspective", "journal", "item", "note", "escalation", "search")}
        vignette_keys = list(T.VIGNETTES)
        order = [p.value for p in Phase]
        for phase, received, number in batch:
            case_id = self.take("case")
            v_key = rng.choice(vignette_keys)
            v = T.VIGNETTES[v_key]
            pool = rng.choice(T.NAME_POOLS)
            # persons
            female = v_key == "mensenhandel" or rng.random() < 0.45
            client_name, surname = self.name(pool, female)
            age = rng.randint(16, 24) if v_key in ("jongere", "mensenhandel", "radicalisering") else rng.randint(25, 64)
            street = rng.choice(T.STREETS)
            address = f"{street} {rng.randint(1, 220)}, {T.PLACE}"
            people = [(client_name, _birth_date(rng, today, age), "client" if v_key not in HOUSEHOLD else "parent")]
            if v_key in HOUSEHOLD:
                for _ in range(rng.randint(1, 3)):
                    child, _ = self.name(pool, rng.random() < 0.5, surname)
                    people.append((child, _birth_date(rng, today, rng.randint(3, 17)), "child"))
            elif rng.random() < 0.3:
                parent, _ = self.name(pool, True, surname)
                people.append((parent, _birth_date(rng, today, age + rng.randint(20, 30)), "parent"))
            for position, (person_name, born, role) in enumerate(people):
                person_id = self.take("person")
                r["person"].append((person_id, person_name, born, address, "", _at(received, 9, 15)))
                r["case_person"].append((case_id, person_id, role, position))
            title = f"Gezin {surname[0]}" if v_key in HOUSEHOLD and len(people) > 2 else client_name
            fmt = {"first": client_name.split()[0], "age": str(_age_on(people[0][1], received)), "street": street}
            reason = v["reason"].format(**fmt)
            reference = f"{received.year}-{number:04d}"
            # phase facts
            closed = phase == Phase.CLOSED.value
            reached = order.index(phase)
            triage, triage_reason = "", ""
            if reached >= order.index(Phase.ANALYSIS.value):
                triage, triage_reason = TriageOutcome.TAKE_ON.value, v["triage"]
            if closed and rng.random() < 0.15:
                triage, triage_reason = rng.choice(T.SCALE_TRIAGE_OTHER)
            has_plan = reached >= order.index(Phase.ANALYSIS.value) and triage == TriageOutcome.TAKE_ON.value
            first_meeting = _tuesday(received + dt.timedelta(days=14))
            met = has_plan and first_meeting < today and reached >= order.index(Phase.MEETING.value)
            has_director = met and (phase != Phase.MEETING.value or rng.random() < 0.5)
            met = met and has_director  # a meeting without a casusregisseur has not ended yet
            adopted = has_director and phase in (Phase.EXECUTION.value, Phase.CLOSED.value)
            closed_on = None
            if closed:
                closed_on = min(received + dt.timedelta(days=rng.randint(60, 400) if adopted else rng.randint(10, 40)),
                                today - dt.timedelta(days=1))
            end = closed_on or today
            # participants
            table = list(dict.fromkeys(v["partners"]))
            extra = [(k, 0) for k in rng.sample(list(self.partner_id), 3) if k not in {p for p, _ in table}]
            table += extra[: rng.randint(0, 2)]
            director_key = v["director"] if has_director else None
            if rng.random() < 0.25 and has_director:  # another partner is casusregisseur here
                director_key = rng.choice(table[1:]) if len(table) > 1 else director_key
            for index, (key, contact_index) in enumerate(table):
                partner_id, contact_id = self.owner((key, contact_index))
                role = ParticipantRole.REFERRER.value if index == 0 else ParticipantRole.MEMBER.value
                if director_key is not None and key == director_key[0]:
                    role = ParticipantRole.CASE_DIRECTOR.value
                if reached >= order.index(Phase.SCREENING.value):
                    status = rng.choices(["known", "not_known", "no_answer", "asked"], weights=[60, 28, 6, 6])[0]
                    check_on, basis = received + dt.timedelta(days=rng.randint(1, 5)), _grondslag(key)
                    check_on = min(check_on, today)
                else:
                    status, check_on, basis = CheckStatus.NOT_ASKED.value, None, ""
                r["participant"].append((case_id, partner_id, contact_id, role, status, check_on, basis,
                                         _at(received, 9)))
                if role == ParticipantRole.CASE_DIRECTOR.value:
                    r["director"].append((case_id, partner_id, contact_id, _at(first_meeting, 11), self.user))
            # plan
            last_change = received
            ave = rng.choices(["1", "2", "3", "4"], weights=[35, 40, 20, 5])[0]
            level = Level.CASE.value
            informed = rng.random() > 0.06
            if has_plan:
                plan_id = self.take("plan")
                status = PlanStatus.ADOPTED.value if adopted else PlanStatus.CONCEPT.value
                adopt_day = first_meeting + dt.timedelta(days=14) if adopted else None
                if adopt_day is not None and adopt_day >= end:
                    adopt_day = first_meeting
                director_ids = self.owner(director_key) if director_key else (None, None)
                evaluation = (adopt_day or first_meeting) + dt.timedelta(days=rng.choice([56, 70, 84, 112]))
                if adopted and not closed and evaluation < today - dt.timedelta(days=60):
                    evaluation = today + dt.timedelta(days=rng.randint(-30, 90))
                r["plan"].append((plan_id, case_id, 1, status, v["shared_task"].format(**fmt),
                                  v["client_view"].format(**fmt), director_ids[0], director_ids[1],
                                  evaluation if has_director else None, adopt_day,
                                  self.meeting_id.get(adopt_day) if adopt_day else None, False,
                                  _at(received + dt.timedelta(days=8), 10), _at(end, 15)))
                for domain, strengths, concerns in rng.sample(v["assessments"], min(3, len(v["assessments"]))):
                    r["assessment"].append((plan_id, domain, strengths.format(**fmt), concerns.format(**fmt)))
                for key in rng.sample(sorted(v["perspectives"]), min(2, len(v["perspectives"]))):
                    r["perspective"].append((plan_id, self.partner_id[key], v["perspectives"][key].format(**fmt)))
                if met:
                    for position, (body, key) in enumerate(v["agreements"][: rng.randint(1, 3)]):
                        r["agreement"].append((plan_id, position, body.format(**fmt),
                                               self.partner_id[key] if key else None))
                    self.actions(r, plan_id, v, fmt, table, adopt_day or first_meeting, end, closed, adopted)
                    last_change = max(last_change, min(end, today))
            # meetings: a past meeting closed its item with a casusregisseur (the Breda rule);
            # cases still without one, or with a plan to adopt, are on a coming agenda
            if met and director_key is not None:
                item_id = self.take("item")
                r["item"].append((item_id, self.meeting_id[first_meeting], case_id, 0, "closed",
                                  *self.owner(director_key), _at(first_meeting, 11, 30)))
                for tag, body in v["notes"][: rng.randint(1, 3)]:
                    r["note"].append((item_id, tag, body.format(**fmt), _at(first_meeting, 10, 45)))
                last_change = max(last_change, first_meeting)
            if phase == Phase.PLAN.value or (phase == Phase.MEETING.value and director_key is None):
                upcoming = self.meeting_id[rng.choice(self.upcoming)]
                r["item"].append((self.take("item"), upcoming, case_id, 0, "open", None, None, None))
            # escalation
            if adopted and rng.random() < 0.07:
                day = min(end, first_meeting + dt.timedelta(days=rng.randint(20, 90)))
                to_ave = str(min(4, int(ave) + 1))
                r["escalation"].append((case_id, level, Level.PROCESS.value, ave, to_ave, v["escalation"][0].format(**fmt),
                                        v["escalation"][1], day, _at(day, 15)))
                level, ave = Level.PROCESS.value, to_ave
            # journal
            days = max((end - received).days, 1)
            for _ in range(rng.randint(2, 4)):
                day = received + dt.timedelta(days=rng.randint(0, days))
                hat, body = rng.choice(T.SCALE_JOURNAL)
                r["journal"].append((case_id, _at(day, rng.randint(8, 17), rng.choice([0, 15, 30, 45])),
                                     self.user, hat, body))
                self.counts["journal"] = self.counts.get("journal", 0) + 1
                last_change = max(last_change, day)
            # the case row
            referrer_key, referrer_index = table[0]
            referrer_partner, referrer_contact = self.owner((referrer_key, referrer_index))
            retention = cases.retention_end_for(closed_on, T.RETENTION_YEARS) if closed_on else None
            if closed_on:
                last_change = closed_on
            r["case"].append((
                case_id, reference, title, phase, ave, level,
                "advice" if rng.random() < 0.08 else "direction",
                referrer_partner, referrer_contact, "", reason, v["goal"].format(**fmt), received,
                informed, "" if informed else v.get("not_informed", "Informeren schaadt de veiligheid van anderen."),
                None if informed else today + dt.timedelta(days=rng.randint(-20, 60)),
                triage, triage_reason,
                rng.choice(T.SCALE_CLOSING) if closed else "", "Cliënt en partners aan tafel." if closed else "",
                closed_on, retention, None, _at(received, 9, 15), _at(min(last_change, today), 16, 20),
            ))
            names = " ".join(p[0] for p in people)
            r["search"].append((case_id, reference.replace("-", " ") + " " + reference, f"{title} {names}", reason))
        self.flush(r)

    def actions(self, r: dict, plan_id: int, v: dict, fmt: dict, table: list, start: dt.date, end: dt.date,
                closed: bool, adopted: bool) -> None:
        rng, today = self.rng, self.today
        goals = v["goals"][: rng.randint(2, len(v["goals"]))]
        pool = [(g_index, body, owner) for g_index, (_, _, actions) in enumerate(goals) for body, owner in actions]
        wanted = rng.randint(10, 15)
        if len(pool) < wanted:  # pad with generic steps, owned by a partner at the table
            for body in rng.sample(T.SCALE_ACTIONS, min(wanted - len(pool), len(T.SCALE_ACTIONS))):
                pool.append((rng.randrange(len(goals)), body, rng.choice(table)))
        goal_ids = []
        for position, (intent, domain, _) in enumerate(goals):
            goal_id = self.take("goal")
            goal_ids.append(goal_id)
            r["goal"].append((goal_id, plan_id, position, intent.format(**fmt), domain))
        horizon = max(14, (today - start).days + 90)
        if len(pool) > wanted:
            pool = [pool[i] for i in sorted(rng.sample(range(len(pool)), wanted))]
        for position, (g_index, body, owner) in enumerate(pool):
            if owner is None and rng.random() < 0.85:
                owner = rng.choice(table)  # usually someone does pick it up
            elif rng.random() < 0.004:
                owner = None  # niemands taak
            partner_id, contact_id = self.owner(owner)
            deadline = start + dt.timedelta(days=rng.randint(7, horizon))
            if closed:
                deadline = min(deadline, end)
                status = rng.choices(["done", "cancelled"], weights=[88, 12])[0]
            elif not adopted:
                status = "open"
            elif deadline < today:
                status = rng.choices(["done", "open", "busy", "cancelled"], weights=[70, 15, 10, 5])[0]
            else:
                status = rng.choices(["open", "busy", "done"], weights=[55, 35, 10])[0]
            feedback, feedback_on = "", None
            if status in ("done", "busy") and rng.random() < 0.6:
                feedback, feedback_on = rng.choice(T.SCALE_FEEDBACK), min(deadline, today)
            self.counts["action"] = self.counts.get("action", 0) + 1
            stamp = _at(start, 10)
            r["action"].append((plan_id, goal_ids[g_index], position, body.format(**fmt), partner_id, contact_id,
                                deadline, status, feedback, feedback_on, owner is None and adopted, stamp, stamp))

    def flush(self, r: dict[str, list[tuple]]) -> None:
        _insert(Case, [Case.id, Case.reference, Case.title, Case.phase, Case.ave_phase, Case.level, Case.zvh_role,
                       Case.referrer_partner, Case.referrer_contact, Case.referrer_citizen, Case.reason,
                       Case.referral_goal, Case.received_on, Case.informed, Case.not_informed_reason,
                       Case.informed_review_on, Case.triage_outcome, Case.triage_reason, Case.closing_reason,
                       Case.closing_informed, Case.closed_on, Case.retention_end, Case.watch_until,
                       Case.created_at, Case.updated_at], r["case"])
        _insert(Person, [Person.id, Person.name, Person.date_of_birth, Person.address, Person.notes,
                         Person.created_at], r["person"])
        _insert(CasePerson, [CasePerson.case, CasePerson.person, CasePerson.role, CasePerson.position],
                r["case_person"])
        _insert(Participant, [Participant.case, Participant.partner, Participant.contact, Participant.role,
                              Participant.check_status, Participant.check_on, Participant.check_basis,
                              Participant.added_at], r["participant"])
        _insert(DirectorChange, [DirectorChange.case, DirectorChange.partner, DirectorChange.contact,
                                 DirectorChange.at, DirectorChange.by], r["director"])
        _insert(Plan, [Plan.id, Plan.case, Plan.version, Plan.status, Plan.shared_task, Plan.client_view,
                       Plan.director_partner, Plan.director_contact, Plan.evaluation_on, Plan.adopted_on,
                       Plan.adopted_in, Plan.superseded, Plan.created_at, Plan.updated_at], r["plan"])
        _insert(Assessment, [Assessment.plan, Assessment.life_domain, Assessment.strengths, Assessment.concerns],
                r["assessment"])
        _insert(Perspective, [Perspective.plan, Perspective.partner, Perspective.text], r["perspective"])
        _insert(Goal, [Goal.id, Goal.plan, Goal.position, Goal.intent, Goal.life_domain], r["goal"])
        _insert(Action, [Action.plan, Action.goal, Action.position, Action.text, Action.owner_partner,
                         Action.owner_contact, Action.deadline, Action.status, Action.feedback, Action.feedback_on,
                         Action.nobody_accepted, Action.created_at, Action.updated_at], r["action"])
        _insert(Agreement, [Agreement.plan, Agreement.position, Agreement.text, Agreement.partner], r["agreement"])
        _insert(MeetingItem, [MeetingItem.id, MeetingItem.meeting, MeetingItem.case, MeetingItem.position,
                              MeetingItem.status, MeetingItem.director_partner, MeetingItem.director_contact,
                              MeetingItem.closed_at], r["item"])
        _insert(MeetingNote, [MeetingNote.item, MeetingNote.tag, MeetingNote.text, MeetingNote.created_at],
                r["note"])
        _insert(Escalation, [Escalation.case, Escalation.from_level, Escalation.to_level, Escalation.from_ave,
                             Escalation.to_ave, Escalation.trigger, Escalation.decided_by, Escalation.decided_on,
                             Escalation.created_at], r["escalation"])
        _insert(JournalEntry, [JournalEntry.case, JournalEntry.at, JournalEntry.author, JournalEntry.hat,
                               JournalEntry.text], r["journal"])
        _insert(CaseSearch, [CaseSearch.rowid, CaseSearch.reference, CaseSearch.names, CaseSearch.text],
                r["search"])


__all__ = ["ALREADY_FILLED", "load_demo"]
