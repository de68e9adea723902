"""Checking values with a shape: the one e-mail validator of the app.

Every place that takes an e-mail address (the contact form, the partner CSV import) goes through
`email()`, so they refuse the same addresses with the same Dutch reason: "bevat een spatie",
"bevat twee @-tekens", "er ontbreekt een domein na de @" … The check is deliberately plain: it
catches the typing and copying mistakes people make (a space, a double @, a comma for a dot, a
missing domain), not every corner of RFC 5322, and it never changes what was typed.
"""

from __future__ import annotations

from zvh_tui.core.errors import ValidationError
from zvh_tui.core.i18n import M, Message, Mn

EMAIL_MAX = 254
# Characters that cannot stand unquoted in an address; a comma or semicolon is usually a typo
# for a dot or a second address pasted into the same cell.
_NOT_IN_EMAIL = set('",;:()<>[]\\')


def email_problem(value: str) -> str | None:
    """Why `value` is not an e-mail address (a phrase in the language of the moment), or None
    when it is one.

    `value` is the address as typed, without surrounding spaces; empty is not checked here.
    """
    problem = email_reason(value)
    return None if problem is None else str(problem)


def email_reason(value: str) -> Message | None:
    """`email_problem` as a message (id and parameters), read when it is shown."""
    if any(ch.isspace() for ch in value):
        return M("shared.email.space", "het bevat een spatie")
    if len(value) > EMAIL_MAX:
        return M("shared.email.too_long", "het is te lang (hoogstens {limit} tekens)", limit=EMAIL_MAX)
    ats = value.count("@")
    if ats == 0:
        return M("shared.email.no_at", "er ontbreekt een @")
    if ats > 1:
        if ats == 2:
            return M("shared.email.two_ats", "het bevat twee @-tekens; er hoort er één in")
        if ats == 3:
            return M("shared.email.three_ats", "het bevat drie @-tekens; er hoort er één in")
        return Mn("shared.email.many_ats", "het bevat {n} @-teken; er hoort er één in",
                  "het bevat {n} @-tekens; er hoort er één in", n=ats)
    bad = next((ch for ch in value if ch in _NOT_IN_EMAIL or not ch.isprintable()), None)
    if bad is not None:
        return M("shared.email.bad_char", "het bevat een teken dat niet in een e-mailadres kan ('{char}')",
                 char=bad)
    local, domain = value.split("@")
    if not local:
        return M("shared.email.no_local", "er staat niets vóór de @")
    if not domain:
        return M("shared.email.no_domain", "er ontbreekt een domein na de @ (zoals naam@organisatie.nl)")
    if value.startswith("."):
        return M("shared.email.starts_dot", "het begint met een punt")
    if value.endswith("."):
        return M("shared.email.ends_dot", "het eindigt met een punt")
    if local.endswith("."):
        return M("shared.email.dot_before_at", "er staat een punt vlak vóór de @")
    if domain.startswith("."):
        return M("shared.email.dot_after_at", "er staat een punt vlak na de @")
    if ".." in value:
        return M("shared.email.double_dot", "het bevat twee punten achter elkaar")
    if "." not in domain:
        return M("shared.email.domain_no_dot", "het domein '{domain}' heeft geen punt (zoals organisatie.nl)",
                 domain=domain)
    labels = domain.split(".")
    if any(label.startswith("-") or label.endswith("-") for label in labels):
        return M("shared.email.domain_hyphen", "een deel van het domein begint of eindigt met een streepje")
    if any(not (ch.isalnum() or ch == "-") for label in labels for ch in label):
        bad = next(ch for label in labels for ch in label if not (ch.isalnum() or ch == "-"))
        return M("shared.email.domain_bad_char", "het domein bevat een teken dat daar niet kan ('{char}')",
                 char=bad)
    top = labels[-1]
    if len(top) < 2 or top.isdigit():
        return M("shared.email.no_extension", "het domein eindigt niet op een extensie zoals .nl of .com")
    return None


def email(value: object, *, field: str | None = "email") -> str:
    """The address as typed (surrounding spaces trimmed), or ValidationError with the reason.

    Empty stays empty (an e-mail address is never required).
    """
    address = ("" if value is None else str(value)).strip()
    if not address:
        return ""
    problem = email_reason(address)
    if problem is not None:
        raise ValidationError(M("shared.email.invalid", "Dit e-mailadres klopt niet: {problem}.",
                                problem=problem), field=field)
    return address
