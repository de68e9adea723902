"""The capture line (services/meetings/capture.py): every form of the grammar, the questions
asked instead of guesses, refusals that keep the line, and a line committed when execute returns."""

from __future__ import annotations

import datetime as dt

import pytest
from meetingkit import TODAY, at, make_table

from zvh_tui.core.vocab import ItemStatus, MeetingStatus, PlanStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import capture, live
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Agreement,
    Commitment,
    ItemAttendance,
    Meeting,
    MeetingItem,
    MeetingNote,
)


@pytest.fixture
def table(build):
    t = make_table(build, second_case=True)
    live.start_meeting(t.meeting, now=at(9))
    return t


def run(table, line: str, item=None, minute: int = 10) -> capture.Outcome:
    return capture.execute(line, item or table.fresh(), today=TODAY, now=at(9, minute))


def reply(table, outcome: capture.Outcome, value: str, item=None) -> capture.Outcome:
    assert outcome.question is not None, outcome.message
    return capture.answer(outcome.question, value, item or table.fresh(), today=TODAY, now=at(9, 20))


# -- b, n, af -----------------------------------------------------------------------------------

def test_a_decision(table) -> None:
    outcome = run(table, "b Wijkteam wordt casusregisseur")
    assert (outcome.ok, outcome.keep_line, outcome.message, outcome.changed) == (
        True, False, "Besluit vastgelegd.", frozenset({"notes"}))
    note = MeetingNote.get()
    assert (note.kind, note.text, note.tag) == ("decision", "Wijkteam wordt casusregisseur", "beeld")


@pytest.mark.parametrize(("line", "visibility", "source", "body"), [
    ("n Moeder is bezorgd", "tafel", None, "Moeder is bezorgd"),
    ("n @ggz Zorgmijder sinds mei", "tafel", "ggz", "Zorgmijder sinds mei"),
    ("n! Alleen voor ons", "zvh", None, "Alleen voor ons"),
    ("n! @politie Loopt een onderzoek", "zvh", "police", "Loopt een onderzoek"),
    ("n @politie! Lopend onderzoek, niet delen", "bron", "police", "Lopend onderzoek, niet delen"),
])
def test_notes_with_source_and_visibility(table, line, visibility, source, body) -> None:
    run(table, "/oordeel")
    outcome = run(table, line)
    assert outcome.ok and outcome.changed == frozenset({"notes"}), outcome.message
    note = MeetingNote.get()
    expected = {"ggz": table.ggz.id, "police": table.police.id, None: None}[source]
    assert (note.text, note.visibility, note.source_partner_id, note.tag) == (body, visibility, expected, "oordeel")


def test_note_refusals_keep_the_line(table) -> None:
    for line, message in (("n", "Typ: n TEKST"), ("n @politie!", "Typ: n TEKST"),
                          ("n @! iets", "Na @ hoort de partner")):
        outcome = run(table, line)
        assert (outcome.ok, outcome.keep_line) == (False, True) and message in outcome.message
    asked = run(table, "n @xyz Iets gezegd")
    assert asked.question is not None and asked.question.kind == "source"
    done = reply(table, asked, "1")
    assert done.ok and MeetingNote.get().source_partner_id == asked.question.choices[0].partner_id


def test_an_afspraak(table) -> None:
    outcome = run(table, "af Bij een incident belt de politie de casusregisseur @politie")
    assert outcome.ok, outcome.message
    row = Agreement.get()
    assert (row.text, row.partner_id, row.plan.status) == (
        "Bij een incident belt de politie de casusregisseur", table.police.id, PlanStatus.CONCEPT.value)
    assert run(table, "af Iedereen deelt binnen de doelbinding").message.endswith("(voor allen).")
    assert run(table, "af @politie").keep_line


# -- a: actions ----------------------------------------------------------------------------------

def test_an_action_with_owner_and_date_lands_in_the_concept_plan(table) -> None:
    outcome = run(table, "a Huisbezoek plannen @politie/bakker vr")
    assert outcome.ok, outcome.message
    assert outcome.message == "Actie in plan versie 1: Politie · Wijkagent Bakker, 27-11-2026."
    action = Action.get()
    assert (action.text, action.owner_partner_id, action.owner_contact_id, action.deadline, action.agreed_in_id) == (
        "Huisbezoek plannen", table.police.id, table.bakker.id, dt.date(2026, 11, 27), table.item.id)


