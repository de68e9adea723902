"""The one e-mail validator (services/shared/validate.py) and the plural helper (services/shared/plurals.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zvh_tui.core.errors import ValidationError
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.shared import plurals
from zvh_tui.services.shared.validate import email, email_problem


@pytest.mark.parametrize(("value", "reason"), [
    ("a@@b", "het bevat twee @-tekens; er hoort er één in"),
    ("naam@@domein.nl", "het bevat twee @-tekens; er hoort er één in"),
    ("a@b@c.nl", "het bevat twee @-tekens; er hoort er één in"),
    ("jan de vries@politie.nl", "het bevat een spatie"),
    ("jan@politie.nl ;piet@ggz.nl", "het bevat een spatie"),
    ("jan@politie\u00a0.nl", "het bevat een spatie"),
    ("jan.politie.nl", "er ontbreekt een @"),
    ("jan@", "er ontbreekt een domein na de @ (zoals naam@organisatie.nl)"),
    ("@politie.nl", "er staat niets vóór de @"),
    ("jan@politie", "het domein 'politie' heeft geen punt (zoals organisatie.nl)"),
    (".jan@politie.nl", "het begint met een punt"),
    ("jan@politie.nl.", "het eindigt met een punt"),
    ("jan.@politie.nl", "er staat een punt vlak vóór de @"),
    ("jan@.politie.nl", "er staat een punt vlak na de @"),
    ("jan..vries@politie.nl", "het bevat twee punten achter elkaar"),
    ("jan@politie,nl", "het bevat een teken dat niet in een e-mailadres kan (',')"),
    ("jan@-politie.nl", "een deel van het domein begint of eindigt met een streepje"),
    ("jan@poli_tie.nl", "het domein bevat een teken dat daar niet kan ('_')"),
    ("jan@politie.n", "het domein eindigt niet op een extensie zoals .nl of .com"),
])
def test_wrong_addresses_are_refused_with_the_right_reason(value: str, reason: str) -> None:
    assert email_problem(value) == reason
    with pytest.raises(ValidationError) as refused:
        email(value)
    assert refused.value.message == f"Dit e-mailadres klopt niet: {reason}."
    assert refused.value.field == "email"


@pytest.mark.parametrize("value", [
    "jan@politie.nl", "j.de.vries@politie-oost.example.org", "fatima+zvh@wijkteam.example",
    "zoë@café.nl", "o'brien@ggz.example", "JAN@POLITIE.NL",
])
def test_good_addresses_are_kept_as_typed(value: str) -> None:
    assert email(f"  {value} ") == value


def test_empty_is_allowed() -> None:
    assert email("") == email(None) == email("   ") == ""


_local = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789_+-"), min_size=1,
                 max_size=20)
_label = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1,
                 max_size=12)


@given(_local, st.lists(_label, min_size=1, max_size=3),
       st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=2, max_size=6))
def test_plain_addresses_pass(local: str, labels: list[str], top: str) -> None:
    value = f"{local}@{'.'.join(labels)}.{top}"
    assert email(value) == value


@given(_local, _label, st.sampled_from([" ", "\t", "\u00a0"]), st.integers(0, 10))
def test_any_space_is_named_as_a_space(local: str, domain: str, space: str, at: int) -> None:
    value = f"{local}@{domain}.nl"
    at = min(at, len(value))
    assert email_problem(value[:at] + space + value[at:]) == "het bevat een spatie"


@given(st.text(max_size=60))
def test_any_text_is_either_an_address_or_a_reason(value: str) -> None:
    problem = email_problem(value.strip()) if value.strip() else None
    try:
        result = email(value)
    except ValidationError as refused:
        assert problem is not None and problem in refused.message
    else:
        assert problem is None and result == value.strip()


def test_the_contact_form_uses_the_same_validator(profile) -> None:
    police = partners.create_partner("Politie Oost", "straf")
    with pytest.raises(ValidationError, match="het bevat twee @-tekens"):
        partners.add_contact(police, "Jan", email="jan@@politie.nl")
    with pytest.raises(ValidationError, match="het bevat een spatie"):
        partners.add_contact(police, "Jan", email="jan @politie.nl")


# -- plurals ---------------------------------------------------------------------------------

def test_plural_picks_the_dutch_form() -> None:
    assert plurals.plural(1, "{n} actie is niemands taak", "{n} acties zijn niemands taak") == (
        "1 actie is niemands taak")
    assert plurals.plural(2, "{n} actie is niemands taak", "{n} acties zijn niemands taak") == (
        "2 acties zijn niemands taak")
    assert plurals.plural(0, "actie", "acties") == "acties"
    assert plurals.count(1, "casus", "casussen") == "1 casus"
    assert plurals.count(10_000, "casus", "casussen") == "10.000 casussen"


def test_number_is_the_one_dutch_thousands_format() -> None:
    assert [plurals.number(n) for n in (0, 999, 1000, 10_000, 1_234_567, -12_500)] == [
        "0", "999", "1.000", "10.000", "1.234.567", "-12.500"]


def test_a_too_long_text_keeps_the_comma_in_its_label() -> None:
    from zvh_tui.services.shared.text import block

    with pytest.raises(ValidationError) as caught:
        block("x" * 20_001, "Krachten, zorgen")
    assert str(caught.value) == "Krachten, zorgen is te lang (20.001 tekens; hoogstens 20.000)."


def test_no_text_in_the_app_writes_a_plural_in_brackets() -> None:
    """'actie(s)', 'fout(en)', 'casus(sen)', "pagina('s)": never in a text; use services/plurals."""
    import io
    import re
    import token
    import tokenize
    from pathlib import Path

    import zvh_tui

    pattern = re.compile(r"[a-zë]\((s|en|sen|ken|pen|'s)\)")
    texts = {token.STRING, getattr(token, "FSTRING_MIDDLE", token.STRING)}
    found = []
    for path in Path(zvh_tui.__file__).parent.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in texts and pattern.search(tok.string) and "key(s)" not in tok.string:
                found.append(f"{path.name}:{tok.start[0]}: {tok.string}")
    found = [f for f in found if not f.startswith("plurals.py")]
    assert found == []
