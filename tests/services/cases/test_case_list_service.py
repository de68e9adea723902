"""services.case_list and services.pickers: the rows, every filter, sorting, search, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from casekit import World, make_case, meeting_for

from zvh_tui.services.cases import case_list
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases.case_list import ListQuery, QuickFilter
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.partners.pickers import partner_choices
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import context
from zvh_tui.store.models import AuditEvent, Case, Plan


def rows_by_ref(**kwargs: object) -> dict[str, case_list.CaseRow]:
    return {r.reference: r for r in case_list.load_rows(**kwargs)}  # type: ignore[arg-type]


def refs(rows: list[case_list.CaseRow]) -> list[str]:
    return [r.reference for r in rows]


def test_row_values(world: World) -> None:
    today = context.today()
    plan = plans.current(world.overdue)
    plans.update_plan(plan, evaluation_on=today + dt.timedelta(days=20))
    meeting_for(world.overdue, today + dt.timedelta(days=7))
    row = rows_by_ref()[world.overdue.reference]
    assert row.title == "Fatima El Fictief"
    assert row.director == "Politie Eenheid Test · Wim Wijkagent"
    assert (row.open_actions, row.overdue_actions) == (2, 1)
    assert row.next_date == today + dt.timedelta(days=7)  # the meeting comes before the evaluation
    assert row.days_since_change == 0
    assert "! 1 te laat" in row.badges
    assert case_list.cells(row)[7] == "! 1"  # the Laat column says it in text, not colour alone


def test_days_since_change_count_local_days(amsterdam: str, profile) -> None:
    """Changed at 00:30 on the local clock (23:30 UTC the day before): changed today, not yesterday."""
    case = make_case()
    Case.update(updated_at=dt.datetime(2026, 12, 1, 23, 30)).where(Case.id == case.id).execute()
    rows = {r.reference: r for r in case_list.load_rows(today=dt.date(2026, 12, 2))}
    assert rows[case.reference].days_since_change == 0
    Case.update(updated_at=dt.datetime(2026, 12, 1, 22, 59)).where(Case.id == case.id).execute()
    rows = {r.reference: r for r in case_list.load_rows(today=dt.date(2026, 12, 2))}
    assert rows[case.reference].days_since_change == 1  # 23:59 on 1 December here


def test_counts_come_from_the_newest_plan_that_is_not_superseded(world: World) -> None:
    plan = plans.current(world.overdue)
    Plan.update(superseded=True).where(Plan.id == plan.id).execute()
    Plan.create(case=world.overdue, version=2, status="concept")
    row = rows_by_ref()[world.overdue.reference]
    assert (row.open_actions, row.overdue_actions) == (0, 0)


def test_done_and_cancelled_actions_do_not_count(world: World) -> None:
    plan = plans.current(world.overdue)
    for action in plans.actions_of(plan):
        plans.set_action_status(action, "done")
    row = rows_by_ref()[world.overdue.reference]
    assert (row.open_actions, row.overdue_actions) == (0, 0)
    assert not row.has(QuickFilter.OVERDUE)


@pytest.mark.parametrize("quick", list(QuickFilter))
def test_each_quick_filter_finds_exactly_its_case(world: World, quick: QuickFilter) -> None:
    rows = case_list.load_rows(stagnation_days=30)
    found = case_list.filter_rows(rows, ListQuery(quick={quick}), None)
    assert refs(found) == [getattr(world, quick.value).reference]


def test_quick_filters_combine_with_and(world: World) -> None:
    Case.update(phase="meeting").where(Case.id == world.stagnating.id).execute()
    rows = case_list.load_rows()
    both = ListQuery(quick={QuickFilter.NO_DIRECTOR, QuickFilter.STAGNATING})
    assert refs(case_list.filter_rows(rows, both, None)) == [world.stagnating.reference]


def test_stagnation_days_come_from_the_setting(world: World) -> None:
    short = case_list.load_rows(stagnation_days=100)
    assert not any(r.has(QuickFilter.STAGNATING) for r in short)


def test_no_director_only_where_one_is_expected(world: World) -> None:
    row = rows_by_ref()[world.plain.reference]  # aanmelding: no casusregisseur yet, no signal
    assert row.director == "" and not row.has(QuickFilter.NO_DIRECTOR)
    assert "geen casusregisseur" in rows_by_ref()[world.no_director.reference].badges


def test_closed_cases_are_hidden_until_asked(world: World) -> None:
    rows = case_list.load_rows()
    assert world.retention_passed.reference not in refs(case_list.filter_rows(rows, ListQuery(), None))
    shown = case_list.filter_rows(rows, ListQuery(show_closed=True), None)
    assert world.retention_passed.reference in refs(shown)
    only_closed = case_list.filter_rows(rows, ListQuery(phase="closed"), None)
    assert refs(only_closed) == [world.retention_passed.reference]


def test_phase_filter_and_its_cycle(world: World) -> None:
    rows = case_list.load_rows()
    assert refs(case_list.filter_rows(rows, ListQuery(phase="plan"), None)) == [world.no_plan.reference]
    seen, phase = [], None
    for _ in range(len(case_list.PHASE_CYCLE)):
        phase = case_list.next_phase_filter(phase)
        seen.append(phase)
    assert seen[-1] is None and "closed" in seen and len(set(seen)) == len(seen)


@pytest.mark.parametrize("column", case_list.SORTABLE)
def test_sort_by_every_column_both_ways(world: World, column: str) -> None:
    rows = case_list.load_rows()
    key = case_list._sort_key(column)
    up = case_list.sort_rows(rows, column)
    down = case_list.sort_rows(rows, column, descending=True)
    assert [key(r) for r in up] == sorted(key(r) for r in rows)
    assert [key(r) for r in down] == sorted((key(r) for r in rows), reverse=True)


def test_sort_by_title_ignores_case(profile) -> None:
    for name in ("bram", "Anouk", "Céline"):
        make_case(name)
    titles = [r.title for r in case_list.sort_rows(case_list.load_rows(), "title")]
    assert titles == ["Anouk", "bram", "Céline"]


def test_next_date_sorts_cases_without_a_date_last(world: World) -> None:
    plans.update_plan(plans.current(world.overdue), evaluation_on=context.today() + dt.timedelta(days=5))
    ordered = case_list.sort_rows(case_list.load_rows(), "next")
    assert ordered[0].reference == world.overdue.reference
    assert all(r.next_date is None for r in ordered[1:])


def test_attention_columns_sort_worst_first_by_default() -> None:
    worst_first = {code for code in case_list.SORTABLE if case_list.default_descending(code)}
    assert worst_first == {"overdue", "attention", "ave", "open", "days"}
    assert not case_list.default_descending("next")  # dates: soonest (or passed) first
    letters = [key for key, _, _ in case_list.sort_menu()]
    assert len(set(letters)) == len(letters) == len(case_list.COLUMNS)
    assert ("l", "Acties te laat (meeste eerst)", "overdue") in case_list.sort_menu()


def test_a_passed_evaluation_counts_as_attention_and_comes_first_by_date(world: World) -> None:
    """Sorting on Aandacht counts every signal, also 'evaluatie verlopen' (which has no quick
    filter); sorting on Volgende puts the passed evaluation on top."""
    late = make_case("Late Evaluatie")  # numbered after every case of the world
    plan = plans.start_plan(late)
    Plan.update(evaluation_on=context.today() - dt.timedelta(days=2)).where(Plan.id == plan.id).execute()
    rows = case_list.load_rows()
    late_row = next(r for r in rows if r.id == late.id)
    quiet_row = next(r for r in rows if r.id == world.plain.id)
    assert late_row.badges == ("evaluatie verlopen",) and late_row.flags == 0
    assert not quiet_row.badges
    ordered = case_list.sort_rows(rows, "attention", case_list.default_descending("attention"))
    assert ordered.index(late_row) < ordered.index(quiet_row)
    assert case_list.sort_rows(rows, "next")[0].id == late.id


# -- search -------------------------------------------------------------------------------

def search(text: str, rows: list[case_list.CaseRow] | None = None) -> list[str]:
    rows = rows if rows is not None else case_list.load_rows()
    return refs(case_list.filter_rows(rows, ListQuery(text=text, show_closed=True),
                                      case_list.search_ids(text)))


def test_search_by_part_of_a_name_reason_or_reference(world: World) -> None:
    assert search("fati") == [world.overdue.reference]
    assert search("El Fic") == [world.overdue.reference]
    assert search("geweld") == [world.overdue.reference]
    number = world.no_plan.reference.split("-")[1]
    assert search(number) == [world.no_plan.reference]
    assert search(world.no_plan.reference) == [world.no_plan.reference]
    assert search("") == sorted(search(""))  # no text: everything
    assert len(search("")) == 7


def test_search_finds_a_second_person_and_ignores_accents(profile) -> None:
    case = make_case("Jan Ünal")
    cases.add_person(case, cases.NewPerson(name="Zoë Ärtsen"))
    assert search("unal") == [case.reference]
    assert search("zoe") == [case.reference]
    assert search("ä") == [case.reference]  # 'ä' is 'a': Ärtsen


@pytest.mark.parametrize("hostile", ['"', "AND", "*", "[/b]", "ä", "NEAR(", "a OR", '"")', "-", "^", "'",
                                     "NOT fatima", "col:fati", "((", "\\", "\x00"])
def test_hostile_search_input_never_breaks_the_query(world: World, hostile: str) -> None:
    ids = case_list.search_ids(hostile)
    assert ids is None or isinstance(ids, set)
    query = case_list.fts_query(hostile)
    assert query is None or all(part.startswith('"') and part.endswith('"*') for part in query.split())


def test_operators_are_searched_as_words(world: World) -> None:
    make_case("Sanne And Co", reason="and")
    assert search("AND") == [c.reference for c in Case.select().where(Case.title == "Sanne And Co")]
    assert search("NOT fatima") == []  # 'not' is a word that must match, not an operator


def test_fts_query_quotes_every_word_as_prefix() -> None:
    assert case_list.fts_query('fa"ti AND') == '"fa"* "ti"* "AND"*'
    assert case_list.fts_query("  ") is None
    assert case_list.fts_query("*[/b]*") == '"b"*'


# -- counts -------------------------------------------------------------------------------

def test_stats_and_count_text(world: World) -> None:
    stats = case_list.stats(case_list.load_rows())
    assert (stats.total, stats.open, stats.closed) == (7, 6, 1)
    assert all(count == 1 for count in stats.per_filter.values())
    assert case_list.count_text(1) == "1 casus"
    assert case_list.count_text(1234) == "1.234 casussen"
    assert case_list.count_text(12, 1234) == "12 van 1.234 casussen"
    assert case_list.count_text(0) == "0 casussen"


def test_empty_database_has_no_rows(profile) -> None:
    assert case_list.load_rows() == []
    assert case_list.stats([]).total == 0


def test_load_only_some_cases(world: World) -> None:
    rows = case_list.load_rows(case_ids=[world.plain.id])
    assert refs(rows) == [world.plain.reference]
    assert case_list.load_rows(case_ids=[]) == []


def test_the_load_query_counts_actions_through_the_index(profile) -> None:
    plan = "\n".join(case_list.explain_load())
    assert "action_plan_id_status_deadline" in plan
    assert "SCAN a" not in plan and "SCAN action" not in plan


# -- dossier ------------------------------------------------------------------------------

def test_load_dossier_is_audited_as_a_view(world: World) -> None:
    before = AuditEvent.select().where((AuditEvent.case_id == world.overdue.id) & (AuditEvent.event == "view")).count()
    dossier = case_list.load_dossier(world.overdue.id)
    case_list.load_dossier(world.overdue.id, audit_view=False)
    after = AuditEvent.select().where((AuditEvent.case_id == world.overdue.id) & (AuditEvent.event == "view")).count()
    assert after == before + 1
    assert dossier.director is not None and dossier.director.partner_id == world.partner.id
    assert dossier.plan is not None and len(dossier.plan.loose_actions) == 2
    assert any("te laat" in flags for _, flags in dossier.plan.loose_actions)
    assert dossier.plan.blockers  # a concept without a shared task cannot be adopted


# -- the partner picker's choices --------------------------------------------------------

def test_partner_choices_match_organisation_or_contact(world: World) -> None:
    labels = [c.label for c in partner_choices("wim")]
    assert labels == ["Politie Eenheid Test · Wim Wijkagent"]
    by_org = [c.label for c in partner_choices("politie")]
    assert by_org == ["Politie Eenheid Test", "Politie Eenheid Test · Wim Wijkagent"]
    assert [c.label for c in partner_choices("POLITIE wim")] == ["Politie Eenheid Test · Wim Wijkagent"]


def test_partner_choices_put_the_case_partners_first(world: World) -> None:
    zorg = partners.create_partner("Aaa Zorg")
    participants.add_participant(world.plain, world.partner.id)
    first = partner_choices("", case_id=world.plain.id)[0]
    assert first.partner_id == world.partner.id and first.in_case
    assert partner_choices("", case_id=None)[0].partner_id == zorg.id


def test_partner_choices_ignore_accents_and_inactive_partners(profile) -> None:
    gone = partners.create_partner("Stichting Ünïek")
    assert [c.partner_id for c in partner_choices("uniek")] == [gone.id]
    partners.deactivate_partner(gone)
    assert partner_choices("uniek") == []


def test_a_passed_evaluation_date_is_flagged_in_words(world: World) -> None:
    today = context.today()
    plan = plans.current(world.overdue)
    plans.update_plan(plan, evaluation_on=today + dt.timedelta(days=1))
    assert "evaluatie verlopen" not in rows_by_ref()[world.overdue.reference].badges
    Plan.update(evaluation_on=today - dt.timedelta(days=1)).where(Plan.id == plan.id).execute()
    assert "evaluatie verlopen" in rows_by_ref()[world.overdue.reference].badges
