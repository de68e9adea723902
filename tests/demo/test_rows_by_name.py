"""Demo rows are built by name: a value in the wrong place fails loudly instead of being stored."""

from __future__ import annotations

import pytest

from zvh_tui.demo import texts as T
from zvh_tui.demo.scale import _insert
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import KeyValue


def _stored(*keys: str) -> dict[str, str]:
    return {row.key: row.value for row in KeyValue.select().where(KeyValue.key.in_(keys))}


def test_scale_rows_are_stored_by_field_name_whatever_their_order(profile: Profile) -> None:
    _insert(KeyValue, [{"key": "demo-a", "value": "1"}, {"value": "2", "key": "demo-b"}])
    assert _stored("demo-a", "demo-b") == {"demo-a": "1", "demo-b": "2"}


def test_a_scale_row_with_a_missing_or_unknown_field_is_refused(profile: Profile) -> None:
    with pytest.raises(ValueError, match="KeyValue"):
        _insert(KeyValue, [{"key": "demo-c", "value": "1"}, {"key": "demo-d"}])
    with pytest.raises(KeyError):
        _insert(KeyValue, [{"key": "demo-e", "waarde": "1"}])
    assert _stored("demo-c", "demo-d", "demo-e") == {}


def test_demo_texts_refuse_values_in_the_wrong_order() -> None:
    with pytest.raises(TypeError):  # strengths and concerns only by name
        T.AssessmentSpec("wonen", "Zorgen over de huur.", "Woont er al jaren.")  # type: ignore[misc]
    with pytest.raises(ValueError):
        T.StageLine("procesregie", "execution", "Hat and stage swapped.")
    with pytest.raises(ValueError):
        T.LevelChange(30, level="3", ave="process")
    with pytest.raises(ValueError):
        T.Ref("ggz", 3)  # the GGZ has three contacts: 0, 1 and 2
    with pytest.raises(ValueError):
        T.GoalSpec("wonen", "Een doel met het leefgebied op de plaats van de tekst.", [])
    assert T.Ref("ggz", 2).contact == 2
