/* pathways-application.c: the application object — command line, actions, windows.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-application.h"
#include "pathways-search.h"
#include "pathways-ladder.h"
#include "pathways-store.h"
#include "pathways-preferences.h"
#include "pathways-review.h"
#include "pathways-timing.h"
#include "pathways-window.h"

struct _PathwaysApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  PathwaysDb     *db;
  PathwaysStore  *store;
  guint           store_serial;  /* bumped whenever the store closes: stale opens are dropped */
  gboolean        load_sample_team;
};

G_DEFINE_FINAL_TYPE (PathwaysApplication, pathways_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "handbook", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the handbook in this folder"), N_("FOLDER") },
  { "profile", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep your records in this folder instead of the usual place"), N_("FOLDER") },
  { "sample-team", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start with a fictional sample team when there is nobody yet"), NULL },
  { "print-ladder", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the handbook’s career ladder as JSON and quit"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Search the handbook and your records, print the results as JSON lines and quit"),
    N_("QUERY") },
  { "limit", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --search: the most results of each kind (20 unless given)"), N_("N") },
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
pathways_application_get_window (PathwaysApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return window != NULL ? PATHWAYS_WINDOW (window) : NULL;
}

static void
pathways_application_close_store (PathwaysApplication *self)
{
  PathwaysWindow *window = pathways_application_get_window (self);

  if (window != NULL)
    pathways_window_set_store (window, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->db);
  self->store_serial++;
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  PathwaysDb *db = task_data;
  g_autoptr(GError) error = NULL;

  /* The backup reads through a connection of its own, so it can run beside the app. */
  if (!pathways_db_daily_backup (db, NULL, &error))
    g_printerr ("%s\n", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
pathways_application_start_daily_backup (PathwaysApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_source_tag (task, pathways_application_start_daily_backup);
  g_task_set_task_data (task, g_object_ref (self->db), g_object_unref);
  g_task_run_in_thread (task, daily_backup_thread);
}

/* Puts an opened database (or why it could not be opened) to use: the store, the day's
 * backup, this year's review cycles; or, in the Team area, what went wrong and what can be
 * done about it. Takes @db, or @open_error when @db is %NULL. */
static void
pathways_application_use_db (PathwaysApplication *self,
                             PathwaysDb          *db,
                             GError              *open_error)
{
  PathwaysWindow *window = pathways_application_get_window (self);
  g_autoptr(GError) error = open_error;

  self->db = db;
  if (self->db != NULL)
    self->store = pathways_store_new (self->db, &error);

  if (self->store == NULL)
    {
      g_autofree char *newest = pathways_db_dup_newest_backup (self->db_path);
      const char *title = _("Your Records Can’t Be Opened");
      gboolean corrupt = g_error_matches (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT);

      g_clear_object (&self->db);
      if (corrupt)
        title = _("Your Records File Is Damaged");
      else if (g_error_matches (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_NEWER_SCHEMA))
        title = _("Made by a Newer Pathways");
      g_printerr ("%s\n", error->message);
      if (window != NULL)
        pathways_window_show_store_error (window, title, error->message,
                                          corrupt && newest != NULL, corrupt);
      return;
    }

  /* Deleted people stay until the next start, so their deletion can be undone. */
  if (!pathways_store_purge_deleted (self->store, &error))
    g_debug ("Deleted people not purged: %s", error->message);
  pathways_application_start_daily_backup (self);

  /* Review cycles: the handbook's three a year, unless this year has some already. */
  {
    g_autoptr(GDateTime) now = pathways_now_local ();
    g_autoptr(GError) cycle_error = NULL;

    if (!pathways_store_ensure_cycles (self->store, g_date_time_get_year (now), &cycle_error))
      g_debug ("Review cycles not added: %s", cycle_error->message);
  }

  if (self->load_sample_team
      && g_list_model_get_n_items (pathways_store_get_people (self->store)) == 0)
    {
      g_autoptr(GError) sample_error = NULL;

      if (!pathways_store_load_sample_team (self->store, &sample_error))
        g_printerr ("%s\n", sample_error->message);
    }

  if (window != NULL)
    pathways_window_set_store (window, self->store);
}

/* Opens the database now, on the main thread: after the person restored a backup or set a
 * damaged file aside, when the window is already up. */
static void
pathways_application_open_store (PathwaysApplication *self)
{
  g_autoptr(GError) error = NULL;
  PathwaysDb *db;

  pathways_application_close_store (self);
  db = pathways_db_open (self->db_path, &error);
  pathways_application_use_db (self, db, g_steal_pointer (&error));
}

static void
open_db_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  PathwaysDb *db = pathways_db_open (task_data, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

static void
db_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (object);
  g_autoptr(GError) error = NULL;
  PathwaysDb *db = g_task_propagate_pointer (G_TASK (result), &error);

  if (GPOINTER_TO_UINT (user_data) != self->store_serial)
    {
      g_clear_object (&db);
      return;
    }
  pathways_timing_mark ("store-opened", NULL);
  pathways_application_use_db (self, db, g_steal_pointer (&error));
}

/* Opens the database in a thread, for the window's first showing: SQLite's quick_check
 * reads the whole file (about 150 ms for 95 MB), and the window can paint meanwhile. */
static void
pathways_application_open_store_async (PathwaysApplication *self)
{
  g_autoptr(GTask) task = NULL;

  pathways_application_close_store (self);
  task = g_task_new (self, NULL, db_opened, GUINT_TO_POINTER (self->store_serial));
  g_task_set_source_tag (task, pathways_application_open_store_async);
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  g_task_run_in_thread (task, open_db_thread);
}

static PathwaysWindow *
pathways_application_ensure_window (PathwaysApplication *self)
{
  PathwaysWindow *window = pathways_application_get_window (self);

  if (window == NULL)
    {
      window = pathways_window_new (self);
      pathways_timing_watch_first_frame (GTK_WINDOW (window));
      pathways_application_open_store_async (self);
    }
  return window;
}

static const char *
pathways_application_get_db_path (PathwaysApplication *self)
{
  if (self->db_path == NULL)
    self->db_path = g_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                      "pathways.sqlite", NULL);
  return self->db_path;
}

static void
pathways_application_activate (GApplication *app)
{
  PathwaysWindow *window;

  pathways_application_get_db_path (PATHWAYS_APPLICATION (app));
  window = pathways_application_ensure_window (PATHWAYS_APPLICATION (app));
  pathways_window_open_remembered (window);
  gtk_window_present (GTK_WINDOW (window));
}

/* --print-ladder: runs in the calling process, before any window or database exists, so
 * scripts can use it without a display. */
static int
print_ladder (GVariantDict *options)
{
  const char *handbook_arg = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PathwaysHandbook) handbook = NULL;
  g_autoptr(PathwaysLadder) ladder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *json = NULL;

  if (g_variant_dict_lookup (options, "handbook", "^&ay", &handbook_arg))
    folder = g_file_new_for_commandline_arg (handbook_arg);
  else
    folder = pathways_application_dup_sample_dir ();
  folder_path = g_file_get_path (folder);

  handbook = pathways_handbook_new (folder);
  if (!pathways_handbook_load (handbook, NULL, &error)
      || (ladder = pathways_ladder_load (handbook, NULL, &error)) == NULL)
    {
      g_autofree char *message = g_strdelimit (g_strdup (error->message), "\n", ' ');

      g_printerr ("%s\n", message);
      return 1;
    }

  json = pathways_ladder_to_json (ladder, folder_path);
  /* Not g_print(): it would convert to the locale's charset, and JSON is UTF-8. */
  fputs (json, stdout);
  return 0;
}

/* The handbook --search looks in: --handbook, else the one the app last opened, else the
 * sample. */
static GFile *
dup_search_handbook (GVariantDict *options)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *handbook_arg = NULL;

  if (g_variant_dict_lookup (options, "handbook", "^&ay", &handbook_arg))
    return g_file_new_for_commandline_arg (handbook_arg);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *remembered = g_settings_get_string (settings, "handbook-folder");

      if (*remembered != '\0' && g_file_test (remembered, G_FILE_TEST_IS_DIR))
        return g_file_new_for_path (remembered);
    }

  return pathways_application_dup_sample_dir ();
}

static void
search_progress_cb (PathwaysSearchIndex *index,
                    guint                done,
                    guint                total,
                    gpointer             user_data)
{
  gint64 *last = user_data;
  gint64 now = g_get_monotonic_time ();

  if (done == total || now - *last > G_USEC_PER_SEC / 2)
    {
      /* Translators: progress of --search on the terminal */
      g_printerr (_("Indexing the handbook: %u of %u pages"), done, total);
      g_printerr ("\n");
      *last = now;
    }
}

static void
print_results (GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      g_autofree char *json = pathways_search_result_to_json (g_ptr_array_index (results, i));

      /* Not g_print(): JSON is UTF-8 whatever the locale. */
      fputs (json, stdout);
      fputc ('\n', stdout);
    }
}

