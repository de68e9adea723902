"""The language setting and the settings file's messages (core/config.py, issue 17): which
language wins (`language_of`), and the refusals and notices in English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from i18nkit import dutch_words_in

from zvh_tui.core import config, i18n
from zvh_tui.core.errors import ValidationError


def test_lang_goes_before_the_environment_and_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "nl")
    assert config.language_of(config.Settings(language="nl"), chosen="en") == "en"
    assert config.language_of(config.Settings(language="en"), chosen="nl") == "nl"


def test_the_environment_goes_before_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "en")
    assert config.language_of(config.Settings(language="nl")) == "en"
    monkeypatch.setenv(i18n.ENV_LANG, "EN_gb.UTF-8")
    assert config.language_of(None) == "en"


def test_the_setting_then_dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    assert config.language_of(config.Settings(language="en")) == "en"
    assert config.language_of(config.Settings()) == "nl"
    assert config.language_of(None) == "nl"
    monkeypatch.setenv(i18n.ENV_LANG, "fr")  # a language zvh does not speak: not chosen
    assert config.language_of(config.Settings(language="en"), chosen="xx") == "en"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # the system locale never decides
    assert config.language_of(None) == "nl"


def test_the_saved_language_is_read_and_a_wrong_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en"}), encoding="utf-8")
    assert config.load(path).language == "en"
    path.write_text(json.dumps({"language": "fr"}), encoding="utf-8")
    settings = config.load(path)
    assert settings.language == "nl" and settings.problems == ["language"]
    with pytest.raises(ValidationError) as caught:
        config.Settings(language="fr").validate()
    assert caught.value.msgid == "settings.language" and caught.value.field == "language"


def test_a_refused_setting_in_english() -> None:
    i18n.set_language("en")
    with pytest.raises(ValidationError) as caught:
        config.Settings(idle_lock_minutes=99).validate()
    assert caught.value.msgid == "settings.idle_lock_minutes"
    assert str(caught.value) == "The lock time must be between 1 and 15 minutes."
    with pytest.raises(ValidationError) as caught:
        config.Settings(retention_years=0).validate()
    assert str(caught.value) == "The retention period must be between 1 and 100 years."


def test_the_notices_about_the_settings_file_in_english(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"idle_lock_minutes": 5,', encoding="utf-8")
    settings = config.load(path)  # read while the language is still Dutch ...
    i18n.set_language("en")  # ... and told in English: the reason is translated when shown
    (notice,) = config.notices(settings)
    assert notice.startswith("The settings file settings.json has not been used: it is not valid "
                             "JSON (line 1). The default settings apply.")
    assert dutch_words_in(notice, allowed=["settings.json.onleesbaar"]) == []
    path.write_text(json.dumps({"backup_generations": 0, "theme": "textual-dark"}), encoding="utf-8")
    (notice,) = config.notices(config.load(path))
    assert notice == ("Invalid value in settings.json for 'backup_generations'; the default "
                      "value applies.")
    i18n.set_language("nl")
    assert config.notices(config.load(path))[0].startswith("Ongeldige waarde in settings.json")
