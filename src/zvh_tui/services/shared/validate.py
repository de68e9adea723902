"""Checking values with a shape: the one e-mail validator of the app.

Every place that takes an e-mail address (the contact form, the partner CSV import) goes through
`email()`, so they refuse the same addresses with the same Dutch reason: "bevat een spatie",
"bevat twee @-tekens", "er ontbreekt een domein na de @" … The check is deliberately plain: it
catches the typing and copying mistakes people make (a space, a double @, a comma for a dot, a
missing domain), not every corner of RFC 5322, and it never changes what was typed.
"""

from __future__ import annotations

from zvh_tui.core.errors import ValidationError

EMAIL_MAX = 254
# Characters that cannot stand unquoted in an address; a comma or semicolon is usually a typo
# for a dot or a second address pasted into the same cell.
_NOT_IN_EMAIL = set('",;:()<>[]\\')
_NUMBERS = {2: "twee", 3: "drie"}


def email_problem(value: str) -> str | None:
    """Why `value` is not an e-mail address (a Dutch phrase), or None when it is one.

    `value` is the address as typed, without surrounding spaces; empty is not checked here.
    """
    if any(ch.isspace() for ch in value):
        return "het bevat een spatie"
    if len(value) > EMAIL_MAX:
        return f"het is te lang (hoogstens {EMAIL_MAX} tekens)"
    ats = value.count("@")
    if ats == 0:
        return "er ontbreekt een @"
    if ats > 1:
        return f"het bevat {_NUMBERS.get(ats, str(ats))} @-tekens; er hoort er één in"
    bad = next((ch for ch in value if ch in _NOT_IN_EMAIL or not ch.isprintable()), None)
    if bad is not None:
        return f"het bevat een teken dat niet in een e-mailadres kan ('{bad}')"
    local, domain = value.split("@")
    if not local:
        return "er staat niets vóór de @"
    if not domain:
        return "er ontbreekt een domein na de @ (zoals naam@organisatie.nl)"
    if value.startswith("."):
        return "het begint met een punt"
    if value.endswith("."):
        return "het eindigt met een punt"
    if local.endswith("."):
        return "er staat een punt vlak vóór de @"
    if domain.startswith("."):
        return "er staat een punt vlak na de @"
    if ".." in value:
        return "het bevat twee punten achter elkaar"
    if "." not in domain:
        return f"het domein '{domain}' heeft geen punt (zoals organisatie.nl)"
    labels = domain.split(".")
    if any(label.startswith("-") or label.endswith("-") for label in labels):
        return "een deel van het domein begint of eindigt met een streepje"
    if any(not (ch.isalnum() or ch == "-") for label in labels for ch in label):
        bad = next(ch for label in labels for ch in label if not (ch.isalnum() or ch == "-"))
        return f"het domein bevat een teken dat daar niet kan ('{bad}')"
    top = labels[-1]
    if len(top) < 2 or top.isdigit():
        return "het domein eindigt niet op een extensie zoals .nl of .com"
    return None


def email(value: object, *, field: str | None = "email") -> str:
    """The address as typed (surrounding spaces trimmed), or ValidationError with the reason.

    Empty stays empty (an e-mail address is never required).
    """
    address = ("" if value is None else str(value)).strip()
    if not address:
        return ""
    problem = email_problem(address)
    if problem is not None:
        raise ValidationError(f"Dit e-mailadres klopt niet: {problem}.", field=field)
    return address
