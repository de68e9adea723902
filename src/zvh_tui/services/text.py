"""Checking what users type before it is stored.

Text is stored exactly as typed or refused with a Dutch message: nothing is silently changed.
One-line fields (names, references) refuse control characters and bidirectional overrides;
longer texts allow line breaks and tabs. Everything must be valid Unicode (no lone surrogates)
and within a length limit, so a 1 MB paste is refused, not stored.
"""

from __future__ import annotations

import unicodedata

from zvh_tui.errors import ValidationError

LINE_MAX = 200
TEXT_MAX = 20_000

# Bidirectional formatting characters that can make text display other than it is stored.
BIDI_CONTROLS = {
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
}


def _check_unicode(value: str, label: str, field: str | None) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(f"{label} bevat ongeldige tekens.", field=field) from None


def line(
    value: object,
    label: str,
    *,
    field: str | None = None,
    required: bool = False,
    max_length: int = LINE_MAX,
) -> str:
    """A one-line text (name, function, phone). Trims surrounding spaces only."""
    text = "" if value is None else str(value)
    _check_unicode(text, label, field)
    text = text.strip()
    if required and not text:
        raise ValidationError(f"{label} is verplicht.", field=field)
    if len(text) > max_length:
        raise ValidationError(f"{label} is te lang (hoogstens {max_length} tekens).", field=field)
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise ValidationError(
                f"{label} bevat een teken dat de leesrichting omdraait; haal het weg.", field=field
            )
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            raise ValidationError(
                f"{label} bevat een stuurteken (zoals een tab of regeleinde); haal het weg.",
                field=field,
            )
    return text


def block(
    value: object,
    label: str,
    *,
    field: str | None = None,
    required: bool = False,
    max_length: int = TEXT_MAX,
) -> str:
    """A longer text (aanleiding, note, journal). Line breaks and tabs are allowed."""
    text = "" if value is None else str(value)
    _check_unicode(text, label, field)
    text = text.strip()
    if required and not text:
        raise ValidationError(f"{label} is verplicht.", field=field)
    if len(text) > max_length:
        raise ValidationError(
            f"{label} is te lang ({len(text):,} tekens; hoogstens {max_length:,}).".replace(",", "."),
            field=field,
        )
    for ch in text:
        if ch in "\n\t":
            continue
        if ch in BIDI_CONTROLS:
            raise ValidationError(
                f"{label} bevat een teken dat de leesrichting omdraait; haal het weg.", field=field
            )
        if unicodedata.category(ch) in ("Cc", "Cs"):
            raise ValidationError(f"{label} bevat een stuurteken; haal het weg.", field=field)
    return text
