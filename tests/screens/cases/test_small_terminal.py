"""80x24 (issue 11 item 14): every dialog keeps its buttons on screen and scrolls to the focused
field; the case list keeps Laat and Aandacht; F1 and Ctrl+Q stay in the footer; a field's error
message is shown in full."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from casekit import World, list_ready, make_case, screen_text, wait_for
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Select
from textual.widgets._footer import FooterKey

from zvh_tui.screens.cases.advice import AdviceDialog
from zvh_tui.screens.cases.case_edit import ReferralDialog
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.cases.persons import InformedDialog, PersonDialog
from zvh_tui.screens.partners.participants import (
    AddParticipantDialog,
    CheckDialog,
    ParticipantsScreen,
    RoleDialog,
)
from zvh_tui.screens.partners.partner_form import ContactForm, PartnerForm
from zvh_tui.screens.plans.plan_dialogs import OwnerDialog, PlanConfirm
from zvh_tui.screens.shell.help import HelpScreen
from zvh_tui.screens.shell.settings import PassphraseDialog
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons
from zvh_tui.services.partners import partner_overview
from zvh_tui.store.models import Escalation
from zvh_tui.widgets.case_table import CaseTable
from zvh_tui.widgets.date_input import DateInput
from zvh_tui.widgets.dialogs import (
    ChoiceDialog,
    CloseCaseDialog,
    ConfirmDialog,
    EscalateDialog,
    FormDialog,
    JournalDialog,
    MessageDialog,
    PathDialog,
    TextDialog,
    TriageDialog,
)

SMALL = (80, 24)


def fully_visible(widget: Widget) -> bool:
    """The whole widget is on the screen: inside its clip (not scrolled away) and the terminal."""
    screen = widget.screen
    geometry = screen.find_widget(widget)
    region = geometry.region
    return (geometry.clip.intersection(region) == region
            and screen.region.intersection(region) == region)


def shown_text(widget: Widget) -> str:
    """The words the terminal shows inside the widget's region (wrapped lines joined)."""
    lines, box = screen_text(widget.app).splitlines(), widget.region
    return " ".join(" ".join(lines[y][box.x:box.right] for y in range(box.y, box.bottom)).split())


async def tab_through(pilot, dialog: Screen, target: str, limit: int = 25) -> None:
    """Tab until `target` (a selector) has focus; every field on the way is fully on screen."""
    app = pilot.app
    wanted = dialog.query_one(target)
    for _ in range(limit):
        focused = app.focused
        assert focused is not None
        assert fully_visible(focused), (
            f"{type(dialog).__name__}: {focused!r} heeft focus maar is niet (helemaal) te zien:\n"
            + screen_text(app))
        if focused is wanted:
            return
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"{target} kreeg geen focus met Tab:\n{screen_text(app)}")


def dialogs(world: World) -> dict[str, tuple[Callable[[], Screen], str]]:
    """Every dialog of the app, made for the world's cases; with the selector of its button."""
    case = world.overdue

    def row(index: int = 0) -> partner_overview.TableRow:
        return partner_overview.table_of(case.id)[index]

    return {
        "text": (lambda: TextDialog("Heropenen", "Reden", lambda text: None,
                                    intro="Waarom gaat deze casus weer open?"), "#dialog-save"),
        "journal": (lambda: JournalDialog(lambda text, hat: None), "#dialog-save"),
        "triage": (lambda: TriageDialog("", "", lambda *values: None), "#dialog-save"),
        "escalate": (lambda: EscalateDialog("case", "1", lambda *values: None), "#dialog-save"),
        "close": (lambda: CloseCaseDialog(case.reference, 15, lambda *values: None),
                  "#dialog-save"),
        "close-afschalen": (lambda: CloseCaseDialog(case.reference, 15, lambda *values: None,
                                                    level="process", ave_phase="3"), "#dialog-save"),
        "advice": (lambda: AdviceDialog(case.id, lambda data: None), "#dialog-save"),
        "confirm": (lambda: ConfirmDialog("Zeker?", "Dit is een lange vraag. " * 40), "#dialog-yes"),
        "message": (lambda: MessageDialog("Kan niet", [f"reden {n}: " + "tekst " * 20
                                                       for n in range(8)]), "#dialog-ok"),
        "passphrase": (lambda: PassphraseDialog(), "#dialog-save"),
        "partner": (lambda: PartnerForm(), "#dialog-save"),
        "contact": (lambda: ContactForm(world.partner.id), "#dialog-save"),
        "participant": (lambda: AddParticipantDialog(cases.get_case(case.id, audit_view=False)),
                        "#dialog-save"),
        "role": (lambda: RoleDialog(row()), "#dialog-save"),
        "check": (lambda: CheckDialog(row()), "#dialog-save"),
        "path": (lambda: PathDialog("Importeren", "Welk bestand?"), "#path-ok"),
        "plan-confirm": (lambda: PlanConfirm("Doel verwijderen?", "Het doel en zijn acties. " * 30),
                         "#dialog-yes"),  # the family's button ids
        "owner": (lambda: OwnerDialog(case.id), "#owner-cancel"),
        "referral": (lambda: ReferralDialog(cases.get_case(case.id, audit_view=False)), "#dialog-save"),
        "person": (lambda: PersonDialog(cases.get_case(case.id, audit_view=False)), "#dialog-save"),
        "informed": (lambda: InformedDialog(cases.get_case(case.id, audit_view=False),
                                            persons.links_of(case)[0]), "#dialog-save"),
    }


