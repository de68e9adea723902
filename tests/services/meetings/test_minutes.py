"""The minutes of a meeting (services/meetings/minutes.py, issue 14.2): verslag, besluitenlijst,
a sheet per partner, the client version and the .ics, over a meeting held through live.py."""

from __future__ import annotations

import pytest
from minuteskit import closed_meeting

from zvh_tui.services.meetings import minutes


@pytest.fixture
def closed(build):
    return closed_meeting(build)


def test_smoke(closed, tmp_path) -> None:
    record = minutes.read_minutes(closed.meeting)
    for view in [minutes.verslag_view(record), minutes.decisions_view(record),
                 *[minutes.partner_view(record, p) for p in minutes.sheet_partners(record)],
                 minutes.client_view(record, closed.item.id)]:
        for fmt in ("md", "html"):
            (tmp_path / f"{view.kind}-{view.partner_id}.{fmt}").write_text(minutes.render(view, fmt))
    (tmp_path / "x.ics").write_text(minutes.minutes_ics(record))
    import shutil
    shutil.rmtree("/tmp/minutes_try", ignore_errors=True)
    shutil.copytree(tmp_path, "/tmp/minutes_try", ignore=shutil.ignore_patterns("xdg"))
