"""Textual's keys panel (palette: Toetsen) with the keys described in the language of the UI.

Textual's (private) `BindingsTable` shows `binding.description` as it is; ours are marked with
`N_()` where the binding is defined (Dutch), so the panel would stay Dutch in English. This
table draws what Textual's (8.2) does, with the description (and a group title) translated by
`_()`, on public API only (its own styles, the same component classes); `ZvhApp` mounts
`ZvhHelpPanel` instead of Textual's `HelpPanel`. Textual's own English descriptions are not in
our catalogue and show as they are.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from operator import itemgetter

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import HelpPanel, KeyPanel, Markdown, Static

from zvh_tui.core.i18n import _


class ZvhBindingsTable(Static):
    """The table of keys, each description translated."""

    COMPONENT_CLASSES = {
        "bindings-table--key",
        "bindings-table--description",
        "bindings-table--divider",
        "bindings-table--header",
    }
    DEFAULT_CSS = """
    ZvhBindingsTable { width: auto; height: auto; }
    ZvhKeyPanel > ZvhBindingsTable > .bindings-table--key { color: $text-accent; text-style: bold; padding: 0 1; }
    ZvhKeyPanel > ZvhBindingsTable > .bindings-table--description { color: $foreground; }
    ZvhKeyPanel > ZvhBindingsTable > .bindings-table--divider { color: transparent; }
    ZvhKeyPanel > ZvhBindingsTable > .bindings-table--header { color: $text-primary; text-style: underline; }
    """

    def render(self) -> Table:
        return self.render_bindings_table()

    def render_bindings_table(self) -> Table:
        bindings = self.screen.active_bindings.values()
        key_style = self.get_component_rich_style("bindings-table--key")
        divider_transparent = self.get_component_styles("bindings-table--divider").color.a == 0
        table = Table(
            padding=(0, 0),
            show_header=False,
            box=box.SIMPLE if divider_transparent else box.HORIZONTALS,
            border_style=self.get_component_rich_style("bindings-table--divider"),
        )
        table.add_column("", justify="right")
        header_style = self.get_component_rich_style("bindings-table--header")
        description_style = self.get_component_rich_style("bindings-table--description")

        def render_description(binding: Binding) -> Text:
            text = Text(_(binding.description), end="", style=description_style)  # no markup
            if binding.tooltip:
                if binding.description:
                    text.append(" ")
                text.append(_(binding.tooltip), "dim")
            return text

        previous_namespace: object = None
        for namespace, grouped in groupby(bindings, key=itemgetter(0)):
            table_bindings = list(grouped)
            if not table_bindings:
                continue
            if namespace.BINDING_GROUP_TITLE:
                title = Text(_(namespace.BINDING_GROUP_TITLE), end="")
                title.stylize(header_style)
                table.add_row("", title)
            action_to_bindings: defaultdict[str, list[Binding]] = defaultdict(list)
            for _node, binding, _enabled, _tooltip in table_bindings:
                if not binding.system:
                    action_to_bindings[binding.action].append(binding)
            for multi_bindings in action_to_bindings.values():
                keys_display = " ".join(dict.fromkeys(
                    self.app.get_key_display(binding) for binding in multi_bindings))
                table.add_row(Text(keys_display, style=key_style),
                              render_description(multi_bindings[0]))
            if namespace != previous_namespace:
                table.add_section()
            previous_namespace = namespace
        return table


class ZvhKeyPanel(KeyPanel, can_focus=False):
    def compose(self) -> ComposeResult:
        yield ZvhBindingsTable(shrink=True, expand=False)


class ZvhHelpPanel(HelpPanel):
    """Textual's help panel (the focused widget's help and the keys), the keys translated."""

    def compose(self) -> ComposeResult:
        yield Markdown(id="widget-help")
        yield ZvhKeyPanel(id="keys-help")
