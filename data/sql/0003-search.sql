-- 0003-search.sql: a full-text index of the user's own records, kept current by triggers
-- in the same transaction as the records themselves.
--
-- SPDX-FileCopyrightText: 2026 The Pathways authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Never edit this file once released: change the schema in a new numbered file.
--
-- The "pathways" tokenizer is registered by pathways-search-text.c on every connection:
-- without it this table can be neither read nor written.
--
-- A row's rowid says what it indexes: the record's id * 16 + one of
--   1 person (name; title and notes)      5 action item (body)
--   2 meeting's shared notes              6 note (body)
--   3 meeting's private notes             7 review (body)
--   4 talking point (body; notes)         8 ladder evidence (expectation; body)
-- so a trigger finds its row through the rowid, never by scanning.

CREATE VIRTUAL TABLE record_search USING fts5 (
  person_id UNINDEXED,
  title,
  body,
  tokenize = 'pathways',
  prefix = '2 3'
);

-- Matches in a title count five times as much as in the body.
INSERT INTO record_search (record_search, rank) VALUES ('rank', 'bm25(0.0, 5.0, 1.0)');

-- People

CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 1, new.id, new.name,
            coalesce (new.title, '') || char (10) || new.notes);
END;

CREATE TRIGGER person_search_update AFTER UPDATE OF name, title, notes ON person BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 1;
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 1, new.id, new.name,
            coalesce (new.title, '') || char (10) || new.notes);
END;

CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 1;
END;

-- Meetings: shared and private notes are separate rows, so a result can say which.

CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting BEGIN
  INSERT INTO record_search (rowid, person_id, title, body)
    SELECT new.id * 16 + 2, new.person_id, '', new.shared_notes WHERE new.shared_notes <> '';
  INSERT INTO record_search (rowid, person_id, title, body)
    SELECT new.id * 16 + 3, new.person_id, '', new.private_notes WHERE new.private_notes <> '';
END;

CREATE TRIGGER meeting_search_update AFTER UPDATE OF shared_notes, private_notes ON meeting
BEGIN
  DELETE FROM record_search WHERE rowid IN (old.id * 16 + 2, old.id * 16 + 3);
  INSERT INTO record_search (rowid, person_id, title, body)
    SELECT new.id * 16 + 2, new.person_id, '', new.shared_notes WHERE new.shared_notes <> '';
  INSERT INTO record_search (rowid, person_id, title, body)
    SELECT new.id * 16 + 3, new.person_id, '', new.private_notes WHERE new.private_notes <> '';
END;

CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting BEGIN
  DELETE FROM record_search WHERE rowid IN (old.id * 16 + 2, old.id * 16 + 3);
END;

-- Talking points

CREATE TRIGGER agenda_item_search_insert AFTER INSERT ON agenda_item BEGIN
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 4, new.person_id, new.body, new.notes);
END;

CREATE TRIGGER agenda_item_search_update AFTER UPDATE OF body, notes ON agenda_item BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 4;
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 4, new.person_id, new.body, new.notes);
END;

CREATE TRIGGER agenda_item_search_delete AFTER DELETE ON agenda_item BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 4;
END;

-- Action items

CREATE TRIGGER action_item_search_insert AFTER INSERT ON action_item BEGIN
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 5, new.person_id, new.body, '');
END;

CREATE TRIGGER action_item_search_update AFTER UPDATE OF body ON action_item BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 5;
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 5, new.person_id, new.body, '');
END;

CREATE TRIGGER action_item_search_delete AFTER DELETE ON action_item BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 5;
END;

-- The notes log

CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 6, new.person_id, '', new.body);
END;

CREATE TRIGGER note_search_update AFTER UPDATE OF body ON note BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 6;
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 6, new.person_id, '', new.body);
END;

CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 6;
END;

-- Reviews

CREATE TRIGGER review_search_insert AFTER INSERT ON review BEGIN
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 7, new.person_id, '', new.body);
END;

CREATE TRIGGER review_search_update AFTER UPDATE OF body ON review BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 7;
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 7, new.person_id, '', new.body);
END;

CREATE TRIGGER review_search_delete AFTER DELETE ON review BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 7;
END;

-- Ladder evidence

CREATE TRIGGER ladder_evidence_search_insert AFTER INSERT ON ladder_evidence BEGIN
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 8, new.person_id, new.expectation_text, new.body);
END;

CREATE TRIGGER ladder_evidence_search_update AFTER UPDATE OF expectation_text, body
  ON ladder_evidence
BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 8;
  INSERT INTO record_search (rowid, person_id, title, body)
    VALUES (new.id * 16 + 8, new.person_id, new.expectation_text, new.body);
END;

CREATE TRIGGER ladder_evidence_search_delete AFTER DELETE ON ladder_evidence BEGIN
  DELETE FROM record_search WHERE rowid = old.id * 16 + 8;
END;

-- What was written before this version.

INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 1, id, name, coalesce (title, '') || char (10) || notes FROM person;
INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 2, person_id, '', shared_notes FROM meeting WHERE shared_notes <> '';
INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 3, person_id, '', private_notes FROM meeting WHERE private_notes <> '';
INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 4, person_id, body, notes FROM agenda_item;
INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 5, person_id, body, '' FROM action_item;
INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 6, person_id, '', body FROM note;
INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 7, person_id, '', body FROM review;
INSERT INTO record_search (rowid, person_id, title, body)
  SELECT id * 16 + 8, person_id, expectation_text, body FROM ladder_evidence;