/* --search: like --print-ladder, in the calling process and without a display. The
 * handbook's index is brought up to date first; the records are searched when the
 * database exists (it is never created for this). */
static int
search_command (GVariantDict *options)
{
  g_autoptr(GFile) folder = dup_search_handbook (options);
  g_autoptr(PathwaysHandbook) handbook = pathways_handbook_new (folder);
  g_autoptr(PathwaysSearchIndex) index = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = pathways_search_index_dup_cache_dir ();
  g_autofree char *db_path = NULL;
  const char *query = NULL;
  const char *profile = NULL;
  const char *limit_arg = NULL;
  gint64 last_progress = 0;
  guint64 limit = 20;

  g_variant_dict_lookup (options, "search", "&s", &query);
  /* A string: an int option of 0 would look the same as none given. */
  if (g_variant_dict_lookup (options, "limit", "&s", &limit_arg) &&
      !g_ascii_string_to_unsigned (limit_arg, 10, 1, 100000, &limit, NULL))
    {
      g_printerr ("%s\n", _("--limit must be a number from 1 to 100000."));
      return 2;
    }

  if (!pathways_handbook_load (handbook, NULL, &error) ||
      (index = pathways_search_index_open (cache_dir, folder, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_signal_connect (index, "progress", G_CALLBACK (search_progress_cb), &last_progress);
  if (!pathways_search_index_update (index, handbook, NULL, &error) ||
      (results = pathways_search_index_query (index, query, (guint) limit, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  print_results (results);
  g_clear_pointer (&results, g_ptr_array_unref);

  if (g_variant_dict_lookup (options, "profile", "^&ay", &profile))
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (profile);
      g_autofree char *dir_path = g_file_get_path (dir);

      db_path = g_build_filename (dir_path, "pathways.sqlite", NULL);
    }
  else
    db_path = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "pathways.sqlite",
                                NULL);

  if (g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(PathwaysDb) db = pathways_db_open (db_path, &error);

      if (db == NULL ||
          (results = pathways_search_records (db, query, (guint) limit, &error)) == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      print_results (results);
    }

  fflush (stdout);
  return 0;
}

/* The application id a --profile folder runs under: APPLICATION_ID for the usual folder,
 * else APPLICATION_ID.Profile<hash of the folder's path>.
 *
 * Why: a second `pathways` hands its command line to the instance already running under
 * the same id, and an instance keeps the one database it opened. Under one id, a second
 * profile would be forwarded to the first instance and silently shown the first one's
 * records. With an id per folder, the same profile again reaches its own instance (and its
 * window), another profile starts an instance of its own. A name below APPLICATION_ID is
 * one a Flatpak sandbox lets the app own. The settings schema, icon and desktop file stay
 * on APPLICATION_ID. */
static char *
dup_profile_application_id (const char *profile)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (profile);
  g_autofree char *path = g_file_get_path (dir);
  g_autofree char *usual = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, NULL);
  g_autofree char *hash = NULL;

  if (path == NULL || g_strcmp0 (path, usual) == 0)
    return g_strdup (APPLICATION_ID);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  /* "Profile" first: a D-Bus name element must not start with a digit. */
  return g_strdup_printf ("%s.Profile%.16s", APPLICATION_ID, hash);
}

static int
pathways_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  const char *profile = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "pathways", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "print-ladder"))
    return print_ladder (options);
  if (g_variant_dict_contains (options, "search"))
    return search_command (options);

  /* Before registering: decides which running instance, if any, gets the command line. */
  if (g_variant_dict_lookup (options, "profile", "^&ay", &profile))
    {
      g_autofree char *id = dup_profile_application_id (profile);

      g_application_set_application_id (app, id);
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
  if (self->db_path == NULL)
    {
      const char *profile = NULL;

      if (g_variant_dict_lookup (options, "profile", "^&ay", &profile))
        {
          g_autoptr(GFile) dir = g_application_command_line_create_file_for_arg (command_line,
                                                                              profile);
          g_autofree char *dir_path = g_file_get_path (dir);

          self->db_path = g_build_filename (dir_path, "pathways.sqlite", NULL);
        }
      self->load_sample_team = g_variant_dict_contains (options, "sample-team");
    }
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (remaining != NULL && g_strv_length ((char **) remaining) > 1)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Give at most one page to open."));
      return 1;
    }

  pathways_application_get_db_path (self);
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
                        "copyright", _("© 2026 The Pathways authors"),
                        /* Translators: your names, one per line, as you want them credited */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = NULL;
  GtkWindow *preferences;

  /* Cycles live in the database: without one there is nothing to edit. */
  if (self->store == NULL)
    return;

  settings = g_settings_new (APPLICATION_ID);
  preferences = pathways_preferences_new (parent, self->store, settings);
  gtk_window_present (preferences);
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

static void
start_fresh_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PathwaysApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  /* The damaged file is kept, renamed, never overwritten. */
  pathways_application_close_store (self);
  aside = pathways_db_set_aside (self->db_path, &error);
  if (aside == NULL)
    {
      pathways_window_toast (pathways_application_get_window (self), error->message);
      return;
    }
  pathways_application_open_store (self);
}

