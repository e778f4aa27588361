/* test-mood-chart.c: the mood chart on a person's 1-on-1s tab under a real display — it keeps
 * the last half year of valid moods, says them in words, and draws newer on the right, better
 * higher up.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pathways-mood-chart.h"

typedef struct
{
  GtkWidget         *window;
  PathwaysMoodChart *chart;
  GdkPaintable      *paintable;  /* what the chart last drew on screen */
  gboolean           drawn;
} Fixture;

static void
on_invalidate_contents (GdkPaintable *paintable,
                        Fixture      *fixture)
{
  fixture->drawn = TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 320, 56);
  fixture->chart = PATHWAYS_MOOD_CHART (g_object_ref_sink (pathways_mood_chart_new ()));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->chart));
  fixture->paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->chart));
  g_signal_connect (fixture->paintable, "invalidate-contents",
                    G_CALLBACK (on_invalidate_contents), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->paintable);
  g_assert_finalize_object (fixture->chart);
}

/* Runs the main loop until the chart is on screen with a size, or fails after a while. */
static void
wait_until_shown (Fixture *fixture)
{
  GtkWidget *chart = GTK_WIDGET (fixture->chart);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!gtk_widget_get_mapped (chart) || gtk_widget_get_width (chart) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Sets the moods and runs the main loop until the chart has drawn them on screen. */
static void
show_moods (Fixture            *fixture,
            const int          *moods,
            const char * const *dates,
            guint               n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  fixture->drawn = FALSE;
  pathways_mood_chart_set_moods (fixture->chart, moods, dates, n);
  while (!fixture->drawn)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
}

static GskRenderNode *
render_node (Fixture *fixture)
{
  GtkWidget *chart = GTK_WIDGET (fixture->chart);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (fixture->paintable, snapshot, gtk_widget_get_width (chart),
                          gtk_widget_get_height (chart));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* How much is drawn in a band of the chart's right quarter (the newest meetings): the sum of
 * the pixels' opacity between the fractions from and to of its height. */
static guint64
ink_on_the_right (Fixture *fixture,
                  double   from,
                  double   to)
{
  GtkWidget *chart = GTK_WIDGET (fixture->chart);
  int width = gtk_widget_get_width (chart);
  int height = gtk_widget_get_height (chart);
  g_autoptr(GskRenderNode) node = render_node (fixture);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = g_new0 (guint32, (gsize) width * height);
  guint64 ink = 0;

  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width,
                                                                              height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  /* Native-endian ARGB32: alpha is the top byte. */
  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  for (int y = (int) (height * from); y < (int) (height * to); y++)
    for (int x = width * 3 / 4; x < width; x++)
      ink += pixels[(gsize) y * width + x] >> 24;
  return ink;
}

static void
test_keeps_moods (Fixture       *fixture,
                  gconstpointer  data)
{
  const int moods[] = { 3, 4, 2, 5, 4 };
  const char * const dates[] = { "2020-10-20", "2020-10-27", "2020-11-03", "2020-11-10",
                                 "2020-11-17" };

  g_assert_cmpuint (pathways_mood_chart_get_n_moods (fixture->chart), ==, 0);
  pathways_mood_chart_set_moods (fixture->chart, moods, dates, G_N_ELEMENTS (moods));
  g_assert_cmpuint (pathways_mood_chart_get_n_moods (fixture->chart), ==, 5);
  pathways_mood_chart_set_moods (fixture->chart, NULL, NULL, 0);
  g_assert_cmpuint (pathways_mood_chart_get_n_moods (fixture->chart), ==, 0);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  const int moods[] = { 3, 4, 2, 5, 4, 4 };
  const char * const dates[] = { "2020-10-20", "2020-10-27", "2020-11-03", "2020-11-10",
                                 "2020-11-17", "2020-11-24" };
  g_autofree char *summary = NULL;

  pathways_mood_chart_set_moods (fixture->chart, moods, dates, G_N_ELEMENTS (moods));
  summary = pathways_mood_chart_dup_summary (fixture->chart);
  g_assert_cmpstr (summary, ==,
                   "Latest: 4 of 5 on 24 November 2020. "
                   "Average over the last 6 meetings: 3.7.");
}

static void
test_summary_this_year (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-01-15");
  const char * const dates[] = { date };
  const int moods[] = { 2 };
  g_autofree char *summary = NULL;

  /* This year's dates go without the year; a single meeting has no average to speak of. */
  pathways_mood_chart_set_moods (fixture->chart, moods, dates, 1);
  summary = pathways_mood_chart_dup_summary (fixture->chart);
  g_assert_cmpstr (summary, ==, "Latest: 2 of 5 on 15 January.");
}

static void
test_summary_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  const int moods[] = { 4 };
  const char * const dates[] = { "2020-11-24" };
  g_autofree char *before = pathways_mood_chart_dup_summary (fixture->chart);
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, ==, "No mood recorded yet.");
  pathways_mood_chart_set_moods (fixture->chart, moods, dates, 1);
  pathways_mood_chart_set_moods (fixture->chart, moods, dates, 0);
  after = pathways_mood_chart_dup_summary (fixture->chart);
  g_assert_cmpstr (after, ==, "No mood recorded yet.");
}

