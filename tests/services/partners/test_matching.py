"""Finding partners by what is typed: services/partners/matching.py and the lists built on it."""

from __future__ import annotations

from zvh_tui.services.partners import matching, partner_overview, pickers
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.shared import palette
from zvh_tui.services.shared.fold import fold


def test_contains_words_wants_every_word_somewhere() -> None:
    texts = (fold("Wijkteam ’s-Hertogenbosch"), fold("Hüseyin Çelik jeugd"))
    assert matching.contains_words(matching.query_words("'s-hertogenbosch celik"), *texts)
    assert matching.contains_words(matching.query_words("HUSEYIN wijk"), *texts)
    assert not matching.contains_words(matching.query_words("celik zeeland"), *texts)
    assert matching.contains_words([], *texts)


def test_match_score_and_best() -> None:
    assert matching.match_score("ijsselmonde", "Wijkteam IJsselmonde") == 2
    assert matching.match_score("Çelik", "celik") == 3
    assert matching.best([(1, "a"), (2, "b"), (2, "c"), (0, "d")]) == ["b", "c"]
    assert matching.best([(0, "a")]) == []


def test_every_partner_list_finds_the_same_partner_without_accents(profile) -> None:
    partner = partners.create_partner("Wijkteam ’s-Hertogenbosch", "zorg")
    partners.add_contact(partner, "Hüseyin Çelik")
    partners.create_partner("Politie IJsselmonde", "veiligheid")
    typed = "'s-hertogenbosch celik"
    assert [p.name for p in partners.list_partners(typed)] == ["Wijkteam ’s-Hertogenbosch"]
    roster = partner_overview.filter_roster(partner_overview.roster_index(), typed)
    assert [(r.name, r.matched) for r in roster] == [("Wijkteam ’s-Hertogenbosch", ["Hüseyin Çelik"])]
    assert [h.name for h in palette.match_partners(palette.partner_index(), typed)] == ["Wijkteam ’s-Hertogenbosch"]
    choices = pickers.partner_choices(typed)
    assert [c.label for c in choices] == ["Wijkteam ’s-Hertogenbosch · Hüseyin Çelik"]
    assert [p.name for p in partners.list_partners("ijsselmonde")] == ["Politie IJsselmonde"]
