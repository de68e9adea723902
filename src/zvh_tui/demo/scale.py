"""The scale generator (`zvh demo --scale N`): N fictional cases, about ten actions each.

Rows are written straight into the tables with `insert_many` in one transaction (the services
would take hours for 200.000 cases), built as dicts keyed by field name; the search index is
filled in bulk and one audit event is written. Deterministic: the seed depends only on N.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterable
from operator import itemgetter

from peewee import chunked, fn

from zvh_tui.core import i18n
from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.i18n import M, _
from zvh_tui.core.vocab import CheckStatus, ParticipantRole, Phase, PlanStatus, TriageOutcome
from zvh_tui.demo import texts as T
from zvh_tui.demo.common import (
    ADVICE_LEVEL,
    ESCALATED_LEVEL,
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
    contact_cards,
    meeting_header,
    placeholders,
    regisseur,
    require_empty,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import provisions
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context
from zvh_tui.store import ids, maintenance
from zvh_tui.store.models import (
    Action,
    Advice,
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
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Person,
    Perspective,
    Plan,
    Provision,
    db,
)

MAX_SCALE = 200_000
PHASE_WEIGHTS = [
    (Phase.REFERRAL, 3), (Phase.SCREENING, 3), (Phase.TRIAGE, 3), (Phase.ANALYSIS, 5),
    (Phase.MEETING, 6), (Phase.PLAN, 8), (Phase.EXECUTION, 55), (Phase.CLOSED, 17),
]
CHUNK = 1000  # cases per step (and per progress report)
HOUSEHOLD = {"huiselijk_geweld", "schulden", "woonoverlast"}
ADVICE_SHARE = 0.08  # cases past triage on the advice track (ZVH role advies), the rest procesregie
# A deadline that falls on a weekend moves back to the Friday before (so it stays inside a closed
# case's span): days to subtract per weekday, Monday first.
WEEKEND_BACK = [dt.timedelta(days=n) for n in (0, 0, 0, 0, 0, 1, 2)]
CONTACT_NAMES = {contact.name for spec in T.PARTNERS for contact in spec["contacts"]}
Row = dict[str, object]
# The tables of one chunk, in the order they are written (references before what refers to them).
TABLES: dict[str, type] = {
    "case": Case, "advice": Advice, "person": Person, "case_person": CasePerson, "participant": Participant,
    "director": DirectorChange, "plan": Plan, "assessment": Assessment, "perspective": Perspective,
    "goal": Goal, "action": Action, "agreement": Agreement, "item": MeetingItem, "note": MeetingNote,
    "provision": Provision, "escalation": Escalation, "journal": JournalEntry, "search": CaseSearch,
}


def load_scale(count: int, progress: Progress | None = None) -> str:
    """Fill an empty, unlocked profile with `count` generated cases; return a summary (in the language of the moment)."""
    require_empty()
    if not 1 <= int(count) <= MAX_SCALE:
        raise ValidationError(M("demo.scale.count", "Kies een aantal casussen tussen 1 en {max}.",
                                max=i18n.format_number(MAX_SCALE)), field="scale")
    return _ScaleGenerator(int(count), progress).build()


def _insert(model, rows: list[Row]) -> None:
    """insert_many by field name, in batches that stay under SQLite's limit of bound variables.

    Every row must name the same fields of `model`: an unknown or a missing name fails here,
    instead of a value landing in the wrong column or a column silently keeping its default."""
    if not rows:
        return
    names = list(rows[0])
    fields = [model._meta.fields[name] for name in names]  # KeyError: not a field of the model
    wanted = rows[0].keys()
    for row in rows:
        if row.keys() != wanted:
            raise ValueError(f"{model.__name__}: row names {sorted(row)}, expected {sorted(wanted)}")
    values = itemgetter(*names)
    size = max(1, 30_000 // len(fields))
    for batch in chunked(rows, size):
        model.insert_many([values(row) if len(names) > 1 else (values(row),) for row in batch],
                          fields=fields).execute()


class _ScaleGenerator:
    def __init__(self, count: int, progress: Progress | None) -> None:
        self.n = count
        self.progress = progress
        self.rng = random.Random(SEED * 7 + count)
        self.today = context.today()
        self.now = _at(self.today, 8)
        self.ids: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        order = [p.value for p in Phase]
        # per phase reached (its index), the journal lines that fit a case that got that far
        self.journal_lines = [[line for line in T.SCALE_JOURNAL if order.index(line.phase) <= index]
                              for index in range(len(order))]

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
            Partner.insert(**OWN_PARTNER, notes="", active=True, created_at=now, updated_at=now).execute()
            own = partners.own_partner()
        partner_ids: dict[str, int] = {}
        contact_ids: dict[str, list[int]] = {}
        unsigned: set[str] = set()
        cards = contact_cards()
        for spec in T.PARTNERS:
            partner = Partner.get_or_none(fn.lower(Partner.name) == spec["name"].lower())
            if partner is None:
                Partner.insert(name=spec["name"], domain=spec["domain"], convenant_signed=spec["convenant"],
                               is_own=False, notes="Fictieve organisatie (schaaldata).", active=True,  # i18n: demo data, stored
                               created_at=now, updated_at=now).execute()
                partner = Partner.get(Partner.name == spec["name"])
            partner_ids[spec["key"]] = partner.id
            if not partner.convenant_signed:
                unsigned.add(spec["key"])
            # the roster's contacts by name (as `zvh demo` does): those the profile lacks are added
            known = self.contacts_of(partner)
            missing = [card for card in cards[spec["key"]] if card["name"] not in known]
            _insert(Contact, [{"partner": partner.id, **card, "active": True, "created_at": now, "updated_at": now}
                              for card in missing])
            if missing:
                known = self.contacts_of(partner)
            contact_ids[spec["key"]] = [known[card["name"]] for card in cards[spec["key"]]]
        self.roster = Roster(own.id, partner_ids, contact_ids, frozenset(unsigned))  # type: ignore[union-attr]
        self.partner_key = {partner_id: key for key, partner_id in partner_ids.items()}

    @staticmethod
    def contacts_of(partner: Partner) -> dict[str, int]:
        return {c.name: c.id for c in Contact.select(Contact.id, Contact.name).where(Contact.partner == partner)}

    def span_days(self) -> int:
        return max(3 * 365, int(self.n / 9000 * 365) + 365)

    def plan_meetings(self) -> None:
        """Weekly meetings over the whole span, and two to come."""
        first = _tuesday(self.today - dt.timedelta(days=self.span_days()))
        day, rows, self.upcoming = first, [], []
        while len(self.upcoming) < 2:
            header = meeting_header(day)
            past = day < self.today
            rows.append({"id": self.take("meeting"), "kind": header["kind"], "title": header["title"],
                         "held_on": day, "status": "closed" if past else "planned",
                         "location": header["location"], "created_at": _at(day - dt.timedelta(days=7), 9),
                         "closed_at": _at(day, 12) if past else None})
            if not past:
                self.upcoming.append(day)
            day += dt.timedelta(days=7)
        self.meeting_id = {row["held_on"]: row["id"] for row in rows}
        _insert(Meeting, rows)
        attendees = []
        keys = [spec["key"] for spec in T.PARTNERS]
        for row in rows:
            if row["status"] != "closed":
                continue
            attendees.append({"meeting": row["id"], "partner": self.roster.own_id, "contact": None,
                              "presence": "present"})
            for key in self.rng.sample(keys, 6):
                presence = self.rng.choices(["present", "excused", "absent"], weights=[85, 10, 5])[0]
                attendees.append({"meeting": row["id"], "partner": self.roster.partner_ids[key],
                                  "contact": self.roster.contact_ids[key][0], "presence": presence})
        _insert(Attendee, attendees)

    def headers(self) -> list[tuple[str, dt.date, int]]:
        """(phase, received day, reference number) per case, oldest first; references per year."""
        span = self.span_days()
        phases = [p for p, _ in PHASE_WEIGHTS]
        weights = [w for _, w in PHASE_WEIGHTS]
        rows = []
        for _row in range(self.n):
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
                self.ids[name] = _max_id(model) + 1
            self.partners()
            self.plan_meetings()
            headers = self.headers()
            done = 0
            for batch in chunked(headers, CHUNK):
                self.write_chunk(batch)
                done += len(batch)
                if self.progress is not None:
                    self.progress(done, self.n)
            ids.put_fact("demo", f"scale:{self.n}")
            audit.record("demo.scale", detail=f"cases={self.n} actions={self.counts.get('action', 0)}")
        bad = maintenance.foreign_key_problems(db.execute_sql)
        if bad:
            raise RuleError(M("demo.scale.dangling",
                              "De schaaldata verwijzen naar ontbrekende gegevens; er is niets bewaard."))
        seconds = time.perf_counter() - started
        return _("Schaaldata geladen: {cases} casussen, {actions} acties, {journal} journaalregels "
                 "(fictieve gegevens; {seconds}).").format(
            cases=i18n.format_number(self.n), actions=i18n.format_number(self.counts.get("action", 0)),
            journal=i18n.format_number(self.counts.get("journal", 0)), seconds=_seconds(seconds))

    def name(self, pool: T.NamePool, female: bool, surname: T.Surname | None = None) -> tuple[str, T.Surname]:
        """A client's name from one pool; never the name of one of the demo's professionals."""
        while True:
            last = surname or self.rng.choice(pool.surnames)
            first = self.rng.choice(pool.females if female else pool.males)
            name = f"{first} {last.female if female else last.male}"
            if name not in CONTACT_NAMES:
                return name, last

    def write_chunk(self, batch: Iterable[tuple[str, dt.date, int]]) -> None:
        rng, today, owner = self.rng, self.today, self.roster.owner
        r: dict[str, list[Row]] = {table: [] for table in TABLES}
        vignette_keys = list(T.VIGNETTES)
        order = [p.value for p in Phase]
        for phase, received, number in batch:
            case_id = self.take("case")
            v_key = rng.choice(vignette_keys)
            v = T.VIGNETTES[v_key]
            pool = rng.choice(T.NAME_POOLS)
            author = regisseur(case_id)
            # persons: one household, one address (the father on a huisverbod elsewhere)
            female = v_key in ("mensenhandel", "huiselijk_geweld") or rng.random() < 0.45
            client_name, surname = self.name(pool, female)
            age = rng.randint(16, 24) if v_key in ("jongere", "mensenhandel", "radicalisering") else rng.randint(25, 64)
            address = v.get("address") or f"{rng.choice(T.STREETS)} {rng.randint(1, 220)}, {T.PLACE}"
            people = [{"name": client_name, "date_of_birth": _birth_date(rng, today, age),
                       "role": "client" if v_key not in HOUSEHOLD else "parent", "address": address}]
            if v_key == "huiselijk_geweld":
                father, _ = self.name(pool, False, surname)
                people.append({"name": father, "date_of_birth": _birth_date(rng, today, age + rng.randint(1, 6)),
                               "role": "parent", "address": f"Tijdelijk verblijfadres (huisverbod): "
                               f"{rng.choice(T.STREETS)} {rng.randint(1, 220)}, {T.PLACE}"})
            if v_key in HOUSEHOLD:
                for _ in range(rng.randint(1, 3)):
                    child, _ = self.name(pool, rng.random() < 0.5, surname)
                    people.append({"name": child, "date_of_birth": _birth_date(rng, today, rng.randint(3, 17)),
                                   "role": "child", "address": address})
            elif rng.random() < 0.3:
                parent, _ = self.name(pool, True, surname)
                people.append({"name": parent, "date_of_birth": _birth_date(rng, today, age + rng.randint(20, 30)),
                               "role": "parent", "address": address})
            # informed or not per betrokkene: only where a vignette has a reason (the father during
            # the criminal investigation; a radicalisation signal still being weighed)
            not_informed = v.get("not_informed")
            informed = not_informed is None or rng.random() > 0.16
            away = -1 if informed else v.get("not_informed_person", 0)
            review = None
            if not informed:
                review = today + dt.timedelta(days=rng.randint(-20, 60))
                review -= WEEKEND_BACK[review.weekday()]
            for position, person in enumerate(people):
                person_id = self.take("person")
                r["person"].append({"id": person_id, "name": person["name"], "date_of_birth": person["date_of_birth"],
                                    "address": person["address"], "notes": "", "created_at": _at(received, 9, 15)})
                here = position == away
                r["case_person"].append({"case": case_id, "person": person_id, "role": person["role"],
                                         "position": position, "informed": not here,
                                         "not_informed_reason": not_informed if here else "",
                                         "informed_review_on": review if here else None})
            title = f"Gezin {surname.male}" if v_key in HOUSEHOLD and len(people) > 2 else client_name
            fmt = placeholders(client_name, people[0]["date_of_birth"], received)  # type: ignore[arg-type]
            reason = v["reason"].format(**fmt)
            reference = f"{received.year}-{number:04d}"
            # phase facts
            closed = phase == Phase.CLOSED.value
            reached = order.index(phase)
            triage, triage_reason = "", ""
            if reached >= order.index(Phase.ANALYSIS.value):
                triage, triage_reason = TriageOutcome.TAKE_ON.value, v["triage"]
            if closed and rng.random() < 0.15:
                other = rng.choice(T.SCALE_TRIAGE_OTHER)
                triage, triage_reason = other.outcome, other.reason
            # the advice track: advies aan de melder, the regie stays local; open at triage until
            # the follow-up, or closed
            advice = (reached >= order.index(Phase.TRIAGE.value) and triage != TriageOutcome.REFER.value
                      and rng.random() < ADVICE_SHARE)
            if advice:
                triage, triage_reason = TriageOutcome.ADVICE.value, T.ADVICE_TRIAGE
                if not closed:
                    phase, reached = Phase.TRIAGE.value, order.index(Phase.TRIAGE.value)
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
            if advice:  # the professional who asked is the aanmelder
                asker = v["advice"].asked_by
                table = [asker] + [ref for ref in table if ref.partner != asker.partner]
            extra = [T.Ref(k, 0) for k in rng.sample(list(self.roster.partner_ids), 3)
                     if k not in {ref.partner for ref in table}]
            table += extra[: rng.randint(0, 2)]
            director_ref = v["director"] if has_director else None
            if rng.random() < 0.25 and has_director:  # another partner is casusregisseur here
                director_ref = rng.choice(table[1:]) if len(table) > 1 else director_ref
            for index, ref in enumerate(table):
                partner_id, contact_id = owner(ref)
                role = ParticipantRole.REFERRER.value if index == 0 else ParticipantRole.MEMBER.value
                if director_ref is not None and ref.partner == director_ref.partner:
                    role = ParticipantRole.CASE_DIRECTOR.value
                if reached >= order.index(Phase.SCREENING.value):
                    status = rng.choices(["known", "not_known", "no_answer", "asked"], weights=[60, 28, 6, 6])[0]
                    check_on = received + dt.timedelta(days=rng.randint(1, 5))
                    basis = _grondslag(ref.partner, self.roster.unsigned)
                    check_on = min(check_on, today)
                else:
                    status, check_on, basis = CheckStatus.NOT_ASKED.value, None, ""
                r["participant"].append({"case": case_id, "partner": partner_id, "contact": contact_id, "role": role,
                                         "check_status": status, "check_on": check_on, "check_basis": basis,
                                         "added_at": _at(received, 9)})
                if role == ParticipantRole.CASE_DIRECTOR.value:
                    r["director"].append({"case": case_id, "partner": partner_id, "contact": contact_id,
                                          "at": _at(first_meeting, 11), "by": author})
            # plan
            last_change = received
            ave, level = ADVICE_LEVEL if advice else INTAKE_LEVEL
            if has_plan:
                plan_id = self.take("plan")
                status = PlanStatus.ADOPTED.value if adopted else PlanStatus.CONCEPT.value
                adopt_day = first_meeting + dt.timedelta(days=14) if adopted else None
                if adopt_day is not None and adopt_day >= end:
                    adopt_day = first_meeting
                director_partner, director_contact = owner(director_ref) if director_ref else (None, None)
                evaluation = (adopt_day or first_meeting) + dt.timedelta(days=rng.choice([56, 70, 84, 112]))
                if adopted and not closed and evaluation < today - dt.timedelta(days=60):
                    evaluation = today + dt.timedelta(days=rng.randint(-30, 90))
                    evaluation -= WEEKEND_BACK[evaluation.weekday()]
                r["plan"].append({
                    "id": plan_id, "case": case_id, "version": 1, "status": status,
                    "shared_task": v["shared_task"].format(**fmt), "client_view": v["client_view"].format(**fmt),
                    "director_partner": director_partner, "director_contact": director_contact,
                    "evaluation_on": evaluation if has_director else None, "adopted_on": adopt_day,
                    "adopted_in": self.meeting_id.get(adopt_day) if adopt_day else None, "superseded": False,
                    "created_at": _at(received + dt.timedelta(days=8), 10), "updated_at": _at(end, 15),
                })
                for assessment in rng.sample(v["assessments"], min(3, len(v["assessments"]))):
                    r["assessment"].append({"plan": plan_id, "life_domain": assessment.domain,
                                            "strengths": assessment.strengths.format(**fmt),
                                            "concerns": assessment.concerns.format(**fmt)})
                for key in rng.sample(sorted(v["perspectives"]), min(2, len(v["perspectives"]))):
                    r["perspective"].append({"plan": plan_id, "partner": self.roster.partner_ids[key],
                                             "text": v["perspectives"][key].format(**fmt)})
                if met:
                    for position, agreement in enumerate(v["agreements"][: rng.randint(1, 3)]):
                        r["agreement"].append({
                            "plan": plan_id, "position": position, "text": agreement.text.format(**fmt),
                            "partner": self.roster.partner_ids[agreement.partner] if agreement.partner else None,
                        })
                    self.actions(r, plan_id, v, fmt, table, adopt_day or first_meeting, end, closed, adopted)
                    last_change = max(last_change, min(end, today))
            # meetings: a past meeting closed its item with a casusregisseur (the Breda rule);
            # cases still without one, or with a plan to adopt, are on a coming agenda
            if met and director_ref is not None:
                item_id = self.take("item")
                director_partner, director_contact = owner(director_ref)
                r["item"].append({"id": item_id, "meeting": self.meeting_id[first_meeting], "case": case_id,
                                  "position": 0, "status": "closed", "director_partner": director_partner,
                                  "director_contact": director_contact, "closed_at": _at(first_meeting, 11, 30)})
                for note in v["notes"][: rng.randint(1, 3)]:
                    r["note"].append({"item": item_id, "tag": note.tag, "text": note.text.format(**fmt),
                                      "created_at": _at(first_meeting, 10, 45)})
                # the minutes went out in time: the besluitenlijst that afternoon, the verslag next day
                for kind, sent in (("besluitenlijst", _at(first_meeting, 15)),
                                   ("verslag", _at(first_meeting + dt.timedelta(days=1), 10))):
                    r["provision"].append({
                        "case": case_id, "partner": None, "kind": kind, "plan": None, "plan_version": None,
                        "meeting": self.meeting_id[first_meeting], "basis": provisions.CONVENANT_BASIS,
                        "convenant": False, "fmt": "html", "at": sent, "by": author})
                last_change = max(last_change, first_meeting)
            if phase == Phase.PLAN.value or (phase == Phase.MEETING.value and director_ref is None):
                upcoming = self.meeting_id[rng.choice(self.upcoming)]
                r["item"].append({"id": self.take("item"), "meeting": upcoming, "case": case_id, "position": 0,
                                  "status": "open", "director_partner": None, "director_contact": None,
                                  "closed_at": None})
            # escalation
            if adopted and rng.random() < 0.07:  # to AVE 4 · management; half of them back later
                day = min(end, first_meeting + dt.timedelta(days=rng.randint(20, 90)))
                to_ave, to_level = ESCALATED_LEVEL
                r["escalation"].append({
                    "case": case_id, "from_level": level, "to_level": to_level, "from_ave": ave,
                    "to_ave": to_ave, "trigger": v["escalation"].trigger.format(**fmt),
                    "decided_by": v["escalation"].decided_by, "decided_on": day, "created_at": _at(day, 15),
                })
                level, ave = to_level, to_ave
                back = day + dt.timedelta(days=rng.randint(21, 60))
                if rng.random() < 0.5 and back < end:
                    to_ave, to_level = INTAKE_LEVEL
                    r["escalation"].append({
                        "case": case_id, "from_level": level, "to_level": to_level, "from_ave": ave,
                        "to_ave": to_ave, "trigger": T.SCALE_DEESCALATION, "decided_by": v["escalation"].decided_by,
                        "decided_on": back, "created_at": _at(back, 15),
                    })
                    level, ave = to_level, to_ave
            # journal
            days = max((end - received).days, 1)
            if not closed or met:
                lines = self.journal_lines[reached]
            else:  # closed before a meeting: after the beeldvorming, or right after triage
                lines = self.journal_lines[order.index(Phase.ANALYSIS.value if has_plan else Phase.TRIAGE.value)]
            for _ in range(rng.randint(2, 4)):
                day = received + dt.timedelta(days=rng.randint(0, days))
                line = rng.choice(lines)
                r["journal"].append({"case": case_id, "at": _at(day, rng.randint(8, 17), rng.choice([0, 15, 30, 45])),
                                     "author": author, "hat": line.hat, "text": line.text})
                self.counts["journal"] = self.counts.get("journal", 0) + 1
                last_change = max(last_change, day)
            # the case row
            referrer_partner, referrer_contact = owner(table[0])
            retention = cases.retention_end_for(closed_on, T.RETENTION_YEARS) if closed_on else None
            if closed_on:
                last_change = closed_on
            r["case"].append({
                "id": case_id, "reference": reference, "title": title, "phase": phase, "ave_phase": ave,
                "level": level, "zvh_role": "advice" if advice else "direction",
                "referrer_partner": referrer_partner, "referrer_contact": referrer_contact, "referrer_citizen": "",
                "on_behalf_partner": referrer_partner,  # namens: the aanmelder
                "reason": reason, "referral_goal": v["goal"].format(**fmt), "received_on": received,
                "informed": informed,  # the aanmelding's answer; per person in case_person
                "not_informed_reason": "" if informed else not_informed,
                "informed_review_on": review,
                "triage_outcome": triage, "triage_reason": triage_reason,
                "closing_reason": rng.choice(T.SCALE_CLOSING) if closed else "",
                "closing_informed": "Cliënt en partners aan tafel." if closed else "",  # i18n: demo data, stored
                "closed_on": closed_on, "retention_end": retention, "watch_until": None,
                "created_at": _at(received, 9, 15), "updated_at": _at(min(last_change, today), 16, 20),
            })
            if advice:
                spec = v["advice"]
                given = min(received + dt.timedelta(days=6), today)
                follow_up = given + dt.timedelta(days=spec.follow_up_days)
                follow_up = min(follow_up, closed_on) if closed_on else follow_up
                follow_up -= WEEKEND_BACK[follow_up.weekday()]
                asked_partner, asked_contact = owner(spec.asked_by)
                r["advice"].append({
                    "case": case_id, "asked_by_partner": asked_partner, "asked_by_contact": asked_contact, "asked_by": "",
                    "asked_on": received, "question": spec.question.format(**fmt), "advice": spec.advice.format(**fmt),
                    "given_to": spec.given_to, "given_on": given, "regie_partner": self.roster.partner_ids[spec.regie],
                    "regie_with": "", "follow_up_on": follow_up, "by": author, "created_at": _at(given, 14),
                    "updated_at": _at(given, 14)})
            names = " ".join(person["name"] for person in people)  # type: ignore[misc]
            r["search"].append({"rowid": case_id, "reference": reference.replace("-", " ") + " " + reference,
                                "names": f"{title} {names}", "text": reason})
        for name, model in TABLES.items():
            _insert(model, r[name])

    def actions(self, r: dict[str, list[Row]], plan_id: int, v: dict, fmt: dict, table: list[T.Ref],
                start: dt.date, end: dt.date, closed: bool, adopted: bool) -> None:
        rng, today = self.rng, self.today
        goals = v["goals"][: rng.randint(2, len(v["goals"]))]
        # (goal index, text, owner, kind, own reason) per candidate action
        pool = [(g_index, step.text, step.owner, step.kind, step.own_reason)
                for g_index, goal in enumerate(goals) for step in goal.steps]
        wanted = rng.randint(11, 16)
        if len(pool) < wanted:  # pad with generic steps, owned by a partner at the table that would do it
            for step in rng.sample(T.SCALE_ACTIONS, min(wanted - len(pool) + 2, len(T.SCALE_ACTIONS))):
                fits = [ref for ref in table if not step.owners or ref.partner in step.owners]
                if fits and len(pool) < wanted:
                    pool.append((rng.randrange(len(goals)), step.text, rng.choice(fits), step.kind, ""))
        goal_ids = []
        for position, goal in enumerate(goals):
            goal_id = self.take("goal")
            goal_ids.append(goal_id)
            r["goal"].append({"id": goal_id, "plan": plan_id, "position": position,
                              "intent": goal.intent.format(**fmt), "life_domain": goal.domain})
        horizon = max(14, (today - start).days + 90)
        if len(pool) > wanted:
            pool = [pool[i] for i in sorted(rng.sample(range(len(pool)), wanted))]
        for position, (g_index, body, owner, kind, own_reason) in enumerate(pool):
            if owner is None and rng.random() < 0.85:
                owner = T.Ref("gemeente", 0)  # usually the wijkteam does pick it up  # i18n: a demo roster key
            elif rng.random() < 0.004:
                owner, own_reason = None, ""  # niemands taak
            partner_id, contact_id = self.roster.owner(owner)
            deadline = start + dt.timedelta(days=rng.randint(7, horizon))
            if closed:
                deadline = min(deadline, end)
            deadline -= WEEKEND_BACK[deadline.weekday()]  # on a working day
            if closed:
                status = rng.choices(["done", "cancelled"], weights=[88, 12])[0]
            elif not adopted:
                status = "open"
            elif deadline < today:
                status = rng.choices(["done", "open", "busy", "cancelled"], weights=[70, 15, 10, 5])[0]
            else:
                status = rng.choices(["open", "busy", "done"], weights=[55, 35, 10])[0]
            feedback, feedback_on = "", None
            if status in ("done", "busy") and rng.random() < 0.6:
                feedback, feedback_on = rng.choice(T.FEEDBACK[kind][status]), min(deadline, today)
            self.counts["action"] = self.counts.get("action", 0) + 1
            stamp = _at(start, 10)
            r["action"].append({
                "plan": plan_id, "goal": goal_ids[g_index], "position": position, "text": body.format(**fmt),
                "owner_partner": partner_id, "owner_contact": contact_id, "deadline": deadline, "status": status,
                "feedback": feedback, "feedback_on": feedback_on, "nobody_accepted": owner is None and adopted,
                "own_reason": own_reason,
                "created_at": stamp, "updated_at": stamp,
            })


__all__ = ["MAX_SCALE", "load_scale"]
