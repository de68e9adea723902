"""Settings of a profile, kept as JSON in the profile's config folder.

Only settings live here (no client data). Unknown keys are kept, bad values fall back to the
default with the problem reported, so a hand-edited file never stops the app from starting. An
unreadable file is reported too (`notices`: a notice in the app, a finding in `zvh check`), and
kept aside as `settings.json.onleesbaar` before it is ever overwritten.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from zvh_tui.core import i18n
from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import M, Message, _
from zvh_tui.services.shared import text

USER_MAX = 100  # audit_event.user
ON_BEHALF_MAX = 200  # audit_event.on_behalf_of


def check_user(value: object) -> str:
    """The user's name as typed (may be empty: then the login name is used). The one rule,
    for the Instellingen form, the first run and the settings file (services/shared/identity.py
    uses it; it lives here because the settings file is read below the services layer)."""
    return text.line(value, _("Uw naam"), field="user", max_length=USER_MAX)


def check_on_behalf_of(value: object) -> str:
    """The organisation or team the user works for ("namens"), as typed."""
    return text.line(value, _("Namens"), field="on_behalf_of", max_length=ON_BEHALF_MAX)


@dataclass
class Settings:
    user: str = ""  # who is working (audit log); default: the login name
    on_behalf_of: str = ""  # the organisation the user works for (audit log)
    own_partner_name: str = "Zorg- en Veiligheidshuis"  # i18n: stored, our own organisation in the roster
    idle_lock_minutes: int = 5
    backup_generations: int = 7
    retention_years: int | None = None  # must be filled in before a case can be closed
    stagnation_days: int = 30
    # the terms for sending the minutes of a closed meeting, in working days (Monday-Friday)
    besluitenlijst_werkdagen: int = 1
    verslag_werkdagen: int = 5
    meeting_types: list[str] = field(default_factory=lambda: ["MDO", "Casusoverleg", "ICO"])  # i18n: meeting types are the user's own names, stored
    theme: str = "textual-dark"
    # the language of the UI and the default of every export (core/i18n.py): "nl" or "en";
    # --lang and ZVH_LANG go before it, the system locale never decides
    language: str = "nl"
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> key(s), e.g. {"cases.new_case": "ctrl+n"}
    extra: dict[str, object] = field(default_factory=dict)  # keys of newer versions, kept as-is
    problems: list[str] = field(default_factory=list, compare=False)  # keys refused at load
    unreadable: str | Message = field(default="", compare=False)  # why the file could not be read at all

    def user_name(self) -> str:
        if self.user:
            return self.user
        try:
            return getpass.getuser()
        except Exception:  # no login name in some containers
            return "onbekend"  # i18n: stored in the audit log as the user's name

    def validate(self) -> None:
        # Every text is checked as the form checks what is typed (services.text.line): a
        # control character in a hand-edited or planted file is refused here, never shown raw.
        check_user(self.user)  # the one rule for the user's name (and "namens")
        check_on_behalf_of(self.on_behalf_of)
        text.line(self.own_partner_name, _("De naam van de eigen organisatie"), field="own_partner_name")
        text.line(self.theme, _("Het thema"), field="theme", max_length=50)
        for name in self.meeting_types:
            text.line(name, _("De naam van een overleg"), field="meeting_types", max_length=50)
        for binding_id, keys in self.keymap.items():
            text.line(binding_id, _("Een toets-id"), field="keymap", max_length=100)
            text.line(keys, _("Een toets"), field="keymap", max_length=100)
        if self.language not in i18n.LANGUAGES:
            raise ValidationError(  # i18n: the language codes are what the file holds
                M("settings.language", "Kies de taal {nl} of {en}.", nl="nl", en="en"), field="language")
        if not 1 <= int(self.idle_lock_minutes) <= 15:
            raise ValidationError(
                M("settings.idle_lock_minutes", "De vergrendeltijd moet tussen 1 en 15 minuten liggen."),
                field="idle_lock_minutes",
            )
        if not 1 <= int(self.backup_generations) <= 100:
            raise ValidationError(
                M("settings.backup_generations", "Het aantal bewaarde back-ups moet tussen 1 en 100 liggen."),
                field="backup_generations",
            )
        if self.retention_years is not None and not 1 <= int(self.retention_years) <= 100:
            raise ValidationError(
                M("settings.retention_years", "De bewaartermijn moet tussen 1 en 100 jaar liggen."),
                field="retention_years",
            )
        if not 1 <= int(self.stagnation_days) <= 365:
            raise ValidationError(
                M("settings.stagnation_days", "Het aantal dagen voor stilstand moet tussen 1 en 365 liggen."),
                field="stagnation_days",
            )
        if not 1 <= int(self.besluitenlijst_werkdagen) <= 30:
            raise ValidationError(
                M("settings.besluitenlijst_werkdagen",
                  "De termijn voor de besluitenlijst moet tussen 1 en 30 werkdagen liggen."),
                field="besluitenlijst_werkdagen",
            )
        if not 1 <= int(self.verslag_werkdagen) <= 30:
            raise ValidationError(
                M("settings.verslag_werkdagen", "De termijn voor het verslag moet tussen 1 en 30 werkdagen liggen."),
                field="verslag_werkdagen",
            )

    def minutes_terms(self) -> dict[str, int]:
        """kind of minutes (vocab.ProvisionKind code) -> its term in working days."""
        return {"besluitenlijst": int(self.besluitenlijst_werkdagen),
                "verslag": int(self.verslag_werkdagen)}


def _coerce(name: str, value: object, default: object) -> object:
    """Bring a value read from JSON to the type of the field's default (e.g. "5" -> 5)."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise TypeError(name)
    if isinstance(default, int) or (name == "retention_years" and value is not None):
        if isinstance(value, bool):
            raise TypeError(name)
        return int(value)  # type: ignore[call-overload]
    if isinstance(default, str):
        if not isinstance(value, str):
            raise TypeError(name)
        return value
    if isinstance(default, dict):
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise TypeError(name)
        return dict(value)
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError(name)
        return list(value)
    return value