static void
restore_file (PathwaysApplication *self,
              const char          *backup)
{
  PathwaysWindow *window = pathways_application_get_window (self);
  g_autoptr(GError) error = NULL;

  pathways_application_close_store (self);
  if (!pathways_db_restore (self->db_path, backup, &error))
    {
      pathways_application_open_store (self);
      pathways_window_toast (window, error->message);
      return;
    }
  pathways_application_open_store (self);
  if (self->store != NULL)
    pathways_window_toast (window, _("Your records were restored from the backup"));
}

static void
restore_newest_backup_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  PathwaysApplication *self = user_data;
  g_autofree char *newest = pathways_db_dup_newest_backup (self->db_path);

  if (newest != NULL)
    restore_file (self, newest);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
back_up_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PathwaysApplication) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL || self->db == NULL)
    return;
  if (!pathways_db_backup_to (self->db, path, &error))
    pathways_window_toast (pathways_application_get_window (self), error->message);
  else
    pathways_window_toast (pathways_application_get_window (self), _("Backup saved"));
}

#else
static void
back_up_response (GtkNativeDialog     *chooser,
                  int                  response,
                  PathwaysApplication *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && self->db != NULL)
    {
      if (!pathways_db_backup_to (self->db, path, &error))
        pathways_window_toast (pathways_application_get_window (self), error->message);
      else
        pathways_window_toast (pathways_application_get_window (self), _("Backup saved"));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}
