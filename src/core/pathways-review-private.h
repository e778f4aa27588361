/* pathways-review-private.h: what the review's store side (pathways-review.c) and text side
 * (pathways-review-text.c) share.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-review.h"

G_BEGIN_DECLS

/* Expectation names in evidence sources and readiness reasons are cut to this many
 * characters. */
#define PATHWAYS_REVIEW_NAME_CHARS 60

/* "12 Mar 2026", or "12 Mar" without the year; @iso_date itself if it is no date. */
char       *pathways_review_dup_display_date (const char     *iso_date,
                                              gboolean        with_year);
/* Days from @from to @to, negative when @to is earlier; 0 if either is no date. */
int         pathways_review_days_between     (const char     *from,
                                              const char     *to);
/* Whether @text has anything but white space. */
gboolean    pathways_review_has_content      (const char     *text);
/* @text on one line, cut to @max_chars characters with an ellipsis when longer. */
char       *pathways_review_dup_ellipsized   (const char     *text,
                                              guint           max_chars);
/* A rating inside a sentence: "consistently". */
const char *pathways_review_rating_word      (PathwaysRating  rating);

G_END_DECLS
