"""The case screens in English (issue 17): the case list, the dossier, the new-case form and the
persons screen read in English, dates as en_GB writes them, and no Dutch word is left on screen
apart from user data (names, references, reasons typed by users): the whole screen, header,
footer and the services' texts (column headers, badges, the Spiegel line, the plan's blockers)
included.
"""

from __future__ import annotations

from casekit import World, list_ready, screen_text, wait_for, wait_for_text
from i18nkit import dutch_words_in
from textual.widgets import Static, TextArea

from zvh_tui.core import i18n
from zvh_tui.screens.cases.dossier import SECTIONS, DossierScreen, with_key_hint
from zvh_tui.screens.cases.new_case import NewCaseScreen
from zvh_tui.screens.cases.persons import PersonsScreen
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Case
from zvh_tui.widgets.case_table import CaseTable
from zvh_tui.widgets.dialogs import MessageDialog
from zvh_tui.widgets.partner_picker import PartnerPicker

# The header shows the profile folder's name: user data.
PROFILE = ("profiel",)


class NoDutch:
    """Collects the Dutch words of each screen read; `done()` at the end of the test asserts
    there were none (after every other check of the test has run, so a failure names them all)."""

    def __init__(self, allowed: tuple[str, ...]) -> None:
        self.allowed = [*allowed, *PROFILE]
        self.found: list[str] = []

    def __call__(self, text: str) -> None:
        self.found += dutch_words_in(text, self.allowed)

    def done(self) -> None:
        assert not self.found, self.found


def names_of(world: World) -> tuple[str, ...]:
    """The user data of casekit's world: names, reasons, partners, contacts."""
    data = []
    for case in (world.plain, world.overdue, world.no_director, world.no_plan, world.stagnating,
                 world.informed_review, world.retention_passed):
        case = Case.get_by_id(case.id)
        data += [case.title, case.reason, case.referrer_citizen]
    data += ["Politie Eenheid Test", "Wim Wijkagent", "Wijkteam Noord", "huisbezoek afleggen",
             "uitkering regelen", "lopend strafrechtelijk onderzoek"]
    return tuple(sorted({d for d in data if d}, key=len, reverse=True))


async def open_dossier(pilot, case: Case) -> DossierScreen:
    screen = await list_ready(pilot)
    screen.open_case(case.id)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def test_the_case_list_in_english(world: World, profile, make_app) -> None:
    no_dutch = NoDutch(names_of(world))
    i18n.set_language("en")
    # wide enough that no name is cut short ("Zonder…" would read as a Dutch word)
    async with make_app(profile).run_test(size=(160, 40)) as pilot:
        screen = await list_ready(pilot)
        text = screen_text(pilot.app)
        for expected in ("Cases", "Search:", "/ number, name or reason", "Number", "Phase",
                         "Case director", "f Phase: all", "(ascending; S reverses)",
                         "a Closed: hidden", "0 clears filters", "case director: none",
                         "⏎ Open", "/ Search", "n New"):
            assert expected in text, expected
        assert "Zoeken" not in text and "Fase:" not in text
        no_dutch(text)

        await pilot.press("5")  # the quick filter "reconsider informing"
        await wait_for(pilot, lambda: [r.id for r in screen.query_one(CaseTable).rows]
                       == [world.informed_review.id])
        text = screen_text(pilot.app)
        assert "[x]" in text and "Naima Heroverweeg" in text and "Fatima" not in text
        await pilot.press("0")  # every filter off again

        await pilot.press("slash", *"Fatima")
        await wait_for(pilot, lambda: [r.id for r in screen.query_one(CaseTable).rows] == [world.overdue.id])
        text = screen_text(pilot.app)
        assert "case director: Politie Eenheid Test · Wim Wijkagent" in text
        no_dutch(text)

        await pilot.press(*"xq")  # nothing matches
        await wait_for_text(pilot, "No cases found with this search and these filters.")
    no_dutch.done()


