-- Schema version 1 of the zvh-tui database, frozen: later versions change it only by migrations.

CREATE TABLE "partner" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(200) NOT NULL, "domain" VARCHAR(20) NOT NULL, "convenant_signed" INTEGER NOT NULL, "is_own" INTEGER NOT NULL, "notes" TEXT NOT NULL, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL);

CREATE UNIQUE INDEX "partner_name" ON "partner" ("name");

CREATE INDEX "partner_domain" ON "partner" ("domain");

CREATE INDEX "partner_active" ON "partner" ("active");

CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY, "partner_id" INTEGER NOT NULL, "name" VARCHAR(200) NOT NULL, "function" VARCHAR(200) NOT NULL, "phone" VARCHAR(50) NOT NULL, "email" VARCHAR(200) NOT NULL, "availability" VARCHAR(200) NOT NULL, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT);

CREATE INDEX "contact_partner_id" ON "contact" ("partner_id");

CREATE TABLE "case" ("id" INTEGER NOT NULL PRIMARY KEY, "reference" VARCHAR(20) NOT NULL, "title" VARCHAR(200) NOT NULL, "phase" VARCHAR(20) NOT NULL, "ave_phase" VARCHAR(2) NOT NULL, "level" VARCHAR(20) NOT NULL, "zvh_role" VARCHAR(20) NOT NULL, "referrer_partner_id" INTEGER, "referrer_contact_id" INTEGER, "referrer_citizen" VARCHAR(200) NOT NULL, "reason" TEXT NOT NULL, "referral_goal" TEXT NOT NULL, "received_on" DATE, "informed" INTEGER NOT NULL, "not_informed_reason" TEXT NOT NULL, "informed_review_on" DATE, "triage_outcome" VARCHAR(20) NOT NULL, "triage_reason" TEXT NOT NULL, "closing_reason" TEXT NOT NULL, "closing_informed" TEXT NOT NULL, "closed_on" DATE, "retention_end" DATE, "watch_until" DATE, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("referrer_partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, FOREIGN KEY ("referrer_contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT);

CREATE UNIQUE INDEX "case_reference" ON "case" ("reference");

CREATE INDEX "case_phase" ON "case" ("phase");

CREATE INDEX "case_referrer_partner_id" ON "case" ("referrer_partner_id");

CREATE INDEX "case_referrer_contact_id" ON "case" ("referrer_contact_id");

CREATE INDEX "case_retention_end" ON "case" ("retention_end");

CREATE INDEX "case_updated_at" ON "case" ("updated_at");

CREATE TABLE "meeting" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(50) NOT NULL, "title" VARCHAR(200) NOT NULL, "held_on" DATE NOT NULL, "status" VARCHAR(20) NOT NULL, "location" VARCHAR(200) NOT NULL, "created_at" DATETIME NOT NULL, "closed_at" DATETIME);

CREATE INDEX "meeting_held_on" ON "meeting" ("held_on");

CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, "version" INTEGER NOT NULL, "status" VARCHAR(20) NOT NULL, "shared_task" TEXT NOT NULL, "client_view" TEXT NOT NULL, "director_partner_id" INTEGER, "director_contact_id" INTEGER, "evaluation_on" DATE, "adopted_on" DATE, "adopted_in_id" INTEGER, "superseded" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE, FOREIGN KEY ("director_partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, FOREIGN KEY ("director_contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT, FOREIGN KEY ("adopted_in_id") REFERENCES "meeting" ("id") ON DELETE SET NULL);

CREATE INDEX "plan_case_id" ON "plan" ("case_id");

CREATE INDEX "plan_director_partner_id" ON "plan" ("director_partner_id");

CREATE INDEX "plan_director_contact_id" ON "plan" ("director_contact_id");

CREATE INDEX "plan_evaluation_on" ON "plan" ("evaluation_on");

CREATE INDEX "plan_adopted_in_id" ON "plan" ("adopted_in_id");

CREATE UNIQUE INDEX "plan_case_id_version" ON "plan" ("case_id", "version");

CREATE TABLE "goal" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "intent" TEXT NOT NULL, "life_domain" VARCHAR(20) NOT NULL, "origin" INTEGER, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE);

