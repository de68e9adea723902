"""A meeting of three fictional cases for the live screen's tests (Pilot, snapshot, CLI).

`build_live_world()` makes, through the services, four partners with contacts and three cases at
the meeting phase, each with partners at its table, and an MDO today at 09:30 with the three on
its agenda (slots of 15, 20 and 10 minutes):

1. Marco de Testman: casusregisseur Wijkteam Noord / Sanne Voorbeeld, a concept plan with an
   opgave and three actions (one overdue);
2. Fatima El Fictief: no casusregisseur yet (the Breda rule at /sluit);
3. Bram Rustig: casusregisseur Woonstichting Voorbeeld / J. Huurder.

Names and dates are fixed; the day is the caller's `context.today()` (tests freeze it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, Contact, Meeting, Partner

SLOTS = (15, 20, 10)


@dataclass
class LiveWorld:
    meeting: Meeting
    cases: list[Case]  # in agenda order
    team: Partner
    police: Partner
    housing: Partner
    ggz: Partner
    worker: Contact  # Sanne Voorbeeld (Wijkteam Noord)
    agent: Contact  # Wim Wijkagent (Politie Eenheid Test)
    tenant: Contact  # J. Huurder (Woonstichting Voorbeeld)


def _at_the_meeting_phase(name: str, reason: str, referrer: Partner, *, born: dt.date | None = None,
                          table: tuple[tuple[Partner, Contact | None], ...] = ()) -> Case:
    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name=name, date_of_birth=born)],
        reason=reason, referrer_partner_id=referrer.id))
    participants.set_check(participants.participants_of(case)[0], CheckStatus.KNOWN,
                           basis="convenant art. 5")
    cases.move_phase(case, Phase.SCREENING)
    cases.move_phase(case, Phase.TRIAGE)
    cases.set_triage(case, TriageOutcome.TAKE_ON)
    cases.move_phase(case, Phase.ANALYSIS)
    for partner, contact in table:
        participants.add_participant(case, partner.id, contact_id=contact.id if contact else None)
    cases.move_phase(case, Phase.MEETING)
    return case


def build_live_world() -> LiveWorld:
    today = context.today()
    team = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    police = partners.create_partner("Politie Eenheid Test", "straf", convenant_signed=True)
    housing = partners.create_partner("Woonstichting Voorbeeld", "wonen", convenant_signed=True)
    ggz = partners.create_partner("GGZ Fictief FACT-team", "zorg", convenant_signed=True)
    worker = partners.add_contact(team, "Sanne Voorbeeld", function="wijkteamlid",
                                  phone="06 00000002")
    agent = partners.add_contact(police, "Wim Wijkagent", function="wijkagent", phone="06 00000001")
    tenant = partners.add_contact(housing, "J. Huurder", function="wijkconsulent")
    partners.add_contact(ggz, "Dr. K. Testarts", function="psychiater")

    marco = _at_the_meeting_phase("Marco de Testman", "Overlast, schulden en dreigende "
                                  "uithuiszetting", team, born=dt.date(1985, 3, 2),
                                  table=((police, agent), (housing, tenant)))
    participants.set_director(marco, team.id, contact_id=worker.id)
    plan = plans.start_plan(marco)
    plans.update_plan(plan, shared_task="Wonen behouden en de overlast stoppen")
    home = plans.add_goal(plan, "Marco houdt zijn woning")
    plans.add_action(plan, "Betalingsregeling huurachterstand afspreken", goal=home,
                     owner_partner_id=housing.id, deadline=today - dt.timedelta(days=3))
    plans.add_action(plan, "Aanmelding schuldhulpverlening", goal=home,
                     owner_partner_id=team.id, deadline=today + dt.timedelta(days=11))
    plans.add_action(plan, "Huisbezoek samen met de wijkagent", goal=home,
                     owner_partner_id=police.id, owner_contact_id=agent.id,
                     deadline=today + dt.timedelta(days=8))

    fatima = _at_the_meeting_phase("Fatima El Fictief", "Huiselijk geweld, kinderen in beeld",
                                   police, table=((team, worker), (ggz, None)))
    bram = _at_the_meeting_phase("Bram Rustig", "Verward gedrag in de buurt", housing,
                                 table=((ggz, None),))
    participants.set_director(bram, housing.id, contact_id=tenant.id)

    meeting = meetings.create_meeting("MDO", today, start_time="09:30", location="Stadskantoor")
    for case, minutes in zip((marco, fatima, bram), SLOTS, strict=True):
        meetings.add_item(meeting, case, slot_minutes=minutes)
    return LiveWorld(meeting, [marco, fatima, bram], team, police, housing, ggz, worker, agent,
                     tenant)
