"""Who is working: the user's own name and the organisation or team they work for ("namens").

The name is the author of journal entries, "vastgelegd door" at a change of casusregisseur and
the user in the audit log. It is a setting of the profile (`Settings.user`, settings.json, no
client data); until it is set, the login name is used. Set in Instellingen, or on the first run
beside the new passphrase. A scripted start (`ZVH_PASSPHRASE`, `zvh init`) never asks: it keeps
the login name until the user sets one. The demo profile gets a fictional name; the demo's own
journal is written by the house's fictional procesregisseurs (demo/texts.py, REGISSEURS).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zvh_tui.core import config
from zvh_tui.services.shared import context

if TYPE_CHECKING:
    from zvh_tui.services.safety.profile import Profile

USER_MAX = config.USER_MAX  # audit_event.user
ON_BEHALF_MAX = config.ON_BEHALF_MAX  # audit_event.on_behalf_of
DEMO_USER = "Sanne de Wit (demo)"  # i18n: demo data, stored in the settings
DEMO_ON_BEHALF = "Zorg- en Veiligheidshuis Noordwaarde (demo)"  # i18n: demo data, stored


def check_user(value: object) -> str:
    """The user's name as typed (may be empty: then the login name is used); the rule is
    `core.config.check_user`, which the settings file is checked with too."""
    return config.check_user(value)


def check_on_behalf_of(value: object) -> str:
    return config.check_on_behalf_of(value)


def apply(profile: Profile) -> None:
    """Make the profile's name and organisation the actor of every change from now on."""
    context.set_actor(profile.actor())


def set_identity(profile: Profile, user: object, on_behalf_of: object | None = None) -> None:
    """Check, store (settings.json) and use the user's name and, when given, the organisation;
    nothing is stored when a value is refused."""
    name = check_user(user)
    organisation = None if on_behalf_of is None else check_on_behalf_of(on_behalf_of)
    settings = profile.settings
    old = (settings.user, settings.on_behalf_of)
    settings.user = name
    if organisation is not None:
        settings.on_behalf_of = organisation
    try:
        profile.save_settings()
    except BaseException:
        settings.user, settings.on_behalf_of = old
        raise
    apply(profile)


def create_profile(profile: Profile, passphrase: str, repeated: str | None, user: object = "") -> None:
    """Create the profile (first run) with the user's name, when given, already in force: the
    audit event of the creation names the user too."""
    name = check_user(user)
    old = profile.settings.user
    if name:
        profile.settings.user = name
    try:
        profile.create(passphrase, repeated)
    except BaseException:
        profile.settings.user = old
        raise
    if name:
        profile.save_settings()


def use_demo_identity(profile: Profile) -> bool:
    """A demo profile whose user has no name yet gets the fictional regisseur; True if so."""
    settings = profile.settings
    if settings.user:
        return False
    set_identity(profile, DEMO_USER, settings.on_behalf_of or DEMO_ON_BEHALF)
    return True