CREATE INDEX "goal_plan_id" ON "goal" ("plan_id");

CREATE TABLE "action" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "goal_id" INTEGER, "position" INTEGER NOT NULL, "text" TEXT NOT NULL, "owner_partner_id" INTEGER, "owner_contact_id" INTEGER, "deadline" DATE, "status" VARCHAR(20) NOT NULL, "feedback" TEXT NOT NULL, "feedback_on" DATE, "nobody_accepted" INTEGER NOT NULL, "origin" INTEGER, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("goal_id") REFERENCES "goal" ("id") ON DELETE CASCADE, FOREIGN KEY ("owner_partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, FOREIGN KEY ("owner_contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT);

CREATE INDEX "action_plan_id" ON "action" ("plan_id");

CREATE INDEX "action_goal_id" ON "action" ("goal_id");

CREATE INDEX "action_owner_partner_id" ON "action" ("owner_partner_id");

CREATE INDEX "action_owner_contact_id" ON "action" ("owner_contact_id");

CREATE INDEX "action_deadline" ON "action" ("deadline");

CREATE INDEX "action_status" ON "action" ("status");

CREATE INDEX "action_plan_id_status_deadline" ON "action" ("plan_id", "status", "deadline");

CREATE INDEX "action_owner_partner_id_status" ON "action" ("owner_partner_id", "status");

CREATE TABLE "agreement" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "text" TEXT NOT NULL, "partner_id" INTEGER, "origin" INTEGER, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT);

CREATE INDEX "agreement_plan_id" ON "agreement" ("plan_id");

CREATE INDEX "agreement_partner_id" ON "agreement" ("partner_id");

CREATE TABLE "assessment" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "life_domain" VARCHAR(20) NOT NULL, "strengths" TEXT NOT NULL, "concerns" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE);

CREATE INDEX "assessment_plan_id" ON "assessment" ("plan_id");

CREATE UNIQUE INDEX "assessment_plan_id_life_domain" ON "assessment" ("plan_id", "life_domain");

CREATE TABLE "attendee" ("id" INTEGER NOT NULL PRIMARY KEY, "meeting_id" INTEGER NOT NULL, "partner_id" INTEGER NOT NULL, "contact_id" INTEGER, "presence" VARCHAR(20) NOT NULL, FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT);

CREATE INDEX "attendee_meeting_id" ON "attendee" ("meeting_id");

CREATE INDEX "attendee_partner_id" ON "attendee" ("partner_id");

CREATE INDEX "attendee_contact_id" ON "attendee" ("contact_id");

CREATE UNIQUE INDEX "attendee_meeting_id_partner_id_contact_id" ON "attendee" ("meeting_id", "partner_id", "contact_id");

CREATE TABLE "audit_event" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "event" VARCHAR(30) NOT NULL, "user" VARCHAR(100) NOT NULL, "on_behalf_of" VARCHAR(200) NOT NULL, "case_id" INTEGER, "case_ref" VARCHAR(20) NOT NULL, "person_id" INTEGER, "object_type" VARCHAR(30) NOT NULL, "object_id" INTEGER, "detail" VARCHAR(200) NOT NULL, "result" VARCHAR(20) NOT NULL, "prev_hash" VARCHAR(64) NOT NULL, "hash" VARCHAR(64) NOT NULL);

CREATE INDEX "audit_event_at" ON "audit_event" ("at");

CREATE INDEX "audit_event_case_id" ON "audit_event" ("case_id");

CREATE INDEX "audit_event_person_id" ON "audit_event" ("person_id");

CREATE TABLE "person" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(200) NOT NULL, "date_of_birth" DATE, "address" VARCHAR(300) NOT NULL, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL);

CREATE TABLE "case_person" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, "person_id" INTEGER NOT NULL, "role" VARCHAR(20) NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE);

CREATE INDEX "case_person_case_id" ON "case_person" ("case_id");

CREATE INDEX "case_person_person_id" ON "case_person" ("person_id");

CREATE UNIQUE INDEX "case_person_case_id_person_id" ON "case_person" ("case_id", "person_id");

