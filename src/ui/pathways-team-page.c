/* pathways-team-page.c: the Team area — the manager's reports, and one of them in detail.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-team-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-form-dialog.h"
#include "pathways-person-page.h"
#include "pathways-person-row.h"
#include "pathways-team-overview.h"
#include "pathways-team-page.h"
#include "pathways-timing.h"

struct _PathwaysTeamPage
{
  GtkWidget           parent_instance;

  PathwaysStore      *store;
  GtkFilterListModel *visible_people;
  GtkCustomFilter    *archived_filter;
  GtkSingleSelection *selection;
  gboolean            show_archived;
  gboolean            has_error;

  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  AdwViewSwitcher    *switcher;
  AdwViewSwitcherBar *switcher_bar;
  GtkStack           *sidebar_stack;
  GtkListView        *people_list;
  AdwStatusPage      *nobody_page;
  AdwViewSwitcherTitle *content_title;
  GtkWidget          *person_menu_button;
  GtkStack           *content_stack;
  PathwaysTeamOverview *overview;
  PathwaysPersonPage *person_page;
  AdwStatusPage      *error_page;
  GtkWidget          *restore_button;
  GtkWidget          *start_fresh_button;
};

G_DEFINE_FINAL_TYPE (PathwaysTeamPage, pathways_team_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathways_team_page_toast (PathwaysTeamPage *self,
                          AdwToast         *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
pathways_team_page_toast_message (PathwaysTeamPage *self,
                                  const char       *message)
{
  g_debug ("%s", message);
  pathways_team_page_toast (self, adw_toast_new (message));
}

static GtkWindow *
parent_window (PathwaysTeamPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- what is shown ---- */

static PathwaysPerson *
pathways_team_page_get_selected (PathwaysTeamPage *self)
{
  return PATHWAYS_PERSON (gtk_single_selection_get_selected_item (self->selection));
}

static void
update_switcher_bar (PathwaysTeamPage *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_view_switcher_enabled (self->content_title) &&
                                    adw_view_switcher_title_get_title_visible (self->content_title));
}

static void
pathways_team_page_update (PathwaysTeamPage *self)
{
  PathwaysPerson *shown = pathways_person_page_get_person (self->person_page);
  guint n_all = self->store != NULL
                ? g_list_model_get_n_items (pathways_store_get_people (self->store)) : 0;
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->visible_people));
  gboolean archived = shown != NULL && pathways_person_get_archived (shown);

  if (self->has_error || self->store == NULL)
    {
      /* Without a store the records are still being opened (a fraction of a second at
       * start-up): nothing is said yet, rather than "No Reports Yet". */
      gtk_stack_set_visible_child_name (self->content_stack,
                                        self->has_error ? "error" : "overview");
      gtk_stack_set_visible_child_name (self->sidebar_stack, "nobody");
      adw_status_page_set_title (self->nobody_page, "");
      adw_status_page_set_description (self->nobody_page, NULL);
    }
  else if (n_all == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "welcome");
      gtk_stack_set_visible_child_name (self->sidebar_stack, "nobody");
      adw_status_page_set_title (self->nobody_page, _("No Reports Yet"));
      adw_status_page_set_description (self->nobody_page,
                                       _("People you add appear here."));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, shown != NULL ? "person"
                                                                           : "overview");
      gtk_stack_set_visible_child_name (self->sidebar_stack, n_visible > 0 ? "people"
                                                                          : "nobody");
      adw_status_page_set_title (self->nobody_page, _("Everyone Is Archived"));
      adw_status_page_set_description (self->nobody_page,
                                       _("Show archived people from the main menu."));
    }

  adw_view_switcher_title_set_title (self->content_title,
                                     shown != NULL ? pathways_person_get_name (shown)
                                                   : _("Team"));
  /* The person's tabs switch from the header only while a person is shown; from the bar
   * at the bottom when the header is too narrow for them. */
  adw_view_switcher_title_set_view_switcher_enabled (self->content_title, shown != NULL);
  update_switcher_bar (self);
  gtk_widget_set_visible (self->person_menu_button, shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.archive", shown != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.unarchive", shown != NULL && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.delete", shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.add-person", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.load-sample-team",
                                 self->store != NULL);
}

