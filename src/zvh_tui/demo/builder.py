"""Demo data: a hand-made, fictional profile (`zvh demo`); `zvh demo --scale N` is in scale.py.

The demo profile is built through the services, case by case along its own timeline, so every
rule of the trade holds and the data is exactly what a user could have made. Dates are relative to
`context.today()`, so overdue actions and coming meetings show on any day. Where a service stamps
the wall clock (journal entries, closing times, last change), the date is set afterwards on the
row. Deterministic: a fixed random seed and a fixed order.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager

from peewee import fn

from zvh_tui.core import i18n
from zvh_tui.core.i18n import _, ngettext
from zvh_tui.core.vocab import (
    ActionStatus,
    CheckStatus,
    NextKind,
    ParticipantRole,
    Phase,
    Presence,
    ProvisionKind,
    TriageOutcome,
)
from zvh_tui.demo import texts as T
from zvh_tui.demo.common import (
    ADVICE_LEVEL,
    ALREADY_FILLED,
    INTAKE_LEVEL,
    OWN_PARTNER,
    SEED,
    Progress,
    Roster,
    _at,
    _birth_date,
    _grondslag,
    _max_id,
    _seconds,
    _tuesday,
    _working_day,
    contact_cards,
    meeting_header,
    placeholders,
    regisseur,
    require_empty,
)
from zvh_tui.demo.scale import load_scale
from zvh_tui.services.cases import escalation, journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants, provisions
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store import ids
from zvh_tui.store.models import (
    Action,
    Advice,
    Case,
    CasePerson,
    Contact,
    DirectorChange,
    Escalation,
    JournalEntry,
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Person,
    Plan,
    Provision,
    db,
)

OPEN = (ActionStatus.OPEN.value, ActionStatus.BUSY.value)
# Steps a casusregisseur can take over from a partner at a revision (not a specialist's task such
# as a criminal investigation or a treatment).
MOVABLE_KINDS = {"talk", "arrange", "inform", "apply"}


def load_demo(scale: int | None = None, progress: Progress | None = None, profile: Profile | None = None) -> str:
    """Fill an empty, unlocked profile with demo data (or `scale` generated cases, scale.py);
    return a one-line summary (in the language of the moment). With `profile`, its settings get the demo's bewaartermijn
    when none is set, so a demo case can be closed (close_case needs the term)."""
    if scale is not None:
        summary = load_scale(scale, progress)
    else:
        require_empty()
        summary = _DemoBuilder().build()
    if profile is not None and use_demo_retention(profile):
        summary += " " + ngettext(
            "Bewaartermijn ingesteld op {n} jaar (het fictieve convenant); wijzig die bij Instellingen.",
            "Bewaartermijn ingesteld op {n} jaar (het fictieve convenant); wijzig die bij Instellingen.",
            T.RETENTION_YEARS).format(n=T.RETENTION_YEARS)
    return summary


def use_demo_retention(profile: Profile) -> bool:
    """The (fictional) convenant's bewaartermijn in the profile's settings, unless one is set
    already; True if it was set. Closing a case refuses without a term."""
    if profile.settings.retention_years is not None:
        return False
    profile.settings.retention_years = T.RETENTION_YEARS
    try:
        profile.save_settings()
    except BaseException:
        profile.settings.retention_years = None
        raise
    return True


@contextmanager
def _clock(day: dt.date) -> Iterator[None]:
    """Let one service call happen on `day` (the reference year of a case); then restore."""
    before = context._today  # restored exactly, frozen or not
    context.set_today(day)
    try:
        yield
    finally:
        context.set_today(before)


# -- the hand-made demo -----------------------------------------------------------------------

class _DemoBuilder:
    """Plays each demo case along its timeline through the services."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.today = context.today()
        self.roster: Roster  # set by build_partners
        self.meetings: dict[dt.date, Meeting] = {}
        self.last: dict[int, dt.date] = {}  # case id -> day of the last change
        self.received: dict[int, dt.date] = {}
        self.pending_agenda: list[Case] = []  # cases for the coming meeting
        self.attendance: dict[tuple[int, int, int | None], Presence] = {}  # per meeting, drawn once
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
            own = Partner.create(**OWN_PARTNER)
            audit.record("create", object_type="partner", object_id=own.id)
        partner_ids: dict[str, int] = {}
        contact_ids: dict[str, list[int]] = {}
        unsigned: set[str] = set()
        cards = contact_cards()
        for spec in T.PARTNERS:
            existing = Partner.get_or_none(fn.lower(Partner.name) == spec["name"].lower())
            partner = existing or partners.create_partner(
                spec["name"], spec["domain"], spec["convenant"],
                notes="Fictieve organisatie (demogegevens)." + ("" if spec["convenant"] else  # i18n: demo data, stored
                                                                " Privacyconvenant nog niet getekend."),  # i18n: demo data, stored
            )
            partner_ids[spec["key"]] = partner.id
            if not partner.convenant_signed:  # as the profile has it (an existing partner is kept)
                unsigned.add(spec["key"])
            known = {c.name: c for c in partners.contacts_of(partner, include_inactive=True)}
            contact_ids[spec["key"]] = [(known.get(card["name"]) or partners.add_contact(partner, **card)).id
                                        for card in cards[spec["key"]]]
        self.roster = Roster(own.id, partner_ids, contact_ids, frozenset(unsigned))

    # -- meetings ---------------------------------------------------------------------------
    def meeting_on(self, day: dt.date) -> Meeting:
        meeting = self.meetings.get(day)
        if meeting is None:
            header = meeting_header(day)
            meeting = meetings.create_meeting(header["kind"], day, title=header["title"],
                                              location=header["location"], start_time="09:30")
            self.meetings[day] = meeting
        return meeting

    def hold_item(self, case: Case, day: dt.date, notes: list[T.NoteSpec], *,
                  director: T.Ref | None = None, close: bool = True) -> None:
        """Put the case on the agenda of the meeting of `day`, with attendance and notes."""
        meeting = self.meeting_on(day)
        item = meetings.add_item(meeting, case)
        if day <= self.today:
            with _clock(day):
                self.live_item(meeting, item, day, notes, director, close)
            MeetingNote.update(created_at=_at(day, 10, 45)).where(MeetingNote.item == item).execute()
            self.touch(case, day)

    def live_item(self, meeting: Meeting, item: MeetingItem, day: dt.date, notes: list[T.NoteSpec],
                  director: T.Ref | None, close: bool) -> None:
        """The item as the live meeting records it (services/meetings/live.py), on `day`."""
        live.start_meeting(meeting, now=_at(day, 9))
        present = [(self.roster.own_id, None)] + [
            (row.partner_id, row.contact_id) for row in participants.participants_of(item.case)]
        for partner_id, contact_id in present:
            key = (meeting.id, partner_id, contact_id)
            if key not in self.attendance:  # drawn once per meeting: one partner, one answer
                self.attendance[key] = Presence.PRESENT if partner_id == self.roster.own_id else self.rng.choices(
                    [Presence.PRESENT, Presence.EXCUSED, Presence.ABSENT], weights=[88, 8, 4])[0]
            live.mark(item, partner_id, contact_id, self.attendance[key], now=_at(day, 10))
        for note in notes:
            live.set_phase(item, note.tag)
            if note.tag == "besluit":
                live.add_decision(item, note.text)
            else:
                live.add_note(item, note.text)
        if director is not None:
            partner_id, contact_id = self.roster.owner(director)
            before = _max_id(DirectorChange)
            live.set_director(item, partner_id, contact_id)  # type: ignore[arg-type]
            DirectorChange.update(at=_at(day, 11)).where(DirectorChange.id > before).execute()
        if close:
            current = cases.director_of(item.case)
            if live.close_blocker(item) == "director" and current is not None:  # agreed earlier
                named = current.contact_id or partners.contacts_of(current.partner)[0].id
                live.set_director(item, current.partner_id, named)
            concept = plans.current(item.case)
            evaluation = concept.evaluation_on if concept is not None else None
            if evaluation is not None and evaluation >= day:
                live.set_next(item, evaluation)
            else:  # a terugkom-overleg: leaves a concept's (missing) evaluation date as the demo wrote it
                live.set_next(item, day + dt.timedelta(weeks=6),
                              NextKind.EVALUATION if concept is None else NextKind.RETURN)
            live.close_item(MeetingItem.get_by_id(item.id), now=_at(day, 11, 30))

    def close_meetings(self) -> None:
        for day, meeting in sorted(self.meetings.items()):
            if day <= self.today:
                live.close_meeting(meeting)
                Meeting.update(closed_at=_at(day, 12), created_at=_at(day - dt.timedelta(days=7), 9)).where(
                    Meeting.id == meeting.id).execute()
                self.send_minutes(meeting, day)

    def send_minutes(self, meeting: Meeting, day: dt.date) -> None:
        """The besluitenlijst the same afternoon, the verslag the next working day (the
        verstrekkingenlog, services/partners/provisions.py), so no term has passed."""
        chair = regisseur(meeting.id)  # the procesregisseur who chaired and sent them
        before = _max_id(Provision)
        provisions.record_meeting(meeting, ProvisionKind.DECISIONS, fmt="html")
        Provision.update(at=_at(day, 15), by=chair).where(Provision.id > before).execute()
        before = _max_id(Provision)
        provisions.record_meeting(meeting, ProvisionKind.MINUTES, fmt="html")
        Provision.update(at=_at(provisions.add_working_days(day, 1), 10), by=chair).where(
            Provision.id > before).execute()

    # -- one case ---------------------------------------------------------------------------
    def build(self) -> str:
        started = time.perf_counter()
        with db.atomic():
            self.build_partners()
            specs = sorted(T.DEMO_CASES, key=lambda s: -s["received"])  # references in date order
            for number, spec in enumerate(specs):
                _DemoCase(self, spec, regisseur(number)).play()
            upcoming = _tuesday(self.today + dt.timedelta(days=2))
            for case in self.pending_agenda:
                self.hold_item(case, upcoming, [])
            self.close_meetings()
            self.fix_case_times()
            self.fix_own_reasons()
            ids.put_fact("demo", "demo")
            audit.record("demo.load", detail=f"cases={len(specs)}")
        counts = {
            "cases": Case.select().count(),
            "partners": Partner.select().where(Partner.is_own == False).count(),  # noqa: E712
            "contacts": Contact.select().count(),
            "actions": Action.select().count(),
            "meetings": Meeting.select().count(),
        }
        seconds = time.perf_counter() - started
        return _(
            "Demo geladen: {cases} casussen, {partners} partners, {contacts} contactpersonen, "
            "{actions} acties, {meetings} overleggen (fictieve gegevens; {seconds})."
        ).format(**{key: i18n.format_number(value) for key, value in counts.items()},
                 seconds=_seconds(seconds))

    def fix_own_reasons(self) -> None:
        """Every action of our own house carries its reason (schema v6 `own_reason`, the taartpunt
        check), in the revised versions too (plans.revise does not copy it yet). Written on the
        rows: the taartpunt service is not on main yet."""
        reasons = {step.text: step.own_reason for v in T.VIGNETTES.values() for goal in v["goals"]
                   for step in goal.steps if step.own_reason}
        for action in Action.select().where((Action.owner_partner == self.roster.own_id) & (Action.own_reason == "")):
            reason = reasons.get(action.text, "Tijdelijk door het ZVH; terugleggen bij een partner in het volgende overleg.")  # i18n: demo data, stored
            Action.update(own_reason=reason).where(Action.id == action.id).execute()

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

    def __init__(self, builder: _DemoBuilder, spec: dict, author: str) -> None:
        self.b = builder
        self.spec = spec
        self.v = T.VIGNETTES[spec["v"]]
        self.rng = builder.rng
        self.author = author  # the procesregisseur of this case (T.REGISSEURS)
        self.case: Case | None = None
        self.plan: Plan | None = None
        self.fmt: dict[str, str] = {}
        self.kinds: dict[str, str] = {}  # action text -> kind (which terugkoppeling fits it)

    @property
    def advice_track(self) -> bool:
        return self.spec.get("zvh_role") == "advice"

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

    def addresses(self) -> list[str]:
        """One household, one address (the vignette's own, if it has one); a father on a
        tijdelijk huisverbod (the not-informed person of the domestic-violence vignette) lives
        elsewhere for now."""
        rng = self.rng
        home = self.v.get("address") or f"{rng.choice(T.STREETS)} {rng.randint(2, 180)}, {T.PLACE}"
        rows = [home] * len(self.spec["persons"])
        away = self.v.get("not_informed_person")
        if away is not None and away < len(rows) and "huisverbod" in self.v["reason"]:
            rows[away] = f"Tijdelijk verblijfadres (huisverbod): {rng.choice(T.STREETS)} {rng.randint(2, 180)}, {T.PLACE}"
        return rows

    def play(self) -> None:
        b, spec, rng = self.b, self.spec, self.rng
        received = b.day(spec["received"])
        informed = spec.get("informed_no") is None
        away = -1 if informed else self.v.get("not_informed_person", 0)  # informed per betrokkene
        persons = []
        for index, (person, address) in enumerate(zip(spec["persons"], self.addresses(), strict=True)):
            persons.append(cases.NewPerson(name=person.name, date_of_birth=_birth_date(rng, b.today, person.age),
                                           role=person.role, address=address, informed=index != away))
        first = persons[0]
        self.fmt = placeholders(first.name, first.date_of_birth, received)  # type: ignore[arg-type]
        asker = self.v["advice"].asked_by if self.advice_track else self.v["partners"][0]
        referrer_partner, referrer_contact = b.roster.owner(asker)
        citizen = spec.get("citizen", "")
        not_informed = self.v.get("not_informed", "Informeren schaadt de veiligheid.")  # i18n: demo data, stored
        review = None if informed else _working_day(b.today + dt.timedelta(days=spec["informed_no"]))
        data = cases.NewCase(
            persons=persons,
            title=spec.get("title", ""),
            referrer_partner_id=None if citizen else referrer_partner,
            referrer_contact_id=None if citizen else referrer_contact,
            referrer_citizen=citizen,
            reason=self.f(self.v["reason"]),
            referral_goal=self.f(self.v["goal"]),
            received_on=received,
            not_informed_reason="" if informed else not_informed,  # for the one not informed
            informed_review_on=review,
            zvh_role=spec.get("zvh_role", "direction"),
        )
        with _clock(received):
            case = cases.create_case(data)
        self.case = case
        self.intake(case, None if citizen else referrer_partner, informed, not_informed, review)
        b.received[case.id] = received
        b.touch(case, received)
        try:
            self.timeline(case, received)
        finally:
            self.sign(case)

    def intake(self, case: Case, referrer: int | None, informed: bool, reason: str, review: dt.date | None) -> None:
        """What the aanmelding holds beyond create_case on main, written on the rows (the
        services for these are being built: AVE defaults at triage, namens per case, informed
        per betrokkene): the levels where the case sits, on whose behalf the house works (the
        aanmelder; a citizen's melding on behalf of the own house) and, per person, informed or
        not with reason and review date."""
        ave, level = ADVICE_LEVEL if self.advice_track else INTAKE_LEVEL
        Case.update(ave_phase=ave, level=level, on_behalf_partner=referrer or self.b.roster.own_id).where(
            Case.id == case.id).execute()
        case.ave_phase, case.level = ave, level
        case.on_behalf_partner = referrer or self.b.roster.own_id
        audit.record("update", case=case, object_type="case", object_id=case.id,
                     detail="ave_phase,level,on_behalf_partner")
        if not informed:
            row = CasePerson.get((CasePerson.case == case.id)
                                 & (CasePerson.position == self.v.get("not_informed_person", 0)))
            CasePerson.update(informed=False, not_informed_reason=reason, informed_review_on=review).where(
                CasePerson.id == row.id).execute()
            audit.record("update", case=case, person_id=row.person_id, object_type="person",
                         object_id=row.person_id, detail="informed")

    def sign(self, case: Case) -> None:
        """The case's procesregisseur is the author of its journal and of its changes of
        casusregisseur, not whoever loaded the demo (the audit log keeps the loader)."""
        JournalEntry.update(author=self.author).where(JournalEntry.case == case.id).execute()
        DirectorChange.update(by=self.author).where(DirectorChange.case == case.id).execute()

    def timeline(self, case: Case, received: dt.date) -> None:
        b, spec = self.b, self.spec
        if not self.reached(Phase.SCREENING):
            self.journal(received, "procesregie", "Aanmelding ontvangen; aanmelder gebeld voor aanvullende vragen.")  # i18n: demo data, stored
            return
        self.screening(received)
        if not self.reached(Phase.TRIAGE):
            return
        day = received + dt.timedelta(days=6)
        cases.move_phase(case, Phase.TRIAGE)
        b.touch(case, day)
        if self.advice_track:  # advies aan de melder; the case stays at triage until the follow-up
            self.advise(day)
            if not spec.get("switch"):
                return
            day += dt.timedelta(days=1)
            self.switch(day, self.f(spec["switch"]))
        if self.target == Phase.TRIAGE.value:
            return
        # triage is the regisseur's selection of the process (procesregie): a ZVH issues no
        # beschikkingen, so never the hat beschikken
        if spec.get("triage") == "refer":
            cases.set_triage(case, TriageOutcome.REFER, self.f(spec["triage_reason"]))
            self.journal(day, "procesregie", "Triage: doorverwezen; de aanmelder is geïnformeerd.")  # i18n: demo data, stored
            self.close(b.day(spec["closed"]), "Doorverwezen na triage; geen regie door het ZVH nodig.")  # i18n: demo data, stored
            return
        cases.set_triage(case, TriageOutcome.TAKE_ON, self.v["triage"])
        self.journal(day, "procesregie", "Triage in het weekoverleg: oppakken.")  # i18n: demo data, stored
        self.analysis(received + dt.timedelta(days=8))
        if not self.reached(Phase.MEETING):
            return
        cases.move_phase(case, Phase.MEETING)
        first_meeting = _tuesday(received + dt.timedelta(days=14))
        if spec.get("no_director") or first_meeting > b.today - dt.timedelta(days=1):
            b.pending_agenda.append(case)
            return
        self.stage_journal("meeting", first_meeting - dt.timedelta(days=3))
        notes = [T.NoteSpec(note.tag, self.f(note.text)) for note in self.v["notes"]]
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
    def advise(self, day: dt.date) -> None:
        """The advice track: the local professional's question answered, the regie stays local,
        a follow-up date (written on the Advice row: the advice service is not on main yet)."""
        b, case, spec = self.b, self.case, self.v["advice"]
        cases.set_triage(case, TriageOutcome.ADVICE, T.ADVICE_TRIAGE)  # type: ignore[arg-type]
        partner_id, contact_id = b.roster.owner(spec.asked_by)
        row = Advice.create(
            case=case, asked_by_partner=partner_id, asked_by_contact=contact_id, asked_on=b.received[case.id],  # type: ignore[union-attr]
            question=self.f(spec.question), advice=self.f(spec.advice), given_to=spec.given_to, given_on=day,
            regie_partner=b.roster.partner_ids[spec.regie],
            follow_up_on=_working_day(day + dt.timedelta(days=spec.follow_up_days)), by=self.author,
            created_at=_at(day, 14), updated_at=_at(day, 14),
        )
        audit.record("create", case=case, object_type="advice", object_id=row.id)
        self.journal(day, "procesregie", "Triage: advies aan de melder; de regie blijft lokaal. Vervolgafspraak gepland.")  # i18n: demo data, stored

    def switch(self, day: dt.date, why: str) -> None:
        """From advice to procesregie, the advice kept: the role through cases.update_case, the
        step up to AVE 3 · procesniveau recorded as an opschaling, the reason in the journal."""
        case = self.case
        with _clock(day):
            cases.update_case(case, zvh_role="direction")  # type: ignore[arg-type]
            escalation.change_level(case, to_level=INTAKE_LEVEL[1], to_ave=INTAKE_LEVEL[0], trigger=why,  # type: ignore[arg-type]
                                    decided_by="procesregisseur in het triageoverleg", decided_on=day)  # i18n: demo data, stored
        Escalation.update(created_at=_at(day, 15)).where(Escalation.case == case).execute()  # type: ignore[arg-type]
        self.journal(day, "procesregie", f"Rol van het ZVH gewijzigd: van advies naar procesregie. {why}")  # i18n: demo data, stored
        self.spec = {**self.spec, "zvh_role": "direction"}

    def journal(self, day: dt.date, hat: str, body: str) -> None:
        if day > self.b.today:
            return
        entry = journal.add_entry(self.case, self.f(body), hat=hat)  # type: ignore[arg-type]
        JournalEntry.update(at=_at(day, self.rng.randint(8, 17), self.rng.choice([0, 10, 25, 40, 55]))).where(
            JournalEntry.id == entry.id).execute()
        self.b.touch(self.case, day)  # type: ignore[arg-type]

    def stage_journal(self, stage: str, start: dt.date, end: dt.date | None = None) -> None:
        """The vignette's journal lines of one stage, spread from `start` (to `end`)."""
        entries = [line for line in self.v["journal"] if line.stage == stage]
        span = max(((end or start) - start).days, len(entries))
        for index, line in enumerate(entries):
            self.journal(start + dt.timedelta(days=span * index // max(len(entries), 1)), line.hat, line.text)

    def screening(self, received: dt.date) -> None:
        b, case = self.b, self.case
        cases.move_phase(case, Phase.SCREENING)  # type: ignore[arg-type]
        for ref in self.v["partners"]:
            partner_id, contact_id = b.roster.owner(ref)
            if partner_id == case.referrer_partner_id:  # type: ignore[union-attr]
                continue  # the aanmelder is at the table already
            participants.add_participant(case, partner_id, contact_id=contact_id)  # type: ignore[arg-type]
        pending = self.target == Phase.SCREENING.value
        for number, row in enumerate(participants.participants_of(case)):  # type: ignore[arg-type]
            row.case = case  # spare the services a lookup
            key = b.roster.key_of(row.partner_id)
            if row.role == ParticipantRole.REFERRER.value:
                status = CheckStatus.KNOWN
            elif pending:
                status = [CheckStatus.ASKED, CheckStatus.KNOWN, CheckStatus.NO_ANSWER][number % 3]
            else:
                status = self.rng.choices([CheckStatus.KNOWN, CheckStatus.NOT_KNOWN, CheckStatus.NO_ANSWER],
                                          weights=[65, 28, 7])[0]
            day = min(received + dt.timedelta(days=1 + number), b.today)
            participants.set_check(row, status, on=day, basis=_grondslag(key, b.roster.unsigned))
            b.touch(case, day)  # type: ignore[arg-type]
        self.journal(min(received + dt.timedelta(days=1), b.today), "onderzoek",  # i18n: demo data, stored
                     "Check op bekendheid uitgezet bij de partners, met de grondslag per partner.")  # i18n: demo data, stored
        if self.target != Phase.SCREENING.value:
            self.stage_journal("screening", received + dt.timedelta(days=3))

    def analysis(self, day: dt.date) -> None:
        case = self.case
        cases.move_phase(case, Phase.ANALYSIS)  # type: ignore[arg-type]
        self.plan = plans.start_plan(case)  # type: ignore[arg-type]
        self.b.plan_days[self.plan.id] = day
        for assessment in self.v["assessments"]:
            plans.set_assessment(self.plan, assessment.domain, self.f(assessment.strengths),
                                 self.f(assessment.concerns))
        for key, body in self.v["perspectives"].items():
            plans.set_perspective(self.plan, self.b.roster.partner_ids[key], self.f(body))
        self.b.touch(case, day)  # type: ignore[arg-type]
        self.journal(day, "onderzoek", "Beeldvorming: krachten en zorgen per leefgebied op een rij gezet.")  # i18n: demo data, stored
        self.stage_journal("analysis", day + dt.timedelta(days=1))

    def write_plan(self, day: dt.date) -> None:
        b, spec, rng, plan = self.b, self.spec, self.rng, self.plan
        blockers = set(spec.get("blockers", []))
        changes: dict[str, object] = {"client_view": self.f(self.v["client_view"])}
        if "shared_task" not in blockers:
            changes["shared_task"] = self.f(self.v["shared_task"])
        if "evaluation" not in blockers:
            changes["evaluation_on"] = _working_day(day + dt.timedelta(days=rng.choice([63, 70, 84])))
        plans.update_plan(plan, **changes)  # type: ignore[arg-type]
        horizon = max(21, (b.today - day).days + 80)
        undated_done = False
        for goal_spec in self.v["goals"]:
            goal = plans.add_goal(plan, self.f(goal_spec.intent), goal_spec.domain)  # type: ignore[arg-type]
            # every goal keeps at least one partner's action (the taartpunt check at adoption)
            partners_left = sum(1 for st in goal_spec.steps if st.owner is not None and st.owner.partner != "own")
            kept_partner = False
            for step in goal_spec.steps:
                owner = step.owner
                by_partner = owner is not None and owner.partner != "own"
                partners_left -= by_partner
                if by_partner and rng.random() < 0.15 and (kept_partner or partners_left > 0):
                    continue  # not every case needs every step
                kept_partner = kept_partner or by_partner
                partner_id, contact_id = b.roster.owner(owner)
                deadline: dt.date | None = _working_day(day + dt.timedelta(days=rng.randint(7, horizon)))
                if "deadline" in blockers and not undated_done and owner is not None:
                    deadline, undated_done = None, True
                body = self.f(step.text)
                self.kinds[body] = step.kind
                plans.add_action(plan, body, goal=goal, owner_partner_id=partner_id,  # type: ignore[arg-type]
                                 owner_contact_id=contact_id, deadline=deadline, own_reason=step.own_reason)
        if owner_less := [a for a in self.actions(plan) if a.owner_partner_id is None]:  # type: ignore[arg-type]
            if "nobody" not in blockers and spec.get("nobody") == "accepted":
                plans.accept_nobody(owner_less[0])
            elif "nobody" not in blockers:  # in the other cases the gemeente picks it up
                partner_id, contact_id = b.roster.owner(T.Ref("gemeente", 0))  # i18n: a demo roster key
                plans.update_action(owner_less[0], owner_partner_id=partner_id, owner_contact_id=contact_id)
        if "agreements" not in blockers:
            for agreement in self.v["agreements"]:
                plans.add_agreement(plan, self.f(agreement.text),  # type: ignore[arg-type]
                                    b.roster.partner_ids[agreement.partner] if agreement.partner else None)
        b.touch(self.case, day)  # type: ignore[arg-type]

    def adopt(self, day: dt.date) -> None:
        self.b.hold_item(self.case, day, [  # type: ignore[arg-type]
            T.NoteSpec("beeld", "Plan van aanpak besproken; alle acties hebben een eigenaar en een deadline."),  # i18n: demo data, stored
            T.NoteSpec("besluit", f"Plan van aanpak vastgesteld (versie {self.plan.version})."),  # type: ignore[union-attr]  # i18n: demo data, stored
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
                fitting = T.FEEDBACK[self.kinds.get(action.text, "inform")][status.value]
                plans.set_feedback(action, self.rng.choice(fitting), on=day)
            self.b.touch(self.case, day)  # type: ignore[arg-type]

    def escalate(self, until: dt.date) -> None:
        v = self.v
        for change in self.spec.get("escalations", []):
            day = self.b.day(change.days_ago)
            if day > until:
                continue
            escalation.change_level(
                self.case, to_level=change.level or self.case.level, to_ave=change.ave,  # type: ignore[arg-type, union-attr]
                trigger=self.f(change.trigger or v["escalation"].trigger), decided_by=v["escalation"].decided_by,
                decided_on=day,
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
            day = b.day(change.days_ago)
            partner_id, contact_id = b.roster.owner(change.to)
            before = _max_id(DirectorChange)
            participants.set_director(self.case, partner_id, contact_id=contact_id)  # type: ignore[arg-type]
            DirectorChange.update(at=_at(day, 14)).where(DirectorChange.id > before).execute()
            self.journal(day, "procesregie", "Casusregisseur gewisseld: de reclassering neemt het overzicht over.")  # i18n: demo data, stored
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
            plans.update_action(late[0], deadline=_working_day(day + dt.timedelta(days=21)))
        done = [a for a in actions if a.status == ActionStatus.DONE.value]
        if done:
            plans.delete_action(done[-1])
        partner_id, contact_id = b.roster.owner(self.v["director"])
        movable = [a for a in actions if a.owner_partner_id not in (None, partner_id) and a.status in OPEN
                   and (not late or a.id != late[0].id) and self.kinds.get(a.text) in MOVABLE_KINDS
                   and a.owner_partner_id != b.roster.own_id]
        if movable:  # the casusregisseur takes over a step that stalled elsewhere
            plans.update_action(movable[-1], owner_partner_id=partner_id, owner_contact_id=contact_id)
        goals = plans.goals_of(new)
        evaluation = "Evaluatie met de cliënt: wat werkt, wat moet anders?"  # i18n: demo data, stored
        self.kinds[evaluation] = "talk"
        plans.add_action(new, evaluation, goal=goals[0] if goals else None,
                         owner_partner_id=partner_id, owner_contact_id=contact_id,
                         deadline=_working_day(day + dt.timedelta(days=rng.randint(20, 40))))
        plans.update_plan(new, evaluation_on=_working_day(day + dt.timedelta(days=rng.choice([56, 63, 70]))))
        b.touch(self.case, day)  # type: ignore[arg-type]
        if adopt:
            self.adopt(day)
        self.journal(day, "procesregie", "Evaluatie: plan van aanpak bijgesteld; wijzigingen met de partners doorgenomen.")  # i18n: demo data, stored

    def finish_and_close(self, day: dt.date) -> None:
        for action in self.actions(self.plan):  # type: ignore[arg-type]
            if action.status in OPEN:
                plans.set_action_status(action, ActionStatus.DONE if self.rng.random() < 0.8 else ActionStatus.CANCELLED)
        self.journal(day, "procesregie", "Afsluiting besproken met de casusregisseur en de cliënt.")  # i18n: demo data, stored
        self.close(day, self.f(self.v["closing"]))

    def close(self, day: dt.date, reason: str) -> None:
        watch = self.spec.get("watch")
        cases.close_case(
            self.case, reason, retention_years=T.RETENTION_YEARS,  # type: ignore[arg-type]
            informed="Cliënt, aanmelder en alle partners aan tafel.",  # i18n: demo data, stored
            watch_until=_working_day(self.b.today + dt.timedelta(days=watch)) if watch else None, closed_on=day,
        )
        self.b.touch(self.case, day)  # type: ignore[arg-type]

    def reopen(self, day: dt.date) -> None:
        case = self.case
        before = _max_id(JournalEntry)
        cases.reopen_case(case, "Terugval: nieuwe meldingen van overlast en een incident met de hond.")  # type: ignore[arg-type]  # i18n: demo data, stored
        JournalEntry.update(at=_at(day, 9, 30)).where(JournalEntry.id > before).execute()
        self.b.touch(case, day)  # type: ignore[arg-type]
        self.revise(day + dt.timedelta(days=7), adopt=False)
        self.b.pending_agenda.append(case)  # type: ignore[arg-type]
        self.journal(day + dt.timedelta(days=8), "procesregie",  # i18n: demo data, stored
                     "Concept voor versie 2 klaargezet; vaststellen in het volgende overleg.")  # i18n: demo data, stored


__all__ = ["ALREADY_FILLED", "load_demo"]
