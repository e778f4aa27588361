/* pathways-timing.c: the timings PATHWAYS_DEBUG_TIMING=1 prints for the benchmarks.
 *
 * Each is one line on stderr, `pathways-timing: EVENT MS [DETAIL…]`, MS being milliseconds
 * since the process started. The start is the kernel's (/proc/self/stat starttime, when the
 * process was forked, so the dynamic loader and GTK's initialisation count), which has the
 * resolution of the kernel's clock tick (10 ms). A first `clock` line gives, beside it, the
 * CLOCK_MONOTONIC time in ms at the same moment: a script that noted CLOCK_MONOTONIC when it
 * started the process can compute every event to the microsecond from that.
 *
 * Debug output, never translated.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-timing"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pathways-timing.h"

/* The stall probe runs this often; a gap longer than this plus STALL_MS between two runs
 * means the main loop was blocked for more than STALL_MS (a missed frame at 60 Hz). */
#define PROBE_INTERVAL_MS 4
#define STALL_MS 16

static gboolean enabled;
static gint64 process_start;   /* g_get_monotonic_time() at the process's start */
static gint64 probe_last;      /* when the probe last ran */
static gint64 probe_last_cpu;  /* the main thread's CPU time then */

gboolean
pathways_timing_enabled (void)
{
  return enabled;
}