static void
pathways_team_page_show_person (PathwaysTeamPage *self,
                                PathwaysPerson   *person)
{
  gint64 requested = 0;

  if (pathways_timing_enabled () && person != NULL
      && person != pathways_person_page_get_person (self->person_page))
    requested = g_get_monotonic_time ();
  pathways_person_page_set_person (self->person_page, person);

  if (person != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PathwaysPerson) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                   i);
          if (item == person)
            {
              gtk_single_selection_set_selected (self->selection, i);
              break;
            }
        }
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  pathways_team_page_update (self);

  if (requested != 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             pathways_person_get_id (person));

      pathways_timing_report_next_paint (GTK_WIDGET (self->person_page), "person-shown", id,
                                         requested);
    }
}

static void
on_people_list_activate (PathwaysTeamPage *self,
                         guint             position,
                         GtkListView      *list)
{
  g_autoptr(PathwaysPerson) person = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                            position);

  pathways_team_page_show_person (self, person);
}

/**
 * pathways_team_page_show_search_result:
 * @self: a #PathwaysTeamPage
 * @result: a search result about a person or one of their records
 *
 * Selects the person and opens the place of the record.
 */
void
pathways_team_page_show_search_result (PathwaysTeamPage           *self,
                                       const PathwaysSearchResult *result)
{
  PathwaysPerson *person;

  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));

  if (self->store == NULL ||
      (person = pathways_store_lookup_person (self->store, result->person_id)) == NULL)
    return;

  pathways_team_page_show_person (self, person);
  pathways_person_page_show_search_result (self->person_page, result);
}

static void
on_overview_open_person (PathwaysTeamPage *self,
                         gint64            id,
                         const char       *tab)
{
  if (self->store == NULL)
    return;

  pathways_team_page_show_person (self, pathways_store_lookup_person (self->store, id));
  if (tab != NULL && pathways_person_page_get_person (self->person_page) != NULL)
    adw_view_stack_set_visible_child_name (pathways_person_page_get_view_stack (self->person_page),
                                           tab);
}

static void
on_people_changed (PathwaysTeamPage *self,
                   guint             position,
                   guint             removed,
                   guint             added,
                   GListModel       *model)
{
  PathwaysPerson *shown = pathways_person_page_get_person (self->person_page);
  gboolean still_there = FALSE;
  guint n = g_list_model_get_n_items (model);

  /* Someone deleted (or hidden as archived) is no longer shown on the right. */
  for (guint i = 0; shown != NULL && i < n && !still_there; i++)
    {
      g_autoptr(PathwaysPerson) item = g_list_model_get_item (model, i);
      still_there = item == shown;
    }
  if (shown != NULL && !still_there)
    pathways_person_page_set_person (self->person_page, NULL);

  /* Keep the selection on the person shown, wherever a rename moved them. */
  if (shown != NULL && still_there && pathways_team_page_get_selected (self) != shown)
    pathways_team_page_show_person (self, shown);
  pathways_team_page_update (self);
}

static void
setup_person_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, pathways_person_row_new (list_item));
}

static void
bind_person_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  pathways_person_row_set_person (PATHWAYS_PERSON_ROW (gtk_list_item_get_child (list_item)),
                                  gtk_list_item_get_item (list_item));
}

static void
unbind_person_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  pathways_person_row_set_person (PATHWAYS_PERSON_ROW (gtk_list_item_get_child (list_item)),
                                  NULL);
}

static gboolean
archived_filter_func (gpointer item,
                      gpointer user_data)
{
  PathwaysTeamPage *self = user_data;

  return self->show_archived || !pathways_person_get_archived (PATHWAYS_PERSON (item));
}

