/* pathways-person-reviews.h: a person's Reviews tab — one review per cycle, drafted beside
 * the cycle's evidence, with its status, revisions, ladder section, promotion-readiness
 * suggestion and exports.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-ladder.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_REVIEWS (pathways_person_reviews_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonReviews, pathways_person_reviews, PATHWAYS, PERSON_REVIEWS,
                      GtkWidget)

/* Actions (on the widget): reviews.start, reviews.revisions, reviews.undo-restore,
 * reviews.insert-ladder, reviews.export-markdown, reviews.export-pdf, reviews.print,
 * reviews.copy */

void     pathways_person_reviews_set_context     (PathwaysPersonReviews *self,
                                                  PathwaysStore         *store,
                                                  PathwaysPerson        *person,
                                                  const PathwaysLadder  *ladder);
void     pathways_person_reviews_set_settings    (PathwaysPersonReviews *self,
                                                  GSettings             *settings);
void     pathways_person_reviews_reload          (PathwaysPersonReviews *self);
void     pathways_person_reviews_show_cycle      (PathwaysPersonReviews *self,
                                                  gint64                 cycle_id);
void     pathways_person_reviews_flush           (PathwaysPersonReviews *self);
gboolean pathways_person_reviews_export_markdown (PathwaysPersonReviews *self,
                                                  GFile                 *file,
                                                  GError               **error);

G_END_DECLS
