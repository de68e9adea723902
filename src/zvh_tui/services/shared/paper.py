"""Paper that identifies itself: one print frame for every HTML export (issue 14.5).

A printed sheet gets separated from its stack, forwarded, left on a desk. So every printed page
carries in its margins what it is about (the case number or the meeting), which version, the
word "Vertrouwelijk" and "pagina x van y" — CSS paged media: `@page` margin boxes with
`counter(page)` and `counter(pages)`. The same lines stand at the top of the document for a
browser that does not print margin boxes. Actions are one table (Actie · Eigenaar · Deadline ·
Status), so a reader sees at a glance who does what by when.

`document` makes one self-contained page (inline CSS, no scripts, fonts or links to fetch, a
Content-Security-Policy that forbids them); every text handed in as plain text is escaped here,
`body` is HTML the caller escaped itself (with `h`). The texts in the margin boxes are CSS
strings, escaped by `css_string` so that no stored text can close the rule or the `<style>`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from zvh_tui.core import i18n
from zvh_tui.core.i18n import N_, _
from zvh_tui.services.shared import text

# Marked texts (N_): translated where they are written, in the language of the export.
CONFIDENTIAL = N_("Vertrouwelijk")
FOOTER_NOTE = N_("Vertrouwelijk: bevat bijzondere persoonsgegevens. Alleen delen binnen de doelbinding "
                 "van het convenant.")
ACTION_HEADERS = (N_("Actie"), N_("Eigenaar"), N_("Deadline"), N_("Status"))

BASE_CSS = """
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
       color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 17pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; border-bottom: 1px solid #999; padding-bottom: 2px; margin-top: 1.4em; }
h3 { font-size: 11.5pt; margin: 1em 0 0.3em; }
.frame { display: flex; justify-content: space-between; gap: 1em; font-size: 9pt; color: #444;
         border-bottom: 1px solid #bbb; padding-bottom: 3px; margin-bottom: 1em; }
.meta { color: #444; margin: 0.1em 0; }
.empty { color: #666; font-style: italic; }
.text { white-space: pre-wrap; }
.warning { border: 2px solid #111; padding: 4px 8px; font-weight: bold; }
ul { padding-left: 1.3em; }
li { margin: 0.25em 0; }
.flag { border: 1px solid #111; padding: 0 4px; font-size: 9pt; font-weight: bold; margin-left: 4px; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ccc; padding: 3px 6px; }
thead { display: table-header-group; }
table.actions td.deadline, table.actions td.status { white-space: nowrap; }
footer { margin-top: 2em; font-size: 9pt; color: #555; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .frame { display: none; }
  h2, h3 { break-after: avoid; }
  li, tr { break-inside: avoid; }
}
"""


def h(value: object) -> str:
    """Stored text as HTML text (quotes too, so it is safe inside an attribute)."""
    return html.escape("" if value is None else str(value), quote=True)


def css_string(value: str) -> str:
    """A CSS string literal ("…") holding `value` and nothing else: backslash, quotes, angle
    brackets (no `</style>`), braces and semicolons (no rule ends early, even for a careless
    reader), line breaks and control characters as CSS escapes."""
    out = []
    for char in text.visible(value):
        if char in '\\"\'<>&{};' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


@dataclass(frozen=True)
class Frame:
    """What every printed page says about itself."""

    subject: str  # "Casus 2026-0042" or "Overleg 7 · MDO 23-11-2026"
    version: str  # "Versie 2 · vastgesteld" or "Besluitenlijst, gemaakt op 23-11-2026 14:05"

    def page_css(self) -> str:
        """The `@page` rule: subject top left, version top right, Vertrouwelijk bottom left,
        pagina x van y bottom right (margin boxes with counter(page) and counter(pages))."""
        return (
            "@page { size: A4; margin: 22mm 16mm 20mm 16mm;\n"
            f"  @top-left {{ content: {css_string(self.subject)}; font-size: 9pt; color: #333; }}\n"
            f"  @top-right {{ content: {css_string(self.version)}; font-size: 9pt; color: #333; }}\n"
            f"  @bottom-left {{ content: {css_string(_(CONFIDENTIAL))}; font-size: 9pt; font-weight: bold; }}\n"
            f"  @bottom-right {{ content: {self._page_counter()}; font-size: 9pt; }}\n"
            "}\n"
        )

    @staticmethod
    def _page_counter() -> str:
        """'pagina x van y' as CSS content: the words as CSS strings around the counters."""
        out = []
        for part in re.split(r"(\{page\}|\{pages\})", _("pagina {page} van {pages}")):
            if part == "{page}":
                out.append("counter(page)")
            elif part == "{pages}":
                out.append("counter(pages)")
            elif part:
                out.append(css_string(part))
        return " ".join(out)

    def header_html(self) -> str:
        """The same lines at the top of the document, for the screen."""
        return (f'<div class="frame"><span>{h(self.subject)}</span><span>{h(self.version)}</span>'
                f"<strong>{h(_(CONFIDENTIAL))}</strong></div>")


def document(title: str, frame: Frame, body: Iterable[str], *, footer: str | None = None) -> str:
    """One print-ready, self-contained HTML page in the language of the moment; control
    characters shown as symbols. No `footer`: the confidentiality note."""
    if footer is None:
        footer = _(FOOTER_NOTE)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{i18n.current()}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{h(title)}</title>",
        f"<style>{frame.page_css()}{BASE_CSS}</style>",
        "</head>",
        "<body>",
        frame.header_html(),
        *body,
        f"<footer>{h(footer)}</footer>",
        "</body>",
        "</html>",
    ]
    return text.visible("\n".join(out) + "\n", multiline=True)


@dataclass(frozen=True)
class ActionRow:
    """One line of the actions table, as plain text (escaped when rendered)."""

    text: str
    owner: str
    deadline: str
    status: str
    extra: Sequence[str] = ()  # flags or the last feedback, shown under the action's text


def actions_table(rows: Sequence[ActionRow], *, empty: str | None = None) -> str:
    """The actions as one table: Actie · Eigenaar · Deadline · Status."""
    if not rows:
        return f'<p class="empty">{h(_("geen acties") if empty is None else empty)}</p>'
    head = "".join(f"<th>{h(_(name))}</th>" for name in ACTION_HEADERS)
    out = [f'<table class="actions"><thead><tr>{head}</tr></thead><tbody>']
    for row in rows:
        extra = "".join(f'<br><span class="meta">{h(line)}</span>' for line in row.extra)
        out.append(f'<tr><td><span class="text">{h(row.text)}</span>{extra}</td><td>{h(row.owner)}</td>'
                   f'<td class="deadline">{h(row.deadline or _("geen"))}</td><td class="status">{h(row.status)}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


# -- Markdown ------------------------------------------------------------------------------

INDENT = "    "  # four spaces: every common Markdown renderer keeps a nested list nested


def md_item(value: str, level: int = 0) -> str:
    """A list item at nesting `level` (already escaped text)."""
    return f"{INDENT * level}- {value}"
