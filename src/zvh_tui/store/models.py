"""Peewee models for the whole domain of shared/domain.md.

All models bind to `db`, a proxy that `store.database` points at the opened SQLCipher database
(later, a PostgreSQL database for a team server). Enumerated fields hold the stable codes of
`zvh_tui.core.vocab`. Timestamps are naive UTC; dates are calendar dates.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.sqlite_ext import FTS5Model, SearchField

from zvh_tui.core.vocab import (
    ActionStatus,
    CheckStatus,
    ItemStatus,
    Level,
    MeetingStatus,
    NoteKind,
    NoteTag,
    NoteVisibility,
    ParticipantRole,
    PartnerDomain,
    PersonRole,
    Phase,
    PlanStatus,
    Presence,
    ProvisionKind,
    ZvhRole,
)


class _StoreProxy(DatabaseProxy):
    """`db.connection_context()` is the bound database's own (store/database.py: a worker thread
    inside it counts as using the database, so a lock waits for it), and it keeps that database
    to its end even when the profile is locked meanwhile."""

    def connection_context(self):  # Peewee's signature
        if self.obj is None:
            raise AttributeError("Cannot use uninitialized Proxy.")
        return self.obj.connection_context()


db = _StoreProxy()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False
        only_save_dirty = True  # an UPDATE writes the changed columns only


class Partner(BaseModel):
    """A ketenpartner: an organisation in the network."""

    name = CharField(max_length=200, unique=True)
    domain = CharField(max_length=20, default=PartnerDomain.OTHER.value, index=True)
    convenant_signed = BooleanField(default=False)
    # our own house: its actions are "taak overgenomen?"; indexed (schema v6): every plan, dossier
    # and caseload view looks it up
    is_own = BooleanField(default=False, index=True)
    notes = TextField(default="")
    active = BooleanField(default=True, index=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Contact(BaseModel):
    """A contactpersoon: a named professional at a partner."""

    partner = ForeignKeyField(Partner, backref="contacts", on_delete="RESTRICT")
    name = CharField(max_length=200)
    function = CharField(max_length=200, default="")
    phone = CharField(max_length=50, default="")
    email = CharField(max_length=200, default="")
    availability = CharField(max_length=200, default="")
    active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Case(BaseModel):
    """A casus: one person or household with problems on several life domains."""

    reference = CharField(max_length=20, unique=True)  # e.g. 2026-0042
    title = CharField(max_length=200, default="")  # name or alias shown in lists
    phase = CharField(max_length=20, default=Phase.REFERRAL.value, index=True)
    ave_phase = CharField(max_length=2, default="1")
    level = CharField(max_length=20, default=Level.CASE.value)
    zvh_role = CharField(max_length=20, default=ZvhRole.DIRECTION.value)
    # aanmelding
    referrer_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    referrer_contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    referrer_citizen = CharField(max_length=200, default="")  # a citizen who reported
    reason = TextField(default="")  # aanleiding
    referral_goal = TextField(default="")  # doel van de aanmelding
    received_on = DateField(null=True)
    informed = BooleanField(default=True)  # is the betrokkene informed?
    not_informed_reason = TextField(default="")
    informed_review_on = DateField(null=True)
    # triage
    triage_outcome = CharField(max_length=20, default="")
    triage_reason = TextField(default="")
    # afsluiting & nazorg
    closing_reason = TextField(default="")
    closing_informed = TextField(default="")  # who was informed of the closing
    closed_on = DateField(null=True)
    retention_end = DateField(null=True, index=True)
    watch_until = DateField(null=True)  # nazorg
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow, index=True)
    # schema v6: on whose behalf the house processes this case (NEN 7513 "namens" of its audit
    # events): the partner that brought it in, by default; changed when the case is handed over.
    on_behalf_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")


class Person(BaseModel):
    """A betrokkene."""

    name = CharField(max_length=200)
    date_of_birth = DateField(null=True)
    address = CharField(max_length=300, default="")
    notes = TextField(default="")
    created_at = DateTimeField(default=utcnow)


class CasePerson(BaseModel):
    case = ForeignKeyField(Case, backref="case_persons", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="case_links", on_delete="CASCADE")
    role = CharField(max_length=20, default=PersonRole.CLIENT.value)
    position = IntegerField(default=0)
    # schema v6: informed or not per betrokkene (not per case), with reason and review date. The
    # case's own informed columns are the aanmelding's answer of schema v1-v5, copied here by the
    # migration; they are no longer read.
    informed = BooleanField(default=True)
    not_informed_reason = TextField(default="")
    informed_review_on = DateField(null=True)

    class Meta:
        indexes = ((("case", "person"), True),)


class Participant(BaseModel):
    """A partner at the table in a case, with its role and the check op bekendheid."""

    case = ForeignKeyField(Case, backref="participants", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, backref="participations", on_delete="RESTRICT")
    contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    role = CharField(max_length=20, default=ParticipantRole.MEMBER.value)
    check_status = CharField(max_length=20, default=CheckStatus.NOT_ASKED.value)
    check_on = DateField(null=True)
    check_basis = TextField(default="")  # grondslag
    added_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("case", "partner"), True), (("case", "role"), False))


class Meeting(BaseModel):
    """A casusoverleg / MDO / ICO (the name is configurable per house)."""

    kind = CharField(max_length=50, default="MDO")
    title = CharField(max_length=200, default="")
    held_on = DateField(index=True)
    status = CharField(max_length=20, default=MeetingStatus.PLANNED.value)
    location = CharField(max_length=200, default="")
    created_at = DateTimeField(default=utcnow)
    closed_at = DateTimeField(null=True)
    # schema v4: the meeting mode
    start_time = CharField(max_length=5, default="")  # "HH:MM", local time; "" when not set
    online = BooleanField(default=False)
    chair = CharField(max_length=200, default="")  # staff names, never a client's
    notulist = CharField(max_length=200, default="")
    started_at = DateTimeField(null=True)  # live mode started (UTC)
    reminder_at = DateTimeField(null=True)  # confidentiality reminder given (UTC)


class MeetingItem(BaseModel):
    """A case on the agenda of a meeting."""

    meeting = ForeignKeyField(Meeting, backref="items", on_delete="CASCADE")
    case = ForeignKeyField(Case, backref="meeting_items", on_delete="CASCADE")
    position = IntegerField(default=0)
    status = CharField(max_length=20, default=ItemStatus.OPEN.value)
    director_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    director_contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    closed_at = DateTimeField(null=True)
    # schema v4: the meeting mode
    slot_start = CharField(max_length=5, default="")  # "HH:MM" planned start, "" when none
    slot_minutes = IntegerField(null=True)  # planned length; running over is shown, not enforced
    phase = CharField(max_length=20, default=NoteTag.PICTURE.value)  # beeld / oordeel / besluit
    started_at = DateTimeField(null=True)  # first opened in live mode (UTC)
    director_reason = TextField(default="")  # why the own house holds the overview
    call_on = DateField(null=True)  # first bel-moment with the casusregisseur
    next_on = DateField(null=True)  # evaluatie or terugkom-overleg
    next_kind = CharField(max_length=20, default="")  # NextKind, "" when no next date

    class Meta:
        indexes = ((("meeting", "case"), True),)


class Plan(BaseModel):
    """One version of the plan van aanpak of a case."""

    case = ForeignKeyField(Case, backref="plans", on_delete="CASCADE")
    version = IntegerField(default=1)
    status = CharField(max_length=20, default=PlanStatus.CONCEPT.value)
    shared_task = TextField(default="")  # gezamenlijke opgave
    client_view = TextField(default="")  # the client's own view and wishes
    director_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    director_contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    evaluation_on = DateField(null=True, index=True)
    adopted_on = DateField(null=True)
    adopted_in = ForeignKeyField(Meeting, null=True, on_delete="SET NULL")
    superseded = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("case", "version"), True),)


class Assessment(BaseModel):
    """Krachten en zorgen on one leefgebied, in one plan version."""

    plan = ForeignKeyField(Plan, backref="assessments", on_delete="CASCADE")
    life_domain = CharField(max_length=20)
    strengths = TextField(default="")
    concerns = TextField(default="")

    class Meta:
        indexes = ((("plan", "life_domain"), True),)


class Perspective(BaseModel):
    """A partner's own view of the case, in one plan version (rule 5)."""

    plan = ForeignKeyField(Plan, backref="perspectives", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, on_delete="RESTRICT")
    text = TextField(default="")

    class Meta:
        indexes = ((("plan", "partner"), True),)