static void
on_person_archived_changed (PathwaysTeamPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->archived_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- adding people ---- */

typedef struct
{
  GtkEditable *name;
  GtkEditable *title;
  GtkEditable *start_date;
} AddDialog;

static char *
dup_stripped (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
add_dialog_validate (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  AddDialog *data = g_object_get_data (G_OBJECT (dialog), "add-dialog");
  g_autofree char *name = dup_stripped (data->name);
  g_autofree char *date = dup_stripped (data->start_date);
  gboolean date_ok = *date == '\0' || pathways_date_is_valid (date);

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (data->start_date), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->start_date), "error");
  adw_message_dialog_set_response_enabled (dialog, "accept", *name != '\0' && date_ok);
}

static gboolean
show_added_person_cb (gpointer user_data)
{
  PathwaysTeamPage *self = user_data;
  PathwaysPerson *person = g_object_get_data (G_OBJECT (self), "person-to-show");

  /* Someone new has nothing but a name yet: their details come first. */
  if (person != NULL && self->store != NULL)
    {
      adw_view_stack_set_visible_child_name (pathways_person_page_get_view_stack (self->person_page),
                                             "details");
      pathways_team_page_show_person (self, person);
    }
  g_object_set_data (G_OBJECT (self), "person-to-show", NULL);
  return G_SOURCE_REMOVE;
}

static void
add_dialog_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PathwaysTeamPage *self)
{
  AddDialog *data = g_object_get_data (G_OBJECT (dialog), "add-dialog");
  g_autoptr(PathwaysPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  PathwaysPerson *added;

  if (!g_str_equal (response, "accept") || self->store == NULL)
    return;

  name = dup_stripped (data->name);
  title = dup_stripped (data->title);
  date = dup_stripped (data->start_date);
  person = g_object_new (PATHWAYS_TYPE_PERSON,
                         "name", name,
                         "title", *title != '\0' ? title : NULL,
                         "start-date", *date != '\0' ? date : NULL,
                         NULL);
  added = pathways_store_add_person (self->store, person, &error);
  if (added == NULL)
    {
      pathways_team_page_toast_message (self, error->message);
      return;
    }
  /* Shown once the dialog is gone: GTK 4.8's accessibility bridge crashes when the page
   * fills in while the dialog that had the focus is being destroyed. */
  g_object_set_data_full (G_OBJECT (self), "person-to-show", g_object_ref (added),
                          g_object_unref);
  g_idle_add_full (G_PRIORITY_LOW, show_added_person_cb, g_object_ref (self), g_object_unref);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (widget);
  AddDialog *data = g_new0 (AddDialog, 1);
  AdwMessageDialog *dialog;

  dialog = pathways_form_dialog_new (widget, _("Add a Person"),
                                     _("Someone who reports to you. Everything else can be "
                                       "filled in later."), _("_Add"));
  data->name = pathways_form_dialog_add_entry (dialog, _("Name"), NULL);
  data->title = pathways_form_dialog_add_entry (dialog, _("Role or Title"), NULL);
  data->start_date = pathways_form_dialog_add_entry (dialog, _("Start Date (YYYY-MM-DD)"), NULL);
  g_object_set_data_full (G_OBJECT (dialog), "add-dialog", data, g_free);

  g_signal_connect (data->name, "changed", G_CALLBACK (add_dialog_validate), dialog);
  g_signal_connect (data->start_date, "changed", G_CALLBACK (add_dialog_validate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->name));
}

static void
sample_team_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PathwaysTeamPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "load") || self->store == NULL)
    return;
  if (!pathways_store_load_sample_team (self->store, &error))
    pathways_team_page_toast_message (self, error->message);
}

static void
load_sample_team_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self), _("Load a Sample Team?"),
                                   _("Six fictional people join your team so you can try "
                                     "Pathways out. Delete them whenever you like."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "load", _("_Load Sample Team"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "load",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "load");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sample_team_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- archiving and deleting ---- */

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (widget);
  PathwaysPerson *person = pathways_person_page_get_person (self->person_page);
  gboolean archive = g_str_equal (action_name, "team.archive");
  g_autoptr(GError) error = NULL;

  if (person == NULL)
    return;
  pathways_person_page_flush (self->person_page);
  if (!pathways_store_set_archived (self->store, person, archive, &error))
    pathways_team_page_toast_message (self, error->message);
  /* An archived person leaves the list unless archived people are shown. */
  on_person_archived_changed (self);
  pathways_team_page_update (self);
}