def test_an_action_when_the_plan_was_adopted(table, build) -> None:
    participants.set_director(table.case, table.wijkteam.id, contact_id=table.de_vries.id)
    plans.adopt(build.ready_plan(table.case))
    outcome = run(table, "a Budgetcoach regelen @wijkteam +2w")
    assert outcome.message.startswith("Actie in plan versie 2: Wijkteam Noord"), outcome.message
    action = Action.get(Action.text == "Budgetcoach regelen")
    assert (action.plan.version, action.plan.status, action.deadline, action.agreed_in_id) == (
        2, PlanStatus.CONCEPT.value, TODAY + dt.timedelta(weeks=2), table.item.id)


def test_an_unknown_owner_is_asked_never_guessed(table) -> None:
    asked = run(table, "a Bellen met school @onderwijs vr")
    assert asked.question is not None and asked.question.kind == "owner" and not asked.keep_line
    assert "Geen partner gevonden voor '@onderwijs'" in asked.message
    assert asked.question.prompt.startswith("Welke eigenaar? 1 ") and asked.question.prompt.endswith("0 niemands taak")
    assert Action.select().count() == 0
    wrong = reply(table, asked, "99")
    assert (wrong.ok, wrong.keep_line, wrong.question) == (False, True, asked.question)
    assert "of 0 (niemands taak)" in wrong.message
    pick = next(n for n, c in enumerate(asked.question.choices, 1) if c.partner_id == table.ggz.id)
    done = reply(table, asked, str(pick))
    assert done.ok and (Action.get().owner_partner_id, Action.get().deadline) == (table.ggz.id, dt.date(2026, 11, 27))


def test_an_ambiguous_owner_is_asked(table, build) -> None:
    build.partner("Politie Oost", domain="straf")
    participants.add_participant(table.case, partners.list_partners("Politie Oost")[0].id)
    asked = run(table, "a Melding doorzetten @pol morgen")
    assert asked.question is not None and "past bij 2 partners" in asked.message
    assert {c.label for c in asked.question.choices} == {"Politie (aan tafel)", "Politie Oost (aan tafel)"}


def test_nobody_s_task_is_asked_and_0_accepts_it(table) -> None:
    asked = run(table, "a ID-kaart aanvragen vr")
    assert asked.question is not None and "niemands taak" in asked.message
    done = reply(table, asked, "0")
    assert done.ok and "niemands taak (bewust geaccepteerd)" in done.message
    action = Action.get()
    assert (action.owner_partner_id, action.nobody_accepted, action.deadline) == (None, True, dt.date(2026, 11, 27))


def test_a_bad_date_gets_a_dutch_hint_and_the_line_is_kept(table) -> None:
    for line in ("a Bellen @politie 31-02", "a Bellen @politie +99999w"):
        outcome = run(table, line)
        assert (outcome.ok, outcome.keep_line, outcome.question) == (False, True, None)
        assert "Deadline" in outcome.message
    past = run(table, "a Bellen @politie 1-1-2026")
    assert past.keep_line and "in het verleden" in past.message
    assert Action.select().count() == 0


def test_an_action_owned_by_the_own_house_is_flagged(table, build) -> None:
    outcome = run(table, f"a Zelf bellen @{build.own().name.split()[0]} vr")
    assert outcome.ok and "taak overgenomen?" in outcome.message and "neem geen taken over" in outcome.message


# -- r: who holds the overview -------------------------------------------------------------------

def test_r_with_a_partner_only_asks_for_its_person(table) -> None:
    asked = run(table, "r @ggz")
    assert asked.question is not None and asked.question.kind == "director"
    assert [c.label for c in asked.question.choices] == ["GGZ Noord · Dr. Visser"]
    assert cases.director_of(table.case) is None
    done = reply(table, asked, "1")
    assert done.ok and done.message == "GGZ Noord · Dr. Visser houdt het overzicht; eerste bel-moment 24-11-2026."
    director = cases.director_of(table.case)
    assert (director.partner_id, director.contact_id) == (table.ggz.id, table.visser.id)


def test_r_with_a_person_and_a_bel_moment(table) -> None:
    outcome = run(table, "r @politie/bakker vr")
    assert outcome.ok, outcome.message
    stored = table.fresh()
    assert (stored.director_contact_id, stored.call_on) == (table.bakker.id, dt.date(2026, 11, 27))
    assert run(table, "r @politie/bakker gisteren").keep_line  # a bel-moment in the past