CREATE VIRTUAL TABLE "case_search" USING fts5 ("reference", "names", "text", prefix='2 3', tokenize="unicode61 remove_diacritics 2");

CREATE TABLE "director_change" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, "partner_id" INTEGER, "contact_id" INTEGER, "at" DATETIME NOT NULL, "by" VARCHAR(100) NOT NULL, FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT);

CREATE INDEX "director_change_case_id" ON "director_change" ("case_id");

CREATE INDEX "director_change_partner_id" ON "director_change" ("partner_id");

CREATE INDEX "director_change_contact_id" ON "director_change" ("contact_id");

CREATE TABLE "escalation" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, "from_level" VARCHAR(20) NOT NULL, "to_level" VARCHAR(20) NOT NULL, "from_ave" VARCHAR(2) NOT NULL, "to_ave" VARCHAR(2) NOT NULL, "trigger" TEXT NOT NULL, "decided_by" VARCHAR(200) NOT NULL, "decided_on" DATE NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE);

CREATE INDEX "escalation_case_id" ON "escalation" ("case_id");

CREATE TABLE "journal_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "author" VARCHAR(100) NOT NULL, "hat" VARCHAR(20) NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE);

CREATE INDEX "journal_entry_case_id" ON "journal_entry" ("case_id");

CREATE INDEX "journal_entry_at" ON "journal_entry" ("at");

CREATE TABLE "key_value" ("key" VARCHAR(100) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);

CREATE TABLE "meeting_item" ("id" INTEGER NOT NULL PRIMARY KEY, "meeting_id" INTEGER NOT NULL, "case_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "status" VARCHAR(20) NOT NULL, "director_partner_id" INTEGER, "director_contact_id" INTEGER, "closed_at" DATETIME, FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE, FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE, FOREIGN KEY ("director_partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, FOREIGN KEY ("director_contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT);

CREATE INDEX "meeting_item_meeting_id" ON "meeting_item" ("meeting_id");

CREATE INDEX "meeting_item_case_id" ON "meeting_item" ("case_id");

CREATE INDEX "meeting_item_director_partner_id" ON "meeting_item" ("director_partner_id");

CREATE INDEX "meeting_item_director_contact_id" ON "meeting_item" ("director_contact_id");

CREATE UNIQUE INDEX "meeting_item_meeting_id_case_id" ON "meeting_item" ("meeting_id", "case_id");

CREATE TABLE "meeting_note" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "tag" VARCHAR(20) NOT NULL, "text" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("item_id") REFERENCES "meeting_item" ("id") ON DELETE CASCADE);

CREATE INDEX "meeting_note_item_id" ON "meeting_note" ("item_id");

CREATE TABLE "participant" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, "partner_id" INTEGER NOT NULL, "contact_id" INTEGER, "role" VARCHAR(20) NOT NULL, "check_status" VARCHAR(20) NOT NULL, "check_on" DATE, "check_basis" TEXT NOT NULL, "added_at" DATETIME NOT NULL, FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT);

CREATE INDEX "participant_case_id" ON "participant" ("case_id");

CREATE INDEX "participant_partner_id" ON "participant" ("partner_id");

CREATE INDEX "participant_contact_id" ON "participant" ("contact_id");

CREATE UNIQUE INDEX "participant_case_id_partner_id" ON "participant" ("case_id", "partner_id");

CREATE INDEX "participant_case_id_role" ON "participant" ("case_id", "role");

CREATE TABLE "perspective" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "partner_id" INTEGER NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE, FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT);

CREATE INDEX "perspective_plan_id" ON "perspective" ("plan_id");

CREATE INDEX "perspective_partner_id" ON "perspective" ("partner_id");

CREATE UNIQUE INDEX "perspective_plan_id_partner_id" ON "perspective" ("plan_id", "partner_id");

-- The audit log is append-only (NEN 7513): no row may be changed or removed.
CREATE TRIGGER "audit_event_no_update" BEFORE UPDATE ON "audit_event"
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

CREATE TRIGGER "audit_event_no_delete" BEFORE DELETE ON "audit_event"
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
