"""The plan outline's cursor is readable without colour (issue 11.15): bold and underlined."""

from __future__ import annotations

from test_plan_editor_screen import open_plan

from zvh_tui.app import ZvhApp


async def test_outline_cursor_is_bold_and_underlined(profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        screen.outline.focus()
        await pilot.press("down")
        await pilot.pause()
        cursor = [line for line in screen.outline.children if line.has_class("-cursor")]
        assert len(cursor) == 1
        style = cursor[0].rich_style
        assert style.bold and style.underline
        others = [line for line in screen.outline.children
                  if not line.has_class("-cursor") and not line.has_class("-heading")]
        assert others and not any(line.rich_style.underline for line in others)
