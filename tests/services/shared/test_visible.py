"""Stored text shown or exported (services/shared/text.py: visible, escape_json_controls) and settings
strings checked like form input (config.Settings.validate)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zvh_tui.core import config
from zvh_tui.services.shared.text import (
    BIDI_CONTROLS,
    escape_json_controls,
    strip_controls,
    visible,
)

OSC_TITLE = "\x1b]2;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;SElKQUNLRUQ=\x07"
CLEAR_SCREEN = "\x1b[2J"


def dangerous(ch: str) -> bool:
    """A character a terminal acts on, or that reorders or hides text."""
    return unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in BIDI_CONTROLS


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (OSC_TITLE, "␛]2;PWNED␇"),
        (CLEAR_SCREEN, "␛[2J"),
        ("a\x00b\x7fc", "a␀b␡c"),
        ("regel 1\nregel 2\tx\r", "regel 1␊regel 2␉x␍"),
        ("exe.\u202efdp", "exe.⟨U+202E⟩fdp"),
        ("a\x85b\x9bc", "a⟨U+0085⟩b⟨U+009B⟩c"),
        ("a\u2028b\u2029c", "a⟨U+2028⟩b⟨U+2029⟩c"),
        ("kapot \ud800", "kapot ⟨U+D800⟩"),
        ("[/b] Zoë 👨‍👩‍👧 محمد", "[/b] Zoë 👨‍👩‍👧 محمد"),  # ordinary text untouched
        (None, ""),
        (42, "42"),
    ],
)
def test_visible_shows_each_control_character_as_a_symbol(value: object, shown: str) -> None:
    assert visible(value) == shown


def test_visible_multiline_keeps_line_breaks_and_tabs_only() -> None:
    assert visible("a\nb\tc\x1b[2J\r\n", multiline=True) == "a\nb\tc␛[2J␍\n"


@given(st.text())
def test_visible_output_never_holds_a_control_character(value: str) -> None:
    assert not any(dangerous(ch) for ch in visible(value))
    assert not any(dangerous(ch) and ch not in "\n\t" for ch in visible(value, multiline=True))
    assert not any(dangerous(ch) for ch in strip_controls(value))


@given(st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))
               .filter(lambda ch: ch not in BIDI_CONTROLS)))
def test_visible_leaves_other_text_exactly_as_stored(value: str) -> None:
    assert visible(value) == value
    assert visible(value, multiline=True) == value


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                    max_leaves=10))
def test_json_escaping_keeps_the_data_and_leaves_no_raw_control(value: object) -> None:
    document = escape_json_controls(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(document) == value
    assert not any(dangerous(ch) and ch not in "\n" for ch in document)


# -- settings strings are checked like form input -------------------------------------------------


@pytest.mark.parametrize("key", ["user", "on_behalf_of", "own_partner_name", "theme"])
@pytest.mark.parametrize("planted", [OSC_TITLE, OSC_CLIPBOARD, CLEAR_SCREEN, "naam\u202e", "a\nb"])
def test_a_settings_text_with_a_control_character_falls_back_to_the_default(
    tmp_path: Path, key: str, planted: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({key: f"Jan{planted}", "idle_lock_minutes": 3}), encoding="utf-8")
    loaded = config.load(path)
    assert getattr(loaded, key) == getattr(config.Settings(), key)
    assert loaded.problems == [key]
    assert loaded.idle_lock_minutes == 3  # the other settings are kept


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("meeting_types", ["MDO", f"Casus{OSC_TITLE}overleg"]),
        ("meeting_types", ["MDO", "x" * 51]),
        ("keymap", {"case.new": f"ctrl+n{CLEAR_SCREEN}"}),
        ("keymap", {f"case.new{OSC_CLIPBOARD}": "n"}),
        ("user", "x" * 101),
    ],
)
def test_settings_lists_and_maps_are_checked_too(tmp_path: Path, key: str, value: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({key: value}), encoding="utf-8")
    loaded = config.load(path)
    assert getattr(loaded, key) == getattr(config.Settings(), key)
    assert loaded.problems == [key]


def test_saving_settings_with_a_control_character_is_refused(tmp_path: Path) -> None:
    with pytest.raises(config.ValidationError) as caught:
        config.save(tmp_path / "settings.json", config.Settings(user=f"jan{OSC_TITLE}"))
    assert caught.value.field == "user"
    assert "stuurteken" in str(caught.value)
    assert not (tmp_path / "settings.json").exists()


def test_ordinary_settings_texts_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = config.Settings(user="t.tester", on_behalf_of="ZVH Fictiefstad",
                               own_partner_name="Zorg- en Veiligheidshuis Zoë [/b]",
                               meeting_types=["MDO", "Casusoverleg"], keymap={"case.new": "ctrl+n"})
    config.save(path, settings)
    loaded = config.load(path)
    assert loaded == settings and loaded.problems == []