DIALOG_NAMES = ["text", "journal", "triage", "escalate", "close", "close-afschalen", "advice",
                "confirm", "message",
                "passphrase", "partner", "contact", "participant", "role", "check", "path",
                "plan-confirm", "owner", "referral", "person", "informed"]


@pytest.mark.parametrize("name", DIALOG_NAMES)
async def test_every_dialog_fits_80x24(name: str, world: World, profile, make_app) -> None:
    factory, button = dialogs(world)[name]
    async with make_app(profile).run_test(size=SMALL) as pilot:
        await list_ready(pilot)
        dialog = factory()
        pilot.app.push_screen(dialog)
        await wait_for(pilot, lambda: pilot.app.screen is dialog and pilot.app.focused is not None)
        await pilot.pause()
        save = dialog.query_one(button, Button)
        assert fully_visible(save), f"{name}: de knop {button} valt buiten beeld:\n{screen_text(pilot.app)}"
        await tab_through(pilot, dialog, button)
        assert fully_visible(save)
        if isinstance(dialog, FormDialog):  # and back again, to the first field
            for _ in range(12):
                await pilot.press("shift+tab")
                await pilot.pause()
                assert pilot.app.focused is not None and fully_visible(pilot.app.focused)


async def test_choice_dialog_keeps_the_chosen_line_in_view(profile, make_app) -> None:
    options = [(f"keuze {n}", n) for n in range(30)]
    async with make_app(profile).run_test(size=SMALL) as pilot:
        await list_ready(pilot)
        dialog = ChoiceDialog("Kies", "Een lange lijst", options)
        pilot.app.push_screen(dialog)
        await wait_for(pilot, lambda: pilot.app.screen is dialog)
        for _ in range(25):
            await pilot.press("down")
        await pilot.pause()
        assert "keuze 25" in screen_text(pilot.app)
        assert "Escape: annuleren" in screen_text(pilot.app)  # the hint stays at the bottom


async def open_dossier(pilot, case) -> DossierScreen:
    screen = await list_ready(pilot)
    screen.open_case(case.id)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def open_escalate(pilot, case) -> Screen:
    """The dossier of `case`, then o: the Op- of afschalen dialog."""
    await open_dossier(pilot, case)
    await pilot.press("o")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, EscalateDialog))
    return pilot.app.screen


async def test_escalate_and_close_by_keys_at_80x24_save_what_is_typed(profile, make_app) -> None:
    """The dialogs named in the issue, opened with their keys: tab to Opslaan and save."""
    profile.settings.retention_years = 15
    case = make_case(ave_phase="1", level="case")  # placed at casusniveau (triage)
    async with make_app(profile).run_test(size=SMALL) as pilot:
        dialog = await open_escalate(pilot, case)
        dialog.query_one("#to_level", Select).value = "process"
        await tab_through(pilot, dialog, "#trigger")
        await pilot.press(*"signaal van de school")
        await pilot.press("tab", *"ketenoverleg")
        await tab_through(pilot, dialog, "#dialog-save")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        row = Escalation.get()
        assert (row.to_level, row.trigger, row.decided_by) == (
            "process", "signaal van de school", "ketenoverleg")

        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CloseCaseDialog))
        dialog = pilot.app.screen
        await pilot.press(*"doel bereikt")
        await pilot.press("tab", *"betrokkene en partners")
        await tab_through(pilot, dialog, "#dialog-save")
        await pilot.press("enter")
        await wait_for(pilot, lambda: cases.get_case(case.id, audit_view=False).phase == "closed")


async def test_check_op_bekendheid_by_key_at_80x24(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=SMALL) as pilot:
        await open_dossier(pilot, world.overdue)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ParticipantsScreen))
        await pilot.pause()
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CheckDialog))
        dialog = pilot.app.screen
        await tab_through(pilot, dialog, "#check_basis")
        await pilot.press(*"convenant art. 5")
        await tab_through(pilot, dialog, "#dialog-save")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ParticipantsScreen))
        row = partner_overview.table_of(world.overdue.id)[0]
        assert row.check_basis == "convenant art. 5"