static void
pathways_team_page_undelete (PathwaysTeamPage *self,
                             gint64            id)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!pathways_store_undelete_person (self->store, id, &error))
    {
      pathways_team_page_toast_message (self, error->message);
      return;
    }
  pathways_team_page_show_person (self, pathways_store_lookup_person (self->store, id));
}

static void
on_undo_delete_clicked (AdwToast         *toast,
                        PathwaysTeamPage *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (toast), "person-id-value");

  pathways_team_page_undelete (self, *id);
}

static void
pathways_team_page_delete_now (PathwaysTeamPage *self,
                               PathwaysPerson   *person)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  gint64 id = pathways_person_get_id (person);

  pathways_person_page_flush (self->person_page);
  if (!pathways_store_delete_person (self->store, person, &error))
    {
      pathways_team_page_toast_message (self, error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), pathways_person_get_name (person));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The toast lives in the window's overlay, outside this page, where the page's own
   * actions can't be reached: its button calls back here instead. */
  g_object_set_data_full (G_OBJECT (toast), "person-id-value", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self,
                           0);
  pathways_team_page_toast (self, toast);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 PathwaysTeamPage *self)
{
  PathwaysPerson *person = g_object_get_data (G_OBJECT (dialog), "person");

  if (g_str_equal (response, "delete") && self->store != NULL)
    pathways_team_page_delete_now (self, person);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (widget);
  PathwaysPerson *person = pathways_person_page_get_person (self->person_page);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  guint records;

  if (person == NULL)
    return;

  /* People with records get a second chance; the others can still be undone from the toast. */
  records = pathways_store_count_records (self->store, person);
  if (records == 0)
    {
      pathways_team_page_delete_now (self, person);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), pathways_person_get_name (person));
  dialog = adw_message_dialog_new (parent_window (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Their %u record (notes, 1-on-1s, reviews) is "
                                               "deleted with them. To keep it, archive them "
                                               "instead.",
                                               "Their %u records (notes, 1-on-1s, reviews) are "
                                               "deleted with them. To keep them, archive them "
                                               "instead.", records),
                                  records);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  pathways_team_page_undelete (PATHWAYS_TEAM_PAGE (widget), g_variant_get_int64 (param));
}

static void
show_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* In a narrow window the overview has no room beside the list: a button shows it. */
static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (widget);

  pathways_team_page_show_person (self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* ---- object ---- */

static void
pathways_team_page_set_show_archived (PathwaysTeamPage *self,
                                      gboolean          show)
{
  if (self->show_archived == show)
    return;
  self->show_archived = show;
  gtk_filter_changed (GTK_FILTER (self->archived_filter),
                      show ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  pathways_team_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

static void
pathways_team_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_team_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      pathways_team_page_set_show_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_team_page_dispose (GObject *object)
{
  PathwaysTeamPage *self = PATHWAYS_TEAM_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (pathways_store_get_people (self->store), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_TEAM_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->visible_people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pathways_team_page_parent_class)->dispose (object);
}

static void
pathways_team_page_class_init (PathwaysTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_team_page_dispose;
  object_class->get_property = pathways_team_page_get_property;
  object_class->set_property = pathways_team_page_set_property;

  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PATHWAYS_TYPE_PERSON_PAGE);
  g_type_ensure (PATHWAYS_TYPE_TEAM_OVERVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-team-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, content);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, switcher);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, nobody_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, person_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, overview);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, person_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamPage, start_fresh_button);
  gtk_widget_class_bind_template_callback (widget_class, on_people_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_open_person);

  gtk_widget_class_install_action (widget_class, "team.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "team.load-sample-team", NULL,
                                   load_sample_team_action);
  gtk_widget_class_install_property_action (widget_class, "team.show-archived",
                                            "show-archived");
  gtk_widget_class_install_action (widget_class, "team.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "team.unarchive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "team.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "team.undo-delete", "x", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "team.show-people", NULL, show_people_action);
  gtk_widget_class_install_action (widget_class, "team.show-overview", NULL,
                                   show_overview_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "team.add-person", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "team.delete", NULL);
}

