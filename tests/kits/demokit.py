"""Helpers for the demo tests: template profiles loaded once, and what must stay the same."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from zvh_tui.demo.builder import load_demo
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import Action, Case

SCALE_N = 200
# The templates are loaded on this (frozen) day, far from the real calendar: the demo's overdue
# actions, coming meeting and passed retention dates prove that it follows `context.today()`, and
# a test run that passes midnight still compares loads of the same day.
DEMO_DAY = dt.date(2031, 2, 18)


@dataclass
class Template:
    database: Path
    raw_key: str
    summary: str
    fingerprint: dict[str, list]


def fingerprint() -> dict[str, list]:
    """What must be the same in two fresh loads: references, titles and action texts."""
    return {
        "cases": [(c.reference, c.title, c.phase) for c in Case.select().order_by(Case.id)],
        "actions": [a.text for a in Action.select(Action.text).order_by(Action.id)],
    }


def _isolate(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(root / "xdg" / name.lower()))
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    monkeypatch.delenv("ZVH_DATA_DIR", raising=False)


def make_template(factory: pytest.TempPathFactory, profile_template: tuple[Path, str], name: str,
                  scale: int | None, day: dt.date | None = None) -> Template:
    """Load the demo (or a scale set) once into a copy of the session's new profile."""
    source, raw_key = profile_template
    root = factory.mktemp(name)
    folder = root / "profiel"
    folder.mkdir(mode=0o700)
    shutil.copyfile(source, folder / source.name)
    with pytest.MonkeyPatch.context() as mp:
        _isolate(mp, root)
        context.set_today(day)
        profile = Profile.from_dir(folder)
        profile.unlock_with_key(raw_key)
        try:
            summary = load_demo(scale)
            prints = fingerprint()
        finally:
            profile.close()
            context.set_today(None)
    context.set_actor(context.Actor())
    return Template(folder / source.name, raw_key, summary, prints)


def open_copy(template: Template, folder: Path) -> Profile:
    """An unlocked copy of a template profile in `folder`."""
    folder.mkdir(mode=0o700, parents=True)
    shutil.copyfile(template.database, folder / template.database.name)
    opened = Profile.from_dir(folder)
    opened.unlock_with_key(template.raw_key)
    return opened
