-- 0001-initial.sql: the first schema — people and every record a manager keeps about them.
--
-- SPDX-FileCopyrightText: 2026 The Pathways authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by pathways-db.c inside one transaction that also sets PRAGMA user_version = 1.
-- Never edit this file once released: change the schema in a new numbered file.
--
-- Conventions: dates are ISO 8601 text ('YYYY-MM-DD'); moments are UTC text
-- ('YYYY-MM-DDTHH:MM:SSZ'), which sorts and compares correctly as text. Booleans are 0/1.
-- Records that belong to a person go when the person is purged (ON DELETE CASCADE); soft
-- deletion (deleted_at) keeps everything until then, so a delete can be undone.
-- CHECK constraints are a last line of defence, not validation: `x IS date(x)` only proves
-- the shape of a date (SQLite accepts 2026-02-30), the store checks the calendar.

CREATE TABLE person (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  pronouns        TEXT,
  title           TEXT,
  ladder_path     TEXT,
  level           TEXT,
  start_date      TEXT CHECK (start_date IS date(start_date)),
  cadence_weeks   INTEGER NOT NULL DEFAULT 1 CHECK (cadence_weeks BETWEEN 1 AND 52),
  meeting_weekday INTEGER CHECK (meeting_weekday IS NULL OR meeting_weekday BETWEEN 1 AND 7),
  meeting_time    TEXT CHECK (meeting_time IS NULL
                              OR (meeting_time GLOB '[0-2][0-9]:[0-5][0-9]'
                                  AND meeting_time < '24:00')),
  is_skip_level   INTEGER NOT NULL DEFAULT 0 CHECK (is_skip_level IN (0, 1)),
  notes           TEXT NOT NULL DEFAULT '',
  -- The level they aim for; NULL means the next level on their own path.
  target_path     TEXT,
  target_level    TEXT,
  archived_at     TEXT,
  deleted_at      TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX person_name ON person (name);
-- Start-up purges soft-deleted people; keep that from scanning the table.
CREATE INDEX person_deleted ON person (deleted_at) WHERE deleted_at IS NOT NULL;

-- A promotion (or a change of path) is an event with a date, not an overwrite: person.level
-- mirrors the newest row here.
CREATE TABLE level_history (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  ladder_path    TEXT,
  level          TEXT,
  effective_date TEXT NOT NULL CHECK (effective_date IS date(effective_date)),
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX level_history_person ON level_history (person_id, effective_date);

-- Ratings against the handbook's ladder. expectation_key is stable across handbook edits;
-- expectation_text is what the expectation said when it was rated, so the app can show
-- what changed. Every rating is kept: the newest per key (by rated_on, then id) is the
-- current one. rated_on is the day the manager says it applies, which may be back-dated;
-- rated_at is when the row was written.
CREATE TABLE ladder_assessment (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  expectation_key  TEXT NOT NULL,
  ladder_path      TEXT,
  level            TEXT,
  rating           TEXT NOT NULL
                   CHECK (rating IN ('not-yet', 'sometimes', 'consistently')),
  expectation_text TEXT NOT NULL,
  rated_on         TEXT NOT NULL DEFAULT (date('now')) CHECK (rated_on IS date(rated_on)),
  rated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  note             TEXT NOT NULL DEFAULT ''
);

-- The rowid is the index's last column, so (rated_on, id) order comes straight from it.
CREATE INDEX ladder_assessment_person ON ladder_assessment (person_id, expectation_key, rated_on);

CREATE TABLE ladder_evidence (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  expectation_key  TEXT NOT NULL,
  expectation_text TEXT NOT NULL,
  body             TEXT NOT NULL DEFAULT '',
  occurred_on      TEXT NOT NULL DEFAULT (date('now'))
                   CHECK (occurred_on IS date(occurred_on)),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX ladder_evidence_person ON ladder_evidence (person_id, expectation_key, occurred_on);

-- Free notes; wins and growth notes feed the review draft for the cycle they fall in.
CREATE TABLE note (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL DEFAULT 'plain'
                  CHECK (kind IN ('plain', 'win', 'growth', 'feedback')),
  body            TEXT NOT NULL DEFAULT '',
  occurred_on     TEXT CHECK (occurred_on IS date(occurred_on)),
  expectation_key TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX note_person ON note (person_id, occurred_on);

CREATE TABLE meeting (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL DEFAULT 'one-on-one' CHECK (kind IN ('one-on-one', 'skip-level')),
  scheduled_at  TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'held', 'moved', 'cancelled')),
  shared_notes  TEXT NOT NULL DEFAULT '',
  private_notes TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX meeting_person ON meeting (person_id, scheduled_at);

-- A talking point. meeting_id is NULL while it waits for the next 1-on-1; origin_meeting_id
-- remembers where a carried-over point was first raised.
CREATE TABLE agenda_item (
  id                INTEGER PRIMARY KEY,
  meeting_id        INTEGER REFERENCES meeting (id) ON DELETE CASCADE,
  person_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  origin_meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
  body              TEXT NOT NULL DEFAULT '',
  owner             TEXT NOT NULL DEFAULT 'me' CHECK (owner IN ('them', 'me')),
  position          INTEGER NOT NULL DEFAULT 0,
  discussed         INTEGER NOT NULL DEFAULT 0 CHECK (discussed IN (0, 1)),
  source            TEXT NOT NULL DEFAULT 'typed'
                    CHECK (source IN ('typed', 'carried', 'handbook')),
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);
CREATE INDEX agenda_item_person ON agenda_item (person_id);
CREATE INDEX agenda_item_origin ON agenda_item (origin_meeting_id);

CREATE TABLE action_item (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
  body       TEXT NOT NULL DEFAULT '',
  owner      TEXT NOT NULL DEFAULT 'them' CHECK (owner IN ('them', 'me')),
  due_on     TEXT CHECK (due_on IS date(due_on)),
  done_at    TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX action_item_person ON action_item (person_id, done_at);
CREATE INDEX action_item_meeting ON action_item (meeting_id);

CREATE TABLE review_cycle (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  starts_on TEXT NOT NULL CHECK (starts_on IS date(starts_on)),
  ends_on   TEXT NOT NULL CHECK (ends_on IS date(ends_on)),
  CHECK (ends_on >= starts_on)
);

CREATE INDEX review_cycle_dates ON review_cycle (starts_on);

CREATE TABLE review (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  cycle_id   INTEGER NOT NULL REFERENCES review_cycle (id) ON DELETE CASCADE,
  status     TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'delivered')),
  body       TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (person_id, cycle_id)
);

-- UNIQUE (person_id, cycle_id) already indexes person_id first.
CREATE INDEX review_cycle_id ON review (cycle_id);

-- Earlier versions of a review's text, so autosave never destroys a draft.
CREATE TABLE review_revision (
  id        INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  body      TEXT NOT NULL,
  saved_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX review_revision_review ON review_revision (review_id, saved_at);