async def test_the_case_table_header_follows_the_language(world: World, profile, make_app) -> None:
    i18n.set_language("en")
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        table = pilot.app.screen.query_one(CaseTable)
        english = "".join(table._header_cells(table.size.width))
        assert "Number" in english and "Case director" in english
        i18n.set_language("nl")
        dutch = "".join(table._header_cells(table.size.width))
        assert "Nummer" in dutch and "Casusregisseur" in dutch


async def test_the_dossier_in_english(world: World, profile, make_app) -> None:
    no_dutch = NoDutch(names_of(world))
    i18n.set_language("en")
    async with make_app(profile).run_test(size=(120, 60)) as pilot:
        dossier = await open_dossier(pilot, world.overdue)
        titles = ["Overview", "Participants", "Plan of approach", "Meetings", "Journal",
                  "Escalation and de-escalation", "Disclosures", "Advice and AVE"]
        for (key, _title, _goto), title in zip(SECTIONS, titles, strict=True):
            assert str(dossier.query_one(f"#heading-{key}", Static).render()) == title
        index = str(dossier.query_one("#dossier-index", Static).render())
        assert index.split() == " ".join(f"{n} {t}" for n, t in enumerate(titles, start=1)).split()
        text = screen_text(pilot.app)
        received = Case.get_by_id(world.overdue.id).received_on
        for expected in (f"Case {world.overdue.reference}", "Persons involved: Fatima El Fictief",
                         "Case director: Politie Eenheid Test · Wim Wijkagent",
                         "Role of the ZVH:", "Next review: —", "Informed: yes",
                         f"Referred on: {received:%d/%m/%Y}", "Reason for referral: huiselijk geweld",
                         "check on prior involvement:", "no privacy covenant",
                         "Actions without a goal", "Not discussed in a meeting yet.",
                         "n Note", "v Next phase", "esc Back"):
            assert expected in text, expected
        no_dutch(text)

        await pilot.press("c")  # no retention period in the settings: refused, in English
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageDialog))
        text = screen_text(pilot.app)
        assert "The case cannot be closed yet" in text
        shown = " ".join(" ".join(str(w.render()).split()) for w in pilot.app.screen.query(Static))
        assert "The retention period has not been set yet. Fill it in first in Settings (F9)" in shown
        no_dutch(text)
    no_dutch.done()


async def test_a_closed_dossier_and_its_sections_in_english(world: World, profile, make_app) -> None:
    i18n.set_language("en")
    async with make_app(profile).run_test(size=(120, 80)) as pilot:
        dossier = await open_dossier(pilot, world.retention_passed)
        overview = str(dossier.query_one("#dossier-overview", Static).render())
        closed = Case.get_by_id(world.retention_passed.id)
        for expected in (f"Closed on: {closed.closed_on:%d/%m/%Y}", "Reason for closing: doel bereikt",
                         "Keep until:", "Aftercare until:"):
            assert expected in overview, expected
        for key, expected in (("participants", "No partners at the table yet. Press d to add partners."),
                              ("plan", "No plan of approach yet. Press p to open the plan."),
                              ("journal", "No notes yet. Press n for a new note."),
                              ("escalations", "Not escalated or de-escalated."),
                              ("provisions", "Nothing disclosed to partners yet.")):
            shown = str(dossier.query_one(f"#dossier-{key}", Static).render())
            if key == "journal" and "No notes yet" not in shown:
                continue  # closing wrote a journal entry
            assert shown == expected, (key, shown)


