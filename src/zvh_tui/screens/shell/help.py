"""F1: the keys of the screen the user came from, plus the few that work everywhere.

The footer shows at most six keys per screen; this list shows all of them, so nothing is hidden
behind a key the user has to guess: grouped (Op dit scherm, Navigeren, App), each with the
binding id a user remaps it by in settings.json (`"keymap": {id: key}`, keymap.py). It shows
no data, only keys and what they do.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from zvh_tui.core.i18n import N_, _
from zvh_tui.services.shared.text import visible
from zvh_tui.widgets.list_table import ListTable

# Texts marked with N_() here are translated where they are shown (`_()`).
GENERAL_KEYS: list[tuple[str, str]] = [
    ("Tab / Shift+Tab", N_("Naar het volgende / vorige veld")),
    ("Esc", N_("Venster sluiten")),
]

# How keys are written on a keyboard and in help texts (the named ones in either language).
KEY_NAMES = {
    "space": N_("spatie"), "enter": "Enter", "escape": "Esc", "tab": "Tab", "backspace": "Backspace",
    "delete": "Del", "insert": "Ins", "home": "Home", "end": "End", "pageup": "PgUp",
    "pagedown": "PgDn", "up": N_("pijl omhoog"), "down": N_("pijl omlaag"), "left": N_("pijl links"),
    "right": N_("pijl rechts"), "slash": "/", "plus": "+", "minus": "-", "asterisk": "*",
    "question_mark": "?", "comma": ",", "full_stop": ".", "ctrl": "Ctrl", "shift": "Shift",
    "alt": "Alt",
}


def key_label(key: str) -> str:
    """How a key is written for people: 'ctrl+q' -> 'Ctrl+Q', 's' -> 's', 'S' or 'shift+s' ->
    'Shift+S', 'slash' -> '/', 'space' -> 'spatie', 'up' -> 'pijl omhoog', 'pageup' -> 'PgUp'.
    A letter and its capital are never written the same."""
    *modifiers, last = key.split("+") if key != "+" else ["plus"]
    names = [_(KEY_NAMES[m]) if m in KEY_NAMES else m.capitalize() for m in modifiers]
    if len(last) == 1 and last.isalpha():
        if last.isupper() and "Shift" not in names:
            names.append("Shift")
        last_name = last.upper() if names else last  # Ctrl+Q, Shift+S; a plain letter as typed
    elif last[0] == "f" and last[1:].isdigit():
        last_name = last.upper()
    else:
        last_name = _(KEY_NAMES[last]) if last in KEY_NAMES else (
            last.capitalize() if len(last) > 1 else last)
    return "+".join([*names, last_name])


def key_rows(bindings: Iterable[tuple[str, str, str, bool]]) -> list[tuple[str, str]]:
    """(key, action, description, enabled) -> rows of the help: the keys of one action on one
    line ('u / Ctrl+Z'), the same key once, keys that do not apply now marked as such."""
    return [(keys, description) for keys, description, _ids in
            _rows((key, action, description, enabled, "") for key, action, description, enabled
                  in bindings)]


def _rows(bindings: Iterable[tuple[str, str, str, bool, str]]) -> list[tuple[str, str, str]]:
    """(key, action, description, enabled, id) -> (keys, description, ids) per action."""
    grouped: dict[tuple[str, str], list[str]] = {}
    enabled: dict[tuple[str, str], bool] = {}
    ids: dict[tuple[str, str], list[str]] = {}
    for key, action, description, is_enabled, binding_id in bindings:
        group = (action, description)
        labels = grouped.setdefault(group, [])
        label = key_label(key)
        if label not in labels:
            labels.append(label)
        enabled[group] = enabled.get(group, False) or is_enabled
        group_ids = ids.setdefault(group, [])
        if binding_id and binding_id not in group_ids:
            group_ids.append(binding_id)
    rows = []
    for (action, description), labels in grouped.items():
        shown = (description if enabled[(action, description)]
                 else _("{description} (nu niet)").format(description=description))
        rows.append((" / ".join(labels), shown, ", ".join(ids[(action, description)])))
    return rows


# The groups of the help, in this order. A key of the app is in "App"; a key that moves the
# cursor, goes to a part of the screen or back is in "Navigeren"; the rest is "Op dit scherm".
# Marked here, translated where the help shows them.
SCREEN_GROUP, NAVIGATION_GROUP, APP_GROUP = N_("Op dit scherm"), N_("Navigeren"), N_("App")
NAVIGATION_ACTIONS = frozenset({
    "cursor_down", "cursor_up", "cursor", "page_down", "page_up", "first", "last", "edge",
    "section", "back", "leave",
})


def group_of(action: str, *, app_key: bool) -> str:
    """Which group of the help a key is listed in ('cursor(1)' is a navigation action)."""
    if app_key:
        return APP_GROUP
    return NAVIGATION_GROUP if action.split("(")[0] in NAVIGATION_ACTIONS else SCREEN_GROUP


HelpRow = tuple[str, str, str]  # keys as typed, what they do, the binding ids (settings.json)


def help_sections(bindings: Iterable[tuple[str, str, str, bool, str, bool]],
                  topics: Iterable[tuple[str, list[HelpRow]]] = ()
                  ) -> list[tuple[str, list[HelpRow]]]:
    """(key, action, description, enabled, id, is an app key) -> the groups of the help, each
    with its rows: the keys of one action on one line with the ids to remap them by.

    `topics`: what a screen adds before its keys (its `help_topics()`, e.g. the live meeting's
    capture grammar: a form as typed in the "Toets" column, no id)."""
    per_group: dict[str, list[tuple[str, str, str, bool, str]]] = {}
    for key, action, description, enabled, binding_id, app_key in bindings:
        per_group.setdefault(group_of(action, app_key=app_key), []).append(
            (key, action, description, enabled, binding_id))
    sections = {group: _rows(rows) for group, rows in per_group.items()}
    general = [(key, _(description), "") for key, description in GENERAL_KEYS]
    sections[NAVIGATION_GROUP] = [*sections.get(NAVIGATION_GROUP, []), *general]
    return [*topics, *((group, sections[group]) for group in (SCREEN_GROUP, NAVIGATION_GROUP,
                                                              APP_GROUP) if group in sections)]


DESCRIPTION_WIDTH = 52  # characters per line of "Wat het doet"


class HelpScreen(ModalScreen[None]):
    """A list of keys, grouped, with what they do and their ids; Escape, F1 or q closes it."""

    BINDINGS = [
        Binding("escape", "close", N_("Sluiten"), id="help.close"),
        Binding("f1", "close", N_("Sluiten"), show=False, id="help.close_f1"),  # app.help stops at a modal
        Binding("q", "close", N_("Sluiten"), show=False, id="help.close_q"),
    ]

    def __init__(self, sections: list[tuple[str, list[HelpRow]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Toetsen"), id="help-title", markup=False)
            yield ListTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(_("Esc of F1 sluit dit venster. Een toets anders? Zet de id met de nieuwe "
                           "toets in settings.json, bij keymap."), id="help-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Toets"), _("Wat het doet"), _("Id"))
        for group, rows in self._sections:
            table.add_row(Text(_(group), style="bold underline"), Text(""), Text(""))
            seen: set[tuple[str, str]] = set()
            for key, description, ids in rows:
                if (key, description) not in seen:
                    seen.add((key, description))
                    # Long explanations (the capture grammar) wrap inside their column instead
                    # of running off the window, so the Id column stays in view.
                    lines = textwrap.wrap(visible(description), DESCRIPTION_WIDTH) or [""]
                    table.add_row(Text(visible(key)), Text("\n".join(lines)),
                                  Text(ids), height=len(lines))  # no markup

    def action_close(self) -> None:
        self.dismiss(None)
