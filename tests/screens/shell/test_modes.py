"""Moving between the top-level areas, and keys remapped by their binding ids from the settings."""

from __future__ import annotations

from zvh_tui.app import ZvhApp
from zvh_tui.services.safety.profile import Profile


async def test_f3_opens_partners_and_f2_returns_to_cases(profile: Profile, wait_for) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.current_mode == "partners")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.current_mode == "cases")


async def test_a_key_remapped_in_the_settings_works(profile: Profile, wait_for) -> None:
    profile.settings.keymap = {"app.partners": "f4"}
    profile.save_settings()
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        await pilot.press("f3")  # no longer bound
        await pilot.pause()
        assert app.current_mode == "cases"
        await pilot.press("f4")
        await wait_for(pilot, lambda: app.current_mode == "partners")