def language_of(settings: Settings | None, *, chosen: str | None = None) -> str:
    """The language to use: `chosen` (--lang), else ZVH_LANG, else the setting, else Dutch."""
    return (i18n.normalise(chosen) or i18n.from_environment()
            or (i18n.normalise(settings.language) if settings else None) or i18n.DEFAULT)


def load(path: Path) -> Settings:
    """Read the settings; a bad value falls back to its own default, unknown keys are kept."""
    settings = Settings()
    if not path.exists():
        return settings
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        settings.unreadable = M("settings.file.unreadable", "het kan niet worden gelezen: {reason}",
                                reason=str(error.strerror or error))
        return settings
    except json.JSONDecodeError as error:
        settings.unreadable = M("settings.file.not_json", "het is geen geldige JSON (regel {line})",
                                line=error.lineno)
        return settings
    except ValueError:
        settings.unreadable = M("settings.file.not_utf8", "het is geen UTF-8-tekst")
        return settings
    if not isinstance(data, dict):
        settings.unreadable = M("settings.file.not_object", "het bevat geen JSON-object ({ ... })")
        return settings
    defaults = Settings()
    known = {f.name for f in fields(Settings) if f.name != "extra"}
    for key, value in data.items():
        if key not in known:
            settings.extra[key] = value
            continue
        default = getattr(defaults, key)
        try:
            setattr(settings, key, _coerce(key, value, default))
            settings.validate()
        except (ValidationError, TypeError, ValueError):
            setattr(settings, key, default)
            settings.problems.append(key)
    return settings


def notices(settings: Settings) -> list[str]:
    """What the user must be told about the settings file, in the language of the moment
    (unknown key ids: `keymap.py`)."""
    found: list[str] = []
    if settings.unreadable:
        found.append(_(
            "Het instellingenbestand settings.json is niet gebruikt: {why}. "
            "De standaardinstellingen gelden. Wordt er een instelling bewaard, dan blijft het "
            "oude bestand bewaard als settings.json.onleesbaar."
        ).format(why=str(settings.unreadable)))
    if settings.problems:
        names = ", ".join(f"'{key}'" for key in settings.problems)
        found.append(_(
            "Ongeldige waarde in settings.json voor {names}; daarvoor geldt de standaardwaarde."
        ).format(names=names))
    return found


def save(path: Path, settings: Settings) -> None:
    settings.validate()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if settings.unreadable and path.exists():  # never overwrite what we could not read
        os.replace(path, path.with_name(path.name + ".onleesbaar"))  # i18n: a file name, kept
        settings.unreadable = ""
    data = {k: v for k, v in asdict(settings).items()
            if k not in ("extra", "problems", "unreadable")}
    data = {**settings.extra, **data}
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