#endif

static void
back_up_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  PathwaysApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (pathways_application_get_window (self));
  g_autoptr(GDateTime) now = pathways_now_local ();
  g_autofree char *name = g_date_time_format (now, "pathways-backup-%Y-%m-%d.sqlite");

  if (self->db == NULL)
    return;
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Back Up Your Records"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, parent, NULL, back_up_done, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser =
      gtk_file_chooser_native_new (_("Back Up Your Records"), parent,
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_signal_connect (chooser, "response", G_CALLBACK (back_up_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
restore_confirmed (AdwMessageDialog    *dialog,
                   const char          *response,
                   PathwaysApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "restore"))
    restore_file (self, path);
}

static void
confirm_restore (PathwaysApplication *self,
                 const char          *path)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (pathways_application_get_window (self)),
                                   _("Restore From This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Your records are replaced by the ones in “%s”. What you "
                                    "have now is kept as a backup first, so this can be "
                                    "undone."), path);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
restore_dialog_done (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PathwaysApplication) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    confirm_restore (self, path);
}
#else
static void
restore_response (GtkNativeDialog     *chooser,
                  int                  response,
                  PathwaysApplication *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    confirm_restore (self, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}
#endif

static void
restore_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  PathwaysApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (pathways_application_get_window (self));
  g_autofree char *backups = pathways_db_dup_backup_dir (self->db_path);
  g_autoptr(GFile) folder = g_file_new_for_path (backups);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Restore From a Backup"));
    gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_open (dialog, parent, NULL, restore_dialog_done, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser =
      gtk_file_chooser_native_new (_("Restore From a Backup"), parent,
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    g_signal_connect (chooser, "response", G_CALLBACK (restore_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

/* ---- debug actions: only with PATHWAYS_DEBUG_TIMING, for tests/bench/bench-app.py, which
 * runs them over D-Bus (`gapplication action`) to open what it times. ---- */

static void
debug_open (PathwaysApplication *self,
            PathwaysSearchResult *result)
{
  PathwaysWindow *window = pathways_application_get_window (self);

  if (window != NULL)
    pathways_window_open_search_result (window, result);
}

static void
debug_open_page_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  PathwaysSearchResult result = { .kind = PATHWAYS_SEARCH_HANDBOOK };

  result.page = (char *) g_variant_get_string (param, NULL);
  debug_open (user_data, &result);
}

static void
debug_show_person_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  PathwaysSearchResult result = { .kind = PATHWAYS_SEARCH_PERSON };

  result.person_id = g_variant_get_int64 (param);
  debug_open (user_data, &result);
}

static void
debug_open_meeting_action (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  PathwaysSearchResult result = { .kind = PATHWAYS_SEARCH_MEETING };

  g_variant_get (param, "(xx)", &result.person_id, &result.meeting_id);
  debug_open (user_data, &result);
}

/* The first text view on screen that the template calls @id, else the first editable one. */
static GtkWidget *
find_text_view (GtkWidget  *widget,
                const char *id)
{
  GtkWidget *found = NULL;

  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget))
      && (id == NULL || g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)),
                                   id) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_text_view (child, id);
  return found;
}

