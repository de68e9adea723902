"""Import and export of the partner roster as CSV, the way Excel in the Netherlands writes it.

Reading: `;` or `,` as separator (found on the header line with `csv.Sniffer`, an Excel
`sep=;` first line is honoured), UTF-8 with or without BOM, else Windows-1252; Dutch or English
column headers in any case and spacing. One row per contact person (the organisation repeated)
or one row per organisation without a contact.

`import_partners(path, apply=False)` only reads and returns the preview: per row whether it adds,
updates or skips, and why, in the language of the moment. With `apply=True` the same plan is carried out through
`services.partners` (validation and audit) inside one transaction: a broken file (any error in
any row) changes nothing, and the messages name the row ("Regel 7" is line 7 of the file, the
header being line 1) and the column.

Files over 5 MB or 10,000 rows are refused. Applying goes through the services one record at a
time (about 2 ms each here), so the largest file takes some 20 s: the screen runs it in a
thread worker.

Writing: `export_partners(path)` writes the active roster with Dutch headers, `;` and UTF-8 with
BOM, so Excel opens it as it is and `import_partners` reads it back unchanged. A cell that Excel
would take for a formula (`=`, `+`, `-`, `@` first, unless it looks like a phone number) gets a
leading `'`, which the import removes again.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from peewee import fn

from zvh_tui.core import i18n
from zvh_tui.core.errors import ValidationError, ZvhError
from zvh_tui.core.i18n import N_, M, _, ngettext
from zvh_tui.core.vocab import PartnerDomain
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import text, validate
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import Contact, Partner, db

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_ERRORS = 50  # a broken file lists at most this many problems

# The columns we read, with the Dutch header we write first (column names of the file, not UI
# text: they stay as they are in either language, hence the `# i18n:` marks). Headers in a
# file are compared after `_normal`: case-folded, without spaces, dashes, underscores, dots and
# colons.
COLUMNS: dict[str, tuple[str, ...]] = {  # i18n: column names a file may have
    "organisation": ("organisatie", "organisation", "organization", "naam", "name",
                     "partner", "ketenpartner", "organisatienaam"),
    "domain": ("domein", "domain", "sector"),
    "convenant": ("convenant", "covenant", "privacyconvenant", "convenantgetekend",
                  "convenantsigned"),
    "notes": ("notities", "notes", "opmerkingen", "notitie", "note", "opmerking"),
    "contact": ("contactpersoon", "contact", "contactperson", "contactnaam", "contactname",
                "naamcontactpersoon"),
    "function": ("functie", "function", "jobtitle"),
    "phone": ("telefoon", "phone", "telefoonnummer", "tel", "telephone", "phonenumber",
              "mobiel"),
    "email": ("email", "emailadres", "mail", "emailaddress"),
    "availability": ("bereikbaarheid", "availability", "bereikbaar"),
}
EXPORT_HEADERS = {  # i18n: the column names of the file (read back by the import)
    "organisation": "organisatie",
    "domain": "domein",
    "convenant": "convenant",
    "notes": "notities",
    "contact": "contactpersoon",
    "function": "functie",
    "phone": "telefoon",
    "email": "e-mail",
    "availability": "bereikbaarheid",
}
# The English column names the import also reads (COLUMNS), named in English messages so an
# English reader is shown headers in their own words that work as well.
ENGLISH_HEADERS = {
    "organisation": "organisation",
    "domain": "domain",
    "convenant": "covenant",
    "notes": "notes",
    "contact": "contact",
    "function": "function",
    "phone": "phone",
    "email": "email",
    "availability": "availability",
}
CONTACT_FIELDS = ("function", "phone", "email", "availability")
# The fields as the preview names them (translated where shown).
FIELD_LABELS = {
    "domain": N_("domein"),
    "convenant": N_("convenant"),
    "notes": N_("notities"),
    "function": N_("functie"),
    "phone": N_("telefoon"),
    "email": N_("e-mail"),
    "availability": N_("bereikbaarheid"),
}
# The convenant cell, folded (case, accents, surrounding spaces and a final '.' or '!'): an
# empty cell is "not given" (a new partner is then niet getekend, a known one keeps its value);
# any other value is a row error, never a silent "nee".
YES = {"ja", "j", "yes", "y", "x", "1", "true", "waar", "getekend", "ondertekend", "signed",  # i18n: values a cell may hold
       "ja getekend", "wel", "wel getekend", "\u2713", "\u2714"}
NO = {"nee", "n", "no", "0", "false", "onwaar", "niet getekend", "niet ondertekend",  # i18n: values a cell may hold
      "not signed", "nog niet", "niet"}

ADD, UPDATE, SKIP = "add", "update", "skip"
ACTION_LABELS = {ADD: N_("toevoegen"), UPDATE: N_("bijwerken"), SKIP: N_("overslaan")}

# A cell starting with one of these is a formula to Excel: exported with a leading apostrophe
# (and read back without it), except phone-like values such as "+31 6 1234 5678".
FORMULA_START = ("=", "+", "-", "@")
PHONE_CHARS = set("0123456789 +-()./")


ALIASES = {alias: key for key, names in COLUMNS.items() for alias in names}

# Headers as people write them ("Privacyconvenant getekend?", "Convenant ondertekend (ja/nee)",
# "E-mail contactpersoon"): after folding, the header's words are matched by keyword, in this
# order (the first rule that matches wins), so "Telefoon contactpersoon" is the phone column and
# "Naam contactpersoon" the contact's name. A word matches a keyword when it equals it or, for
# the stems, starts with or contains it (compound words: "privacyconvenant", "telefoonnummer").
_KEYWORD_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (  # i18n: header words
    # key, whole words, stems (contained in a word)
    ("convenant", ("getekend", "ondertekend", "signed"), ("convenant", "covenant")),
    ("email", ("email", "mail", "emailadres", "mailadres", "emailaddress"), ("email",)),
    ("phone", ("tel", "telnr", "mobiel", "mobile", "phone", "gsm", "telephone"), ("telefoon",)),
    ("availability", ("availability",), ("bereikba",)),
    ("function", ("functie", "function", "functietitel", "jobtitle"), ()),
    ("notes", ("notities", "notitie", "opmerkingen", "opmerking", "notes", "note",
               "toelichting"), ()),
    ("contact", (), ("contact",)),
    ("domain", ("domein", "domain", "sector"), ()),
    ("organisation", ("organisatie", "organisation", "organization", "partner", "ketenpartner",
                      "organisatienaam", "instantie", "instelling"), ()),
)
# A convenant header with one of these words holds a date, not a ja/nee ("Datum convenant").
_DATE_WORDS = {"datum", "date", "sinds", "per", "wanneer", "op"}  # i18n: header words
# A column that is not read but whose header has one of these in it looks like it matters:
# the file is refused rather than read without it (no partner silently "niet getekend").
IMPORTANT_STEMS = ("convenant", "covenant", "privacy", "avg", "getekend", "signed", "mail",  # i18n: header words
                   "telefoon", "mobiel", "organisatie", "contact", "naam", "functie", "domein",
                   "bereikba", "toestemming")


def _words(header: str) -> list[str]:
    """The words of a header, folded, without hints in brackets and without punctuation."""
    value = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", fold(header))
    value = re.sub(r"(?<=\w)[-'\u2019](?=\w)", "", value)  # e-mail -> email
    return re.findall(r"[^\W_]+", value)


def _normal(header: str) -> str:
    return "".join(_words(header))


def column_key(header: str) -> str | None:
    """The field a file's column header stands for, or None when it is not read."""
    words = _words(header)
    if not words:
        return None
    key = ALIASES.get("".join(words))
    if key is not None:
        return key
    for key, whole, stems in _KEYWORD_RULES:
        if any(word in whole or any(stem in word for stem in stems) for word in words):
            if key == "convenant" and _DATE_WORDS.intersection(words):
                return None  # "Convenant getekend op": a date, not whether
            return key
    if words in (["naam"], ["name"]):  # i18n: header words
        return "organisation"
    return None


