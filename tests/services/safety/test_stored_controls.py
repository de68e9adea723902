"""Control characters planted in the database (past every check, as an older version, a
hand-edited copy or an attacker with the key could) never come out raw in an export.

Markdown, HTML and CSV show them as visible symbols (␛, ␇, ␀, ⟨U+202E⟩); the JSON exports keep
the exact text but write every such character as a \\uXXXX escape.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
import safety_helpers as h
from controls_helpers import EVIL, SHOWN, plant, raw_controls

from zvh_tui.services.cases import export
from zvh_tui.services.partners import partner_csv
from zvh_tui.services.plans import plan_export
from zvh_tui.services.safety import audit_log
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, Partner

CANARY = "Kxq7Canary"


@pytest.fixture
def planted_case(make_profile) -> Case:
    make_profile()
    case = h.fill_case(CANARY, today=h.TODAY, partner_name=f"Politie {CANARY}")
    assert plant(CANARY) >= 20  # the canary sits in every table that belongs to a case
    return Case.get_by_id(case.id)


def test_plan_markdown_and_html_show_controls_as_symbols(planted_case: Case) -> None:
    for render in (plan_export.plan_markdown, plan_export.plan_html):
        document = render(planted_case)
        assert raw_controls(document) == [], render.__name__
        assert SHOWN in document.replace("\\", "")  # Markdown escapes brackets with a backslash
        partner = Partner.get(Partner.name.contains(CANARY))
        per_partner = render(planted_case, partner_id=partner.id)
        assert raw_controls(per_partner) == []


def test_partner_csv_shows_controls_as_symbols(planted_case: Case, tmp_path) -> None:
    path = tmp_path / "partners.csv"
    partner_csv.export_partners(path)
    document = path.read_bytes().decode("utf-8-sig")
    assert raw_controls(document) == []
    cells = [cell for row in csv.reader(io.StringIO(document), delimiter=";") for cell in row]
    assert f"Politie {CANARY}{SHOWN}" in cells


def test_case_json_keeps_the_exact_text_and_escapes_every_control(planted_case: Case) -> None:
    document = export.export_case_json(planted_case.reference)
    assert raw_controls(document) == []
    data = json.loads(document)
    assert data["case"]["referral"]["reason"] == f"Aanleiding {CANARY}{EVIL}"  # exactly as stored


def test_audit_log_json_escapes_every_control(planted_case: Case) -> None:
    context.set_actor(context.Actor(user=f"tester{EVIL}", on_behalf_of=f"ZVH{EVIL}"))
    export.export_case_json(planted_case.reference)  # an event with the planted user name
    document = audit_log.export_json(case_ref=planted_case.reference)
    assert raw_controls(document) == []
    events = json.loads(document)["gebeurtenissen"]
    # a case's events are on behalf of the partner that brought it in (its planted name)
    namens = planted_case.referrer_partner.name
    assert any(e["gebruiker"] == f"tester{EVIL}" and e["namens"] == namens for e in events)
