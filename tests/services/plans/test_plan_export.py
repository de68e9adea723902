"""Exports of the plan: Markdown, print-ready HTML, the per-partner version, audit, files."""

from __future__ import annotations

import datetime as dt
import re
import stat

import pytest
from fixtures_plans import full_plan  # tests/kits is on the path

from zvh_tui.core.errors import NotFound, ValidationError
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import plan_export
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.store.models import AuditEvent, Plan

TODAY = dt.date(2026, 11, 23)  # as frozen by conftest.py


def _export_events(case_id: int) -> list[str]:
    return [e.detail for e in audit.events_for_case(case_id) if e.event == "export"]


def test_markdown_holds_the_whole_plan(plan_case) -> None:
    full_plan(plan_case)
    text = plan_export.plan_markdown(plan_case.case)
    assert text.startswith(f"# Plan van aanpak · casus {plan_case.case.reference}")
    for expected in (
        "Versie 1 · concept",
        "## Gezamenlijke opgave", "Rust in huis en een dak boven het hoofd",
        "## Visie en wensen van de cliënt", "Wil in de wijk blijven wonen",
        "**Politie**: Risico voor de buren", "**GGZ Breburg**: Patiënt die zorg mijdt",
        "**wonen**: krachten: Vaste woning; zorgen: Uithuiszetting dreigt",
        "### Doel 1: Stabiel wonen (wonen)", "### Doel 2: Grip op geld (financiën)",
        "- Huisbezoek plannen", "eigenaar: Wijkteam Noord", "deadline: 27-11-2026", "status: open",
        "eigenaar: Gemeente Breda / P. Jansen",
        "- ID-kaart aanvragen **[niemands taak, geen deadline]**", "eigenaar: niemands taak",
        "## Afspraken", "De gemeente informeert de buren (Gemeente Breda)",
        "Iedereen meldt wijzigingen aan de casusregisseur (alle partners)",
        "## Casusregisseur", "Wijkteam Noord",
        "## Evaluatie", "04-01-2027",
    ):
        assert expected in text, expected
    assert plan_case.other_case.reference not in text
    assert "Andere casus" not in text and "Anna Kowalski" not in text
    assert _export_events(plan_case.case.id) == ["plan.md"]


def test_per_partner_version_keeps_to_purpose(plan_case) -> None:
    full_plan(plan_case)
    for render in (plan_export.plan_markdown, plan_export.plan_html):
        text = render(plan_case.case, None, plan_case.gemeente.id)
        assert "Rust in huis en een dak boven het hoofd" in text  # the opgave
        assert "Grip op geld" in text  # the goal of its own action
        assert "Stabiel wonen" not in text  # a goal without its actions is another partner's
        assert "financi" not in text and "wonen)" not in text  # no leefgebied labels
        assert "Uitkering regelen" in text  # its own action
        for other in ("Huisbezoek plannen", "Melding bij incident opvolgen", "ID-kaart aanvragen"):
            assert other not in text, other  # other partners' actions (and nobody's)
        assert "De gemeente informeert de buren" in text  # its own afspraak
        assert "Iedereen meldt wijzigingen" in text  # one for all
        assert "belt de politie" not in text  # the politie's afspraak
        for private in ("Wil in de wijk blijven wonen", "Risico voor de buren", "Patiënt die zorg mijdt",
                        "Uithuiszetting dreigt"):
            assert private not in text, private  # client view, perspectives, krachten en zorgen
        assert "Versie voor" in text and "Gemeente Breda" in text
        assert plan_case.other_case.reference not in text
    assert _export_events(plan_case.case.id) == ["plan.partner", "plan.partner"]


