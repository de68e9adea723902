"""write_minutes records every document in one transaction (issue 16: one commit, not one per
document), and a file that cannot be written still leaves the documents written before it
recorded: the logboek never misses a document that was given out."""

from __future__ import annotations

from pathlib import Path

import pytest
from minuteskit import closed_meeting

from zvh_tui.services.meetings import minutes
from zvh_tui.services.plans import plan_export
from zvh_tui.store.models import AuditEvent


def _exports() -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.event == "export").order_by(AuditEvent.id))


def test_the_documents_written_before_a_failing_one_are_recorded(build, tmp_path: Path, monkeypatch) -> None:
    closed = closed_meeting(build)
    before = len(_exports())
    real = plan_export.write_export
    calls: list[str] = []

    def failing(folder: Path, name: str, content: str) -> Path:
        calls.append(name)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(folder, name, content)

    monkeypatch.setattr(plan_export, "write_export", failing)
    folder = tmp_path / "exports"
    with pytest.raises(OSError, match="disk full"):
        minutes.write_minutes(closed.meeting, folder, kinds=(minutes.VERSLAG, minutes.DECISIONS))
    details = [e.detail for e in _exports()[before:]]
    assert sorted(set(details)) == ["minutes.verslag.html", "minutes.verslag.md"]  # the first two files
    assert sorted(p.name for p in folder.iterdir()) == sorted(calls[:2])
