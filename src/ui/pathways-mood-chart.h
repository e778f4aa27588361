/* pathways-mood-chart.h: a small line chart of the mood checks over a person's last 1-on-1s.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Half a year of weekly 1-on-1s. */
#define PATHWAYS_MOOD_CHART_MAX_MOODS 26

#define PATHWAYS_TYPE_MOOD_CHART (pathways_mood_chart_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMoodChart, pathways_mood_chart, PATHWAYS, MOOD_CHART, GtkWidget)

GtkWidget *pathways_mood_chart_new         (void);
void       pathways_mood_chart_set_moods   (PathwaysMoodChart  *self,
                                            const int          *moods,
                                            const char * const *dates,
                                            guint               n);
guint      pathways_mood_chart_get_n_moods (PathwaysMoodChart  *self);
char      *pathways_mood_chart_dup_summary (PathwaysMoodChart  *self);

G_END_DECLS