async def test_help_lists_every_key_within_80x24(profile, make_app) -> None:
    async with make_app(profile).run_test(size=SMALL) as pilot:
        await list_ready(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        assert table.row_count > 15  # more keys than fit at once
        assert "F1 sluit dit venster." in screen_text(pilot.app)
        for _ in range(table.row_count):
            await pilot.press("down")
        await pilot.pause()
        last = table.get_row_at(table.row_count - 1)
        assert str(last[1]) in screen_text(pilot.app)  # the last key can be scrolled to


async def assert_pinned_keys(pilot, where: str) -> None:
    """F1 Help and Ctrl+Q Afsluiten are shown in full on the footer's line."""
    app = pilot.app
    await pilot.pause()

    def shown() -> bool:
        pinned = [key for key in app.screen.query(FooterKey) if key.action in ("help", "quit")]
        return len(pinned) == 2 and all(fully_visible(key) for key in pinned)

    await wait_for(pilot, shown)
    line = screen_text(app).rstrip("\n").split("\n")[-1]
    assert re.search(r"F1 Help\s+\^q (App )?afsluiten", line, re.IGNORECASE), f"{where}: {line!r}"


async def test_f1_and_ctrl_q_always_in_the_footer_at_80_columns(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=SMALL) as pilot:
        app = pilot.app
        await list_ready(pilot)
        await assert_pinned_keys(pilot, "casussen")
        await open_dossier(pilot, world.overdue)
        await assert_pinned_keys(pilot, "dossier")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ParticipantsScreen))
        await assert_pinned_keys(pilot, "deelnemers")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.current_mode == "partners")
        await assert_pinned_keys(pilot, "partners")
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
        await assert_pinned_keys(pilot, "instellingen")


@pytest.mark.parametrize("width", [80, 100])
async def test_case_list_keeps_laat_and_aandacht(width: int, world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(width, 24)) as pilot:
        screen = await list_ready(pilot)
        table = screen.query_one(CaseTable)
        header = table.render_line(0).text
        assert "Laat" in header and "Aandacht" in header, header
        assert "Nummer" in header and "Naam" in header, header
        text = screen_text(pilot.app)
        overdue = next(line for line in text.splitlines() if world.overdue.reference in line)
        assert "! 1" in overdue  # one action overdue, in the Laat column
        no_director = next(line for line in text.splitlines() if world.no_director.reference in line)
        assert "geen casus" in no_director  # the Aandacht column, cut with "…" if need be


class NarrowDateApp(App[None]):
    CSS = "DateInput { width: 48; }"

    def compose(self) -> ComposeResult:
        yield DateInput(label="Geboortedatum", id="born")
        yield Input(id="next")


async def test_a_date_error_is_shown_in_full_in_a_narrow_field() -> None:
    app = NarrowDateApp()
    async with app.run_test(size=SMALL) as pilot:
        app.query_one("#born", DateInput).focus()
        await pilot.press(*"morgenochtend", "tab")
        feedback = app.query_one("#born", DateInput).feedback
        await wait_for(pilot, lambda: feedback.has_class("-error"))
        await pilot.pause()
        message = str(feedback.render())
        assert message.endswith("vr of +2w.") and len(message) > 100
        assert shown_text(feedback) == " ".join(message.split())  # wrapped, every word shown
        assert fully_visible(feedback)


async def test_a_refusal_at_its_field_is_scrolled_into_view_at_80x24(profile, make_app) -> None:
    case = make_case()
    async with make_app(profile).run_test(size=SMALL) as pilot:
        dialog = await open_escalate(pilot, case)
        await pilot.press("f5")  # nothing chosen or typed: refused, the dialog stays
        errors = dialog.query(".field-error")
        await wait_for(pilot, lambda: any(not e.has_class("-empty") for e in errors))
        shown = next(e for e in errors if not e.has_class("-empty"))
        await wait_for(pilot, lambda: fully_visible(shown))
        assert shown_text(shown) == " ".join(str(shown.render()).split())
        assert "blijven gelijk" in shown_text(shown)
        assert fully_visible(dialog.query_one("#dialog-save", Button))


async def test_case_list_filter_and_state_lines_wrap_at_80_columns(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=SMALL) as pilot:
        screen = await list_ready(pilot)
        await pilot.pause()
        for line_id, last_words in (("#case-filters", "6 bewaartermijn verlopen (1)"),
                                    ("#case-state", "0 wist filters")):
            line = screen.query_one(line_id)
            assert fully_visible(line)
            assert shown_text(line).endswith(last_words), shown_text(line)
        table = screen.query_one(CaseTable)
        assert table.size.height >= 10  # still room for the list