static gint64
clock_us (clockid_t clock)
{
  struct timespec ts;

  if (clock_gettime (clock, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* How long ago the process started, from field 22 of /proc/self/stat (clock ticks since
 * boot, on CLOCK_BOOTTIME); 0 when it can't be read. */
static gint64
dup_age_us (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  guint64 ticks;
  long hz = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || hz <= 0)
    return 0;
  /* The command name, field 2, is in parentheses and may hold spaces. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return 0;
  fields = g_strsplit (after_name + 2, " ", 0);
  /* fields[0] is field 3. */
  if (g_strv_length (fields) < 20)
    return 0;
  ticks = g_ascii_strtoull (fields[19], NULL, 10);
  return clock_us (CLOCK_BOOTTIME) - (gint64) (ticks * G_USEC_PER_SEC / (guint64) hz);
}

static double
ms_since_start (gint64 monotonic)
{
  return (monotonic - process_start) / 1000.0;
}

void
pathways_timing_mark (const char *event,
                      const char *format,
                      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  if (!enabled)
    return;

  if (format != NULL)
    {
      va_start (args, format);
      detail = g_strdup_vprintf (format, args);
      va_end (args);
    }
  /* One write per line, so lines from threads never interleave. */
  {
    g_autofree char *line = g_strdup_printf ("pathways-timing: %s %.1f%s%s\n", event,
                                             ms_since_start (g_get_monotonic_time ()),
                                             detail != NULL ? " " : "",
                                             detail != NULL ? detail : "");

    fputs (line, stderr);
    fflush (stderr);
  }
}

/* A high-priority timeout every few ms: when it runs late, the main loop was busy (or the
 * process was not scheduled: the main thread's CPU time over the gap tells the two apart).
 * Chosen over a GdkFrameClock gap because on Xvfb, without a compositor, the frame clock
 * only ticks while something asks for a frame, and a blocked loop asks for nothing. */
static gboolean
stall_probe_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = clock_us (CLOCK_THREAD_CPUTIME_ID);
  gint64 blocked = now - probe_last - PROBE_INTERVAL_MS * 1000;

  if (blocked > STALL_MS * 1000)
    pathways_timing_mark ("stall", "%.1f %.1f", blocked / 1000.0,
                          (cpu - probe_last_cpu) / 1000.0);
  probe_last = now;
  probe_last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/**
 * pathways_timing_init:
 *
 * Reads PATHWAYS_DEBUG_TIMING, once; when it is set (and not "0"), notes when the process
 * started and starts the stall probe on the main context.
 */
void
pathways_timing_init (void)
{
  const char *value = g_getenv ("PATHWAYS_DEBUG_TIMING");
  gint64 now;

  enabled = value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
  if (!enabled)
    return;

  now = g_get_monotonic_time ();
  process_start = now - dup_age_us ();
  pathways_timing_mark ("clock", "%.3f", now / 1000.0);

  probe_last = g_get_monotonic_time ();
  probe_last_cpu = clock_us (CLOCK_THREAD_CPUTIME_ID);
  g_timeout_add_full (G_PRIORITY_HIGH, PROBE_INTERVAL_MS, stall_probe_cb, NULL, NULL);
}

/* ---- paints ---- */

typedef struct
{
  char      *event;
  char      *detail;  /* (nullable) */
  gint64     since;   /* g_get_monotonic_time() of the request; 0 for none */
  GtkWidget *widget;  /* (nullable) weak: what must be on screen for the paint to count */
  gulong     handler;
} PaintWatch;

static void
paint_watch_free (gpointer  data,
                  GClosure *closure)
{
  PaintWatch *watch = data;

  g_free (watch->event);
  g_free (watch->detail);
  g_clear_weak_pointer (&watch->widget);
  g_free (watch);
}

static void
after_paint_cb (GdkFrameClock *clock,
                PaintWatch    *watch)
{
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GString) detail = g_string_new (watch->detail);
  GdkSurface *surface;

  /* GTK may run a frame before the window's surface is on screen, or while the widget is
   * in a part of the window not shown yet. */
  if (watch->widget == NULL || !gtk_widget_get_mapped (watch->widget))
    return;
  surface = gtk_native_get_surface (gtk_widget_get_native (watch->widget));
  if (surface == NULL || !gdk_surface_get_mapped (surface))
    return;

  if (watch->since != 0)
    g_string_append_printf (detail, "%s%.1f", detail->len > 0 ? " " : "",
                            (now - watch->since) / 1000.0);
  pathways_timing_mark (watch->event, detail->len > 0 ? "%s" : NULL, detail->str);
  /* Frees the watch. */
  g_signal_handler_disconnect (clock, watch->handler);
}

static void
watch_next_paint (PaintWatch *watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (watch->widget);

  watch->handler = g_signal_connect_data (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                          watch, paint_watch_free, 0);
  /* Whatever was changed asks for a frame already; this makes sure one comes. */
  gtk_widget_queue_draw (watch->widget);
}

static void
on_map (GtkWidget  *widget,
        PaintWatch *watch)
{
  g_signal_handlers_disconnect_by_func (widget, on_map, watch);
  watch_next_paint (watch);
}

static void
watch_paint (GtkWidget  *widget,
             const char *event,
             const char *detail,
             gint64      since)
{
  PaintWatch *watch = g_new0 (PaintWatch, 1);

  watch->event = g_strdup (event);
  watch->detail = g_strdup (detail);
  watch->since = since;
  g_set_weak_pointer (&watch->widget, widget);
  /* Not on screen yet (the window is still being built, or another area is shown): the
   * first paint is the one after it is. */
  if (gtk_widget_get_mapped (widget))
    watch_next_paint (watch);
  else
    g_signal_connect (widget, "map", G_CALLBACK (on_map), watch);
}

/**
 * pathways_timing_watch_first_frame:
 * @window: the main window, before it is presented
 *
 * Logs `first-frame` after the window's first frame on screen has been painted.
 */
void
pathways_timing_watch_first_frame (GtkWindow *window)
{
  if (enabled)
    watch_paint (GTK_WIDGET (window), "first-frame", NULL, 0);
}

/**
 * pathways_timing_report_next_paint:
 * @widget: a widget that has just been given something new to show
 * @event: the event's name
 * @detail: (nullable): what was shown (a page path, a person's id)
 * @since: g_get_monotonic_time() when it was asked for
 *
 * Logs `EVENT MS DETAIL MS-TO-PAINT` after the next frame painted with @widget on screen.
 */
void
pathways_timing_report_next_paint (GtkWidget  *widget,
                                   const char *event,
                                   const char *detail,
                                   gint64      since)
{
  if (enabled)
    watch_paint (widget, event, detail, since);
}
