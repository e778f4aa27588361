/* pathways-application.c: the application object — command line, actions, windows.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-application.h"
#include "pathways-window.h"

struct _PathwaysApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PathwaysApplication, pathways_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "handbook", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the handbook in this folder"), N_("FOLDER") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/**
 * pathways_application_dup_sample_dir:
 *
 * The bundled sample handbook: the installed copy, or the source tree's when running
 * uninstalled from a build directory.
 *
 * Returns: (transfer full): the folder
 */
GFile *
pathways_application_dup_sample_dir (void)
{
  if (g_file_test (SAMPLE_HANDBOOK_DIR, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (SAMPLE_HANDBOOK_DIR);
  return g_file_new_for_path (SOURCE_SAMPLE_HANDBOOK_DIR);
}

static PathwaysWindow *
pathways_application_ensure_window (PathwaysApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (pathways_window_new (self));
  return PATHWAYS_WINDOW (window);
}

static void
pathways_application_activate (GApplication *app)
{
  PathwaysWindow *window = pathways_application_ensure_window (PATHWAYS_APPLICATION (app));

  pathways_window_open_remembered (window);
  gtk_window_present (GTK_WINDOW (window));
}

static int
pathways_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "pathways", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static int
pathways_application_command_line (GApplication            *app,
                                   GApplicationCommandLine *command_line)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *handbook = NULL;
  g_autofree const char **remaining = NULL;
  PathwaysWindow *window;

  g_variant_dict_lookup (options, "handbook", "^&ay", &handbook);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (remaining != NULL && g_strv_length ((char **) remaining) > 1)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Give at most one page to open."));
      return 1;
    }

  window = pathways_application_ensure_window (self);
  if (handbook != NULL)
    {
      g_autoptr(GFile) folder = g_application_command_line_create_file_for_arg (command_line,
                                                                                 handbook);
      pathways_window_open_handbook (window, folder,
                                     remaining != NULL ? remaining[0] : NULL);
    }
  else if (remaining != NULL && remaining[0] != NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("A page can only be given with --handbook FOLDER."));
      return 1;
    }
  else
    {
      pathways_window_open_remembered (window);
    }

  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Pathways authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Pathways"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Pathways authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Your engineering handbook and your team’s growth, "
                                      "kept privately on your computer."),
                        "developers", developers,
                        "copyright", "© 2026 The Pathways authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing the windows (rather than g_application_quit) lets them save their state. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
pathways_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (pathways_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
pathways_application_class_init (PathwaysApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = pathways_application_activate;
  app_class->startup = pathways_application_startup;
  app_class->command_line = pathways_application_command_line;
  app_class->handle_local_options = pathways_application_handle_local_options;
}

static void
pathways_application_init (PathwaysApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PAGE]"));
}

PathwaysApplication *
pathways_application_new (void)
{
  return g_object_new (PATHWAYS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/co/packback/Pathways",
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}