def test_html_is_self_contained_escaped_and_printable(plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.update_plan(plan, shared_task='<script>alert("x")</script> & [/b] rust')
    goal = plans.add_goal(plan, "Doel met <b>vet</b>")
    plans.add_action(plan, "Bel <img src=x onerror=alert(1)>", goal=goal, owner_partner_id=plan_case.politie.id)
    page = plan_export.plan_html(plan_case.case)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; [/b] rust" in page
    assert "&lt;b&gt;vet&lt;/b&gt;" in page and "<b>vet</b>" not in page
    assert "<img" not in page
    # nothing to fetch: no links, images, scripts or external style sheets
    assert not re.search(r"<[^>]*\s(src|href)\s*=", page)
    assert "http://" not in page and "https://" not in page and "@import" not in page
    assert "<style>" in page and "@media print" in page and "@page" in page
    assert _export_events(plan_case.case.id) == ["plan.html"]


def test_markdown_keeps_user_text_literal(plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.update_plan(plan, shared_task="# geen kop\n<script>x</script> *niet vet*")
    text = plan_export.plan_markdown(plan_case.case)
    assert "\\# geen kop" in text and "\\<script\\>" in text and "\\*niet vet\\*" in text


def test_exports_never_hold_the_audit_log(plan_case) -> None:
    full_plan(plan_case)
    text = plan_export.plan_markdown(plan_case.case) + plan_export.plan_html(plan_case.case)
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert last.hash not in text and "tester" not in text


def test_export_plan_for_the_cli(plan_case) -> None:
    full_plan(plan_case)
    ref = plan_case.case.reference
    assert plan_export.export_plan(ref, "md").startswith("# Plan van aanpak")
    assert plan_export.export_plan(ref, "html").startswith("<!DOCTYPE html>")
    partner_md = plan_export.export_plan(ref, "md", partner="politie")
    assert "Melding bij incident opvolgen" in partner_md and "Uitkering regelen" not in partner_md
    with pytest.raises(ValidationError, match="md of html"):
        plan_export.export_plan(ref, "pdf")
    with pytest.raises(NotFound):
        plan_export.export_plan("2099-9999", "md")
    with pytest.raises(NotFound, match="geen partner"):
        plan_export.export_plan(ref, "md", partner="belastingdienst")
    partners.create_partner("Wijkteam Zuid", "gemeente")
    with pytest.raises(ValidationError, match="meer partners"):
        plan_export.export_plan(ref, "md", partner="wijk")  # Wijkteam Noord and Wijkteam Zuid
    with pytest.raises(NotFound, match="nog geen plan"):
        plan_export.export_plan(plan_case.other_case.reference, "md")


def test_export_to_folder_writes_a_private_file_named_by_reference(plan_case, tmp_path) -> None:
    plan = full_plan(plan_case)
    folder = tmp_path / "exports"
    path = plan_export.export_to_folder(folder, plan_case.case, plan, "html", plan_case.gemeente.id)
    assert path.name == f"plan-{plan_case.case.reference}-v1-gemeente-breda.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert "Uitkering regelen" in path.read_text(encoding="utf-8")
    assert "Marco" not in path.name and "Wit" not in path.name
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temp file left behind


def test_older_version_can_be_exported(plan_case) -> None:
    plan = full_plan(plan_case)
    nobody = plans.actions_of(plan)[-1]
    plans.update_action(nobody, deadline=TODAY + dt.timedelta(days=3))
    plans.accept_nobody(plans.actions_of(plan)[-1])
    adopted = plans.adopt(Plan.get_by_id(plan.id))
    concept = plans.revise(adopted)
    plans.update_plan(concept, shared_task="Nieuwe opgave")
    old = plan_export.plan_markdown(plan_case.case, Plan.get_by_id(adopted.id))
    assert "Versie 1 · vastgesteld · vastgesteld op 23-11-2026" in old
    assert "Nieuwe opgave" not in old
    new = plan_export.plan_markdown(plan_case.case)
    assert "Versie 2 · concept" in new and "Nieuwe opgave" in new
    with pytest.raises(ValidationError):
        other = plans.start_plan(plan_case.other_case)
        plan_export.plan_markdown(plan_case.case, other)


def test_cli_export_plan_writes_the_per_partner_html(plan_case, profile, profile_dir, tmp_path, monkeypatch, capsys) -> None:
    from zvh_tui.cli import commands as cli

    full_plan(plan_case)
    reference = plan_case.case.reference
    profile.close()  # the command opens the profile itself, as from a shell
    monkeypatch.setenv("ZVH_PASSPHRASE", "test-wachtwoord-1")
    target = tmp_path / "plan-gemeente.html"
    code = cli.main(["export", "plan", reference, "--data-dir", str(profile_dir), "--format", "html",
                     "--partner", "gemeente breda", "-o", str(target)])
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert "Uitkering regelen" in page and "Huisbezoek plannen" not in page
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    captured = capsys.readouterr()
    assert "Uitkering" not in captured.out + captured.err  # nothing of the plan on the terminal

    code = cli.main(["export", "plan", reference, "--data-dir", str(profile_dir), "--partner", "nergens",
                     "-o", str(tmp_path / "x.md")])
    assert code == 2
    assert "Er is geen partner met de naam 'nergens'." in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()
