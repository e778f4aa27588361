/* pathways-store.h: the domain API over the database. SQL lives here and in pathways-db.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-db.h"
#include "pathways-person.h"

G_BEGIN_DECLS

#define PATHWAYS_STORE_ERROR (pathways_store_error_quark ())

typedef enum
{
  PATHWAYS_STORE_ERROR_INVALID,    /* a field that can't be saved: empty name, bad date… */
  PATHWAYS_STORE_ERROR_NOT_FOUND,  /* the record is gone (deleted and purged, say) */
} PathwaysStoreError;

typedef struct
{
  gint64  id;
  char   *ladder_path;
  char   *level;
  char   *effective_date;  /* YYYY-MM-DD */
} PathwaysLevelChange;

/* A rating is a dated event; the newest per expectation is the current one. */
typedef enum
{
  PATHWAYS_RATING_NONE = 0,      /* never rated */
  PATHWAYS_RATING_NOT_YET,
  PATHWAYS_RATING_SOMETIMES,
  PATHWAYS_RATING_CONSISTENTLY,
} PathwaysRating;

typedef struct
{
  char           *key;               /* the expectation's stable key */
  PathwaysRating  rating;
  char           *rated_on;          /* YYYY-MM-DD of this rating */
  char           *expectation_text;  /* the text as it was when rated */
  char           *consistently_since;/* (nullable) start of the current unbroken run of
                                      * "consistently" ratings, for "sustained" */
} PathwaysRatingState;

typedef struct
{
  gint64  id;
  char   *key;
  char   *body;              /* a sentence, perhaps with a link */
  char   *occurred_on;       /* YYYY-MM-DD */
  char   *expectation_text;  /* the text as it was when the evidence was added */
} PathwaysEvidence;

#define PATHWAYS_TYPE_STORE (pathways_store_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysStore, pathways_store, PATHWAYS, STORE, GObject)

GQuark          pathways_store_error_quark        (void);
PathwaysStore  *pathways_store_new                (PathwaysDb      *db,
                                                   GError         **error);
PathwaysDb     *pathways_store_get_db             (PathwaysStore   *self);

/* People: one PathwaysPerson object per person, shared by everything that shows them. The
 * list holds everyone not deleted, archived people too, sorted by name (case-insensitive,
 * locale-aware); it updates itself as people are added, renamed, archived or deleted. */
GListModel     *pathways_store_get_people         (PathwaysStore   *self);
PathwaysPerson *pathways_store_lookup_person      (PathwaysStore   *self,
                                                   gint64           id);
PathwaysPerson *pathways_store_add_person         (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
gboolean        pathways_store_save_person        (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
gboolean        pathways_store_set_archived       (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   gboolean         archived,
                                                   GError         **error);
gboolean        pathways_store_delete_person      (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
gboolean        pathways_store_undelete_person    (PathwaysStore   *self,
                                                   gint64           id,
                                                   GError         **error);
gboolean        pathways_store_purge_deleted      (PathwaysStore   *self,
                                                   GError         **error);
guint           pathways_store_count_records      (PathwaysStore   *self,
                                                   PathwaysPerson  *person);

/* Level history: a promotion is an event with a date, not an overwrite. */
gboolean        pathways_store_change_level       (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   const char      *ladder_path,
                                                   const char      *level,
                                                   const char      *effective_date,
                                                   GError         **error);
GPtrArray      *pathways_store_list_level_history (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
void            pathways_level_change_free        (PathwaysLevelChange *change);

gboolean        pathways_store_load_sample_team   (PathwaysStore   *self,
                                                   GError         **error);

/* Ladder tracking: ratings (dated events, history kept) and evidence per expectation. */
gboolean        pathways_store_rate               (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   const char      *key,
                                                   PathwaysRating   rating,
                                                   const char      *expectation_text,
                                                   const char      *rated_on,
                                                   GError         **error);
GHashTable     *pathways_store_dup_ratings        (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   GError         **error);
GPtrArray      *pathways_store_list_rating_history (PathwaysStore  *self,
                                                   PathwaysPerson  *person,
                                                   const char      *key,
                                                   GError         **error);
gint64          pathways_store_add_evidence       (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   const char      *key,
                                                   const char      *expectation_text,
                                                   const char      *body,
                                                   const char      *occurred_on,
                                                   GError         **error);
gboolean        pathways_store_delete_evidence    (PathwaysStore   *self,
                                                   gint64           id,
                                                   GError         **error);
GPtrArray      *pathways_store_list_evidence      (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   const char      *key,
                                                   GError         **error);
/* Notes toward the review: wins, growth, feedback, or plain. */
typedef enum
{
  PATHWAYS_NOTE_PLAIN,
  PATHWAYS_NOTE_WIN,
  PATHWAYS_NOTE_GROWTH,
  PATHWAYS_NOTE_FEEDBACK,
} PathwaysNoteKind;

gint64          pathways_store_add_note           (PathwaysStore   *self,
                                                   PathwaysPerson  *person,
                                                   PathwaysNoteKind kind,
                                                   const char      *body,
                                                   const char      *occurred_on,
                                                   const char      *expectation_key,
                                                   GError         **error);
void            pathways_rating_state_free        (PathwaysRatingState *state);
void            pathways_evidence_free            (PathwaysEvidence    *evidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysLevelChange, pathways_level_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysRatingState, pathways_rating_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysEvidence, pathways_evidence_free)

G_END_DECLS
