"""Which binding ids a user may remap in `settings.json`, and what the settings file got wrong.

Users remap keys by binding id (`"keymap": {"app.partners": "f4"}`, Textual's
`App.set_keymap`). Textual silently ignores an id that no binding has, so a typo would leave the
user wondering; `settings_notices` names it, with every other settings problem, for the app
(a notice after unlock) and for `zvh check` (a finding). Imports the screens, so it lives above
the services layer.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

from zvh_tui.core import config
from zvh_tui.core.i18n import _


@cache
def binding_ids() -> frozenset[str]:
    """Every `Binding(..., id=...)` on the app, its screens and its widgets."""
    from textual.binding import Binding

    import zvh_tui.screens
    import zvh_tui.widgets
    from zvh_tui import app

    modules = [app]
    for package in (zvh_tui.screens, zvh_tui.widgets):
        # every module, also those inside the area packages (screens/cases/, screens/plans/, …)
        modules += [importlib.import_module(info.name)
                    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]
    found: set[str] = set()
    for module in modules:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            for binding in getattr(cls, "BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    found.add(binding.id)
    return frozenset(found)


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    if not keymap:  # nothing to look up: the screens are not imported for nothing (issue 16)
        return []
    known = binding_ids()
    return sorted(key for key in keymap if key not in known)


def settings_notices(settings: config.Settings) -> list[str]:
    """Notices about the settings file (in the language of the moment): unreadable, refused values, unknown key ids."""
    notices = config.notices(settings)
    unknown = unknown_ids(settings.keymap)
    if unknown:
        names = ", ".join(f"'{key}'" for key in unknown)
        notices.append(_(
            "In de toetsen (keymap) van settings.json staat een onbekende toets-id: {names}; "
            "die toets is niet aangepast. De ids staan in screens.md (bv. 'app.partners', "
            "'cases.new_case')."
        ).format(names=names))
    return notices
