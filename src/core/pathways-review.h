/* pathways-review.h: performance reviews — review cycles, the notes log that feeds them,
 * one review per person per cycle with its revision history, the evidence of a cycle's
 * window, and the text a draft is made of: the template, dated evidence bullets, the ladder
 * section, the promotion-readiness suggestion and the Markdown export.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-ladder.h"
#include "pathways-store.h"

G_BEGIN_DECLS

/* ---- cycles ---- */

/* A review cycle: a named window of days, both ends included. Cycles never overlap. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *starts_on;  /* "YYYY-MM-DD", the first day */
  char   *ends_on;    /* "YYYY-MM-DD", the last day */
} PathwaysCycle;

GPtrArray     *pathways_store_list_cycles          (PathwaysStore        *self,
                                                    GError              **error);
PathwaysCycle *pathways_store_get_cycle            (PathwaysStore        *self,
                                                    gint64                id,
                                                    GError              **error);
PathwaysCycle *pathways_store_find_cycle           (PathwaysStore        *self,
                                                    const char           *date,
                                                    GError              **error);
gint64         pathways_store_add_cycle            (PathwaysStore        *self,
                                                    const char           *name,
                                                    const char           *starts_on,
                                                    const char           *ends_on,
                                                    GError              **error);
gboolean       pathways_store_save_cycle           (PathwaysStore        *self,
                                                    const PathwaysCycle  *cycle,
                                                    GError              **error);
gboolean       pathways_store_delete_cycle         (PathwaysStore        *self,
                                                    gint64                id,
                                                    GError              **error);
gboolean       pathways_store_ensure_cycles        (PathwaysStore        *self,
                                                    int                   year,
                                                    GError              **error);
char          *pathways_cycle_dup_default_name     (int                   year,
                                                    guint                 index);
gboolean       pathways_cycle_contains             (const PathwaysCycle  *cycle,
                                                    const char           *date);
guint          pathways_cycle_days_left            (const PathwaysCycle  *cycle,
                                                    const char           *today);
void           pathways_cycle_free                 (PathwaysCycle        *cycle);

/* ---- the notes log ---- */

typedef struct
{
  gint64            id;
  gint64            person_id;
  PathwaysNoteKind  kind;
  char             *body;
  char             *occurred_on;      /* "YYYY-MM-DD" */
  char             *expectation_key;  /* (nullable) the ladder expectation it speaks to */
} PathwaysNote;

GPtrArray     *pathways_store_list_notes           (PathwaysStore        *self,
                                                    PathwaysPerson       *person,
                                                    const char           *since,
                                                    const char           *until,
                                                    GError              **error);
PathwaysNote  *pathways_store_get_note             (PathwaysStore        *self,
                                                    gint64                id,
                                                    GError              **error);
gboolean       pathways_store_save_note            (PathwaysStore        *self,
                                                    const PathwaysNote   *note,
                                                    GError              **error);
gboolean       pathways_store_delete_note          (PathwaysStore        *self,
                                                    gint64                id,
                                                    GError              **error);
const char    *pathways_note_kind_get_label        (PathwaysNoteKind      kind);
void           pathways_note_free                  (PathwaysNote         *note);

/* ---- reviews ---- */

typedef enum
{
  PATHWAYS_REVIEW_DRAFT,
  PATHWAYS_REVIEW_READY,      /* written, not yet talked through */
  PATHWAYS_REVIEW_DELIVERED,
} PathwaysReviewStatus;

typedef struct
{
  gint64                id;
  gint64                person_id;
  gint64                cycle_id;
  char                 *cycle_name;
  char                 *starts_on;   /* the cycle's window, "YYYY-MM-DD" */
  char                 *ends_on;
  PathwaysReviewStatus  status;
  char                 *body;        /* Markdown */
  char                 *updated_at;  /* UTC moment of the last change */
} PathwaysReview;

/* An earlier text of a review. */
typedef struct
{
  gint64  id;
  gint64  review_id;
  char   *body;
  char   *saved_at;  /* UTC moment the text was put aside */
} PathwaysReviewRevision;

/* Autosave keeps the text it replaces as a revision when the newest revision is older than
 * this many minutes, when there is no revision yet, or when the edit replaces at least
 * PATHWAYS_REVIEW_REVISION_CHARS characters (a paragraph deleted, everything selected and
 * typed over). So a draft can always be got back to within this many minutes of editing,
 * and a large deletion can always be undone. */
#define PATHWAYS_REVIEW_REVISION_MINUTES 10
#define PATHWAYS_REVIEW_REVISION_CHARS 200
/* Older revisions than the newest this many of a review are let go. */
#define PATHWAYS_REVIEW_MAX_REVISIONS 200

PathwaysReview *pathways_store_start_review        (PathwaysStore        *self,
                                                    PathwaysPerson       *person,
                                                    gint64                cycle_id,
                                                    const char           *template_text,
                                                    const char           *level,
                                                    const char           *target,
                                                    GError              **error);
PathwaysReview *pathways_store_get_review          (PathwaysStore        *self,
                                                    PathwaysPerson       *person,
                                                    gint64                cycle_id,
                                                    GError              **error);
PathwaysReview *pathways_store_get_previous_review (PathwaysStore        *self,
                                                    PathwaysPerson       *person,
                                                    gint64                cycle_id,
                                                    GError              **error);