def test_r_for_the_own_house_asks_a_reason(table, build) -> None:
    own = build.own()
    me = partners.add_contact(own, "Procesregisseur Smit")
    asked = run(table, "r @/smit")
    assert asked.question is not None and asked.question.kind == "director_reason"
    assert "neem geen taken over" in asked.message
    assert cases.director_of(table.case) is None
    empty = reply(table, asked, "  ")
    assert empty.question == asked.question and not empty.ok
    done = reply(table, asked, "Geen partner kan het nu; tot de evaluatie")
    assert done.ok and table.fresh().director_reason == "Geen partner kan het nu; tot de evaluatie"
    assert cases.director_of(table.case).contact_id == me.id


# -- /sluit and /einde: the Breda rule -------------------------------------------------------------

def test_sluit_asks_the_seed_question_and_the_regisseur_picks_there(table) -> None:
    refused = run(table, "/sluit")
    assert not refused.ok and "Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen?" in refused.message
    question = refused.question
    assert question is not None and question.kind == "director"
    assert question.choices == tuple(live.director_choices(table.fresh()))
    assert question.prompt.startswith("Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen? 1 ")
    assert table.fresh().status == ItemStatus.OPEN.value
    picked = reply(table, refused, "1")
    assert not picked.ok and "/datum" in picked.message and "houdt het overzicht" in picked.message
    assert table.fresh().director_contact_id == question.choices[0].contact_id
    assert table.fresh().status == ItemStatus.OPEN.value
    assert run(table, "/datum +6w").ok
    closed = run(table, "/sluit")
    assert closed.ok and table.fresh().status == ItemStatus.CLOSED.value
    assert run(table, "b Nog een besluit").keep_line  # closed: refused
    assert "al afgerond" in run(table, "/sluit").message


def test_sluit_without_a_next_date_points_at_datum(table) -> None:
    run(table, "r @politie/bakker")
    refused = run(table, "/sluit")
    assert (refused.ok, refused.keep_line, refused.question) == (False, True, None)
    assert "/datum DATUM" in refused.message
    assert run(table, "/terugkom 15-12").ok
    assert table.fresh().next_kind == "terugkom"
    assert run(table, "/sluit").ok


def test_einde_lists_open_items_and_refuses(table) -> None:
    refused = run(table, "/einde")
    assert (refused.ok, refused.keep_line, refused.ended) == (False, True, False)
    assert "Nog open: 2026-0001, 2026-0002" in refused.message
    for item in (table.fresh(), live.neighbour(table.fresh(), 1)):
        run(table, "r @politie/bakker", item)
        run(table, "/datum +6w", item)
        assert run(table, "/sluit", item).ok
    ended = run(table, "/einde")
    assert ended.ok and ended.ended
    assert Meeting.get_by_id(table.meeting.id).status == MeetingStatus.CLOSED.value


# -- review, attendance, commitment, navigation -----------------------------------------------------

def test_the_review_commands(table, build) -> None:
    participants.set_director(table.case, table.wijkteam.id, contact_id=table.de_vries.id)
    plan = build.ready_plan(table.case)
    plans.add_action(plan, "Tweede", owner_partner_id=table.police.id, deadline=TODAY + dt.timedelta(days=2))
    plans.add_action(plan, "Derde", owner_partner_id=table.ggz.id, deadline=TODAY + dt.timedelta(days=2))
    plans.adopt(plan)
    assert run(table, "/gedaan 1").message == "Actie 1: gedaan."
    refused = run(table, "/nietmogelijk 2")
    assert refused.keep_line and "Typ /nietmogelijk 2 REDEN" in refused.message
    assert run(table, "/nietmogelijk 2 Cliënt is verhuisd").ok
    assert run(table, "/nietopgepakt 3").message == "Actie 3: niet opgepakt."
    assert run(table, "/gedaan 4").keep_line
    assert run(table, "/gedaan een").keep_line
    outcomes = [line.outcome for line in live.review_list(table.fresh())]
    assert outcomes == ["gedaan", "niet_mogelijk", "niet_opgepakt"]
    assert ActionReview.select().count() == 3


def test_attendance_commands(table) -> None:
    assert run(table, "/aanwezig bakker", minute=5).message == "Politie · Wijkagent Bakker: aanwezig."
    assert run(table, "/afgemeld ggz").ok
    assert run(table, "/client", minute=12).ok
    assert run(table, "/weg @politie/bakker", minute=30).message == "Politie · Wijkagent Bakker is vertrokken."
    assert run(table, "/client weg", minute=31).ok
    rows = {a.label: (a.presence_label, a.arrived_at, a.left_at) for a in live.attendance_of(table.fresh())}
    assert rows == {
        "Politie · Wijkagent Bakker": ("vertrokken", at(9, 5), at(9, 30)),
        "GGZ Noord": ("afgemeld", None, None),
        "cliënt": ("vertrokken", at(9, 12), at(9, 31)),
    }
    assert run(table, "/aanwezig").keep_line
    assert run(table, "/client morgen").keep_line