class Goal(BaseModel):
    plan = ForeignKeyField(Plan, backref="goals", on_delete="CASCADE")
    position = IntegerField(default=0)
    intent = TextField()
    life_domain = CharField(max_length=20, default="")
    origin = IntegerField(null=True)  # id of the goal in the version this one was copied from


class Action(BaseModel):
    plan = ForeignKeyField(Plan, backref="actions", on_delete="CASCADE")
    goal = ForeignKeyField(Goal, backref="actions", null=True, on_delete="CASCADE")
    position = IntegerField(default=0)
    text = TextField()
    owner_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    owner_contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    deadline = DateField(null=True, index=True)
    status = CharField(max_length=20, default=ActionStatus.OPEN.value, index=True)
    feedback = TextField(default="")
    feedback_on = DateField(null=True)
    nobody_accepted = BooleanField(default=False)  # consciously accepted as niemands taak
    origin = IntegerField(null=True)  # id of the action in the previous version
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    # schema v4: the meeting item that agreed it; None for an action typed outside a meeting.
    agreed_in = ForeignKeyField(MeetingItem, null=True, on_delete="SET NULL")
    # schema v6: why the regisseur's own house holds this action ("neem geen taken over": an own
    # action needs a short reason at adoption, the taartpunt check); "" for a partner's action.
    own_reason = TextField(default="")

    class Meta:
        indexes = ((("plan", "status", "deadline"), False), (("owner_partner", "status"), False))