def _looks_important(header: str) -> bool:
    compact = _normal(header)
    return any(stem in compact for stem in IMPORTANT_STEMS)


@dataclass
class RowPreview:
    """What importing one row of the file will do."""

    line: int  # line in the file (the header is line 1)
    action: str  # add / update / skip
    organisation: str
    contact: str
    reason: str  # in the language of the moment when the preview was made

    @property
    def action_label(self) -> str:
        return _(ACTION_LABELS[self.action])


@dataclass
class ImportPreview:
    """The preview of an import; `errors` non-empty means the file is refused as a whole."""

    path: str
    rows: list[RowPreview] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # e.g. ignored columns
    encoding: str = ""
    delimiter: str = ""
    applied: bool = False
    partners_added: int = 0
    partners_updated: int = 0
    contacts_added: int = 0
    contacts_updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def skipped(self) -> int:
        return sum(1 for row in self.rows if row.action == SKIP)

    @property
    def changes(self) -> int:
        return (self.partners_added + self.partners_updated + self.contacts_added
                + self.contacts_updated)

    def summary(self) -> str:
        if self.errors:
            return _("Het bestand is niet ingelezen; er is niets veranderd.")
        counts = ngettext(
            "{partners_added} nieuwe en {partners_updated} bijgewerkte organisaties, "
            "{contacts_added} nieuwe en {contacts_updated} bijgewerkte contactpersonen, "
            "{n} regel overgeslagen.",
            "{partners_added} nieuwe en {partners_updated} bijgewerkte organisaties, "
            "{contacts_added} nieuwe en {contacts_updated} bijgewerkte contactpersonen, "
            "{n} regels overgeslagen.", self.skipped).format(
            partners_added=self.partners_added, partners_updated=self.partners_updated,
            contacts_added=self.contacts_added, contacts_updated=self.contacts_updated,
            n=i18n.format_number(self.skipped))
        return _("Ingelezen: {counts}").format(counts=counts) if self.applied else counts