def test_an_ambiguous_name_is_asked(table) -> None:
    partners.add_contact(table.ggz, "Dr. Bakker")
    asked = run(table, "/aanwezig bakker")
    assert asked.question is not None and asked.question.kind == "name"
    assert len(asked.question.choices) == 2 and ItemAttendance.select().count() == 0
    done = reply(table, asked, "2")
    assert done.ok and ItemAttendance.select().count() == 1


def test_the_reminder_and_commitment(table) -> None:
    run(table, "/aanwezig politie")
    assert run(table, "/herinnering").message == "Geheimhouding benoemd; vastgelegd voor 1 aan tafel."
    refused = run(table, "/commit ggz")
    assert refused.keep_line and "niet aanwezig" in refused.message
    assert run(table, "/commit politie").ok
    assert [c.partner_id for c in Commitment.select()] == [table.police.id]
    assert run(table, "/geencommit politie").ok and Commitment.select().count() == 0


def test_navigation_and_adding_to_the_agenda(table, build) -> None:
    first = table.fresh()
    assert run(table, "/vorige").keep_line
    moved = run(table, "/volgende")
    second = MeetingItem.get_by_id(moved.item_id)
    assert moved.ok and second.case.reference == "2026-0002" and second.started_at == at(9, 10)
    at_end = run(table, "/volgende", second)
    assert at_end.keep_line and "/einde" in at_end.message
    assert run(table, "/vorige", second).item_id == first.id
    extra = build.new_case("Kees Klaassen", referrer=table.wijkteam)
    added = run(table, f"/agenda {extra.reference}")
    assert added.ok and MeetingItem.get_by_id(added.item_id).case_id == extra.id
    assert run(table, "/agenda 3").keep_line  # already on the agenda: refused by the planning rule
    assert "geen casus met nummer '2099-0001'" in run(table, "/agenda 2099-0001").message
    closed = build.new_case("Anna Afgesloten", referrer=table.wijkteam)
    cases.close_case(closed, "Klaar", retention_years=15)
    refused = run(table, f"/agenda {closed.reference}")
    assert refused.keep_line and "afgesloten" in refused.message
    assert MeetingItem.select().count() == 3


# -- lines not understood, hostile input, durability -------------------------------------------------

@pytest.mark.parametrize("line", ["hallo allemaal", "x Iets", "/onzin", "/vol", "bx nee"])
def test_a_line_not_understood_is_kept_with_a_hint(table, line) -> None:
    outcome = run(table, line)
    assert (outcome.ok, outcome.keep_line) == (False, True)
    assert outcome.message and ("Niet begrepen" in outcome.message or "Onbekende opdracht" in outcome.message)
    assert MeetingNote.select().count() == 0


def test_an_empty_line_does_nothing(table) -> None:
    outcome = run(table, "   ")
    assert not outcome.ok and not outcome.keep_line and MeetingNote.select().count() == 0


def test_markup_is_stored_as_typed_and_control_characters_are_refused(table) -> None:
    assert run(table, "b [bold]Niet[/bold] [/b] [link=x]meer[/link] bellen").ok
    assert MeetingNote.get().text == "[bold]Niet[/bold] [/b] [link=x]meer[/link] bellen"
    for line in ("b wis \x1b[2J alles", "n titel \x1b]0;pwned\x07", "b links\u202eom"):
        outcome = run(table, line)
        assert outcome.keep_line and not outcome.ok
        assert "\x1b" not in outcome.message
    assert MeetingNote.select().count() == 1


def test_a_huge_paste_is_refused_politely(table) -> None:
    outcome = run(table, "b " + "bla " * 10_000)
    assert (outcome.ok, outcome.keep_line) == (False, True)
    assert outcome.message.startswith("Deze regel is te lang (40.002 tekens; hoogstens 2.000)")
    assert MeetingNote.select().count() == 0


def test_a_captured_line_is_committed_when_execute_returns(table, profile, profile_template) -> None:
    from zvh_tui.store import database

    outcome = run(table, "b Gemeente regelt de schuldhulp")
    assert outcome.ok
    _source, raw_key = profile_template
    other = database.connect_raw(profile.paths.database, raw_key, readonly=True)  # a second connection
    try:
        rows = other.execute("SELECT text, kind FROM meeting_note").fetchall()
    finally:
        other.close()
    assert rows == [("Gemeente regelt de schuldhulp", "decision")]


# -- completion -------------------------------------------------------------------------------------

