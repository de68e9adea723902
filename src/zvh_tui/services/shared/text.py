"""Checking what users type before it is stored.

Text is stored exactly as typed or refused with a Dutch message: nothing is silently changed.
One-line fields (names, references) refuse control characters and bidirectional overrides;
longer texts allow line breaks and tabs. Everything must be valid Unicode (no lone surrogates)
and within a length limit, so a 1 MB paste is refused, not stored.

Text that is shown or exported goes through `visible()`: a control character that reached the
database or the settings anyway (an older version, a hand-edited file, a planted value) is shown
as a visible symbol and can never drive the terminal (set its title, write the clipboard, clear
the screen) or hide or reorder text.
"""

from __future__ import annotations

import re
import unicodedata

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import M, Message, _, ngettext, tr
from zvh_tui.services.shared.plurals import number

LINE_MAX = 200
TEXT_MAX = 20_000

# Bidirectional formatting characters that can make text display other than it is stored.
BIDI_CONTROLS = {
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
}

# Everything `visible()` replaces: C0 (ESC included), DEL, C1, bidi controls, line and paragraph
# separators and lone surrogates (which cannot even be written to a UTF-8 terminal).
CONTROL_CHARS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)

# What json.dumps(ensure_ascii=False) leaves raw inside strings (it escapes C0 itself; raw C0 in
# its output is the layout's own line breaks and indents).
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _symbol(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␀ … ␛ (ESC) … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩ for C1, bidi, separators, surrogates


def visible(value: object, *, multiline: bool = False) -> str:
    """`value` as text that shows every control character as a visible symbol.

    ESC becomes ␛, NUL ␀, BEL ␇, a bidi override ⟨U+202E⟩. With `multiline`, line breaks and
    tabs are kept (for notes, journal entries, exports); otherwise they show as ␊ and ␉.
    """
    text = "" if value is None else str(value)
    if not CONTROL_CHARS.search(text):
        return text
    if multiline:
        return CONTROL_CHARS.sub(lambda m: m[0] if m[0] in "\n\t" else _symbol(m[0]), text)
    return CONTROL_CHARS.sub(lambda m: _symbol(m[0]), text)


def strip_controls(value: str) -> str:
    """`value` without any character `visible()` would replace (for output where a symbol
    would change the layout: text already measured as zero cells wide)."""
    return CONTROL_CHARS.sub("", value) if CONTROL_CHARS.search(value) else value


def escape_json_controls(document: str) -> str:
    """A JSON text with the control characters `json.dumps(ensure_ascii=False)` leaves raw
    (DEL, C1, bidi controls, line separators) written as \\uXXXX escapes: the same data when
    parsed, but nothing that a terminal or an editor acts on when the file is shown."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", document)


class Label:
    """A field's label as a message parameter, translated when the message is read: a marked
    Dutch text (`N_("Naam")`) reads in the language of that moment, not of the refusal's."""

    __slots__ = ("text",)

    def __init__(self, text: object) -> None:
        self.text = text

    def __str__(self) -> str:
        return tr(self.text)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return repr(str(self.text))

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class Number(int):
    """A count as a message parameter, written the way the language of the moment writes it
    when the message is read (1.500 in Dutch, 1,500 in English)."""

    def __str__(self) -> str:
        return number(int(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec) if not spec else format(int(self), spec)


def _check_unicode(value: str, label: str, field: str | None) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(M("shared.text.invalid_unicode", "{label} bevat ongeldige tekens.",
                                label=Label(label)), field=field) from None


def _required(label: object) -> Message:
    return M("shared.text.required", "{label} is verplicht.", label=Label(label))


def _bidi(label: object) -> Message:
    return M("shared.text.bidi", "{label} bevat een teken dat de leesrichting omdraait; haal het weg.",
             label=Label(label))


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
        raise ValidationError(_required(label), field=field)
    if len(text) > max_length:
        raise ValidationError(M("shared.text.line_too_long", "{label} is te lang (hoogstens {limit} tekens).",
                                label=Label(label), limit=max_length), field=field)
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise ValidationError(_bidi(label), field=field)
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            raise ValidationError(
                M("shared.text.line_control",
                  "{label} bevat een stuurteken (zoals een tab of regeleinde); haal het weg.",
                  label=Label(label)),
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
        raise ValidationError(_required(label), field=field)
    if len(text) > max_length:
        raise ValidationError(
            M("shared.text.block_too_long", "{label} is te lang ({length} tekens; hoogstens {limit}).",
              label=Label(label), length=Number(len(text)), limit=Number(max_length)),
            field=field,
        )
    for ch in text:
        if ch in "\n\t":
            continue
        if ch in BIDI_CONTROLS:
            raise ValidationError(_bidi(label), field=field)
        if unicodedata.category(ch) in ("Cc", "Cs"):
            raise ValidationError(M("shared.text.block_control", "{label} bevat een stuurteken; haal het weg.",
                                    label=Label(label)), field=field)
    return text


# Characters that end a line for Python's str.splitlines (what a one-line field would cut at).
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL_NAMES = {"\x1b": "ESC", "\x00": "NUL", "\x07": "BEL", "\x08": "backspace", "\t": "tab",
                  "\x7f": "DEL"}


def _name_of(char: str) -> str:
    name = _CONTROL_NAMES.get(char)
    return f"{visible(char)} ({name})" if name else visible(char)


def paste_refusal(pasted: str, *, multiline: bool) -> str | None:
    """Why `pasted` cannot go into a field as it is (Dutch), or None when it can.

    A paste is inserted exactly or not at all: a one-line field (`multiline` false) refuses
    text of more than one line (one line break at the very end is what copying a line brings
    along, and is left off), and every field refuses control characters and bidi overrides
    (which the checks of line() and block() would refuse on saving anyway).
    """
    body = pasted
    if not multiline:
        for end in ("\r\n", "\n", "\r"):
            if body.endswith(end):
                body = body[: -len(end)]
                break
        if _LINE_BREAKS.search(body):
            lines = len(body.splitlines()) or 2
            return ngettext(
                "Niet geplakt: de tekst heeft {n} regel en dit veld heeft er één. "
                "Plak regel voor regel, of plak in een tekstvak (zoals de aanleiding of een "
                "notitie).",
                "Niet geplakt: de tekst heeft {n} regels en dit veld heeft er één. "
                "Plak regel voor regel, of plak in een tekstvak (zoals de aanleiding of een "
                "notitie).", lines).format(n=lines)
    allowed = "\n\t\r" if multiline else ""
    bad = next((ch for ch in body if CONTROL_CHARS.match(ch) and ch not in allowed), None)
    if bad is not None:
        if bad in BIDI_CONTROLS:
            return _("Niet geplakt: de tekst bevat een teken dat de leesrichting omdraait, "
                     "{char}, dat hier niet bewaard kan worden. Haal het weg waar u de tekst "
                     "kopieerde en plak opnieuw.").format(char=_name_of(bad))
        return _("Niet geplakt: de tekst bevat een stuurteken, {char}, dat hier niet "
                 "bewaard kan worden. Haal het weg waar u de tekst kopieerde en plak opnieuw."
                 ).format(char=_name_of(bad))
    return None
