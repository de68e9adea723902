"""The case journal: what the regisseur did and saw, optionally tagged with one of the six hats."""

from __future__ import annotations

from zvh_tui.core.errors import UnknownCode, ValidationError
from zvh_tui.core.i18n import N_, M
from zvh_tui.core.vocab import Hat
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, text
from zvh_tui.store.models import Case, JournalEntry, db


def add_entry(case: Case, body: str, hat: Hat | str | None = None) -> JournalEntry:
    clean = text.block(body, N_("Journaaltekst"), field="journal", required=True)
    code = ""
    if hat:
        try:
            code = Hat(hat).value
        except UnknownCode:
            raise ValidationError(
                M("cases.journal.bad_hat", "Kies een van de zes petten: {hats}.",
                  hats=", ".join(h.label for h in Hat)), field="hat"
            ) from None
    with db.atomic():
        entry = JournalEntry.create(case=case, text=clean, hat=code, author=context.actor().user)
        from zvh_tui.services.cases.lifecycle import touch

        touch(case)
        audit.record("update", case=case, object_type="journal", object_id=entry.id, detail=code or "-")
    return entry


def entries(case: Case) -> list[JournalEntry]:
    return list(
        JournalEntry.select().where(JournalEntry.case == case).order_by(JournalEntry.at.desc(), JournalEntry.id.desc())
    )