NAMES = ["Politie", "GGZ Noord", "Veilig Thuis", "Wijkagent Bakker", "Dr. Visser"]


@pytest.mark.parametrize(("line", "expected"), [
    ("/vo", "/volgende"),
    ("/vor", "/vorige"),
    ("/nietm", "/nietmogelijk"),
    ("/volgende", None),
    ("/VO", "/VOlgende"),
    ("a bel @pol", "a bel @politie"[:10] + "itie"),
    ("a bel @Pol", "a bel @Politie"),
    ("a bel @vei", "a bel @veilig_Thuis"),
    ("a bel @politie/wij", "a bel @politie/wijkagent_Bakker"),
    ("/aanwezig gg", "/aanwezig ggZ Noord"),  # after a command a name may have spaces
    ("/aanwezig dr", "/aanwezig dr. Visser"),
    ("n @xyz", None),
    ("b tekst", None),
    ("", None),
    ("a bel @pol ", None),
])
def test_suggest_completes_commands_and_names(line, expected) -> None:
    assert capture.suggest(line, NAMES) == expected


def test_suggestions_always_extend_the_line() -> None:
    for line in ("/a", "/ag", "/c", "/n", "a x @g", "a x @w", "/weg p", "/commit v"):
        suggestion = capture.suggest(line, NAMES)
        assert suggestion is None or (suggestion.startswith(line) and len(suggestion) > len(line))


def test_names_for_lists_partners_and_contacts(table, build) -> None:
    build.partner("Aaa Woonstad")  # not at the table in this case: after those who are
    names = capture.names_for(table.fresh())
    assert {"Politie", "GGZ Noord", "Wijkteam Noord", "Wijkagent Bakker", "Dr. Visser"} <= set(names)
    assert names.index("Politie") < names.index("Aaa Woonstad")


def test_the_grammar_names_every_command() -> None:
    forms = " ".join(form for form, _ in capture.GRAMMAR)
    for command in capture.COMMANDS:
        assert command in forms, command
    for head in ("b TEKST", "a TEKST @EIGENAAR DATUM", "n TEKST", "r @PARTNER/CONTACT"):
        assert head in forms


def test_a_bad_next_date_is_answered_in_dutch(table) -> None:
    outcome = run(table, "/datum binnenkort")
    assert outcome.keep_line and "geen datum" in outcome.message and "vr of +2w" in outcome.message
    assert run(table, "/datum").keep_line
    assert table.fresh().next_on is None


def test_r_alone_asks_who_holds_the_overview(table) -> None:
    asked = run(table, "r")
    assert asked.question is not None and asked.question.kind == "director"
    assert asked.message.startswith("Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen?")
    assert run(table, "r @politie @ggz").keep_line


def test_another_line_instead_of_an_answer_is_executed(table) -> None:
    asked = run(table, "a Bellen vr")
    assert asked.question is not None
    instead = reply(table, asked, "b Toch niet, eerst overleggen")
    assert instead.ok and instead.question is None
    assert MeetingNote.get().text == "Toch niet, eerst overleggen" and Action.select().count() == 0


def test_a_question_answered_after_the_item_closed_is_refused(table) -> None:
    asked = run(table, "a Bellen vr")
    run(table, "r @politie/bakker")
    run(table, "/datum +6w")
    assert run(table, "/sluit").ok
    late = reply(table, asked, "1")
    assert (late.ok, late.keep_line) == (False, True) and "al afgerond" in late.message
    assert Action.select().count() == 0


def test_digits_that_are_no_numbers(table) -> None:
    for line in ("/gedaan ²", "/agenda ²"):
        assert run(table, line).keep_line
    asked = run(table, "a Bellen vr")
    assert capture.answer(asked.question, "²", table.fresh(), today=TODAY, now=at(9, 20)).keep_line


def test_sluit_offers_the_plans_own_evaluation_date_without_taking_it(table) -> None:
    """The plan already has an evaluation date ahead: the refusal names it as a line to type;
    the item still does not close until the table confirms a next date."""
    run(table, "r @politie/bakker")
    plan = plans.current(table.case) or plans.start_plan(table.case)
    plans.update_plan(plan, evaluation_on=TODAY + dt.timedelta(days=40))
    shown = (TODAY + dt.timedelta(days=40)).strftime("%d-%m-%Y")
    refused = run(table, "/sluit")
    assert not refused.ok and f"/datum {shown} legt die vast" in refused.message
    assert table.fresh().next_on is None
    assert run(table, f"/datum {shown}").ok
    assert run(table, "/sluit").ok