async def test_the_new_case_form_in_english(profile, make_app) -> None:
    partners.create_partner("Politie Noord")
    no_dutch = NoDutch(("Politie Noord", "Zoë Proef", "polit", "zorgen"))
    i18n.set_language("en")
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NewCaseScreen))
        await pilot.pause()
        form = pilot.app.screen
        text = screen_text(pilot.app)
        for expected in ("New referral", "Persons involved (name, date of birth, role; informed or not)",
                         "informed about the referral", "Add a person (Ctrl+N)",
                         "Name or alias in lists", "Referrer: partner and contact",
                         "Reason for referral", "esc Cancel"):
            assert expected in text, expected
        no_dutch(text)
        placeholders = form.query_one("#person0-name").placeholder
        assert placeholders == "Name of person 1"
        assert "AVE: the case starts in AVE phase" in str(form.query_one("#ave-start", Static).render())

        await pilot.press(*"Zoë Proef")
        form.query_one("#reason", TextArea).text = "zorgen"
        form.query_one("#referrer", PartnerPicker).focus()
        await pilot.press(*"polit", "escape")  # typed, nothing chosen
        await pilot.press("f5")
        await wait_for(pilot, lambda: not form.query_one("#err-referrer").has_class("-empty"))
        assert str(form.query_one("#err-referrer", Static).render()) == (
            "Choose the referrer from the list (type a few letters, arrows and Enter), or clear the field.")
        assert "Choose the referrer from the list" in screen_text(pilot.app)

        await pilot.press("escape")  # something typed: asks first
        await wait_for_text(pilot, "Discard the referral?")
        text = screen_text(pilot.app)
        assert "What you typed in this form will not be saved." in text
        assert "Discard" in text and "Keep editing" in text
        no_dutch(text)
    no_dutch.done()


async def test_the_persons_screen_in_english(world: World, profile, make_app) -> None:
    no_dutch = NoDutch(names_of(world))
    i18n.set_language("en")
    case = world.informed_review
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await open_dossier(pilot, case)
        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PersonsScreen) and bool(pilot.app.screen.links))
        await pilot.pause()
        screen = pilot.app.screen
        review = screen.links[0].informed_review_on
        text = screen_text(pilot.app)
        for expected in (f"Persons involved · case {case.reference}", "No.", "Name", "Born", "Role",
                         "Address", "Informed", "reconsider",
                         "1 person involved; 1 not informed.", "For 1 person: reconsider informing (i).",
                         f"Informed: no — lopend strafrechtelijk onderzoek (reconsider on {review:%d/%m/%Y})",
                         "! reconsider informing", "i Informed?", "a Add person", "e Change"):
            assert expected in text, expected
        no_dutch(text)
    no_dutch.done()


def test_the_key_hint_follows_the_english_refusal() -> None:
    """The dossier adds the key that helps to a refusal; in English it finds the English words."""
    i18n.set_language("en")
    assert with_key_hint("Record the outcome of the triage first.") == "Record the outcome of the triage first (t)."
    assert with_key_hint("Record an advice question first.") == "Record an advice question first (A)."
    assert with_key_hint("Do the check on prior involvement first.") == (
        "Do the check on prior involvement first (d: Participants).")
    assert with_key_hint("Nothing to hint.") == "Nothing to hint."
    i18n.set_language("nl")
    assert with_key_hint("Leg eerst de uitkomst van de triage vast.") == "Leg eerst de uitkomst van de triage vast (t)."


async def test_the_mirror_in_english(world: World, profile, make_app) -> None:
    """The Spiegel (m): its title, section headings and table columns in English."""
    from zvh_tui.screens.cases.caseload import CaseloadScreen

    i18n.set_language("en")
    async with make_app(profile).run_test(size=(120, 60)) as pilot:
        await list_ready(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseloadScreen)
                       and pilot.app.screen.mirror is not None)
        await pilot.pause()
        text = screen_text(pilot.app)
        for expected in ("Mirror: your caseload at a glance", "Own load",
                         "Frog radar: partners to speak to", "Hats mirror: notes per hat per week",
                         "Aftercare", "No closed cases in aftercare.", "Week", "No hat",
                         "esc Back"):
            assert expected in text, expected
        assert "Hats in case" in text or "Tab: next section · Enter: open the case of the line" in text
