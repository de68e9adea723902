"""Instellingen: the user's name, auto-lock, back-ups, the bewaartermijn, meeting names, language.

Saved in the profile's config folder (settings.json, no client data) when the user presses F5
or leaves the screen; a value that is not allowed is refused with a Dutch message at its field
and nothing is saved. The bewaartermijn has no default: until it is filled in, a case cannot
be closed. From here the user also makes a backup now (F6) and changes the passphrase (F7).
What is typed and not yet saved is kept as a draft ("settings", widgets/drafts.py): a lock loses
nothing, the next visit gives it back. The theme is saved at once and the passphrase never.
The language (Nederlands / English) is saved and used at once: this screen is built again in it
with everything typed kept, the footer follows, and the other screens as far as that loses
nothing (`ZvhApp.apply_language`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from zvh_tui import workers
from zvh_tui.core import config, i18n
from zvh_tui.core.errors import ValidationError, WrongPassphrase, ZvhError
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.safety import backup, retention
from zvh_tui.services.shared import identity
from zvh_tui.services.shared.text import visible
from zvh_tui.themes import THEME_LABELS, theme_label
from zvh_tui.widgets.dialogs import FormDialog
from zvh_tui.widgets.drafts import DraftForm
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader
from zvh_tui.widgets.safe_text import plain


def retention_help() -> str:
    """The help under the bewaartermijn, with the example terms of the law."""
    examples = ", ".join(ngettext("{law} {n} jaar", "{law} {n} jaar", years).format(law=law, n=years)
                         for law, years in retention.EXAMPLE_TERMS)
    return _("Hoe lang na het afsluiten blijven de gegevens van een casus bewaard? Dat staat in het "
             "convenant van uw Zorg- en Veiligheidshuis. Ter vergelijking: {examples}. Zolang dit "
             "leeg is, kan geen casus worden afgesloten. Na de bewaartermijn komt een casus op het "
             "vernietigingsvoorstel.").format(examples=examples)


# Marked here, translated where shown (`_()`).
NAME_HELP = N_(
    "Staat bij uw notities in het journaal, bij 'vastgelegd door' en in het logboek. Leeg: "
    "uw inlognaam op deze computer."
)
ON_BEHALF_HELP = N_(
    "Voor wie u werkt; staat bij elke wijziging in het logboek (mag leeg)."
)
MEETING_HELP = N_(
    "Hoe heten de overleggen in uw huis? Scheid de namen met komma's, bijvoorbeeld: "
    "MDO, Casusoverleg, ICO."
)
TERMS_HELP = N_("Na het sluiten van een overleg: staat de besluitenlijst of het verslag dan nog niet "
                "in het verstrekkingenlog, dan krijgen de casussen op de agenda een signaal in de "
                "casuslijst. Werkdagen zijn maandag tot en met vrijdag (feestdagen tellen mee).")
LANGUAGE_HELP = N_("De taal van de schermen en de standaardtaal van elke export. De keuze wordt "
                   "meteen gebruikt en bewaard; wat u hier typte blijft staan.")


def language_choices() -> list[tuple[str, str]]:
    """Each language in its own words (Nederlands, English), as a user looks for it."""
    return [(i18n.LANGUAGE_NAMES[code], code) for code in i18n.LANGUAGES]


def _whole_number(value: str, label: str, field: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ValidationError(_("{label}: vul een heel getal in.").format(label=label),
                              field=field) from None


def read_form(values: dict[str, str], current: config.Settings) -> config.Settings:
    """The settings as typed, checked; raises ValidationError naming the field."""
    idle = _whole_number(values["idle_lock_minutes"], _("Vergrendelen na"), "idle_lock_minutes")
    generations = _whole_number(values["backup_generations"], _("Aantal back-ups"), "backup_generations")
    years_text = values["retention_years"].strip()
    years = None if not years_text else _whole_number(
        years_text, _("Bewaartermijn"), "retention_years")
    result = dataclasses.replace(
        current,
        user=identity.check_user(values.get("user", current.user)),
        on_behalf_of=identity.check_on_behalf_of(values.get("on_behalf_of", current.on_behalf_of)),
        idle_lock_minutes=idle,
        backup_generations=generations,
        retention_years=years,
        meeting_types=meetings.parse_kinds(values["meeting_types"]),
        besluitenlijst_werkdagen=_whole_number(
            values.get("besluitenlijst_werkdagen", str(current.besluitenlijst_werkdagen)),
            _("Besluitenlijst binnen"), "besluitenlijst_werkdagen"),
        verslag_werkdagen=_whole_number(
            values.get("verslag_werkdagen", str(current.verslag_werkdagen)),
            _("Verslag binnen"), "verslag_werkdagen"),
    )
    result.validate()
    return result


def theme_choices(available: Iterable[str]) -> list[tuple[str, str]]:
    """The colour schemes, ours first, each with its own name where it has one."""
    names = sorted(available, key=lambda name: (name not in THEME_LABELS, tr(theme_label(name))))
    return [(tr(theme_label(name)), name) for name in names]


class PassphraseDialog(FormDialog):
    """Wachtwoord wijzigen: current, new, and new again (re-key through a verified copy)."""

    TITLE_TEXT = N_("Wachtwoord wijzigen")
    SAVE_LABEL = N_("Wijzigen")

    def intro(self) -> Iterable[Widget]:
        yield Static(plain(_(
            "De database wordt met het nieuwe wachtwoord versleuteld naar een kopie, die wordt "
            "gecontroleerd en pas dan de oude vervangt. Daarna wordt een nieuwe back-up gemaakt. "
            "Oudere back-ups blijven met het oude wachtwoord versleuteld.")), classes="dialog-text")

    def fields(self) -> Iterable[Widget]:
        yield self.label(_("Huidig wachtwoord"))
        yield Input(password=True, id="current")
        yield self.error_line("current")
        yield self.label(_("Nieuw wachtwoord (minstens 8 tekens)"))
        yield Input(password=True, id="passphrase")
        yield self.error_line("passphrase")
        yield self.label(_("Herhaal het nieuwe wachtwoord"))
        yield Input(password=True, id="repeat")
        yield self.error_line("repeat")

    def values(self) -> dict[str, object]:
        return {key: self.query_one(f"#{key}", Input).value for key in ("current", "passphrase", "repeat")}

    def is_empty(self) -> bool:
        return not any(self.values().values())

    def submit(self, values: dict[str, object]) -> object:
        try:
            self.app.profile.change_passphrase(
                str(values["current"]), str(values["passphrase"]), str(values["repeat"]))
        except ZvhError as error:
            if error.field is None and isinstance(error, WrongPassphrase):  # the current one is wrong
                error.field = "current"
            for field in self.query(Input):
                field.value = ""
            raise
        return None


@workers.message
class BackupMade(Message):
    when: str  # the new backup's label (date and time)


class SettingsBody(VerticalScroll):
    """The fields of Instellingen: composed again, in the new language, when it is chosen."""

    def compose(self) -> ComposeResult:
        settings = self.app.profile.settings  # type: ignore[attr-defined]
        yield Static(_("Instellingen"), classes="settings-title", markup=False)
        yield Label(plain(_("Vergrendelen na (minuten, 1 tot 15)")), classes="field-label")
        yield Static(plain(_("Na zoveel minuten zonder toets of muis wordt het scherm leeg "
                             "gemaakt en vraagt zvh opnieuw om het wachtwoord.")), classes="help")
        yield Input(str(settings.idle_lock_minutes), id="idle_lock_minutes", type="integer")
        yield SettingsScreen._error_line("idle_lock_minutes")
        yield Label(plain(_("Aantal back-ups dat bewaard blijft (1 tot 100)")), classes="field-label")
        yield Static(plain(_("Een back-up wordt gemaakt bij het ontgrendelen (als de laatste "
                             "ouder is dan een dag) en bij het afsluiten (als er iets is "
                             "gewijzigd). Back-ups zijn versleuteld met uw wachtwoord.")),
                     classes="help")
        yield Input(str(settings.backup_generations), id="backup_generations", type="integer")
        yield SettingsScreen._error_line("backup_generations")
        yield Static("", id="backup-status", markup=False, classes="help")
        yield Label(plain(_("Bewaartermijn na afsluiten (jaren)")), classes="field-label")
        yield Static(plain(retention_help()), classes="help")
        yield Input("" if settings.retention_years is None else str(settings.retention_years),
                    id="retention_years", type="integer", placeholder=_("nog niet ingesteld"))
        yield SettingsScreen._error_line("retention_years")
        yield Static("", id="retention-warning", markup=False)
        yield Label(plain(_("Namen van overleggen")), classes="field-label")
        yield Static(plain(_(MEETING_HELP)), classes="help")
        yield Input(", ".join(settings.meeting_types), id="meeting_types")
        yield SettingsScreen._error_line("meeting_types")
        yield Label(plain(_("Besluitenlijst versturen binnen (werkdagen, 1 tot 30)")),
                    classes="field-label")
        yield Static(plain(_(TERMS_HELP)), classes="help")
        yield Input(str(settings.besluitenlijst_werkdagen), id="besluitenlijst_werkdagen", type="integer")
        yield SettingsScreen._error_line("besluitenlijst_werkdagen")
        yield Label(plain(_("Verslag versturen binnen (werkdagen, 1 tot 30)")), classes="field-label")
        yield Input(str(settings.verslag_werkdagen), id="verslag_werkdagen", type="integer")
        yield SettingsScreen._error_line("verslag_werkdagen")
        yield Label(plain(_("Uw naam")), classes="field-label")
        yield Static(plain(_(NAME_HELP)), classes="help")
        yield Input(settings.user, id="user", placeholder=settings.user_name())
        yield SettingsScreen._error_line("user")
        yield Label(plain(_("Namens (uw organisatie of team)")), classes="field-label")
        yield Static(plain(_(ON_BEHALF_HELP)), classes="help")
        yield Input(settings.on_behalf_of, id="on_behalf_of",
                    placeholder=_("bijvoorbeeld Zorg- en Veiligheidshuis Twente"))
        yield SettingsScreen._error_line("on_behalf_of")
        yield Label(plain(_("Kleurenschema")), classes="field-label")
        yield Static(plain(_("Hoog contrast (zwart op wit) is het best te lezen op een "
                             "projector. Het schema wordt meteen gebruikt en bewaard.")),
                     classes="help")
        yield Select(theme_choices(self.app.available_themes), value=self.app.theme,
                     allow_blank=False, id="theme")
        # Each language named in its own words, so it is found whichever is shown now.
        yield Label(plain(_("Taal / Language")), classes="field-label")
        yield Static(plain(_(LANGUAGE_HELP)), classes="help")
        yield Select(language_choices(), value=i18n.current(), allow_blank=False, id="language")
        with Horizontal(id="settings-buttons"):
            yield Button(_("Opslaan (F5)"), id="settings-save", variant="primary")
            yield Button(_("Back-up nu (F6)"), id="settings-backup")
            yield Button(_("Wachtwoord wijzigen (F7)"), id="settings-passphrase")


class SettingsScreen(DraftForm, Screen[None]):
    """The profile's settings (no client data on this screen)."""

    KEEPS_UNSAVED_INPUT = True  # saved with F5 only: F2 (Casussen) from another area does not close it
    # The footer shows these keys, most important first, as far as they fit (widgets/footer.py);
    # F1 lists all keys.
    FOOTER_KEYS = ("settings.save", "settings.backup", "settings.passphrase", "settings.back")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5,ctrl+s", "save", N_("Opslaan"), id="settings.save"),
        Binding("f6", "backup_now", N_("Back-up nu"), id="settings.backup"),
        Binding("f7", "change_passphrase", N_("Wachtwoord"), id="settings.passphrase"),
        Binding("escape", "leave", N_("Terug"), id="settings.back"),
    ]
    DEFAULT_CSS = """
    SettingsScreen #settings-body { padding: 1 2; }
    SettingsScreen .settings-title { text-style: bold; margin-bottom: 1; }
    SettingsScreen .field-label { margin-top: 1; text-style: bold; }
    SettingsScreen .help { color: $text-muted; }
    SettingsScreen .field-error { color: $text-error; text-style: bold; height: auto; }
    SettingsScreen .field-error.-empty { display: none; }
    SettingsScreen Input { width: 40; }
    SettingsScreen #meeting_types { width: 80; max-width: 100%; }
    SettingsScreen #theme { width: 40; }
    SettingsScreen #language { width: 40; }
    SettingsScreen #settings-buttons { height: auto; margin-top: 1; }
    SettingsScreen #settings-buttons Button { margin-right: 2; }
    SettingsScreen #retention-warning { color: $text-warning; text-style: bold; }
    """

    _language_changed = False  # chosen here: the screens beneath are built again on leaving
    DRAFT_KEY = "settings"
    DRAFT_FIELDS = ("idle_lock_minutes", "backup_generations", "retention_years", "meeting_types",
                    "besluitenlijst_werkdagen", "verslag_werkdagen", "user", "on_behalf_of")

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        yield SettingsBody(id="settings-body")
        yield QuickFooter()

    @staticmethod
    def _error_line(field: str) -> Static:
        return Static("", id=f"err-{field}", classes="field-error -empty", markup=False)

    def on_mount(self) -> None:
        self.query_one("#idle_lock_minutes", Input).focus()
        self._show_status()

    # -- showing ----------------------------------------------------------------------------
    def _show_status(self) -> None:
        profile = self.app.profile
        newest = backup.last_backup(profile.paths.backups)
        count = len(backup.list_backups(profile.paths.backups))
        status = (_("Nog geen back-up gemaakt.") if newest is None else
                  _("Laatste back-up: {when} ({n} bewaard).").format(when=newest.label(), n=count))
        self.query_one("#backup-status", Static).update(status)
        unset = profile.settings.retention_years is None
        self.query_one("#retention-warning", Static).update(
            _("Let op: de bewaartermijn is nog niet ingesteld.") if unset else "")

    def _values(self) -> dict[str, str]:
        return {field.id or "": field.value for field in self.query(Input)}

    def _clear_errors(self) -> None:
        for line in self.query(".field-error"):
            if isinstance(line, Static):
                line.update("")
                line.add_class("-empty")

    def _show_error(self, error: ZvhError) -> None:
        key = error.field or "idle_lock_minutes"
        for line in self.query(f"#err-{key}"):
            if isinstance(line, Static):
                line.update(visible(str(error)))
                line.remove_class("-empty")
        for widget in self.query(f"#{key}"):
            widget.focus()

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> bool:
        """Check and save what is typed; False (and the message at its field) when refused."""
        self._clear_errors()
        profile = self.app.profile
        try:
            new = read_form(self._values(), profile.settings)
        except ZvhError as error:
            self._show_error(error)
            return False
        except (TypeError, ValueError):
            self._show_error(ValidationError(_("Deze waarde kan niet."), field="idle_lock_minutes"))
            return False
        if new == profile.settings:
            return True
        old = profile.settings
        profile.settings = new
        try:
            profile.save_settings()
        except (OSError, ZvhError):
            profile.settings = old
            self.notify(_("De instellingen konden niet worden bewaard."), severity="error", markup=False)
            return False
        identity.apply(profile)  # the name is the author of what is recorded from now on
        self._show_status()
        self.notify(_("Instellingen opgeslagen."), markup=False)
        return True

    def action_save(self) -> None:
        if self.save():
            self.draft_restart()  # saved; the screen stays open for more

    def action_leave(self) -> None:
        if self.save():
            self.draft_discard()
            self.dismiss(None)
            if self._language_changed:  # the screen beneath, built again in the new language
                self.app.call_later(self.app.refresh_current_mode)  # type: ignore[attr-defined]

    def action_backup_now(self) -> None:
        self.notify(_("Back-up maken…"), markup=False)
        self._backup()

    @workers.thread_worker(group="settings-backup", title=N_("Back-up mislukt"))
    def _backup(self) -> BackupMade:
        return BackupMade(backup.make_backup(self.app.profile).info.label())

    def on_backup_made(self, made: BackupMade) -> None:
        self._show_status()
        self.notify(_("Back-up gemaakt ({when}).").format(when=made.when), markup=False)

    def action_change_passphrase(self) -> None:
        def done(changed: bool | None) -> None:
            if changed:
                self._show_status()
                self.notify(_("Het wachtwoord is gewijzigd en er is een nieuwe back-up gemaakt."),
                            markup=False)

        self.app.push_screen(PassphraseDialog(), done)

    @on(Select.Changed, "#language")
    async def _language_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == i18n.current():
            return
        self._language_changed = True
        await self.app.apply_language(event.value)  # type: ignore[attr-defined]

    async def show_language(self) -> None:
        """Built again in the language of the moment, with everything typed kept (an error
        shown at a field goes: saving says it again, in the new language). ZvhApp.apply_language
        calls this."""
        typed = self._values()
        await self.query_one(SettingsBody).recompose()
        for field in self.query(Input):
            if field.id in typed and field.value != typed[field.id]:
                field.value = typed[field.id]
        self._show_status()
        self.query_one("#language", Select).focus()

    @on(Select.Changed, "#theme")
    def _theme_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.app.theme:
            self.app.theme = event.value  # the app saves the choice (ZvhApp.watch_theme)

    @on(Button.Pressed, "#settings-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#settings-backup")
    def _backup_pressed(self) -> None:
        self.action_backup_now()

    @on(Button.Pressed, "#settings-passphrase")
    def _passphrase_pressed(self) -> None:
        self.action_change_passphrase()