class Agreement(BaseModel):
    """An afspraak on roles, relations or procedures (rule 4)."""

    plan = ForeignKeyField(Plan, backref="agreements", on_delete="CASCADE")
    position = IntegerField(default=0)
    text = TextField()
    partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")  # null: concerns all
    origin = IntegerField(null=True)


class Attendee(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="attendees", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, backref="attendances", on_delete="RESTRICT")
    contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    presence = CharField(max_length=20, default=Presence.PRESENT.value)

    class Meta:
        indexes = ((("meeting", "partner", "contact"), True),)


class MeetingNote(BaseModel):
    item = ForeignKeyField(MeetingItem, backref="notes", on_delete="CASCADE")
    tag = CharField(max_length=20)  # beeld / oordeel / besluit: the phase it was said in
    text = TextField()
    created_at = DateTimeField(default=utcnow)
    # schema v4
    kind = CharField(max_length=20, default=NoteKind.NOTE.value)  # note / decision (besluit)
    source_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")  # who said it
    visibility = CharField(max_length=20, default=NoteVisibility.TABLE.value)


class ItemInvite(BaseModel):
    """A partner (and optionally its contact) invited for one agenda item (schema v4)."""

    item = ForeignKeyField(MeetingItem, backref="invites", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, on_delete="RESTRICT")
    contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")

    class Meta:
        indexes = ((("item", "partner", "contact"), True),)


class ItemAttendance(BaseModel):
    """Who was at the table for one agenda item, and when (schema v4). One row per stay: a
    partner who leaves and comes back gets a second row. The client (or a relative) is an
    attendee too: `is_client`, with `person` when known and no partner."""

    item = ForeignKeyField(MeetingItem, backref="attendance", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    is_client = BooleanField(default=False)
    person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    presence = CharField(max_length=20, default=Presence.PRESENT.value)
    arrived_at = DateTimeField(null=True)  # UTC; only for present
    left_at = DateTimeField(null=True)
    reminded_at = DateTimeField(null=True)  # heard the confidentiality reminder
    updated_at = DateTimeField(default=utcnow)


class ActionReview(BaseModel):
    """The review, in a meeting item, of an action open from last time (schema v4)."""

    item = ForeignKeyField(MeetingItem, backref="reviews", on_delete="CASCADE")
    action = ForeignKeyField(Action, backref="reviews", on_delete="CASCADE")
    outcome = CharField(max_length=20)  # ReviewOutcome
    reason = TextField(default="")
    at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("item", "action"), True),)


class Commitment(BaseModel):
    """A partner present at an item committed to the gezamenlijke opgave (schema v4)."""

    item = ForeignKeyField(MeetingItem, backref="commitments", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, on_delete="RESTRICT")
    at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("item", "partner"), True),)