class _Broken(Exception):
    """A file-level problem: nothing further can be read."""


# -- reading the file ------------------------------------------------------------------------

def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"PK\x03\x04"):
        raise _Broken(_(
            "Dit is een Excel-werkmap (.xlsx), geen CSV-bestand. Kies in Excel 'Opslaan als' "
            "en dan 'CSV (gescheiden door lijstscheidingsteken)'."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Broken(_(
            "Dit bestand is opgeslagen als UTF-16 ('Unicode-tekst'). Sla het in Excel op als "
            "'CSV UTF-8 (door komma's gescheiden)' of als gewone CSV."))
    if b"\x00" in data:
        raise _Broken(_("Dit lijkt geen tekstbestand (het bevat nul-tekens). Kies een CSV-bestand."))
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise _Broken(_(
            "De tekens in dit bestand zijn niet te lezen (geen UTF-8 en geen Windows-1252)."
        )) from None


def _delimiter(first_line: str) -> str:
    try:
        return csv.Sniffer().sniff(first_line, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: first_line.count(d) for d in ";,\t"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ";"


def _unformula(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        return value[1:]
    return value


@dataclass
class _Row:
    line: int
    values: dict[str, str]  # field key -> stripped cell
    error: str = ""  # a row that cannot be split into the header's columns


def _read(data: bytes, preview: ImportPreview) -> tuple[list[_Row], dict[str, str]]:
    """Decode and split the file; return the rows and the file's header per field key."""
    content, preview.encoding = _decode(data)
    line_offset = 0
    first_line = content.split("\n", 1)[0].rstrip("\r")
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        delimiter = first_line.strip()[4]
        content = content.split("\n", 1)[1] if "\n" in content else ""
        line_offset = 1
    else:
        delimiter = _delimiter(first_line)
    preview.delimiter = delimiter
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    previous_end = 0
    try:
        for record in reader:
            start = previous_end + 1 + line_offset
            previous_end = reader.line_num
            if not record or not any(cell.strip() for cell in record):
                if not records:
                    raise _Broken(_("Regel {line}: de kopregel is leeg.").format(line=start))
                continue
            records.append((start, record))
            if len(records) > MAX_ROWS + 1:
                raise _Broken(_(
                    "Het bestand heeft meer dan {n} regels; dat is te veel voor één import. "
                    "Splits het bestand.").format(n=i18n.format_number(MAX_ROWS)))
    except csv.Error as exc:
        line = reader.line_num + line_offset
        raise _Broken(_(
            "Regel {line}: het bestand is hier niet als CSV te lezen ({reason})."
        ).format(line=line, reason=_csv_reason(exc))) from None
    if not records:
        raise _Broken(_("Het bestand is leeg."))
    header_line, header = records[0]
    columns: dict[int, str] = {}
    headers: dict[str, str] = {}
    unread: list[str] = []
    for index, raw in enumerate(header):
        name = raw.replace("\ufeff", "").strip()
        key = column_key(raw)
        if key is None:
            if name and _looks_important(name):
                unread.append(name)
            elif name:
                preview.notices.append(_("Kolom '{column}' wordt niet ingelezen "
                                         "(onbekende kolom).").format(column=_short(name)))
            continue
        if key in headers:
            raise _Broken(_(
                "Regel {line}: de kolommen '{first}' en '{second}' betekenen hetzelfde; laat er "
                "één staan.").format(line=header_line, first=headers[key], second=name))
        columns[index] = key
        headers[key] = name
    if "organisation" not in headers:
        raise _Broken(_(
            "Regel {line}: er is geen kolom 'organisatie' (of 'naam'). De kopregel moet de "
            "kolommen noemen, bijvoorbeeld: {columns}.").format(
            line=header_line, columns=";".join(_example_headers().values())))
    for name in unread:
        preview.errors.append(_(
            "Regel {line}: kolom '{column}' lijkt belangrijk, maar zvh weet niet wat erin "
            "staat, dus die zou niet worden ingelezen. Geef de kolom een naam uit: {columns}; "
            "of haal haar weg als ze niet nodig is.").format(
            line=header_line, column=_short(name), columns=", ".join(_example_headers().values())))
    width = len(header)
    rows: list[_Row] = []
    for line, record in records[1:]:
        if len(record) != width:
            extra_empty = len(record) > width and not any(c.strip() for c in record[width:])
            if not extra_empty:
                rows.append(_Row(line, {}, error=_(
                    "Regel {line}: {n} kolommen, maar de kopregel heeft er {width}. "
                    "Staat er een '{delimiter}' in een waarde zonder aanhalingstekens?").format(
                    line=line, n=len(record), width=width, delimiter=delimiter)))
                continue
        values = {key: _unformula(record[i].strip()) for i, key in columns.items()}
        rows.append(_Row(line, values))
    return rows, headers


def _example_headers() -> dict[str, str]:
    """The column names to name in a message: Dutch, or the English ones the import reads too."""
    return ENGLISH_HEADERS if i18n.current() == "en" else EXPORT_HEADERS  # i18n: a language code


def _csv_reason(exc: csv.Error) -> str:
    message = str(exc)
    if "end of data" in message or "EOF" in message:
        return _("een aanhalingsteken wordt niet afgesloten")
    if "expected after" in message:
        return _("na een afsluitend aanhalingsteken hoort een scheidingsteken")
    if "field larger" in message:
        return _("een waarde is te lang")
    return _("onleesbare regel")


# -- checking the rows -----------------------------------------------------------------------

@dataclass
class _Op:
    kind: str  # create_partner / update_partner / add_contact / update_contact
    line: int
    key: str  # casefolded partner name
    values: dict[str, object]
    contact_id: int | None = None


@dataclass
class _PartnerState:
    """What the roster will hold for one organisation after the rows seen so far."""

    name: str
    existing: Partner | None
    values: dict[str, object]  # domain / convenant_signed / notes as they will be
    op: _Op | None = None  # the create or update op of this file, filled in by later rows
    first_line: dict[str, int] = field(default_factory=dict)  # field -> line that set it
    contacts: dict[str, _ContactState] = field(default_factory=dict)  # casefolded name


@dataclass
class _ContactState:
    name: str
    existing: Contact | None
    values: dict[str, str]
    line: int  # the line that first names this contact
    op: _Op | None = None
    first_line: dict[str, int] = field(default_factory=dict)


class _RowError(Exception):
    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def _column_name(headers: dict[str, str], key: str) -> str:
    return headers.get(key) or _example_headers()[key]


def _parse_convenant(value: str) -> bool:
    folded = " ".join(fold(value).replace(",", " ").split()).rstrip(".!")
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise _RowError("convenant", _("'{value}' is geen ja of nee (gebruik ja/nee, j/n, "
                                   "x of leeg, 1/0).").format(value=_short(value)))


def _parse_domain(value: str) -> str:
    folded = value.casefold()
    for domain in PartnerDomain:
        if folded in (domain.value, domain.label.casefold()):
            return partners.check_domain(domain.value)
    choices = ", ".join(d.label for d in PartnerDomain)
    raise _RowError("domain", _("'{value}' is geen domein (kies uit {choices}).").format(
        value=_short(value), choices=choices))


def _short(value: str, limit: int = 40) -> str:
    value = "".join(ch if ch.isprintable() else "?" for ch in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _checked(column: str, check: Callable[[], object]) -> object:
    try:
        return check()
    except ValidationError as exc:
        message = exc.message[0].lower() + exc.message[1:] if exc.message else exc.message
        raise _RowError(column, message) from None


class _RowErrors(Exception):
    """Every problem found in one row (each names its column)."""

    def __init__(self, errors: list[_RowError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


def _collect(errors: list[_RowError], check: Callable[[], object]) -> object:
    """Run one field's check; a problem is added to `errors` (None returned), not raised."""
    try:
        return check()
    except _RowError as exc:
        errors.append(exc)
        return None


def _partner_values(row: _Row, errors: list[_RowError]) -> dict[str, object]:
    """The partner fields given in this row (empty cells are not given)."""
    values: dict[str, object] = {}
    raw = row.values
    checks: dict[str, Callable[[], object]] = {
        "domain": lambda: _parse_domain(raw["domain"]),
        "convenant_signed": lambda: _parse_convenant(raw["convenant"]),
        "notes": lambda: _checked("notes", lambda: text.block(raw["notes"], _("Notities"))),
    }
    for key, check in checks.items():
        if raw.get(PARTNER_COLUMN[key]):
            value = _collect(errors, check)
            if value is not None:
                values[key] = value
    return values


def _check_email(value: str) -> str:
    problem = validate.email_problem(value)
    if problem is not None:
        raise _RowError("email", _("'{value}' is geen e-mailadres: {problem}.").format(
            value=_short(value), problem=problem))
    return value


def _contact_values(row: _Row, errors: list[_RowError]) -> tuple[str, dict[str, str]]:
    raw = row.values
    given = {key: raw[key] for key in CONTACT_FIELDS if raw.get(key)}
    name = raw.get("contact", "")
    if not name:
        if given:
            errors.append(_RowError(
                "contact",
                _("de naam van de contactpersoon ontbreekt (er staan wel gegevens van een "
                  "contactpersoon in deze regel)."),
            ))
        return "", {}
    clean_name = _collect(errors, lambda: _checked("contact", lambda: text.line(
        name, _("Naam van de contactpersoon"), required=True)))
    clean: dict[str, str] = {}
    for key, value in given.items():
        if key == "email" and _collect(errors, lambda v=value: _check_email(v)) is None:
            continue
        checked = _collect(errors, lambda k=key, v=value: _checked(
            k, lambda: partners.check_contact_fields({k: v})))
        if isinstance(checked, dict):
            clean[key] = str(checked[key])
    return str(clean_name or ""), clean


PARTNER_COLUMN = {"domain": "domain", "convenant_signed": "convenant", "notes": "notes"}


def _show(key: str, value: object) -> str:
    if key == "convenant_signed":
        return _("ja") if value else _("nee")
    if key == "domain":
        return PartnerDomain.label_of(str(value))
    return _short(str(value), 30)


def _conflict(column: str, earlier: int, old: object, new: object, key: str) -> _RowError:
    return _RowError(
        column,
        _("'{new}' verschilt van regel {line} ('{old}') voor dezelfde organisatie of "
          "contactpersoon; maak de regels gelijk of laat de cel leeg.").format(
            new=_show(key, new), line=earlier, old=_show(key, old)),
    )


class _Planner:
    """Turns rows into operations, remembering what the roster will hold after each row."""

    def __init__(self) -> None:
        self.states: dict[str, _PartnerState] = {}
        self.ops: list[_Op] = []
        self.rows: list[RowPreview] = []
        # the whole roster is small (hundreds, a few thousand): match in Python with casefold,
        # so "Élan" and "élan" are the same organisation (SQLite's lower() is ASCII only)
        self.existing = {p.name.casefold(): p for p in Partner.select()}
        self.existing_contacts: dict[int, dict[str, Contact]] = {}
        for contact in Contact.select().order_by(Contact.active.desc(), Contact.id):
            self.existing_contacts.setdefault(contact.partner_id, {}).setdefault(
                contact.name.casefold(), contact)

    def plan_row(self, row: _Row) -> None:
        errors: list[_RowError] = []
        raw_name = row.values.get("organisation", "")
        if not raw_name:
            errors.append(_RowError("organisation", _("de naam van de organisatie ontbreekt.")))
        else:
            _collect(errors, lambda: _checked("organisation", lambda: text.line(
                raw_name, _("Naam van de organisatie"), required=True)))
        given = _partner_values(row, errors)
        contact_name, contact_given = _contact_values(row, errors)
        if errors:
            raise _RowErrors(errors)
        name = raw_name.strip()
        key = name.casefold()
        state = self.states.get(key)
        parts: list[str] = []
        actions: set[str] = set()
        if state is None:
            state = self._new_state(key, name)
            if state.existing is None:
                state.values.update(given)
                state.first_line.update({k: row.line for k in given})
                state.op = _Op("create_partner", row.line, key, {"name": name, **state.values})
                self.ops.append(state.op)
                actions.add(ADD)
                parts.append(_("nieuwe organisatie"))
        if state.existing is not None and not state.existing.active:
            self.rows.append(RowPreview(row.line, SKIP, state.name, contact_name,
                                        _("de organisatie is gedeactiveerd; activeer haar eerst "
                                          "in het overzicht")))
            return
        if ADD not in actions:
            changed = self._partner_changes(state, given, row.line)
            if changed:
                actions.add(UPDATE)
                if state.existing is None:
                    parts.append(_("vult de nieuwe organisatie aan: {fields}").format(
                        fields=", ".join(_(FIELD_LABELS[PARTNER_COLUMN[k]]) for k in changed)))
                else:
                    parts.append(_("organisatie bijgewerkt: {fields}").format(fields=", ".join(
                        f"{_(FIELD_LABELS[PARTNER_COLUMN[k]])} {_show(k, v)}"
                        for k, v in changed.items())))
        if contact_name:
            parts.append(self._plan_contact(state, key, contact_name, contact_given, row.line,
                                            actions))
        elif not parts:
            parts.append(_("organisatie al bekend, niets veranderd"))
        action = ADD if ADD in actions else UPDATE if UPDATE in actions else SKIP
        self.rows.append(RowPreview(row.line, action, state.name, contact_name, "; ".join(parts)))

    def _new_state(self, key: str, name: str) -> _PartnerState:
        existing = self.existing.get(key)
        if existing is not None:
            values: dict[str, object] = {"domain": existing.domain,
                                         "convenant_signed": existing.convenant_signed,
                                         "notes": existing.notes}
            state = _PartnerState(name=existing.name, existing=existing, values=values)
        else:
            state = _PartnerState(name=name, existing=None, values={
                "domain": PartnerDomain.OTHER.value, "convenant_signed": False, "notes": ""})
        self.states[key] = state
        return state

    def _partner_changes(self, state: _PartnerState, given: dict[str, object],
                         line: int) -> dict[str, object]:
        for k, v in given.items():
            if k in state.first_line and state.values[k] != v:
                raise _conflict(PARTNER_COLUMN[k], state.first_line[k], state.values[k], v, k)
        changed = {k: v for k, v in given.items() if state.values.get(k) != v}
        for k, v in given.items():
            state.first_line.setdefault(k, line)
            state.values[k] = v
        if changed:
            if state.op is None:
                state.op = _Op("update_partner", line, state.name.casefold(), {})
                self.ops.append(state.op)
            state.op.values.update(changed)
        return changed

    def _plan_contact(self, state: _PartnerState, key: str, name: str, given: dict[str, str],
                      line: int, actions: set[str]) -> str:
        ckey = name.casefold()
        contact = state.contacts.get(ckey)
        if contact is None:
            existing = None
            if state.existing is not None:
                existing = self.existing_contacts.get(state.existing.id, {}).get(ckey)
            if existing is None:
                contact = _ContactState(name=name, existing=None, values=dict(given), line=line,
                                        first_line={k: line for k in given})
                contact.op = _Op("add_contact", line, key, {"name": name, **given})
                self.ops.append(contact.op)
                state.contacts[ckey] = contact
                actions.add(ADD)
                return _("nieuwe contactpersoon {name}").format(name=name)
            contact = _ContactState(
                name=existing.name, existing=existing, line=line,
                values={k: getattr(existing, k) or "" for k in CONTACT_FIELDS})
            state.contacts[ckey] = contact
        if contact.existing is not None and not contact.existing.active:
            return _("contactpersoon {name} is niet meer actief; overgeslagen").format(
                name=contact.name)
        for k, v in given.items():
            if k in contact.first_line and contact.values[k] != v:
                raise _conflict(k, contact.first_line[k], contact.values[k], v, k)
        changed = {k: v for k, v in given.items() if contact.values.get(k) != v}
        for k, v in given.items():
            contact.first_line.setdefault(k, line)
            contact.values[k] = v
        if not changed:
            if contact.line != line:
                return _("contactpersoon {name} staat al op regel {line}").format(
                    name=contact.name, line=contact.line)
            return _("contactpersoon {name} al bekend, niets veranderd").format(name=contact.name)
        if contact.op is None:
            contact.op = _Op("update_contact", line, key, {}, contact_id=contact.existing.id
                             if contact.existing else None)
            self.ops.append(contact.op)
        contact.op.values.update(changed)
        actions.add(UPDATE)
        fields = ", ".join(_(FIELD_LABELS[k]) for k in changed)
        if contact.existing is None:
            return _("contactpersoon {name} aangevuld: {fields}").format(
                name=contact.name, fields=fields)
        return _("contactpersoon {name} bijgewerkt: {fields}").format(
            name=contact.name, fields=fields)


# -- the import ------------------------------------------------------------------------------

def import_partners(path: str | os.PathLike[str], *, apply: bool = False,
                    data: bytes | None = None) -> ImportPreview:
    """Read a CSV file of organisations and contacts; with `apply`, store it (all or nothing).

    `data`: the file's bytes when already read (standard input, `zvh import-partners -`).
    """
    preview = ImportPreview(path=str(path))
    try:
        data = _load(Path(path)) if data is None else _limited(data)
        rows, headers = _read(data, preview)
    except _Broken as exc:
        preview.errors.append(str(exc))
        return preview
    planner = _Planner()
    for row in rows:
        if row.error:
            preview.errors.append(row.error)
            continue
        try:
            planner.plan_row(row)
        except _RowErrors as exc:
            preview.errors.extend(_row_message(row.line, headers, e) for e in exc.errors)
        except _RowError as exc:
            preview.errors.append(_row_message(row.line, headers, exc))
        if len(preview.errors) >= MAX_ERRORS:
            preview.errors.append(_("… en mogelijk meer; herstel eerst deze regels."))
            break
    preview.rows = planner.rows
    _count(preview, planner.ops)
    if not rows and not preview.errors:
        preview.notices.append(_("Het bestand heeft alleen een kopregel; er is niets in te lezen."))
    if preview.errors or not apply:
        return preview
    try:
        _apply(planner.ops, preview, planner.existing)
    except ZvhError as exc:  # the checks above should have caught it; nothing was stored
        preview.errors.append(str(exc))
        return preview
    preview.applied = True
    return preview


def _row_message(line: int, headers: dict[str, str], error: _RowError) -> str:
    if error.column:
        return _("Regel {line}, kolom '{column}': {problem}").format(
            line=line, column=_short(_column_name(headers, error.column)), problem=error.message)
    return _("Regel {line}: {problem}").format(line=line, problem=error.message)


def _limited(data: bytes) -> bytes:
    if len(data) > MAX_BYTES:
        raise _Broken(_("De invoer is te groot (hoogstens {limit} MB). Splits het bestand.").format(
            limit=MAX_BYTES // 1024 // 1024))
    return data


def _load(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _Broken(_("Het bestand '{path}' bestaat niet.").format(path=path)) from None
    except OSError:
        raise _Broken(_("Het bestand '{path}' is niet te lezen.").format(path=path)) from None
    if path.is_dir():
        raise _Broken(_("'{path}' is een map, geen bestand.").format(path=path))
    if size > MAX_BYTES:
        raise _Broken(_(
            "Het bestand is te groot ({size} MB; hoogstens {limit} MB). Splits het bestand."
        ).format(size=i18n.format_number(round(size / 1024 / 1024, 1), "0.0"),
                 limit=MAX_BYTES // 1024 // 1024))
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError:
        raise _Broken(_("Het bestand '{path}' is niet te lezen.").format(path=path)) from None


def _count(preview: ImportPreview, ops: list[_Op]) -> None:
    preview.partners_added = sum(1 for op in ops if op.kind == "create_partner")
    preview.partners_updated = sum(1 for op in ops if op.kind == "update_partner")
    preview.contacts_added = sum(1 for op in ops if op.kind == "add_contact")
    preview.contacts_updated = sum(1 for op in ops if op.kind == "update_contact")


def _apply(ops: list[_Op], preview: ImportPreview, existing: dict[str, Partner]) -> None:
    created: dict[str, Partner] = {}
    with db.atomic():
        for op in ops:
            try:
                if op.kind == "create_partner":
                    values = dict(op.values)
                    created[op.key] = partners.create_partner(
                        str(values["name"]), domain=str(values["domain"]),
                        convenant_signed=bool(values["convenant_signed"]),
                        notes=str(values["notes"]))
                elif op.kind == "update_partner":
                    partners.update_partner(partners.get_partner(existing[op.key].id), **op.values)
                elif op.kind == "add_contact":
                    partner = created.get(op.key) or existing[op.key]
                    values = dict(op.values)
                    name = str(values.pop("name"))
                    partners.add_contact(partner, name, **values)
                elif op.kind == "update_contact" and op.contact_id is not None:
                    partners.update_contact(partners.get_contact(op.contact_id), **op.values)
            except ZvhError as exc:
                # the checks of the preview should have caught it; roll everything back
                raise ZvhError(M("partners.csv.apply_failed", "Regel {line}: {problem}",
                                 line=op.line, problem=exc.raw)) from None
        audit.record(
            "import", object_type="partner",
            detail=(f"partners+{preview.partners_added} ~{preview.partners_updated} "
                    f"contacts+{preview.contacts_added} ~{preview.contacts_updated} "
                    f"skipped={preview.skipped}"),
        )


# -- the export ------------------------------------------------------------------------------

def _guard(value: str) -> str:
    """Keep Excel from reading a cell as a formula (CSV injection)."""
    if value and value[0] in FORMULA_START and not set(value) <= PHONE_CHARS:
        return "'" + value
    return value


def export_rows(include_inactive: bool = False) -> list[list[str]]:
    """The roster as rows (header first): one row per contact, or per partner without one."""
    query = Partner.select().order_by(fn.lower(Partner.name))
    if not include_inactive:
        query = query.where(Partner.active == True)  # noqa: E712
    partner_list = list(query)
    contacts: dict[int, list[Contact]] = {}
    contact_query = Contact.select().where(Contact.partner.in_([p.id for p in partner_list]))
    if not include_inactive:
        contact_query = contact_query.where(Contact.active == True)  # noqa: E712
    for contact in contact_query.order_by(fn.lower(Contact.name), Contact.id):
        contacts.setdefault(contact.partner_id, []).append(contact)
    rows = [list(EXPORT_HEADERS.values())]
    for partner in partner_list:
        base = [partner.name, partner.domain, "ja" if partner.convenant_signed else "nee",  # i18n: file values
                partner.notes]
        people = contacts.get(partner.id, [])
        if not people:
            rows.append(base + ["", "", "", "", ""])
        for contact in people:
            rows.append(base + [contact.name, contact.function, contact.phone, contact.email,
                                contact.availability])
    # Control characters (ESC, NUL, BEL…) as visible symbols: a CSV shown in a terminal or
    # opened in an editor never acts on them.
    return [[_guard(text.visible(cell, multiline=True)) for cell in row] for row in rows]


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def export_to_stream(stream: BinaryIO) -> int:
    """The roster as CSV onto a pipe (`zvh export-partners -`); return the row count."""
    rows = export_rows()
    stream.write(_csv_bytes(rows))
    stream.flush()
    audit.record("export", object_type="partner", detail=f"rows={len(rows) - 1}")
    return len(rows) - 1


def export_partners(path: str | os.PathLike[str]) -> int:
    """Write the roster to `path` (`;`, UTF-8 with BOM, Dutch headers); return the row count."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise ValidationError(M("partners.csv.export_is_folder",
                                "'{path}' is een map; geef een bestandsnaam.", path=str(target)),
                              field="path")
    if not target.parent.is_dir():
        raise ValidationError(M("partners.csv.export_no_folder", "De map '{path}' bestaat niet.",
                                path=str(target.parent)), field="path")
    rows = export_rows()
    data = _csv_bytes(rows)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".zvh-export-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError:
        raise ValidationError(M("partners.csv.export_write", "Kon '{path}' niet schrijven.",
                                path=str(target)), field="path") from None
    audit.record("export", object_type="partner", detail=f"rows={len(rows) - 1}")
    return len(rows) - 1


# -- the preview as plain text (the `zvh import-partners` command) ----------------------------

def format_preview(preview: ImportPreview, width: int = 100) -> str:
    """The preview as a text table: line, action, organisation, contact, reason."""
    if preview.errors:
        return "\n".join([_("Het bestand kan niet worden ingelezen; er verandert niets:"),
                          *(f"  {error}" for error in preview.errors)])
    header = (_("Regel"), _("Actie"), _("Organisatie"), _("Contactpersoon"), _("Reden"))
    rows = [(str(r.line), r.action_label, r.organisation, r.contact, r.reason)
            for r in preview.rows]
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) if rows else len(header[i])
              for i in range(4)]
    widths = [min(w, 30) for w in widths]
    reason_width = max(20, width - sum(widths) - 2 * 4)

    def fit(value: str, size: int) -> str:
        value = _short(value, size) if len(value) > size else value
        return value.ljust(size)

    lines = ["  ".join([*(fit(header[i], widths[i]) for i in range(4)), header[4]])]
    lines.append("  ".join(["-" * w for w in widths] + ["-" * min(reason_width, 40)]))
    for row in rows:
        lines.append("  ".join([*(fit(row[i], widths[i]) for i in range(4)),
                                _short(row[4], reason_width)]).rstrip())
    lines.extend(preview.notices)
    lines.append(preview.summary())
    return "\n".join(lines)