GPtrArray     *pathways_store_list_reviews         (PathwaysStore        *self,
                                                    PathwaysPerson       *person,
                                                    GError              **error);
gboolean       pathways_store_autosave_review      (PathwaysStore        *self,
                                                    gint64                review_id,
                                                    const char           *body,
                                                    GError              **error);
gboolean       pathways_store_set_review_status    (PathwaysStore        *self,
                                                    gint64                review_id,
                                                    PathwaysReviewStatus  status,
                                                    GError              **error);
GPtrArray     *pathways_store_list_review_revisions (PathwaysStore       *self,
                                                    gint64                review_id,
                                                    GError              **error);
gboolean       pathways_store_restore_review_revision (PathwaysStore     *self,
                                                    gint64                review_id,
                                                    gint64                revision_id,
                                                    GError              **error);
const char    *pathways_review_status_get_label    (PathwaysReviewStatus  status);
void           pathways_review_free                (PathwaysReview       *review);
void           pathways_review_revision_free       (PathwaysReviewRevision *revision);

/* ---- the text of a review ---- */

char          *pathways_review_dup_default_template (void);
char          *pathways_review_expand_template     (const char           *template_text,
                                                    GHashTable           *values);
char          *pathways_review_to_markdown         (const PathwaysReview *review,
                                                    const char           *person_name);

/* ---- evidence for a window ---- */

/* Everything recorded about a person that a review can cite, in the order the evidence
 * panel filters by. */
typedef enum
{
  PATHWAYS_EVIDENCE_WIN,       /* a note tagged win */
  PATHWAYS_EVIDENCE_GROWTH,    /* a note tagged growth */
  PATHWAYS_EVIDENCE_FEEDBACK,  /* a note tagged feedback */
  PATHWAYS_EVIDENCE_NOTE,      /* a plain note */
  PATHWAYS_EVIDENCE_MEETING,   /* shared notes of a held 1-on-1, or a talking point's */
  PATHWAYS_EVIDENCE_ACTION,    /* an action item of theirs, completed */
  PATHWAYS_EVIDENCE_LADDER,    /* ladder evidence for an expectation */
  PATHWAYS_EVIDENCE_RATING,    /* a rating that changed */
  PATHWAYS_N_EVIDENCE_KINDS
} PathwaysEvidenceKind;

typedef struct
{
  PathwaysEvidenceKind  kind;
  char                 *date;             /* local "YYYY-MM-DD" it happened */
  char                 *text;             /* as recorded (Markdown for notes) */
  char                 *source;           /* where it comes from: "1-on-1 on 12 Mar" */
  char                 *ref;              /* stable: "note:12", "meeting:4", "point:9",
                                           * "action:3", "evidence:7", "rating:5" */
  char                 *expectation_key;  /* (nullable) */
  gboolean              cited;            /* set by pathways_review_mark_cited() */
} PathwaysEvidenceItem;

GPtrArray     *pathways_store_gather_evidence      (PathwaysStore        *self,
                                                    PathwaysPerson       *person,
                                                    const char           *since,
                                                    const char           *until,
                                                    PathwaysLadder       *ladder,
                                                    GTimeZone            *zone,
                                                    GError              **error);
GHashTable    *pathways_store_dup_evidence_counts  (PathwaysStore        *self,
                                                    PathwaysPerson       *person,
                                                    const char           *since,
                                                    const char           *until,
                                                    GError              **error);
char          *pathways_review_dup_local_date      (const char           *utc_moment,
                                                    GTimeZone            *zone);
char          *pathways_evidence_item_to_markdown  (const PathwaysEvidenceItem *item);
gboolean       pathways_evidence_item_is_cited     (const PathwaysEvidenceItem *item,
                                                    const char           *body);
guint          pathways_review_mark_cited          (GPtrArray            *items,
                                                    const char           *body);
const char    *pathways_evidence_kind_get_label    (PathwaysEvidenceKind  kind);
void           pathways_evidence_item_free         (PathwaysEvidenceItem *item);

/* ---- the ladder and promotion readiness ---- */

char          *pathways_review_dup_ladder_section  (const PathwaysLevel  *level,
                                                    GHashTable           *ratings,
                                                    GHashTable           *evidence_counts,
                                                    const char           *today);

/* A suggestion, with its reasons: the manager writes the verdict. */
typedef struct
{
  gboolean   ready;           /* every expectation consistently, and sustained */
  guint      n_expectations;  /* of the target level */
  guint      n_consistently;
  guint      n_sustained;     /* consistently, and sustained over the cycle */
  guint      n_unrated;
  GPtrArray *reasons;         /* (element-type utf8) sentences, most important first */
} PathwaysReadiness;

PathwaysReadiness *pathways_review_assess_readiness (const PathwaysLevel *level,
                                                    GHashTable           *ratings,
                                                    const char           *cycle_start,
                                                    guint                 sustained_weeks,
                                                    const char           *today);
void           pathways_readiness_free             (PathwaysReadiness    *readiness);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysCycle, pathways_cycle_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysNote, pathways_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysReview, pathways_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysReviewRevision, pathways_review_revision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysEvidenceItem, pathways_evidence_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysReadiness, pathways_readiness_free)

G_END_DECLS
