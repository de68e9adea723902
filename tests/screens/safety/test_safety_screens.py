"""The safety screens as a user meets them: Instellingen, Logboek, Vernietigingsvoorstel, and
locking (by key and after idle time) that leaves no client text on the screen."""

from __future__ import annotations

import datetime as dt

import safety_helpers as h
from textual.widgets import Input

from zvh_tui.app import ZvhApp
from zvh_tui.core import config
from zvh_tui.screens.safety.audit_log import AuditLogScreen
from zvh_tui.screens.safety.retention import RetentionScreen
from zvh_tui.screens.shell.settings import SettingsScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case
from zvh_tui.widgets.dialogs import ConfirmDialog

SIZE = (120, 40)
CANARY = "Schermkanarie6Jp"


async def test_settings_explain_the_retention_term_and_refuse_bad_values(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(SettingsScreen())
        await pilot.pause()
        shown = h.screen_text(app)
        assert "Wmo 15 jaar" in shown and "Jeugdwet 20 jaar" in shown
        assert "bewaartermijn is nog niet ingesteld" in shown
        screen = app.screen
        screen.query_one("#idle_lock_minutes", Input).value = "20"
        screen.query_one("#retention_years", Input).value = "15"
        await pilot.press("f5")
        await pilot.pause()
        assert "tussen 1 en 15 minuten" in h.screen_text(app)
        assert not profile.paths.settings_file.exists()  # nothing saved
        screen.query_one("#idle_lock_minutes", Input).value = "10"
        screen.query_one("#meeting_types", Input).value = "MDO, Wijkoverleg, mdo,  Casusoverleg "
        await pilot.press("f5")
        await pilot.pause()
        saved = config.load(profile.paths.settings_file)
        assert (saved.idle_lock_minutes, saved.retention_years) == (10, 15)
        assert saved.meeting_types == ["MDO", "Wijkoverleg", "Casusoverleg"]
        assert "bewaartermijn is nog niet ingesteld" not in h.screen_text(app)
        # An empty term is allowed to be saved (it simply stays unset), never filled in silently.
        screen.query_one("#retention_years", Input).value = ""
        await pilot.press("escape")
        await pilot.pause()
        assert config.load(profile.paths.settings_file).retention_years is None
        assert not isinstance(app.screen, SettingsScreen)


async def test_settings_make_a_backup_now(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(SettingsScreen())
        await pilot.pause()
        assert "Nog geen back-up gemaakt." in h.screen_text(app)
        await pilot.press("f6")
        await h.wait_for(pilot, lambda: "Laatste back-up:" in h.screen_text(app))
        assert len(backup.list_backups(profile.paths.backups)) == 1


async def test_settings_change_the_passphrase(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(SettingsScreen())
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#current", Input).value = "niet-het-oude"
        dialog.query_one("#passphrase", Input).value = "nieuw-wachtwoord-3"
        dialog.query_one("#repeat", Input).value = "nieuw-wachtwoord-3"
        await pilot.press("f5")
        await pilot.pause()
        assert "huidige wachtwoord klopt niet" in h.screen_text(app)
        dialog.query_one("#current", Input).value = h.TEST_PASSPHRASE
        dialog.query_one("#passphrase", Input).value = "nieuw-wachtwoord-3"
        dialog.query_one("#repeat", Input).value = "nieuw-wachtwoord-3"
        await pilot.press("f5")
        await h.wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        assert profile.unlocked
        assert Case.select().count() == 0  # the database answers under the new key
    profile.close()
    profile.unlock("nieuw-wachtwoord-3")
    assert profile.unlocked


async def test_audit_log_per_case_and_per_person(profile: Profile) -> None:
    case = h.fill_case(CANARY, today=h.TODAY)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(AuditLogScreen(case_ref=case.reference))
        await pilot.pause()
        shown = h.screen_text(app)
        assert f"Logboek van casus {case.reference}" in shown
        assert "aangemaakt" in shown and "tester" in shown
        assert case.referrer_partner.name in shown  # namens: the partner that brought the case in
        assert CANARY not in shown  # the log holds no names
        field = app.screen.query_one("#auditlog-query", Input)
        field.focus()
        field.value = "b 1"
        await pilot.press("enter")
        await pilot.pause()
        assert "Logboek van betrokkene 1" in h.screen_text(app)
        field.value = "1999-0001"
        await pilot.press("slash")
        app.screen.query_one("#auditlog-query", Input).value = "1999-0001"
        await pilot.press("enter")
        await pilot.pause()
        assert "Er is geen casus met kenmerk 1999-0001" in h.screen_text(app)


async def test_retention_screen_destroys_after_confirmation(profile: Profile) -> None:
    context.set_today(dt.date(2001, 6, 1))
    case = h.fill_case(CANARY, today=context.today())
    h.close(case, years=15, on=context.today())
    keep = h.close(h.fill_case("Blijft1", today=context.today(), partner_name="GGZ B"),
                   years=20, on=context.today())
    context.set_today(dt.date(2017, 1, 1))
    profile.settings.retention_years = 15
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(RetentionScreen())
        await pilot.pause()
        shown = h.screen_text(app)
        assert case.reference in shown and f"{CANARY} Naam" in shown
        assert keep.reference not in shown  # its term runs until 2021
        await pilot.press("v")  # greyed: nothing marked yet
        await pilot.pause()
        assert Case.get_or_none(Case.id == case.id) is not None
        await pilot.press("space")
        await pilot.press("v")
        await pilot.pause()
        assert "Casussen vernietigen?" in h.screen_text(app)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Oudere back-ups bevatten de casussen nog" in app.screen._message
        await pilot.click("#dialog-yes")
        await h.wait_for(pilot, lambda: "Geen casussen om te vernietigen." in h.screen_text(app))
        assert Case.get_or_none(Case.id == case.id) is None
        assert Case.get_or_none(Case.id == keep.id) is not None


async def test_locking_leaves_no_client_text_on_screen(profile: Profile) -> None:
    context.set_today(dt.date(2001, 6, 1))
    case = h.fill_case(CANARY, today=context.today())
    h.close(case, years=1, on=context.today())
    context.set_today(dt.date(2003, 1, 1))
    profile.settings.idle_lock_minutes = 2
    now = [1000.0]
    app = ZvhApp(profile, clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(RetentionScreen())
        await pilot.pause()
        assert CANARY in h.screen_text(app)
        now[0] += 119
        app.check_idle_lock()
        await pilot.pause()
        assert profile.unlocked  # not yet: 1 second to go
        await pilot.press("j")  # any key resets the idle time
        now[0] += 119
        app.check_idle_lock()
        await pilot.pause()
        assert profile.unlocked
        now[0] += 121
        app.check_idle_lock()
        await h.wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        await pilot.pause()
        assert not profile.unlocked and profile.store is None
        shown = h.screen_text(app)
        assert CANARY not in shown and case.reference not in shown
        assert "Profiel vergrendeld" in shown
        # Nothing with client data waits underneath: every other screen is gone.
        for mode in app.data_modes:
            stack = app._screen_stacks.get(mode, [])
            assert all(not isinstance(s, RetentionScreen) for s in stack)


async def test_ctrl_l_locks_at_once(profile: Profile) -> None:
    case = h.fill_case(CANARY, today=h.TODAY)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(AuditLogScreen(case_ref=case.reference))
        await pilot.pause()
        assert case.reference in h.screen_text(app)
        await pilot.press("ctrl+l")
        await h.wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert case.reference not in h.screen_text(app)
        assert not profile.unlocked


async def test_a_backup_is_made_at_unlock_when_the_last_is_a_day_old(
    make_profile, raw_key: str
) -> None:
    profile = make_profile(unlock=False)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        app.screen.query_one("#passphrase", Input).value = h.TEST_PASSPHRASE
        await pilot.press("enter")
        await h.wait_for(pilot, lambda: len(backup.list_backups(profile.paths.backups)) == 1)
        await h.wait_for(pilot, lambda: "Back-up gemaakt" in [n.message for n in app._notifications])
        # Locked and unlocked again the same day: no second backup.
        await pilot.press("ctrl+l")
        await h.wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        app.screen.query_one("#passphrase", Input).value = h.TEST_PASSPHRASE
        await pilot.press("enter")
        await h.wait_for(pilot, lambda: profile.unlocked and not isinstance(app.screen, UnlockScreen))
        await pilot.pause(0.3)
        assert len(backup.list_backups(profile.paths.backups)) == 1


async def test_quitting_after_a_change_makes_a_backup_first(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        h.fill_case(CANARY, today=h.TODAY)  # a change since the last (no) backup
        await pilot.press("ctrl+q")
        await h.wait_for(pilot, lambda: app._exit)
    made = backup.list_backups(profile.paths.backups)
    assert len(made) == 1
    assert app.return_code == 0


async def test_quitting_without_a_change_makes_no_backup(profile: Profile) -> None:
    backup.make_backup(profile)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await h.wait_for(pilot, lambda: app._exit)
    assert len(backup.list_backups(profile.paths.backups)) == 1


async def test_settings_key_and_palette_commands(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Instellingen", "Logboek", "Vernietigingsvoorstel", "Back-up maken"} <= set(titles)


async def test_audit_log_shows_dutch_objects_and_an_event_in_full(profile: Profile) -> None:
    from textual.widgets import DataTable

    from zvh_tui.screens.safety.audit_log import AuditEventDialog
    from zvh_tui.services.safety import audit

    case = h.fill_case(CANARY, today=h.TODAY)
    long_detail = "partners+12 ~3 " + " ".join(f"regel{n}=fout" for n in range(14))
    assert 150 < len(long_detail) <= 200  # the log keeps 200 characters of a detail
    audit.record("import", case=case, object_type="partner", detail=long_detail)
    app = ZvhApp(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(AuditLogScreen(case_ref=case.reference))
        await h.wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count > 0)
        table = app.screen.query_one(DataTable)
        objects = {str(table.get_row_at(i)[5]).split(" #")[0] for i in range(table.row_count)}
        assert {"casus", "doel", "actie"} <= objects, objects
        assert long_detail not in " ".join(h.screen_text(app).split())  # cut in the table
        table.focus()
        await pilot.press("end", "enter")  # the newest event: the import
        await h.wait_for(pilot, lambda: isinstance(app.screen, AuditEventDialog))

        def shown() -> str:
            inside = [line.strip().strip("│").strip() for line in h.screen_text(app).splitlines()]
            return " ".join(" ".join(inside).split())

        assert "Object: partner" in shown() and "Handeling: geïmporteerd" in shown()
        assert "Detail: partners+12 ~3 regel0=fout regel1=fout" in shown()
        await pilot.press("end")  # the text scrolls: the end of the detail comes into view
        await h.wait_for(pilot, lambda: "regel12=fout regel13=fout Resultaat: gelukt" in shown())
        await pilot.press("escape")
        await h.wait_for(pilot, lambda: isinstance(app.screen, AuditLogScreen))


async def test_the_dossier_shows_the_persons_number_for_the_log(profile: Profile) -> None:
    from zvh_tui.screens.cases.dossier import DossierScreen
    from zvh_tui.store.models import CasePerson

    case = h.fill_case(CANARY, today=h.TODAY)
    numbers = [link.person_id for link in CasePerson.select().where(CasePerson.case == case.id)]
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(DossierScreen(case.id))
        await h.wait_for(pilot, lambda: f"betrokkene {numbers[-1]}" in h.screen_text(app))
        shown = " ".join(h.screen_text(app).split())
        for number in numbers:
            assert f"betrokkene {number}" in shown
