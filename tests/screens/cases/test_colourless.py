"""Readable without colour (issue 11.15): checkbox states differ in their glyph, the cursor in
lists shows as a mark or a text style, toasts leave the detail line free, and a high-contrast
theme for a projector can be chosen (and is kept)."""

from __future__ import annotations

from pathlib import Path

from casekit import World, list_ready
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import DataTable, OptionList, Select
from textual.widgets._toast import Toast
from uikit import screen_text, wait_for

import zvh_tui
from zvh_tui.app import ZvhApp
from zvh_tui.core import config
from zvh_tui.screens.shell.settings import SettingsScreen
from zvh_tui.themes import HIGH_CONTRAST
from zvh_tui.widgets.case_table import CURSOR_MARK, CaseTable
from zvh_tui.widgets.checkbox import TickBox


class BoxApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TickBox("Privacyconvenant getekend", value=False, id="box")


async def test_checkbox_states_differ_in_glyph_not_only_colour() -> None:
    app = BoxApp()
    async with app.run_test(size=(60, 5)) as pilot:
        box = app.query_one(TickBox)
        unchecked = screen_text(app)
        assert "[ ] Privacyconvenant getekend" in unchecked
        box.focus()
        await pilot.press("space")
        await wait_for(pilot, lambda: box.value)
        checked = screen_text(app)
        assert "[x] Privacyconvenant getekend" in checked
        assert checked.replace("[x]", "[ ]") == unchecked.replace("[x]", "[ ]")  # only the glyph


def relative_luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_high_contrast_theme_is_chosen_in_settings_and_kept(profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        assert HIGH_CONTRAST.name in app.available_themes  # so also in Ctrl+P "Thema"
        await app.push_screen(SettingsScreen())
        await pilot.pause()
        select = app.screen.query_one("#theme", Select)
        assert select.value == "textual-dark"
        select.focus()  # scrolls it into view
        await wait_for(pilot, lambda: "Kleurenschema" in screen_text(app))
        await pilot.press("enter")  # open the list, the projector theme is listed first
        await pilot.pause()
        assert "Hoog contrast (projector)" in screen_text(app)
        select.value = HIGH_CONTRAST.name
        await wait_for(pilot, lambda: app.theme == HIGH_CONTRAST.name)
        variables = app.theme_variables
        background = Color.parse(variables["background"])
        for name in ("foreground", "text-muted", "text-primary", "text-warning", "text-error",
                     "block-cursor-foreground"):
            against = (Color.parse(variables["block-cursor-background"])
                       if name.startswith("block-cursor") else background)
            assert contrast(Color.parse(variables[name]), against) >= 7, name
    assert config.load(profile.paths.settings_file).theme == HIGH_CONTRAST.name
    again = ZvhApp(profile)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == HIGH_CONTRAST.name  # the next start uses it


async def test_case_list_cursor_has_a_mark_and_toasts_leave_the_detail_line(world: World, profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await list_ready(pilot)
        table = screen.query_one(CaseTable)
        lines = [table.render_line(y).text for y in range(1, len(table.rows) + 1)]
        assert lines[0].startswith(CURSOR_MARK)
        assert not any(line.startswith(CURSOR_MARK) for line in lines[1:])
        await pilot.press("down")
        await pilot.pause()
        assert table.render_line(2).text.startswith(CURSOR_MARK)
        assert not table.render_line(1).text.startswith(CURSOR_MARK)

        app.notify("Opgeslagen", markup=False)
        await wait_for(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause()
        toast = app.screen.query(Toast).first()
        detail = screen.query_one("#case-detail")
        assert toast.region.bottom <= detail.region.y, (toast.region, detail.region)
        assert table.current is not None and table.current.reference in screen_text(app).splitlines()[-2]


class ListsApp(App[None]):
    CSS = (Path(zvh_tui.__file__).parent / "app.tcss").read_text(encoding="utf-8")

    def compose(self) -> ComposeResult:
        table = DataTable(id="table", cursor_type="row")
        table.add_columns("a", "b")
        table.add_rows([("1", "2"), ("3", "4")])
        yield table
        yield OptionList("een", "twee", id="options")


async def test_the_cursor_in_tables_and_lists_is_bold_and_underlined() -> None:
    """App CSS: the cursor row is not told apart by its background colour alone."""
    app = ListsApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        options = app.query_one(OptionList)
        options.highlighted = 0
        for widget, component in ((table, "datatable--cursor"),
                                  (options, "option-list--option-highlighted")):
            style = widget.get_component_rich_style(component)
            assert style.bold and style.underline, component


async def test_a_toast_over_a_dialog_leaves_its_buttons_free(world: World, profile) -> None:
    from textual.widgets import Button

    from zvh_tui.widgets.dialogs import JournalDialog

    app = ZvhApp(profile)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await list_ready(pilot)
        dialog = JournalDialog(lambda text, hat: None)
        app.push_screen(dialog)
        await wait_for(pilot, lambda: app.screen is dialog)
        app.notify("Back-up gemaakt", markup=False)
        await wait_for(pilot, lambda: bool(dialog.query(Toast)))
        await pilot.pause()
        toast = dialog.query(Toast).first()
        for button in dialog.query(Button):
            assert not toast.region.overlaps(button.region), (toast.region, button.region)
