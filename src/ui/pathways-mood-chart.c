/* pathways-mood-chart.c: a small line chart of the mood checks over a person's last 1-on-1s,
 * oldest on the left, newest on the right, from 1 (low) at the bottom to 5 (great) at the top.
 * A screen reader hears the same thing in words: the latest mood and the average.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-mood-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pathways-mood-chart.h"
#include "pathways-person.h"

#define MOOD_MIN 1
#define MOOD_MAX 5

#define MIN_WIDTH 160
#define HEIGHT    56

/* Room around the plot for the latest dot and its halo, so neither is clipped at the edges. */
#define PAD             7.0
#define DOT_RADIUS      2.5
#define LATEST_RADIUS   4.5
#define HALO_RADIUS     7.0
/* Below this spacing the small dots crowd into a bead chain; the line alone reads better. */
#define MIN_DOT_SPACING 10.0

struct _PathwaysMoodChart
{
  GtkWidget  parent_instance;

  /* Never drawn: the stylesheet gives it the accent colour, which GTK 4.8 offers no other way
   * to read. Being a real, mapped widget, a change of style redraws the chart too. */
  GtkWidget *point;

  guint8     moods[PATHWAYS_MOOD_CHART_MAX_MOODS];
  guint      n_moods;
  char      *latest_date;   /* "YYYY-MM-DD", or NULL with no moods */
  char      *summary;
};

G_DEFINE_FINAL_TYPE (PathwaysMoodChart, pathways_mood_chart, GTK_TYPE_WIDGET)