static void
pathways_team_page_init (PathwaysTeamPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->archived_filter = gtk_custom_filter_new (archived_filter_func, self, NULL);
  self->visible_people = gtk_filter_list_model_new (NULL, GTK_FILTER (self->archived_filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->visible_people)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_person_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_person_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_person_row), self);
  gtk_list_view_set_factory (self->people_list, factory);
  g_object_unref (factory);

  adw_view_switcher_title_set_stack (self->content_title,
                                     pathways_person_page_get_view_stack (self->person_page));
  adw_view_switcher_bar_set_stack (self->switcher_bar,
                                   pathways_person_page_get_view_stack (self->person_page));
  g_signal_connect_object (self->content_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  pathways_team_page_update (self);
}

/**
 * pathways_team_page_set_store:
 * @store: (nullable): the open store
 *
 * Shows the people of @store; clears any database error shown before.
 */
void
pathways_team_page_set_store (PathwaysTeamPage *self,
                              PathwaysStore    *store)
{
  GListModel *people;

  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));

  pathways_person_page_set_person (self->person_page, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (pathways_store_get_people (self->store), self);
  g_set_object (&self->store, store);
  pathways_person_page_set_store (self->person_page, store);
  pathways_team_overview_set_store (self->overview, store);
  self->has_error = FALSE;

  people = store != NULL ? pathways_store_get_people (store) : NULL;
  gtk_filter_list_model_set_model (self->visible_people, people);
  if (people != NULL)
    {
      g_signal_connect_object (people, "items-changed", G_CALLBACK (on_people_changed), self,
                               G_CONNECT_SWAPPED);
    }
  pathways_team_page_update (self);
}

/**
 * pathways_team_page_show_error:
 * @title: what went wrong, as a heading
 * @description: the details: which file, and what the person can do
 * @can_restore: whether a backup exists to restore
 * @can_start_fresh: whether starting a new database is offered
 *
 * Shows a database that could not be opened in place of the team.
 */
void
pathways_team_page_show_error (PathwaysTeamPage *self,
                               const char       *title,
                               const char       *description,
                               gboolean          can_restore,
                               gboolean          can_start_fresh)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));

  pathways_team_page_set_store (self, NULL);
  self->has_error = TRUE;
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->restore_button, can_restore);
  gtk_widget_set_visible (self->start_fresh_button, can_start_fresh);
  pathways_team_page_update (self);
}

void
pathways_team_page_set_view_stack (PathwaysTeamPage *self,
                                   AdwViewStack     *stack)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));
  adw_view_switcher_set_stack (self->switcher, stack);
}

/**
 * pathways_team_page_flush:
 *
 * Saves any edit still waiting for its autosave (the window is closing).
 */
void
pathways_team_page_flush (PathwaysTeamPage *self)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));
  pathways_person_page_flush (self->person_page);
}

/**
 * pathways_team_page_set_ladder:
 * @ladder: (nullable): the open handbook's ladder; borrowed until the next call
 */
void
pathways_team_page_set_ladder (PathwaysTeamPage     *self,
                               const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));
  pathways_person_page_set_ladder (self->person_page, ladder);
  pathways_team_overview_set_ladder (self->overview, ladder);
}

/**
 * pathways_team_page_set_guide:
 * @guide: (nullable): the open handbook's 1-on-1 guide; borrowed until the next call
 */
void
pathways_team_page_set_guide (PathwaysTeamPage    *self,
                              const PathwaysGuide *guide)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));
  pathways_person_page_set_guide (self->person_page, guide);
}

void
pathways_team_page_set_settings (PathwaysTeamPage *self,
                                 GSettings        *settings)
{
  g_return_if_fail (PATHWAYS_IS_TEAM_PAGE (self));
  pathways_person_page_set_settings (self->person_page, settings);
}
