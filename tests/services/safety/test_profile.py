"""A profile's life (services/safety/profile.py) and its settings (config.py)."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from zvh_tui.core import config
from zvh_tui.core.errors import (
    DatabaseCorrupt,
    StoreError,
    UnlockDelayed,
    ValidationError,
    WrongPassphrase,
)
from zvh_tui.services.safety.profile import ENV_PASSPHRASE, Profile
from zvh_tui.store import models
from zvh_tui.store.models import AuditEvent, KeyValue, Partner


def _event_names() -> list[str]:
    return [e.event for e in AuditEvent.select().order_by(AuditEvent.id)]


# -- create, lock, unlock -----------------------------------------------------------------------


def test_create_lock_unlock_keeps_the_data(store_profile: Profile, passphrase: str) -> None:
    assert store_profile.exists and store_profile.unlocked
    assert models.db.obj is store_profile.store.database
    assert KeyValue.get_by_id("created_at").value
    Partner.create(name="Fictieve Reclassering")

    store_profile.lock()
    assert not store_profile.unlocked
    assert models.db.obj is None
    store_profile.lock()  # locking twice is harmless

    store_profile.unlock(passphrase)
    assert store_profile.unlocked
    assert Partner.get(Partner.name == "Fictieve Reclassering").active is True
    assert _event_names() == ["profile.create", "lock", "unlock"]


def test_wrong_passphrase_leaves_the_profile_locked(store_profile: Profile, passphrase) -> None:
    store_profile.lock()
    with pytest.raises(WrongPassphrase):
        store_profile.unlock("test-wachtwoord-2")
    assert not store_profile.unlocked
    assert models.db.obj is None
    with pytest.raises(UnlockDelayed):  # too soon after a wrong one: even the right one waits
        store_profile.unlock(passphrase)
    store_profile.unlock_delay.clock = lambda: time.time() + 1.0  # a second later
    store_profile.unlock(passphrase)
    assert _event_names() == ["profile.create", "lock", "unlock"]


def test_unlock_with_the_raw_key(store_profile: Profile) -> None:
    raw_key = store_profile.store.raw_key
    store_profile.lock()
    store_profile.unlock_with_key(raw_key)
    assert store_profile.unlocked
    assert _event_names()[-1] == "unlock"


def test_creating_over_an_existing_profile_is_refused(store_profile: Profile) -> None:
    store_profile.lock()
    with pytest.raises(StoreError):
        store_profile.create("een-ander-wachtwoord")
    assert not store_profile.unlocked


def test_closing_frees_the_profile_for_another_instance(tmp_path: Path, passphrase) -> None:
    first = Profile.from_dir(tmp_path)
    first.create(passphrase)
    first.close()
    second = Profile.from_dir(tmp_path)
    second.unlock(passphrase)
    try:
        assert _event_names() == ["profile.create", "lock", "unlock"]
    finally:
        second.close()


def test_own_partner_exists_exactly_once_after_two_unlocks(
    store_profile: Profile, passphrase: str
) -> None:
    for _ in range(2):
        store_profile.lock()
        store_profile.unlock(passphrase)
    own = list(Partner.select().where(Partner.is_own == True))  # noqa: E712
    assert len(own) == 1
    assert own[0].name == "Zorg- en Veiligheidshuis"
    assert (own[0].domain, own[0].convenant_signed) == ("veiligheid", True)
    assert Partner.select().count() == 1


def test_own_partner_takes_an_existing_partner_of_that_name(tmp_path: Path, passphrase) -> None:
    config.save(tmp_path / "settings.json", config.Settings(own_partner_name="ZVH Fictiefstad"))
    profile = Profile.from_dir(tmp_path)
    profile.create(passphrase)
    try:
        assert Partner.get(Partner.is_own == True).name == "ZVH Fictiefstad"  # noqa: E712
        Partner.update(is_own=False).execute()  # e.g. unmarked by hand
        profile.lock()
        profile.unlock(passphrase)
        rows = list(Partner.select())
        assert [(p.name, p.is_own) for p in rows] == [("ZVH Fictiefstad", True)]
    finally:
        profile.close()


def test_files_are_private_after_unlock(store_profile: Profile) -> None:
    db_file = store_profile.paths.database
    for path in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(store_profile.paths.data.stat().st_mode) == 0o700


def test_a_damaged_page_is_reported_as_a_corrupt_database(tmp_path: Path, passphrase) -> None:
    profile = Profile.from_dir(tmp_path)
    profile.create(passphrase)
    raw_key = profile.store.raw_key
    profile.close()
    db_file = tmp_path / "zvh.db"
    data = bytearray(db_file.read_bytes())
    data[4096 + 2000 : 4096 + 2008] = b"\xff" * 8  # inside page 2 (the partner table)
    db_file.write_bytes(bytes(data))

    again = Profile.from_dir(tmp_path)
    try:
        with pytest.raises(DatabaseCorrupt) as caught:
            again.unlock_with_key(raw_key)
        assert "beschadigd" in str(caught.value)
        assert not again.unlocked
        assert models.db.obj is None
    finally:
        again.close()


def test_damage_anywhere_in_the_file_gives_a_dutch_error(tmp_path: Path, passphrase) -> None:
    source = tmp_path / "bron"
    profile = Profile.from_dir(source)
    profile.create(passphrase)
    raw_key = profile.store.raw_key
    profile.close()
    original = (source / "zvh.db").read_bytes()
    pages = len(original) // 4096
    assert pages > 10
    outcomes: set[str] = set()
    for page in range(pages):
        target = tmp_path / f"p{page}"
        target.mkdir(mode=0o700)
        data = bytearray(original)
        data[page * 4096 + 2000 : page * 4096 + 2008] = b"\xff" * 8
        (target / "zvh.db").write_bytes(bytes(data))
        damaged = Profile.from_dir(target)
        try:
            damaged.unlock_with_key(raw_key)
            outcomes.add("geopend")  # the damage hit unused bytes
        except StoreError as exc:
            outcomes.add(type(exc).__name__)
            assert not damaged.unlocked
        finally:
            damaged.close()
        assert models.db.obj is None
    assert "DatabaseCorrupt" in outcomes


# -- ZVH_PASSPHRASE -------------------------------------------------------------------------------


def test_environment_passphrase_creates_then_unlocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str
) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, passphrase)
    profile = Profile.from_dir(tmp_path)
    assert not profile.exists
    assert profile.open_from_environment(create=True) is True
    try:
        assert profile.exists and profile.unlocked
        assert _event_names() == ["profile.create"]
    finally:
        profile.close()

    again = Profile.from_dir(tmp_path)
    assert again.open_from_environment() is True
    try:
        assert again.unlocked
        assert _event_names() == ["profile.create", "lock", "unlock"]
    finally:
        again.close()


def test_without_environment_passphrase_nothing_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, "")
    profile = Profile.from_dir(tmp_path)
    assert profile.open_from_environment() is False
    assert not profile.unlocked
    assert not (tmp_path / "zvh.db").exists()


def test_wrong_environment_passphrase_is_refused(
    store_profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_profile.close()
    monkeypatch.setenv(ENV_PASSPHRASE, "niet-het-goede-wachtwoord")
    profile = Profile.from_dir(store_profile.paths.data)
    try:
        with pytest.raises(WrongPassphrase):
            profile.open_from_environment()
        assert not profile.unlocked
    finally:
        profile.close()


def test_data_dir_environment_variable_points_at_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZVH_DATA_DIR", str(tmp_path / "ander"))
    profile = Profile.from_dir()
    assert profile.paths.database == tmp_path / "ander" / "zvh.db"
    assert profile.paths.settings_file == tmp_path / "ander" / "settings.json"


def test_default_profile_lives_in_the_xdg_folders(tmp_path: Path) -> None:
    profile = Profile.from_dir()
    assert profile.paths.data == tmp_path / "xdg" / "data" / "zvh-tui"
    assert profile.paths.config == tmp_path / "xdg" / "config" / "zvh-tui"


# -- settings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "{niet: json",
        "",
        "[1, 2, 3]",
        '"tekst"',
        '{"idle_lock_minutes": 0}',
        '{"idle_lock_minutes": "vijf"}',
        '{"idle_lock_minutes": null}',
        '{"retention_years": 500}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_broken_settings_fall_back_to_the_defaults(tmp_path: Path, content) -> None:
    path = tmp_path / "settings.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    loaded = config.load(path)
    assert loaded == config.Settings()
    if isinstance(content, str) and content.startswith('{"'):
        assert loaded.problems == [content.split('"')[1]]  # the refused key is reported


def test_a_profile_with_broken_settings_still_opens(tmp_path: Path, passphrase) -> None:
    (tmp_path / "settings.json").write_text("{kapot", encoding="utf-8")
    profile = Profile.from_dir(tmp_path)
    assert profile.settings == config.Settings()
    profile.create(passphrase)
    profile.close()


def test_valid_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"idle_lock_minutes": 15, "user": "t.tester", "theme": "nord", "x": 1}),
        encoding="utf-8",
    )
    settings = config.load(path)
    assert (settings.idle_lock_minutes, settings.user, settings.theme) == (15, "t.tester", "nord")
    assert settings.user_name() == "t.tester"
    assert config.load(tmp_path / "bestaat-niet.json") == config.Settings()


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    settings = config.Settings(idle_lock_minutes=3, retention_years=15, meeting_types=["MDO"])
    config.save(path, settings)
    assert config.load(path) == settings
    assert not path.with_suffix(".tmp").exists()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("idle_lock_minutes", 0),
        ("idle_lock_minutes", 16),
        ("backup_generations", 0),
        ("backup_generations", 101),
        ("retention_years", 0),
        ("retention_years", 101),
        ("stagnation_days", 0),
        ("stagnation_days", 366),
    ],
)
def test_settings_out_of_range_are_refused(tmp_path: Path, name: str, value: int) -> None:
    settings = config.Settings(**{name: value})
    with pytest.raises(ValidationError) as caught:
        settings.validate()
    assert caught.value.field == name
    path = tmp_path / "settings.json"
    with pytest.raises(ValidationError):
        config.save(path, settings)
    assert not path.exists()


@pytest.mark.parametrize("minutes", [1, 5, 15])
def test_idle_lock_within_range_is_accepted(minutes: int) -> None:
    config.Settings(idle_lock_minutes=minutes).validate()


def test_unknown_settings_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "later_option": True}), encoding="utf-8")
    config.save(path, config.load(path))
    assert json.loads(path.read_text(encoding="utf-8"))["later_option"] is True


def test_one_bad_setting_does_not_reset_the_others(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "idle_lock_minutes": 99}), encoding="utf-8")
    settings = config.load(path)
    assert (settings.theme, settings.idle_lock_minutes) == ("nord", 5)


def test_settings_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        config.save(tmp_path / "settings.json", config.Settings())
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "settings.json").stat().st_mode) == 0o600