static void
get_color (GtkWidget *widget,
           GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* ---- words ---- */

static char *
format_date (const char *iso_date)
{
  g_autofree char *stamp = g_strdup_printf ("%sT00:00:00Z", iso_date);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (stamp, NULL);
  g_autoptr(GDateTime) now = pathways_now_local ();

  if (date == NULL)
    return g_strdup (iso_date);
  if (g_date_time_get_year (date) == g_date_time_get_year (now))
    /* Translators: the date of the latest 1-on-1 in the mood chart's summary, in this year;
     * see strftime ("%-d %B" gives "24 November") */
    return g_date_time_format (date, _("%-d %B"));
  /* Translators: the date of the latest 1-on-1 in the mood chart's summary, in another year;
   * see strftime ("%-d %B %Y" gives "24 November 2025") */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static char *
build_summary (PathwaysMoodChart *self)
{
  g_autofree char *date = NULL;
  int latest;
  guint sum = 0;

  if (self->n_moods == 0)
    return g_strdup (_("No mood recorded yet."));

  latest = self->moods[self->n_moods - 1];
  date = format_date (self->latest_date);
  if (self->n_moods == 1)
    /* Translators: the mood chart in words; %d is the mood from 1 to 5, %s a date such as
     * "24 November" */
    return g_strdup_printf (_("Latest: %d of 5 on %s."), latest, date);

  for (guint i = 0; i < self->n_moods; i++)
    sum += self->moods[i];
  /* Translators: the mood chart in words; %d is the latest mood from 1 to 5, %s its date
   * such as "24 November", %u how many 1-on-1s (at least 2) and %.1f their average mood,
   * e.g. "Latest: 4 of 5 on 24 November. Average over the last 6 meetings: 3.7." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Latest: %d of 5 on %s. Average over the last %u "
                                       "meeting: %.1f.",
                                       "Latest: %d of 5 on %s. Average over the last %u "
                                       "meetings: %.1f.",
                                       self->n_moods),
                          latest, date, self->n_moods, (double) sum / self->n_moods);
}

static void
update_summary (PathwaysMoodChart *self)
{
  g_free (self->summary);
  self->summary = build_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
}

/* ---- drawing ---- */

static double
mood_y (double top,
        double bottom,
        int    mood)
{
  return top + (MOOD_MAX - mood) * (bottom - top) / (MOOD_MAX - MOOD_MIN);
}

static double
point_x (PathwaysMoodChart *self,
         double             left,
         double             right,
         guint              i)
{
  double x;

  /* A single check sits where the newest always does: at the end. */
  if (self->n_moods < 2)
    x = right;
  else
    x = left + i * (right - left) / (self->n_moods - 1);

  /* Time runs the way the text does: right to left in Arabic or Hebrew. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = left + right - x;
  return x;
}

static void
pathways_mood_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  PathwaysMoodChart *self = PATHWAYS_MOOD_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double left = PAD, right = width - PAD;
  double top = PAD, bottom = height - PAD;
  double spacing;
  GdkRGBA fg, accent;
  cairo_pattern_t *fill;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  get_color (widget, &fg);
  get_color (self->point, &accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Guides at 1, 3 and 5, on whole pixels so they stay crisp. */
  cairo_set_line_width (cr, 1);
  set_source (cr, &fg, 0.15);
  for (int mood = MOOD_MIN; mood <= MOOD_MAX; mood += 2)
    {
      double y = floor (mood_y (top, bottom, mood)) + 0.5;

      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
    }
  cairo_stroke (cr);

  if (self->n_moods == 0)
    {
      cairo_destroy (cr);
      return;
    }

  /* A faint wash under the line, fading toward the bottom. */
  if (self->n_moods > 1)
    {
      cairo_move_to (cr, point_x (self, left, right, 0), bottom);
      for (guint i = 0; i < self->n_moods; i++)
        cairo_line_to (cr, point_x (self, left, right, i), mood_y (top, bottom, self->moods[i]));
      cairo_line_to (cr, point_x (self, left, right, self->n_moods - 1), bottom);
      cairo_close_path (cr);
      fill = cairo_pattern_create_linear (0, top, 0, bottom);
      cairo_pattern_add_color_stop_rgba (fill, 0, accent.red, accent.green, accent.blue,
                                         accent.alpha * 0.22);
      cairo_pattern_add_color_stop_rgba (fill, 1, accent.red, accent.green, accent.blue, 0);
      cairo_set_source (cr, fill);
      cairo_fill (cr);
      cairo_pattern_destroy (fill);

      cairo_move_to (cr, point_x (self, left, right, 0), mood_y (top, bottom, self->moods[0]));
      for (guint i = 1; i < self->n_moods; i++)
        cairo_line_to (cr, point_x (self, left, right, i), mood_y (top, bottom, self->moods[i]));
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      set_source (cr, &accent, 1);
      cairo_stroke (cr);
    }

  spacing = self->n_moods > 1 ? (right - left) / (self->n_moods - 1) : G_MAXDOUBLE;
  if (spacing >= MIN_DOT_SPACING)
    {
      set_source (cr, &accent, 1);
      for (guint i = 0; i + 1 < self->n_moods; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, point_x (self, left, right, i), mood_y (top, bottom, self->moods[i]),
                     DOT_RADIUS, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }

  /* The latest check stands out: larger, in a soft halo. */
  {
    double x = point_x (self, left, right, self->n_moods - 1);
    double y = mood_y (top, bottom, self->moods[self->n_moods - 1]);

    set_source (cr, &accent, 0.25);
    cairo_arc (cr, x, y, HALO_RADIUS, 0, 2 * G_PI);
    cairo_fill (cr);
    set_source (cr, &accent, 1);
    cairo_arc (cr, x, y, LATEST_RADIUS, 0, 2 * G_PI);
    cairo_fill (cr);
  }

  cairo_destroy (cr);
}

/* ---- size ---- */

static void
pathways_mood_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_WIDTH;
  else
    *minimum = *natural = HEIGHT;
}

static void
pathways_mood_chart_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  PathwaysMoodChart *self = PATHWAYS_MOOD_CHART (widget);
  int point_width, point_height;

  /* Only its style counts; it gets what it asks for and is never drawn. */
  gtk_widget_measure (self->point, GTK_ORIENTATION_HORIZONTAL, -1, &point_width, NULL, NULL,
                      NULL);
  gtk_widget_measure (self->point, GTK_ORIENTATION_VERTICAL, point_width, &point_height, NULL,
                      NULL, NULL);
  gtk_widget_allocate (self->point, point_width, point_height, -1, NULL);
}

/* ---- object ---- */

static void
pathways_mood_chart_dispose (GObject *object)
{
  PathwaysMoodChart *self = PATHWAYS_MOOD_CHART (object);

  g_clear_pointer (&self->point, gtk_widget_unparent);

  G_OBJECT_CLASS (pathways_mood_chart_parent_class)->dispose (object);
}

static void
pathways_mood_chart_finalize (GObject *object)
{
  PathwaysMoodChart *self = PATHWAYS_MOOD_CHART (object);

  g_free (self->latest_date);
  g_free (self->summary);

  G_OBJECT_CLASS (pathways_mood_chart_parent_class)->finalize (object);
}

static void
pathways_mood_chart_class_init (PathwaysMoodChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_mood_chart_dispose;
  object_class->finalize = pathways_mood_chart_finalize;

  widget_class->snapshot = pathways_mood_chart_snapshot;
  widget_class->measure = pathways_mood_chart_measure;
  widget_class->size_allocate = pathways_mood_chart_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "moodchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathways_mood_chart_init (PathwaysMoodChart *self)
{
  self->point = g_object_new (GTK_TYPE_IMAGE, "css-name", "point", NULL);
  gtk_widget_set_can_target (self->point, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->point), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->point, GTK_WIDGET (self));

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mood over the last 1-on-1s"),
                                  -1);
  update_summary (self);
}

/**
 * pathways_mood_chart_new:
 *
 * Creates an empty mood chart; give it the moods with pathways_mood_chart_set_moods().
 */
GtkWidget *
pathways_mood_chart_new (void)
{
  return g_object_new (PATHWAYS_TYPE_MOOD_CHART, NULL);
}

/**
 * pathways_mood_chart_set_moods:
 * @moods: (array length=n): mood checks from 1 (low) to 5 (great), oldest first; others are
 *   skipped
 * @dates: (array length=n): the date of each, as "YYYY-MM-DD"
 * @n: how many; may be 0
 *
 * Shows the last %PATHWAYS_MOOD_CHART_MAX_MOODS valid moods.
 */
void
pathways_mood_chart_set_moods (PathwaysMoodChart  *self,
                               const int          *moods,
                               const char * const *dates,
                               guint               n)
{
  guint kept = 0;

  g_return_if_fail (PATHWAYS_IS_MOOD_CHART (self));
  g_return_if_fail (n == 0 || (moods != NULL && dates != NULL));
  for (guint i = 0; i < n; i++)
    g_return_if_fail (dates[i] != NULL);

  g_clear_pointer (&self->latest_date, g_free);
  for (guint i = 0; i < n; i++)
    {
      if (moods[i] < MOOD_MIN || moods[i] > MOOD_MAX)
        continue;
      /* Full: drop the oldest. */
      if (kept == PATHWAYS_MOOD_CHART_MAX_MOODS)
        {
          kept--;
          memmove (self->moods, self->moods + 1, kept * sizeof self->moods[0]);
        }
      self->moods[kept++] = (guint8) moods[i];
      g_free (self->latest_date);
      self->latest_date = g_strdup (dates[i]);
    }
  self->n_moods = kept;

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pathways_mood_chart_get_n_moods:
 *
 * Returns: how many moods the chart shows
 */
guint
pathways_mood_chart_get_n_moods (PathwaysMoodChart *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOOD_CHART (self), 0);

  return self->n_moods;
}

/**
 * pathways_mood_chart_dup_summary:
 *
 * Returns: (transfer full): the chart in words, as a screen reader and the tooltip give it
 */
char *
pathways_mood_chart_dup_summary (PathwaysMoodChart *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOOD_CHART (self), NULL);

  return g_strdup (self->summary);
}