class Provision(BaseModel):
    """The verstrekkingenlog (schema v5): a sheet or plan given to a partner, on which grondslag,
    when and by whom (services/partners/provisions.py). `partner` is None for what goes to the
    whole table (a besluitenlijst, a full plan); `plan_version` and `meeting` say which version
    or meeting it was. The row goes with its case (retention); the audit event stays."""

    case = ForeignKeyField(Case, backref="provisions", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    kind = CharField(max_length=20, default=ProvisionKind.PLAN_PARTNER.value)
    plan = ForeignKeyField(Plan, null=True, on_delete="SET NULL")
    plan_version = IntegerField(null=True)  # kept when the plan version itself is gone
    meeting = ForeignKeyField(Meeting, null=True, on_delete="SET NULL")
    basis = TextField(default="")  # grondslag
    convenant = BooleanField(default=False)  # the partner had signed the convenant at the time
    fmt = CharField(max_length=10, default="")  # md / html / ics
    at = DateTimeField(default=utcnow)
    by = CharField(max_length=100, default="")

    class Meta:
        indexes = ((("case", "at"), False), (("partner", "at"), False), (("meeting", "kind"), False))


class Advice(BaseModel):
    """One advice question on an advice case (schema v6; ZvhRole advice): the question a local
    professional asked, the advice given and to whom, with whom the regie stays, and when to
    follow up. No plan adoption is needed for an advice case; when the house switches to
    procesregie the rows stay as the case's history."""

    case = ForeignKeyField(Case, backref="advices", on_delete="CASCADE")
    asked_by_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    asked_by_contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    asked_by = CharField(max_length=200, default="")  # the professional's name when not in the roster
    asked_on = DateField(null=True)
    question = TextField(default="")
    advice = TextField(default="")
    given_to = TextField(default="")  # to whom the advice was given
    given_on = DateField(null=True)
    regie_partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")  # "regie blijft bij"
    regie_with = CharField(max_length=200, default="")  # a name beside or instead of the partner
    follow_up_on = DateField(null=True, index=True)
    by = CharField(max_length=100, default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class JournalEntry(BaseModel):
    case = ForeignKeyField(Case, backref="journal", on_delete="CASCADE")
    at = DateTimeField(default=utcnow, index=True)
    author = CharField(max_length=100, default="")
    hat = CharField(max_length=20, default="")  # one of the six hats, optional
    text = TextField()


class Escalation(BaseModel):
    """One step up or down the levels (AVE model), with who decided and why."""

    case = ForeignKeyField(Case, backref="escalations", on_delete="CASCADE")
    from_level = CharField(max_length=20)
    to_level = CharField(max_length=20)
    from_ave = CharField(max_length=2)
    to_ave = CharField(max_length=2)
    trigger = TextField()
    decided_by = CharField(max_length=200)
    decided_on = DateField()
    created_at = DateTimeField(default=utcnow)


class DirectorChange(BaseModel):
    """Who was casusregisseur of a case, and from when (changes are recorded)."""

    case = ForeignKeyField(Case, backref="director_changes", on_delete="CASCADE")
    partner = ForeignKeyField(Partner, null=True, on_delete="RESTRICT")
    contact = ForeignKeyField(Contact, null=True, on_delete="RESTRICT")
    at = DateTimeField(default=utcnow)
    by = CharField(max_length=100, default="")


class AuditEvent(BaseModel):
    """NEN 7513: who did what to which client's data, when, on whose behalf.

    Append-only: triggers refuse UPDATE and DELETE; each row carries the hash of its
    predecessor, so a removed or altered row breaks the chain (`zvh check`).
    Holds ids only, never names or notes.
    """

    at = DateTimeField(default=utcnow, index=True)
    event = CharField(max_length=30)  # view, search, create, update, delete, export, ...
    user = CharField(max_length=100)
    on_behalf_of = CharField(max_length=200, default="")
    case_id = IntegerField(null=True, index=True)  # not a foreign key: survives destruction
    case_ref = CharField(max_length=20, default="")
    person_id = IntegerField(null=True, index=True)
    object_type = CharField(max_length=30, default="")
    object_id = IntegerField(null=True)
    detail = CharField(max_length=200, default="")  # codes and counts only
    result = CharField(max_length=20, default="ok")
    prev_hash = CharField(max_length=64, default="")
    hash = CharField(max_length=64, default="")


class KeyValue(BaseModel):
    """Key/value facts about this profile (created, last backup, ...)."""

    key = CharField(max_length=100, primary_key=True)
    value = TextField(default="")


class Draft(BaseModel):
    """What was typed in a form that is not yet saved (a concept), so a lock, crash or kill -9
    loses nothing (services/shared/drafts.py). Not an audit event: it is the user's own unfinished
    work, kept only inside the encrypted database.

    `key` names the form ("new_case", "journal:<case id>"); `data` is the fields' values as a
    JSON object (ASCII, with \\u escapes); `case` ties a draft about a case to it, so deleting
    the case (retention) deletes its drafts through ON DELETE CASCADE.
    """

    key = CharField(max_length=100, primary_key=True)
    case = ForeignKeyField(Case, backref="drafts", null=True, on_delete="CASCADE")
    data = TextField(default="{}")
    updated_at = DateTimeField(default=utcnow)


class CaseSearch(FTS5Model):
    """Full-text index over a case's reference, persons' names and aanleiding (rowid = case id)."""

    reference = SearchField()
    names = SearchField()
    text = SearchField()

    class Meta:
        database = db
        legacy_table_names = False
        options = {"tokenize": "unicode61 remove_diacritics 2", "prefix": "2 3"}


ALL_MODELS: list[type[Model]] = [
    Partner,
    Contact,
    Case,
    Person,
    CasePerson,
    Participant,
    Meeting,
    Plan,
    Assessment,
    Perspective,
    Goal,
    Action,
    Agreement,
    Attendee,
    MeetingItem,
    MeetingNote,
    ItemInvite,
    ItemAttendance,
    ActionReview,
    Commitment,
    Provision,
    Advice,
    JournalEntry,
    Escalation,
    DirectorChange,
    AuditEvent,
    KeyValue,
    Draft,
]
