/* pathways-timing.h: PATHWAYS_DEBUG_TIMING=1 — machine-readable timings on stderr, read by
 * tests/bench/bench-app.py. Nothing happens (one boolean test) when the variable is unset.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     pathways_timing_init               (void);
gboolean pathways_timing_enabled            (void);
void     pathways_timing_mark               (const char *event,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (2, 3);
void     pathways_timing_watch_first_frame  (GtkWindow  *window);
void     pathways_timing_report_next_paint  (GtkWidget  *widget,
                                             const char *event,
                                             const char *detail,
                                             gint64      since);

G_END_DECLS
