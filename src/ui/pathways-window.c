/* pathways-window.c: the main window — its size, its toasts, and the areas it holds.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-handbook-page.h"
#include "pathways-window.h"

struct _PathwaysWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  PathwaysHandbookPage *handbook_page;
};

G_DEFINE_FINAL_TYPE (PathwaysWindow, pathways_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
pathways_window_close_request (GtkWindow *window)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (pathways_window_parent_class)->close_request (window);
}

static void
pathways_window_dispose (GObject *object)
{
  PathwaysWindow *self = PATHWAYS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pathways_window_parent_class)->dispose (object);
}

static void
pathways_window_class_init (PathwaysWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pathways_window_dispose;
  window_class->close_request = pathways_window_close_request;

  g_type_ensure (PATHWAYS_TYPE_HANDBOOK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PathwaysWindow, handbook_page);
}

static void
pathways_window_init (PathwaysWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  pathways_handbook_page_set_settings (self->handbook_page, self->settings);
}

PathwaysWindow *
pathways_window_new (PathwaysApplication *application)
{
  return g_object_new (PATHWAYS_TYPE_WINDOW, "application", application, NULL);
}

/**
 * pathways_window_open_handbook:
 * @folder: the handbook's folder
 * @page: (nullable): a page to show, relative to @folder; else the last or home page
 *
 * Opens a handbook and remembers it for the next start.
 */
void
pathways_window_open_handbook (PathwaysWindow *self,
                               GFile          *folder,
                               const char     *page)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  pathways_handbook_page_open (self->handbook_page, folder, page);
}

/**
 * pathways_window_open_remembered:
 *
 * Opens the handbook that was open last (or the sample), unless one is open already.
 */
void
pathways_window_open_remembered (PathwaysWindow *self)
{
  g_return_if_fail (PATHWAYS_IS_WINDOW (self));

  if (pathways_handbook_page_get_handbook (self->handbook_page) == NULL)
    pathways_handbook_page_open (self->handbook_page, NULL, NULL);
}
