"""The case journal: what the regisseur did and saw, optionally tagged with one of the six hats."""

from __future__ import annotations

from zvh_tui.errors import ValidationError
from zvh_tui.services import audit, context, text
from zvh_tui.store.models import Case, JournalEntry, db
from zvh_tui.vocab import Hat


def add_entry(case: Case, body: str, hat: Hat | str | None = None) -> JournalEntry:
    clean = text.block(body, "Journaaltekst", field="journal", required=True)
    code = ""
    if hat:
        try:
            code = Hat(hat).value
        except ValueError:
            raise ValidationError(
                "Kies een van de zes petten: " + ", ".join(h.label for h in Hat) + ".", field="hat"
            ) from None
    with db.atomic():
        entry = JournalEntry.create(case=case, text=clean, hat=code, author=context.actor().user)
        from zvh_tui.services.cases import touch

        touch(case)
        audit.record("update", case=case, object_type="journal", object_id=entry.id, detail=code or "-")
    return entry


def entries(case: Case) -> list[JournalEntry]:
    return list(
        JournalEntry.select().where(JournalEntry.case == case).order_by(JournalEntry.at.desc(), JournalEntry.id.desc())
    )
