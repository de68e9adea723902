"""The vocabulary: an unknown code is refused in Dutch (a ValidationError naming the kind and the
options), while the Enum itself keeps working (lookup by value, pickling, `in`, labels)."""

from __future__ import annotations

import copy
import pickle
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zvh_tui.core import vocab
from zvh_tui.core.errors import UnknownCode, ValidationError, ZvhError
from zvh_tui.core.vocab import MAX_OPTIONS_SHOWN, AuditObject, Hat, Level, Phase, Vocab
from zvh_tui.services.cases.case_list import QuickFilter

VOCABS: list[type[Vocab]] = [
    obj for obj in vars(vocab).values()
    if isinstance(obj, type) and issubclass(obj, Vocab) and obj is not Vocab
] + [QuickFilter]


def test_every_vocabulary_is_covered_and_names_its_kind_in_dutch() -> None:
    assert {cls.__name__ for cls in Vocab.__subclasses__()} <= {cls.__name__ for cls in VOCABS}
    assert len(VOCABS) == 24
    for cls in VOCABS:
        assert cls.kind and cls.kind != "code", cls.__name__
    assert len({cls.kind for cls in VOCABS}) == len(VOCABS)  # no two read alike in a message


def test_a_vocabulary_without_a_kind_cannot_be_made() -> None:
    with pytest.raises(TypeError, match="kind"):
        class Nameless(Vocab):
            ONE = ("one", "een")


@settings(max_examples=300, deadline=None)
@given(cls=st.sampled_from(VOCABS), value=st.text(max_size=60))
def test_any_text_that_is_not_a_code_is_refused_in_dutch(cls: type[Vocab], value: str) -> None:
    codes = {m.value for m in cls}
    if value in codes:
        assert cls(value).value == value
        return
    with pytest.raises(ValidationError) as caught:
        cls(value)
    error = caught.value
    assert type(error) is UnknownCode and isinstance(error, ZvhError)
    message = str(error)
    assert cls.kind in message and error.kind == cls.kind
    assert message.startswith("Kies een ") if not value.strip() else " is geen " in message
    first_label = next(iter(cls)).label
    assert first_label in message
    assert "\n" not in message and "\x1b" not in message
    assert "not a valid" not in message  # never the English text of Enum
    assert len(message) < 500


@given(value=st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.binary(max_size=8),
                       st.lists(st.text(max_size=3), max_size=2)))
def test_values_that_are_not_text_are_refused_the_same_way(value: object) -> None:
    with pytest.raises(UnknownCode, match="fase"):
        Phase(value)


def test_the_message_names_the_options_with_their_codes() -> None:
    with pytest.raises(UnknownCode) as caught:
        Level("gemeenteraad")
    assert str(caught.value) == (
        "'gemeenteraad' is geen niveau. Kies uit: casus (case), proces (process), management, "
        "bestuur (board), Maatwerkloket (LMM) (lmm)."
    )
    with pytest.raises(UnknownCode) as caught:
        Hat("")
    assert str(caught.value) == (
        "Kies een pet: onderzoek, hulpverlening, beschikken, casusregie, monitoren, procesregie."
    )


def test_a_long_vocabulary_lists_the_first_options_and_how_many_more() -> None:
    with pytest.raises(UnknownCode) as caught:
        AuditObject("x")
    message = str(caught.value)
    assert len(AuditObject) > MAX_OPTIONS_SHOWN
    assert message.endswith(f" en nog {len(AuditObject) - MAX_OPTIONS_SHOWN} andere.")
    assert "casus (case)" in message and "profiel" not in message


def test_what_was_typed_is_shown_short_and_without_control_characters() -> None:
    with pytest.raises(UnknownCode) as caught:
        Phase("\x1b[31mrood\n" + "x" * 100)
    message = str(caught.value)
    assert message.startswith("'?[31mrood?xxx") and "…' is geen fase." in message
    assert "\x1b" not in message and "\n" not in message


def test_the_enum_still_works_as_an_enum() -> None:
    for cls in VOCABS:
        for member in cls:
            assert cls(member.value) is member
            assert cls(member) is member
            assert cls[member.name] is member
            assert pickle.loads(pickle.dumps(member)) is member
            assert copy.deepcopy(member) is member
            assert member in cls
            assert member == member.value and str(member) == member.value
            assert cls.label_of(member.value) == member.label
    assert Phase.label_of("onbekend") == "onbekend" and Phase.label_of(None) == ""
    assert dict(Phase.choices())["plan"] == "Plan van aanpak"


@pytest.mark.skipif(sys.version_info < (3, 12), reason="`'code' in Enum` is a TypeError before 3.12")
def test_in_with_a_plain_code_answers_true_or_false() -> None:
    # Python 3.12+ answers `in` by trying the lookup and catching ValueError: UnknownCode is one
    assert "plan" in Phase
    assert "x" not in Phase
    assert "" not in Hat


def test_an_unknown_code_is_still_a_value_error_for_code_that_expects_one() -> None:
    with pytest.raises(ValueError, match="geen fase"):
        Phase("x")
    assert not issubclass(ValidationError, ValueError)  # only the unknown code is (errors.py)

