"""The one dialog family (widgets/dialogs.py): the same keys and the same look in every dialog.

Escape cancels or closes, Enter confirms or chooses; only the plan editor's PlanConfirm also
takes letters (j/y and n), never the shared ConfirmDialog.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App
from textual.screen import ModalScreen
from uikit import screen_text, wait_for

from zvh_tui.screens.partners.partner_form import DeactivateConfirm, PartnerForm
from zvh_tui.screens.plans.plan_dialogs import OwnerDialog, PlanConfirm
from zvh_tui.widgets.dialogs import (
    ChoiceDialog,
    ConfirmDialog,
    DialogBase,
    MessageDialog,
    PathDialog,
)

NOT_ANSWERED = object()


class DialogApp(App[None]):
    def __init__(self, make: Callable[[], ModalScreen]) -> None:
        super().__init__()
        self.make = make
        self.answer: object = NOT_ANSWERED

    def on_mount(self) -> None:
        self.push_screen(self.make(), self._answered)

    def _answered(self, value: object) -> None:
        self.answer = value


async def _answer(make: Callable[[], ModalScreen], *keys: str) -> object:
    app = DialogApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DialogBase) and app.focused is not None)
        await pilot.press(*keys)
        await wait_for(pilot, lambda: app.answer is not NOT_ANSWERED)
        return app.answer


def _confirm(**kwargs: object) -> ConfirmDialog:
    return ConfirmDialog("Aanmelding weggooien?", "Wat u typte, gaat verloren.", yes="Weggooien",
                         no="Verder invullen", **kwargs)  # type: ignore[arg-type]


def _plan_confirm(**kwargs: object) -> PlanConfirm:
    return PlanConfirm("Doel verwijderen?", "Het doel gaat weg.", yes="Verwijderen",
                       no="Niet verwijderen", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("keys", "answer"), [
    (("escape",), False),
    (("j", "escape"), False),  # no letter throws typed text away: j does nothing here
    (("enter",), False),  # Enter presses the focused button: "no" first
    (("tab", "enter"), True),
])
async def test_confirm_keys(keys: tuple[str, ...], answer: bool) -> None:
    assert await _answer(_confirm, *keys) is answer


@pytest.mark.parametrize(("keys", "answer"), [
    (("escape",), False), (("n",), False), (("j",), True), (("y",), True), (("enter",), False),
])
async def test_plan_confirm_keys(keys: tuple[str, ...], answer: bool) -> None:
    assert await _answer(_plan_confirm, *keys) is answer


async def test_confirm_enter_says_yes_when_yes_has_the_focus() -> None:
    assert await _answer(lambda: _plan_confirm(focus_yes=True), "enter") is True
    assert await _answer(lambda: _confirm(focus_yes=True), "enter") is True
    assert await _answer(lambda: _confirm(focus_yes=True), "escape") is False


async def test_only_the_plan_confirm_shows_letters_on_its_buttons() -> None:
    for make, with_letters in ((_plan_confirm, True), (_confirm, False)):
        app = DialogApp(make)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda app=app: isinstance(app.screen, ConfirmDialog))
            shown = screen_text(app)
            no, yes = ("Niet verwijderen", "Verwijderen") if with_letters else ("Verder invullen", "Weggooien")
            assert (f"{no} (n)" in shown and f"{yes} (j)" in shown) is with_letters
            assert no in shown and yes in shown


async def test_choice_enter_chooses_escape_chooses_nothing() -> None:
    def make() -> ChoiceDialog:
        return ChoiceDialog("Formaat", "Welk formaat?", [("Markdown", "md"), ("HTML", "html")])

    assert await _answer(make, "down", "enter") == "html"
    assert await _answer(make, "escape") is None


async def test_path_enter_confirms_escape_cancels(tmp_path) -> None:
    target = tmp_path / "lijst.csv"
    assert await _answer(lambda: PathDialog("Inlezen", "Welk bestand?", str(target)), "enter") == str(target)
    assert await _answer(lambda: PathDialog("Inlezen", "Welk bestand?", str(target)), "escape") is None


@pytest.mark.parametrize("key", ["enter", "escape"])
async def test_message_closes_on_enter_and_escape(key: str) -> None:
    assert await _answer(lambda: MessageDialog("Kan niet", ["reden"]), key) is None


@pytest.mark.parametrize("what", ["Partner", "Contactpersoon"])
async def test_deactivation_asks_in_the_same_words_for_partner_and_contact(what: str) -> None:
    app = DialogApp(lambda: DeactivateConfirm(what, "Blijft leesbaar."))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DeactivateConfirm))
        shown = screen_text(app)
        assert f"{what} deactiveren?" in shown
        assert "Actief laten" in shown and "Deactiveren" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.answer is False)


def test_every_dialog_shares_the_one_stylesheet() -> None:
    for dialog in (_confirm(), _plan_confirm(), MessageDialog("t", []), ChoiceDialog("t", "", [("a", 1)]),
                   PathDialog("t", "q"), OwnerDialog(1), PartnerForm()):
        assert isinstance(dialog, DialogBase)
        assert dialog.has_class("zvh-dialog")
