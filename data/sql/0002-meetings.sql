-- 0002-meetings.sql: what 1-on-1 agendas need beyond schema 1 — notes under each talking
-- point, the handbook topic a point stands for (to know when a topic was last discussed),
-- a mood check per meeting, where a moved meeting went, and the meeting an action item was
-- ticked in.
--
-- SPDX-FileCopyrightText: 2026 The Pathways authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Never edit this file once released: change the schema in a new numbered file.
--
-- meeting.scheduled_at is the local wall-clock time the meeting is planned for,
-- 'YYYY-MM-DDTHH:MM', or 'YYYY-MM-DD' when no time is set: a weekly slot stays at 10:00
-- across daylight-saving changes. It sorts as text.

ALTER TABLE agenda_item ADD COLUMN notes TEXT NOT NULL DEFAULT '';

-- 'every', 'frequent', 'skip-level', 'prompt' (the handbook guide's kinds) or 'ladder';
-- topic_key is the guide's stable key, or the ladder expectation's key. NULL for points
-- somebody typed.
ALTER TABLE agenda_item ADD COLUMN topic_kind TEXT
  CHECK (topic_kind IS NULL
         OR topic_kind IN ('every', 'frequent', 'skip-level', 'prompt', 'ladder'));
ALTER TABLE agenda_item ADD COLUMN topic_key TEXT;

CREATE INDEX agenda_item_topic ON agenda_item (person_id, topic_key) WHERE topic_key IS NOT NULL;

-- One tap at the end of a meeting: how they seemed, 1 (low) to 5 (great).
ALTER TABLE meeting ADD COLUMN mood INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5);

-- A moved meeting stays in the history, pointing at the meeting that replaced it.
ALTER TABLE meeting ADD COLUMN moved_to_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL;

-- The meeting in which an open action item was ticked, so that meeting still shows it.
ALTER TABLE action_item ADD COLUMN done_meeting_id INTEGER
  REFERENCES meeting (id) ON DELETE SET NULL;

CREATE INDEX action_item_done_meeting ON action_item (done_meeting_id)
  WHERE done_meeting_id IS NOT NULL;
