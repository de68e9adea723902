"""Keys (issue 12.7): one meaning per key in every context, a footer of at most six keys that
never cuts one off at 80 or 120 columns, and F1 listing every other key with the id that
remaps it in settings.json."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import AsyncIterator

import pytest
from textual.app import App
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable
from uikit import screen_text, wait_for

import zvh_tui.screens
import zvh_tui.widgets
from zvh_tui import keymap
from zvh_tui.app import ZvhApp
from zvh_tui.compat.textual import FooterKey
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen
from zvh_tui.screens.partners.partner_roster import PartnerRosterScreen
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.safety.audit_log import AuditLogScreen
from zvh_tui.screens.shell.help import HelpScreen
from zvh_tui.screens.shell.settings import SettingsScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.widgets.dialogs import JournalDialog
from zvh_tui.widgets.footer import MAX_KEYS, QuickFooter, Shown, choose


def make_world() -> tuple[int, int]:
    partner = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Fatima El Amrani")],
                                           referrer_partner_id=partner.id, reason="Overlast"))
    return case.id, partner.id


def footer_line(app: App) -> str:
    return screen_text(app).rstrip("\n").splitlines()[-1]


def conflicts(app: App, screen: Screen) -> list[str]:
    """Keys with two meanings where one widget has the cursor: the bindings with an id of the
    widget, its parents, the screen and the app (Textual's own, without id, left aside)."""
    found = []
    for widget in [w for w in screen.query("*") if w.can_focus] or [screen]:
        meanings: dict[str, set[str]] = {}
        for node in [*widget.ancestors_with_self, app]:
            for key, bindings in node._bindings.key_to_bindings.items():
                meanings.setdefault(key, set()).update(b.id for b in bindings if b.id)
        found += [f"{type(screen).__name__}, {type(widget).__name__}: {key} = {sorted(ids)}"
                  for key, ids in meanings.items() if len(ids) > 1]
    return found


async def main_screens(app: ZvhApp, pilot, case_id: int, partner_id: int) -> AsyncIterator[Screen]:
    """Visit the eight main screens one by one (an async generator: the caller checks each)."""
    steps = [
        (CaseListScreen, None), (DossierScreen, lambda: DossierScreen(case_id)),
        (PlanEditorScreen, lambda: PlanEditorScreen(case_id)), (PartnerRosterScreen, "f3"),
        (PartnerDetailScreen, lambda: PartnerDetailScreen(partner_id)),
        (SettingsScreen, "f9"), (AuditLogScreen, lambda: AuditLogScreen()),
        (UnlockScreen, "lock"),
    ]
    for screen_class, how in steps:
        if how == "lock":
            await app.lock_now()
        elif isinstance(how, str):
            await pilot.press(how)
        elif how is not None:
            await app.push_screen(how())
        await wait_for(pilot, lambda cls=screen_class: isinstance(app.screen, cls))
        footer = app.screen.query_one(QuickFooter)
        await wait_for(pilot, lambda f=footer: bool(f.query(FooterKey)) and not f._pending)
        yield app.screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_shows_at_most_six_whole_keys_on_every_main_screen(
        profile: Profile, size: tuple[int, int]) -> None:
    case_id, partner_id = make_world()
    app = ZvhApp(profile)
    seen = []
    async with app.run_test(size=size) as pilot:
        async for screen in main_screens(app, pilot, case_id, partner_id):
            name = type(screen).__name__
            line = footer_line(app)
            keys = list(screen.query_one(QuickFooter).query(FooterKey))
            assert len(keys) <= MAX_KEYS, f"{name}: {line!r}"
            for key in keys:  # every key shown whole, on the line and inside the screen
                assert f"{key.key_display} {key.description}" in line, f"{name}: {line!r}"
                assert key.region.right <= size[0], f"{name}: {key.description} {line!r}"
            shown = [key.description for key in keys]
            assert "Help" in shown and "App afsluiten" in shown, f"{name}: {line!r}"
            wanted = [binding.description for _node, binding, _enabled, _tip
                      in screen.active_bindings.values() if binding.id in screen.FOOTER_KEYS]
            if wanted:  # the most important key of the screen always fits, even at 80
                first = next(b.description for i in screen.FOOTER_KEYS
                             for _n, b, _e, _t in screen.active_bindings.values() if b.id == i)
                assert first in shown, f"{name}: {line!r}"
            if size[0] == 120:  # at 120 columns every key the screen chose fits
                assert set(wanted) <= set(shown), f"{name}: {line!r}"
            assert conflicts(app, screen) == []
            seen.append(name)
    assert len(seen) == 8


async def test_a_key_left_out_of_the_footer_at_80_columns_is_in_f1(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        footer = app.screen.query_one(QuickFooter)
        await wait_for(pilot, lambda: bool(footer.query(FooterKey)) and not footer._pending)
        line = footer_line(app)
        assert "f5 Opslaan" in line and "Wachtwoord" in line
        assert "Terug" not in line  # fourth of the settings' keys: no room at 80 columns
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert ("Esc", "Terug", "settings.back") in help_rows(app)


def key(width: int, name: str = "k") -> Shown:
    return Shown(name, name, "x" * (width - len(name) - 3), name, True, "")


def test_keys_that_do_not_fit_are_left_out_with_every_key_of_lower_priority() -> None:
    pinned = [key(10, "f1"), key(19, "q")]  # 29 cells and the line between: 30
    keys = [key(20, "a"), key(20, "b"), key(12, "c"), key(5, "d")]
    assert choose(keys, pinned, 80) == keys[:2]  # c would fit in what is left, d too: never
    assert choose(keys, pinned, 120) == keys[:4]
    assert choose([key(5, n) for n in "abcdef"], pinned, 200) == [key(5, n) for n in "abcd"]
    assert choose(keys, [], 20) == keys[:1]


def screen_classes() -> list[type[DOMNode]]:
    found = []
    for package in (zvh_tui.screens, zvh_tui.widgets):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            found += [cls for _name, cls in inspect.getmembers(module, inspect.isclass)
                      if issubclass(cls, Screen) and cls.__module__ == module.__name__]
    return found


def test_every_screen_and_dialog_gives_a_key_one_meaning_beside_the_app_keys() -> None:
    """On a screen every key of the app is active too; on a dialog (modal) only its priority
    keys (Ctrl+L, Ctrl+Q, Ctrl+P): a screen's or dialog's key never takes one of those."""
    app_bindings = [b for bindings in ZvhApp._merge_bindings().key_to_bindings.values()
                    for b in bindings]
    classes = screen_classes()
    assert {"FormDialog", "ConfirmDialog", "PlanConfirm", "DossierScreen", "HelpScreen",
            "NewCaseScreen", "SettingsScreen"} <= {cls.__name__ for cls in classes}
    clashes = []
    for cls in classes:
        active = {b.key: b.id for b in app_bindings
                  if b.priority or not issubclass(cls, ModalScreen)}
        clashes += [f"{cls.__name__}: {key} is {b.id} and {active[key]}"
                    for key, bindings in cls._merge_bindings().key_to_bindings.items()
                    for b in bindings if key in active and b.id != active[key]]
    assert clashes == []


def test_the_footer_keys_of_every_screen_are_real_remappable_ids_and_at_most_four() -> None:
    ids = keymap.binding_ids()
    chosen = {cls.__name__: cls.FOOTER_KEYS for cls in screen_classes() if hasattr(cls, "FOOTER_KEYS")}
    assert len(chosen) >= 12
    for name, keys in chosen.items():
        assert len(keys) <= MAX_KEYS - 2, name  # beside F1 Help and Ctrl+Q App afsluiten
        assert set(keys) <= ids, name


def test_vim_keys_are_aliases_inside_the_arrow_binding() -> None:
    from zvh_tui.widgets.case_table import CaseTable
    from zvh_tui.widgets.list_table import ListTable

    for cls, down, up in ((ListTable, "list.down", "list.up"), (CaseTable, "cases.down", "cases.up")):
        by_key = {k: b.id for k, bs in cls._merge_bindings().key_to_bindings.items() for b in bs}
        assert (by_key["down"], by_key["j"], by_key["up"], by_key["k"]) == (down, down, up, up)
    assert {"cases.down_j", "cases.up_k", "dialog.save_ctrl_s"}.isdisjoint(keymap.binding_ids())


def help_rows(app: App) -> list[tuple[str, str, str]]:
    table = app.screen.query_one("#help-keys", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]  # type: ignore[misc]


async def test_f1_groups_every_key_with_the_id_that_remaps_it(profile: Profile) -> None:
    case_id, partner_id = make_world()
    app = ZvhApp(profile)
    shown_ids: set[str] = set()
    async with app.run_test(size=(120, 40)) as pilot:
        async for screen in main_screens(app, pilot, case_id, partner_id):
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            rows = help_rows(app)
            groups = [key for key, description, ids in rows if not description]
            assert groups[-1] == "App" and "Navigeren" in groups, type(screen).__name__
            for _key, _description, ids in rows:
                shown_ids.update(i for i in ids.split(", ") if i)
            if isinstance(screen, DossierScreen):
                assert ("n", "Notitie", "dossier.journal") in rows
                assert ("F2", "Casussen", "app.cases") in rows
            await pilot.press("f1")  # F1 (help.close_f1) closes it again
            await wait_for(pilot, lambda s=screen: app.screen is s)
    assert {"dossier.journal", "list.down", "plan.undo", "settings.save"} <= shown_ids
    assert shown_ids <= keymap.binding_ids()  # settings.json accepts every id shown


async def test_an_id_read_in_f1_remaps_its_key(profile: Profile, test_passphrase: str) -> None:
    case_id, _partner_id = make_world()
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await app.push_screen(DossierScreen(case_id))
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        journal_id = next(ids for _key, description, ids in help_rows(app) if description == "Notitie")
    profile.settings.keymap = {journal_id: "ctrl+t"}  # what the user writes in settings.json
    profile.save_settings()
    profile.unlock(test_passphrase)  # the first app closed it on quitting
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await app.push_screen(DossierScreen(case_id))
        dossier = app.screen
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        await wait_for(pilot, lambda: "^t Notitie" in footer_line(app))  # the footer says so
        await pilot.press("n")  # no longer the journal
        await pilot.pause()
        assert app.screen is dossier
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, JournalDialog))


def test_screens_md_names_every_binding_id() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "screens.md").read_text(encoding="utf-8")
    assert [key_id for key_id in sorted(keymap.binding_ids()) if f"`{key_id}`" not in text] == []