static void
debug_focus_notes_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  GtkWidget *window = GTK_WIDGET (pathways_application_get_window (user_data));
  GtkWidget *view;

  if (window == NULL)
    return;
  view = find_text_view (window, "shared_view");
  if (view == NULL)
    view = find_text_view (window, NULL);
  if (view != NULL)
    gtk_widget_grab_focus (view);
  pathways_timing_mark ("focused", "%s", view != NULL ? G_OBJECT_TYPE_NAME (view) : "nothing");
}

static const GActionEntry debug_actions[] = {
  { "debug-open-page", debug_open_page_action, "s" },
  { "debug-show-person", debug_show_person_action, "x" },
  { "debug-open-meeting", debug_open_meeting_action, "(xx)" },
  { "debug-focus-notes", debug_focus_notes_action },
};

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "start-fresh", start_fresh_action },
  { "restore-newest-backup", restore_newest_backup_action },
  { "back-up", back_up_action },
  { "restore", restore_action },
};

static void
pathways_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (pathways_application_parent_class)->startup (app);
  pathways_timing_mark ("startup", "%s", g_application_get_application_id (app));
  /* The icon stays the app's, whatever id a --profile instance runs under. */
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  if (pathways_timing_enabled ())
    g_action_map_add_action_entries (G_ACTION_MAP (app), debug_actions,
                                     G_N_ELEMENTS (debug_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
}

static void
pathways_application_shutdown (GApplication *app)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (app);

  G_APPLICATION_CLASS (pathways_application_parent_class)->shutdown (app);
  g_clear_object (&self->store);
  g_clear_object (&self->db);
}

static void
pathways_application_finalize (GObject *object)
{
  PathwaysApplication *self = PATHWAYS_APPLICATION (object);

  g_free (self->db_path);
  G_OBJECT_CLASS (pathways_application_parent_class)->finalize (object);
}

static void
pathways_application_class_init (PathwaysApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathways_application_finalize;
  app_class->shutdown = pathways_application_shutdown;

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