static void
test_keeps_last_26 (Fixture       *fixture,
                    gconstpointer  data)
{
  int moods[30];
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;

  for (int i = 0; i < 30; i++)
    {
      moods[i] = i % 5 + 1;
      g_ptr_array_add (dates, g_strdup_printf ("2020-01-%02d", i + 1));
    }
  pathways_mood_chart_set_moods (fixture->chart, moods, (const char * const *) dates->pdata,
                                 30);
  g_assert_cmpuint (pathways_mood_chart_get_n_moods (fixture->chart), ==, 26);

  /* The oldest four are gone: 5, then five rounds of 1 to 5, average 80 / 26. */
  summary = pathways_mood_chart_dup_summary (fixture->chart);
  g_assert_cmpstr (summary, ==,
                   "Latest: 5 of 5 on 30 January 2020. "
                   "Average over the last 26 meetings: 3.1.");
}

static void
test_ignores_out_of_range (Fixture       *fixture,
                           gconstpointer  data)
{
  const int moods[] = { 0, 3, 6, -1, 4, 5, 9 };
  const char * const dates[] = { "2020-11-01", "2020-11-02", "2020-11-03", "2020-11-04",
                                 "2020-11-05", "2020-11-06", "2020-11-07" };
  g_autofree char *summary = NULL;

  pathways_mood_chart_set_moods (fixture->chart, moods, dates, G_N_ELEMENTS (moods));
  g_assert_cmpuint (pathways_mood_chart_get_n_moods (fixture->chart), ==, 3);
  /* The last valid one is the latest, with its own date. */
  summary = pathways_mood_chart_dup_summary (fixture->chart);
  g_assert_cmpstr (summary, ==,
                   "Latest: 5 of 5 on 6 November 2020. "
                   "Average over the last 3 meetings: 4.0.");
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  const int moods[] = { 2, 3 };
  const char * const dates[] = { "2020-11-17", "2020-11-24" };
  g_autofree char *summary = NULL;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  pathways_mood_chart_set_moods (fixture->chart, moods, dates, 2);
  summary = pathways_mood_chart_dup_summary (fixture->chart);
  g_assert_cmpstr (summary, ==,
                   "Latest: 3 of 5 on 24 November 2020. "
                   "Average over the last 2 meetings: 2.5.");
  /* Sighted people get the same words on hover. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->chart)), ==, summary);
}

static void
test_size (Fixture       *fixture,
           gconstpointer  data)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (fixture->chart), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_assert_cmpint (minimum, ==, 160);
  gtk_widget_measure (GTK_WIDGET (fixture->chart), GTK_ORIENTATION_VERTICAL, -1, NULL,
                      &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 56);
  /* It stretches to the width it is given. */
  wait_until_shown (fixture);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->chart)), >=, 320);
}

static void
test_renders_empty_and_full (Fixture       *fixture,
                             gconstpointer  data)
{
  const int moods[] = { 3, 4, 2, 5, 4 };
  const char * const dates[] = { "2020-10-20", "2020-10-27", "2020-11-03", "2020-11-10",
                                 "2020-11-17" };
  GtkWidget *chart = GTK_WIDGET (fixture->chart);
  guint counts[] = { 0, G_N_ELEMENTS (moods) };

  wait_until_shown (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      graphene_rect_t bounds;

      show_moods (fixture, moods, dates, counts[i]);
      node = render_node (fixture);
      g_assert_nonnull (node);
      gsk_render_node_get_bounds (node, &bounds);
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, 0, 0.01);
      g_assert_cmpfloat_with_epsilon (bounds.origin.y, 0, 0.01);
      g_assert_cmpfloat_with_epsilon (bounds.size.width, gtk_widget_get_width (chart), 0.01);
      g_assert_cmpfloat_with_epsilon (bounds.size.height, gtk_widget_get_height (chart), 0.01);
    }
}

static void
test_draws_direction (Fixture       *fixture,
                      gconstpointer  data)
{
  const int rising[] = { 1, 2, 3, 4, 5 };
  const int falling[] = { 5, 4, 3, 2, 1 };
  const char * const dates[] = { "2020-10-20", "2020-10-27", "2020-11-03", "2020-11-10",
                                 "2020-11-17" };
  guint64 top, bottom;

  wait_until_shown (fixture);

  /* The newest are on the right, and a better mood is higher up: rising, the right end is
   * drawn at the top; falling, at the bottom. The guides weigh the same in both bands. */
  show_moods (fixture, rising, dates, 5);
  top = ink_on_the_right (fixture, 0, 1 / 3.);
  bottom = ink_on_the_right (fixture, 2 / 3., 1);
  g_assert_cmpuint (top, >, bottom);

  show_moods (fixture, falling, dates, 5);
  top = ink_on_the_right (fixture, 0, 1 / 3.);
  bottom = ink_on_the_right (fixture, 2 / 3., 1);
  g_assert_cmpuint (bottom, >, top);

  /* Right to left, time runs the other way: rising ends on the left, so the right end is
   * the oldest, lowest point. */
  gtk_widget_set_direction (GTK_WIDGET (fixture->chart), GTK_TEXT_DIR_RTL);
  show_moods (fixture, rising, dates, 5);
  top = ink_on_the_right (fixture, 0, 1 / 3.);
  bottom = ink_on_the_right (fixture, 2 / 3., 1);
  g_assert_cmpuint (bottom, >, top);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/pathways/mood-chart/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("keeps-moods", test_keeps_moods);
  ADD ("summary", test_summary);
  ADD ("summary-this-year", test_summary_this_year);
  ADD ("summary-empty", test_summary_empty);
  ADD ("keeps-last-26", test_keeps_last_26);
  ADD ("ignores-out-of-range", test_ignores_out_of_range);
  ADD ("accessible", test_accessible);
  ADD ("size", test_size);
  ADD ("renders-empty-and-full", test_renders_empty_and_full);
  ADD ("draws-direction", test_draws_direction);
#undef ADD

  return g_test_run ();
}
