"""Who may make a profile, and a database that has gone is never a new profile (issues 9.6, 10.2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zvh_tui.core.errors import NoProfile
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import ENV_PASSPHRASE, Profile
from zvh_tui.store import models


def tree(root: Path) -> list[str]:
    """Every file and folder below root (root itself included), for before/after comparisons."""
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root.parent)) for p in [root, *root.rglob("*")])


@pytest.fixture
def profile_with_backup(tmp_path: Path, passphrase: str) -> Profile:
    """A closed profile in tmp_path/profiel with one verified backup beside it."""
    profile = Profile.from_dir(tmp_path / "profiel")
    profile.create(passphrase)
    backup.make_backup(profile)
    profile.close()
    return Profile.from_dir(tmp_path / "profiel")


def test_opening_a_mistyped_folder_is_refused_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str
) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, passphrase)
    typo = tmp_path / "profeil"
    before = tree(tmp_path)
    profile = Profile.from_dir(typo)
    with pytest.raises(NoProfile) as refused:
        profile.open_from_environment()
    assert f"Er is geen profiel in {typo}" in str(refused.value)
    assert "zvh init" in str(refused.value)
    profile.close()
    assert tree(tmp_path) == before


def test_an_existing_folder_without_a_profile_gets_no_files(tmp_path: Path, passphrase: str) -> None:
    folder = tmp_path / "Documenten"
    folder.mkdir()
    (folder / "brief.txt").write_text("x", encoding="utf-8")
    before = tree(folder)
    profile = Profile.from_dir(folder)
    with pytest.raises(NoProfile):
        profile.open_with(passphrase)
    assert tree(folder) == before


@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_a_database_gone_beside_backups_is_never_a_new_profile(
    profile_with_backup: Profile, passphrase: str, damage: str
) -> None:
    db_file = profile_with_backup.paths.database
    if damage == "deleted":
        db_file.unlink()
    else:
        db_file.write_bytes(b"")
    newest = backup.last_backup(profile_with_backup.paths.backups)
    assert newest is not None

    refusal = profile_with_backup.creation_refusal()
    assert isinstance(refusal, NoProfile)
    text = str(refusal)
    assert ("ontbreekt" if damage == "deleted" else "is leeg (0 bytes)") in text
    assert f"zvh restore {newest.path} --data-dir {profile_with_backup.paths.data}" in text

    for attempt in (lambda: profile_with_backup.create(passphrase, passphrase),
                    lambda: profile_with_backup.open_with(passphrase, create=True),
                    lambda: profile_with_backup.open_with(passphrase)):
        with pytest.raises(NoProfile):
            attempt()
    assert not profile_with_backup.exists and models.db.obj is None
    assert [b.path for b in backup.list_backups(profile_with_backup.paths.backups)] == [newest.path]
    profile_with_backup.close()


def test_any_file_in_the_backups_folder_blocks_a_new_profile(tmp_path: Path, passphrase: str) -> None:
    """Also a backup under a name we do not recognise (copied back by hand)."""
    profile = Profile.from_dir(tmp_path / "profiel")
    profile.paths.backups.mkdir(parents=True)
    (profile.paths.backups / "kopie van zvh.db").write_bytes(b"\0" * 4096)
    with pytest.raises(NoProfile) as refused:
        profile.create(passphrase)
    assert str(profile.paths.backups) in str(refused.value)
    assert not profile.paths.database.exists()


def test_a_new_folder_may_be_created_and_an_empty_backups_folder_does_not_block(
    tmp_path: Path, passphrase: str
) -> None:
    profile = Profile.from_dir(tmp_path / "profiel")
    profile.paths.backups.mkdir(parents=True)  # what a killed first start leaves
    assert profile.creation_refusal() is None
    profile.open_with(passphrase, create=True)
    assert profile.unlocked
    profile.close()


def test_the_default_profile_refusal_names_no_data_dir(tmp_path: Path) -> None:
    profile = Profile.from_dir(None)
    assert not profile.paths.chosen
    text = str(profile.missing())
    assert text.startswith("Er is nog geen profiel.") and "--data-dir" not in text


def test_restore_command_of_the_default_profile_has_no_data_dir(
    profile_with_backup: Profile, tmp_path: Path
) -> None:
    """The per-user default profile: the offered command is without --data-dir."""
    default = Profile.from_dir(None)
    default.paths.data.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(profile_with_backup.paths.backups, default.paths.backups)
    refusal = default.creation_refusal()
    assert refusal is not None
    newest = backup.last_backup(default.paths.backups)
    assert newest is not None
    assert str(refusal).endswith(f"zvh restore {newest.path}")
