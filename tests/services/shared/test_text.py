"""Checking typed text (services/shared/text.py): stored exactly as typed, or refused in Dutch."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zvh_tui.core.errors import ValidationError
from zvh_tui.services.shared.text import LINE_MAX, TEXT_MAX, block, line

# -- line() -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "[/b]",
        "[bold red]Jansen[/]",
        "Ö'Brien-Ünal \\[x]",
        "👍🏽 Familie 👨‍👩‍👧",
        "Zoë van 't Hek",
        "محمد",
        "a" * LINE_MAX,
    ],
)
def test_line_keeps_markup_emoji_and_letters_exactly(value: str) -> None:
    assert line(value, "Naam") == value


def test_line_trims_surrounding_spaces_only() -> None:
    assert line("  Jan  de  Vries  ", "Naam") == "Jan  de  Vries"
    assert line(None, "Naam") == ""
    assert line(42, "Telefoon") == "42"


@pytest.mark.parametrize(
    "value",
    ["a\nb", "a\tb", "a\rb", "a\x00b", "a\x1b[31mb", "a\x7fb", "a\x85b", "a\x07b"],
    ids=["newline", "tab", "cr", "nul", "escape", "del", "nel", "bell"],
)
def test_line_refuses_control_characters(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        line(value, "Naam", field="name")
    assert "stuurteken" in str(caught.value)
    assert str(caught.value).startswith("Naam ")
    assert caught.value.field == "name"


@pytest.mark.parametrize(
    "char", ["\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2069", "\u200e", "\u200f"]
)
def test_line_and_block_refuse_bidi_controls(char: str) -> None:
    for check in (line, block):
        with pytest.raises(ValidationError) as caught:
            check(f"exe.{char}fdp", "Bestandsnaam")
        assert "leesrichting" in str(caught.value)


@pytest.mark.parametrize("value", ["\ud800", "ab\udfffcd", "\udcff"])
def test_line_and_block_refuse_lone_surrogates(value: str) -> None:
    for check in (line, block):
        with pytest.raises(ValidationError) as caught:
            check(value, "Naam")
        assert "ongeldige tekens" in str(caught.value)


def test_line_refuses_too_long_but_counts_after_trimming() -> None:
    with pytest.raises(ValidationError) as caught:
        line("a" * (LINE_MAX + 1), "Naam")
    assert "te lang" in str(caught.value)
    assert str(LINE_MAX) in str(caught.value)
    assert line("  " + "a" * LINE_MAX + "  ", "Naam") == "a" * LINE_MAX
    assert line("abcdef", "Code", max_length=6) == "abcdef"
    with pytest.raises(ValidationError):
        line("abcdefg", "Code", max_length=6)


def test_required_fields_refuse_empty_and_blank() -> None:
    for check in (line, block):
        for value in ("", "   ", None):
            with pytest.raises(ValidationError) as caught:
                check(value, "Titel", required=True, field="title")
            assert str(caught.value) == "Titel is verplicht."
            assert caught.value.field == "title"
        assert check("", "Titel") == ""


def test_line_refuses_the_arabic_letter_mark() -> None:
    with pytest.raises(ValidationError):
        line("a\u061cb", "Naam")


@pytest.mark.parametrize("char", ["\u2028", "\u2029"])
def test_line_refuses_unicode_line_separators(char: str) -> None:
    with pytest.raises(ValidationError):
        line(f"a{char}b", "Naam")


# -- block() ------------------------------------------------------------------------------------


def test_block_allows_line_breaks_and_tabs_inside() -> None:
    value = "Eerste regel\n\tingesprongen\n\nDerde [/b] 👍🏽"
    assert block(value, "Aanleiding") == value
    assert block("\n  tekst\n\n", "Aanleiding") == "tekst"


@pytest.mark.parametrize("value", ["a\x00b", "a\x1bb", "a\rb", "a\x0bb", "a\x0cb"])
def test_block_refuses_other_control_characters(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        block(value, "Notitie")
    assert "stuurteken" in str(caught.value)


def test_block_refuses_a_one_megabyte_paste() -> None:
    with pytest.raises(ValidationError) as caught:
        block("x" * 1_000_000, "Aanleiding", field="reason")
    message = str(caught.value)
    assert "te lang" in message
    assert "1.000.000" in message and "20.000" in message
    assert caught.value.field == "reason"
    assert block("x" * TEXT_MAX, "Aanleiding") == "x" * TEXT_MAX
    with pytest.raises(ValidationError):
        block("x" * (TEXT_MAX + 1), "Aanleiding")


# -- properties ---------------------------------------------------------------------------------


@given(st.text())
def test_line_returns_the_stripped_input_or_refuses(value: str) -> None:
    try:
        result = line(value, "Naam")
    except ValidationError as exc:
        assert str(exc).startswith("Naam ")
        return
    assert result == value.strip()
    assert "\n" not in result and "\t" not in result


@given(st.text())
def test_block_returns_the_stripped_input_or_refuses(value: str) -> None:
    try:
        result = block(value, "Notitie")
    except ValidationError as exc:
        assert str(exc).startswith("Notitie ")
        return
    assert result == value.strip()


# Unicode's Bidi_Control characters.
UNICODE_BIDI_CONTROLS = {
    chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


@given(
    st.text(
        st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")).filter(
            lambda ch: ch not in UNICODE_BIDI_CONTROLS
        ),
        max_size=LINE_MAX,
    )
)
def test_line_accepts_any_other_text_unchanged(value: str) -> None:
    assert line(value, "Naam") == value.strip()
    assert block(value, "Notitie") == value.strip()
