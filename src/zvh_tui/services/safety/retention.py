"""Retention: the vernietigingsvoorstel, and destroying cases whose bewaartermijn has passed.

A closed case carries its `retention_end` (the closing date plus the profile's term, computed
by `cases.close_case`; the term must be set in Instellingen, there is no silent default). From
that day on it appears in the vernietigingsvoorstel. Destroying it, after the user confirmed,
removes in one transaction:

- the case row and, through the schema's ON DELETE CASCADE, its persons' links, participants,
  plan versions (goals, actions, agreements, assessments, perspectives), meeting items with
  their notes, invites, attendance per item (the client's included), action reviews and
  commitments, journal, escalations, casusregisseur history and the drafts of forms about it
  (services/shared/drafts.py: a half-typed journal note or closing reason);
- its full-text entry (`case_search`), after which the FTS index is merged ('optimize') so no
  deleted term stays behind in an index segment;
- the persons who belong to no other case.

Left behind is the audit log (NEN 7513 asks to keep access logs; it holds ids and the case
number, never names or text) plus one 'destroy' event. Then the WAL is checkpointed and the
database is VACUUMed (with `secure_delete` on), so the text is gone from the file itself, not
only from the tables. Backups made earlier still hold the case until they are rotated out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import Expression

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError
from zvh_tui.core.i18n import M
from zvh_tui.core.vocab import Phase
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, disclosure
from zvh_tui.store import maintenance, search
from zvh_tui.store.models import Case, CasePerson, Person, db

EXAMPLE_TERMS = (
    ("Wmo", 15),
    ("Jeugdwet", 20),
)


@dataclass(frozen=True)
class ProposalRow:
    case_id: int
    reference: str
    title: str  # shown on the screen only; never logged
    closed_on: dt.date | None
    retention_end: dt.date

    def cells(self) -> list[str]:
        return [
            self.reference,
            disclosure.case_name(self.title),
            i18n.format_date(self.closed_on),
            i18n.format_date(self.retention_end),
        ]


@dataclass
class DestroyResult:
    references: list[str]
    persons_removed: int
    persons_kept: int  # persons who also belong to another case


def passed(retention_end: dt.date | None, today: dt.date) -> bool:
    """Is a bewaartermijn that ends on `retention_end` over on `today`? The one rule.

    The end date is the day on which the case is due for destruction, so a term that ends
    today has passed: `retention_end <= today`. Reasoning: shared/domain.md has the tool
    "compute the destruction date at closing, and propose destruction when it passes", and the
    closing dialog tells the user the data "worden bewaard tot <datum> en daarna voorgesteld
    voor vernietiging"; the date is computed as the closing date plus whole years
    (`lifecycle.retention_end_for`), so on that day the full term (e.g. 15 years) has run.
    Keeping the case one day longer would keep data past its term (AVG: no longer than
    needed). The case list's "bewaartermijn verlopen" badge, the vernietigingsvoorstel and
    `destroy` all use this predicate (or `passed_where`, its query form), so they agree on
    the boundary day.
    """
    return retention_end is not None and retention_end <= today


def passed_where(today: dt.date) -> Expression:
    """`passed` as a query condition on Case (closed cases are selected by the caller)."""
    return Case.retention_end.is_null(False) & (Case.retention_end <= today)


def proposal(today: dt.date | None = None) -> list[ProposalRow]:
    """The vernietigingsvoorstel: closed cases whose retention end date has been reached."""
    day = today or context.today()
    query = (
        Case.select(Case.id, Case.reference, Case.title, Case.closed_on, Case.retention_end)
        .where((Case.phase == Phase.CLOSED.value) & passed_where(day))
        .order_by(Case.retention_end, Case.reference)
    )
    return [
        ProposalRow(c.id, c.reference, c.title, c.closed_on, c.retention_end) for c in query
    ]


def upcoming(within_days: int = 90, today: dt.date | None = None) -> list[ProposalRow]:
    """Closed cases whose term ends within the coming days (for an early warning)."""
    day = today or context.today()
    until = day + dt.timedelta(days=within_days)
    query = (
        Case.select(Case.id, Case.reference, Case.title, Case.closed_on, Case.retention_end)
        .where(
            (Case.phase == Phase.CLOSED.value)
            & (Case.retention_end > day)
            & (Case.retention_end <= until)
        )
        .order_by(Case.retention_end)
    )
    return [
        ProposalRow(c.id, c.reference, c.title, c.closed_on, c.retention_end) for c in query
    ]


def destroy(case_ids: list[int], *, today: dt.date | None = None) -> DestroyResult:
    """Destroy these cases (each must be due); then clean the file (FTS merge, VACUUM)."""
    day = today or context.today()
    wanted = sorted(set(int(i) for i in case_ids))
    if not wanted:
        raise RuleError(M("safety.retention.none_chosen",
                          "Kies eerst de casussen die vernietigd moeten worden."))
    found = list(Case.select().where(Case.id.in_(wanted)).order_by(Case.reference))
    if len(found) != len(wanted):
        raise NotFound(M("safety.retention.gone", "Een van de gekozen casussen bestaat niet (meer)."))
    for case in found:
        if case.phase != Phase.CLOSED.value:
            raise RuleError(M("safety.retention.not_closed",
                              "Casus {reference} is niet afgesloten en kan niet worden vernietigd.",
                              reference=case.reference))
        if not passed(case.retention_end, day):
            raise RuleError(M(
                "safety.retention.not_due",
                "De bewaartermijn van casus {reference} loopt nog tot {date}.",
                reference=case.reference, date=i18n.format_date(case.retention_end)))
    removed = kept = 0
    with db.atomic():
        for case in found:
            person_ids = [
                row.person_id
                for row in CasePerson.select(CasePerson.person).where(CasePerson.case == case)
            ]
            shared = {
                row.person_id
                for row in CasePerson.select(CasePerson.person).where(
                    CasePerson.person.in_(person_ids or [-1]) & (CasePerson.case != case)
                )
            }
            only_here = [p for p in person_ids if p not in shared]
            audit.record(
                "destroy",
                case=case,
                object_type="case",
                object_id=case.id,
                detail=f"bewaartermijn verstreken; betrokkenen verwijderd {len(only_here)}",  # i18n: audit detail
            )
            search.unindex_case(case.id)
            Case.delete().where(Case.id == case.id).execute()  # ON DELETE CASCADE does the rest
            if only_here:
                Person.delete().where(Person.id.in_(only_here)).execute()
            removed += len(only_here)
            kept += len(shared)
        search.compact()  # merge FTS segments: drops the deleted terms from the index
    scrub_file()
    return DestroyResult([c.reference for c in found], removed, kept)


def scrub_file() -> None:
    """Rewrite the database file so deleted text is not left in free pages or the WAL."""
    maintenance.scrub()
