"""The translation layer itself (core/i18n.py): choosing the language, a message id read in
either language, the per-thread language of an export, catalogues compiled or read fresh, and
dates, numbers and plurals through Babel."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from zvh_tui.core import i18n
from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, Mn, _
from zvh_tui.core.vocab import Phase


@pytest.mark.parametrize(("given", "language"), [
    ("en", "en"), ("EN", "en"), ("en_GB.UTF-8", "en"), ("en-US", "en"), ("English", "en"),
    ("nl", "nl"), ("nl_NL", "nl"), ("Nederlands", "nl"),
    ("de", None), ("", None), ("  ", None), (None, None), (3, None),
])
def test_a_language_is_named_in_any_usual_way_and_only_ours_are_taken(given, language) -> None:
    assert i18n.normalise(given) == language


def test_dutch_unless_english_is_chosen_and_an_unknown_code_falls_back_to_dutch() -> None:
    assert i18n.current() == "nl"
    assert i18n.set_language("en") == "en"
    assert i18n.current() == "en"
    assert i18n.set_language("fr") == "nl"
    assert i18n.current() == "nl"


def test_the_environment_names_the_language_only_when_it_is_one_of_ours(monkeypatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "en")
    assert i18n.from_environment() == "en"
    monkeypatch.setenv(i18n.ENV_LANG, "klingon")
    assert i18n.from_environment() is None
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the system locale never decides
    monkeypatch.delenv(i18n.ENV_LANG)
    assert i18n.from_environment() is None


def test_a_message_id_reads_in_the_language_of_the_moment(tmp_path: Path, monkeypatch) -> None:
    _catalogue(tmp_path, monkeypatch, [
        ("De casus {reference} is gesloten.", "Case {reference} is closed.", "test.closed"),
    ])
    error = RuleError(M("test.closed", "De casus {reference} is gesloten.", reference="Z-1"))
    assert error.msgid == "test.closed"
    assert error.params == {"reference": "Z-1"}
    assert str(error) == "De casus Z-1 is gesloten."
    i18n.set_language("en")
    assert str(error) == "Case Z-1 is closed."  # the same error, read later in English
    assert error.message == "Case Z-1 is closed."


def test_a_message_as_a_parameter_is_translated_too(tmp_path: Path, monkeypatch) -> None:
    _catalogue(tmp_path, monkeypatch, [
        ("Naam", "Name", None),
        ("{label} is verplicht.", "{label} is required.", "test.required"),
    ])
    i18n.set_language("en")
    error = ValidationError(M("test.required", "{label} is verplicht.", label=N_("Naam")), field="name")
    assert str(error) == "Naam is required."  # a plain text parameter is taken as it is
    error = ValidationError(M("test.required", "{label} is verplicht.", label=_("Naam")), field="name")
    assert str(error) == "Name is required."
    assert error.field == "name"


def test_plural_forms_follow_each_language(tmp_path: Path, monkeypatch) -> None:
    _catalogue(tmp_path, monkeypatch, [
        (("{n} actie staat open.", "{n} acties staan open."),
         ("{n} action is open.", "{n} actions are open."), "test.open"),
    ])
    for n, dutch, english in [(1, "1 actie staat open.", "1 action is open."),
                              (3, "3 acties staan open.", "3 actions are open.")]:
        message = Mn("test.open", "{n} actie staat open.", "{n} acties staan open.", n=n)
        i18n.set_language("nl")
        assert str(message) == dutch
        i18n.set_language("en")
        assert str(message) == english


def test_an_export_in_the_other_language_leaves_the_ui_and_other_threads_alone(tmp_path: Path, monkeypatch) -> None:
    _catalogue(tmp_path, monkeypatch, [("Besluitenlijst", "Decision list", None)])

    @i18n.with_language
    def heading() -> str:
        return _("Besluitenlijst")

    seen_elsewhere: list[str] = []
    inside = threading.Event()
    done = threading.Event()

    def other_thread() -> None:
        inside.wait(5)
        seen_elsewhere.append(_("Besluitenlijst"))
        done.set()

    worker = threading.Thread(target=other_thread)
    worker.start()
    with i18n.using("en"):
        assert _("Besluitenlijst") == "Decision list"
        inside.set()
        assert done.wait(5)
    worker.join(5)
    assert seen_elsewhere == ["Besluitenlijst"]  # the UI thread's language is Dutch
    assert i18n.current() == "nl"
    assert heading(language="en") == "Decision list"
    assert heading() == "Besluitenlijst"
    i18n.set_language("en")
    assert heading(language="nl") == "Besluitenlijst"
    assert i18n.current() == "en"


def test_a_newer_catalogue_is_read_instead_of_a_stale_compiled_one(tmp_path: Path, monkeypatch) -> None:
    _catalogue(tmp_path, monkeypatch, [("Opslaan", "Save", None)])
    i18n.set_language("en")
    assert _("Opslaan") == "Save"
    mo = i18n.catalogue_path("en", ".mo")
    mo.write_bytes(b"")  # an old, broken compiled file
    os.utime(mo, (1, 1))
    _catalogue(tmp_path, monkeypatch, [("Opslaan", "Store", None)])
    assert _("Opslaan") == "Store"


def test_without_any_catalogue_the_app_still_speaks_dutch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "nowhere")
    i18n.forget_loaded()
    i18n.set_language("en")
    try:
        assert _("Opslaan") == "Opslaan"
    finally:
        i18n.forget_loaded()


def test_vocabulary_labels_are_read_in_the_language_of_the_moment(tmp_path: Path, monkeypatch) -> None:
    _catalogue(tmp_path, monkeypatch, [("Plan van aanpak", "Plan of approach", None)])
    assert Phase.PLAN.label == "Plan van aanpak"
    i18n.set_language("en")
    assert Phase.PLAN.label == "Plan of approach"
    assert Phase.PLAN.source_label == "Plan van aanpak"
    assert Phase("plan") is Phase.PLAN  # codes do not change with the language


def test_dates_times_and_numbers_come_from_babel_per_language() -> None:
    day = dt.date(2026, 12, 2)
    assert i18n.format_date(day) == "02-12-2026"
    assert i18n.format_date(day, "long") == "2 december 2026"
    assert i18n.format_date(day, "EEEE d MMMM y") == "woensdag 2 december 2026"
    assert i18n.format_time(dt.time(9, 5)) == "09:05"
    assert i18n.format_number(1234.5) == "1.234,5"
    assert i18n.weekday_names()[0] == "maandag"
    assert i18n.month_names()[2] == "maart"
    i18n.set_language("en")
    assert i18n.format_date(day) == "02/12/2026"  # en_GB: day first, as in Dutch
    assert i18n.format_date(day, "long") == "2 December 2026"
    assert i18n.format_date(day, "EEEE d MMMM y") == "Wednesday 2 December 2026"
    assert i18n.format_number(1234.5) == "1,234.5"
    assert i18n.weekday_names()[0] == "Monday"
    assert i18n.format_date(None) == ""


def test_the_language_is_chosen_by_lang_then_zvh_lang_then_the_setting(monkeypatch) -> None:
    from zvh_tui.core import config

    settings = config.Settings(language="en")
    assert config.language_of(None) == "nl"
    assert config.language_of(settings) == "en"
    monkeypatch.setenv(i18n.ENV_LANG, "nl")
    assert config.language_of(settings) == "nl"
    assert config.language_of(settings, chosen="en") == "en"
    assert set(i18n.LANGUAGE_NAMES) == set(i18n.LANGUAGES)


def test_tr_reads_a_message_a_marked_text_or_anything_else(tmp_path: Path, monkeypatch) -> None:
    _catalogue(tmp_path, monkeypatch, [("Opslaan", "Save", None), ("Klaar.", "Done.", "test.done")])
    i18n.set_language("en")
    assert i18n.tr(N_("Opslaan")) == "Save"
    assert i18n.tr(M("test.done", "Klaar.")) == "Done."
    assert i18n.tr(None) == ""
    assert i18n.tr(3) == "3"


# -- a catalogue of the test's own ------------------------------------------------------------
def _catalogue(tmp_path: Path, monkeypatch, entries) -> None:
    """An English catalogue with just `entries` ((msgid, msgstr, context)), used from now on."""
    catalogue = Catalog(locale="en")
    for msgid, msgstr, context in entries:
        catalogue.add(msgid, msgstr, context=context)
    folder = tmp_path / "locale" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{i18n.DOMAIN}.po").open("wb") as handle:
        write_po(handle, catalogue)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    i18n.forget_loaded()
    monkeypatch.setattr(i18n, "_loaded", {})  # the real catalogue comes back after the test
