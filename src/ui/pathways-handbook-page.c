/* pathways-handbook-page.c: the Handbook area — page tree, rendered page, history, find.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-handbook-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-application.h"
#include "pathways-handbook-page.h"
#include "pathways-ladder-page.h"
#include "pathways-page-row.h"
#include "pathways-timing.h"

#define ZOOM_STEP 0.1
#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0

typedef struct
{
  char *path;
  char *anchor;
} HistoryEntry;

typedef enum
{
  OPEN_PUSH,     /* a new place: history forward is dropped */
  OPEN_HISTORY,  /* back or forward: history stays as it is */
  OPEN_RELOAD,   /* the same page changed on disk: keep the scroll position */
} OpenMode;

struct _PathwaysHandbookPage
{
  GtkWidget             parent_instance;

  GSettings            *settings;
  PathwaysHandbook     *handbook;
  GFile                *folder;
  gboolean              is_sample;
  GCancellable         *load_cancellable;
  GCancellable         *page_cancellable;
  char                 *highlight_anchor;  /* to tint when the page being loaded shows */
  guint                 reflow_timeout;
  guint                 scroll_tree_idle;
  /* Only the first handbook shown waits for the window's first frame (handbook_loaded). */
  gboolean              shown_a_handbook;
  char                 *pending_page;      /* the page asked for, while it waits */
  GdkFrameClock        *pending_clock;
  gulong                pending_paint_handler;
  guint                 pending_timeout;

  char                 *current_page;
  char                 *page_title_text;
  char                 *status_text;
  GPtrArray            *history;        /* HistoryEntry* */
  guint                 history_index;  /* the entry shown */

  GtkTreeListModel     *tree_model;
  GListStore           *all_pages;      /* flat list of page nodes, for filtering */
  GtkFilterListModel   *filtered_pages;
  GtkCustomFilter      *page_filter;
  GtkSingleSelection   *selection;
  char                 *filter_text;    /* casefolded */

  /* template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwViewSwitcher      *switcher;
  GtkLabel             *folder_label;
  GtkSearchEntry       *filter_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *page_list;
  AdwWindowTitle       *page_title;
  GtkToggleButton      *find_button;
  GtkMenuButton        *outline_button;
  GtkPopover           *outline_popover;
  GtkListBox           *outline_list;
  GtkSearchBar         *find_bar;
  GtkSearchEntry       *find_entry;
  GtkLabel             *find_status;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  GtkStack             *content_stack;
  PathwaysMarkdownView *view;
  GtkRevealer          *link_revealer;
  GtkLabel             *link_label;
  AdwStatusPage        *status_page;
  PathwaysLadderPage   *ladder_page;
  GtkWidget            *ladder_button;
  const PathwaysLadder *ladder;  /* borrowed: the window keeps it alive */
};

G_DEFINE_FINAL_TYPE (PathwaysHandbookPage, pathways_handbook_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENT_PAGE,
  PROP_PAGE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  HANDBOOK_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void pathways_handbook_page_open_page (PathwaysHandbookPage *self,
                                              const char           *path,
                                              const char           *anchor,
                                              OpenMode              mode);

static void
history_entry_free (gpointer data)
{
  HistoryEntry *entry = data;

  g_free (entry->path);
  g_free (entry->anchor);
  g_free (entry);
}

static void
pathways_handbook_page_toast (PathwaysHandbookPage *self,
                              const char           *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  g_debug ("%s", message);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
pathways_handbook_page_set_notice (PathwaysHandbookPage *self,
                                   const char           *notice)
{
  gtk_label_set_text (self->notice_label, notice != NULL ? notice : "");
  gtk_revealer_set_reveal_child (self->notice_revealer, notice != NULL);
}

static void
pathways_handbook_page_show_status (PathwaysHandbookPage *self,
                                    const char           *icon_name,
                                    const char           *title,
                                    const char           *description,
                                    gboolean              offer_folders)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (adw_status_page_get_child (self->status_page), offer_folders);
  gtk_stack_set_visible_child_name (self->content_stack, "status");
  pathways_handbook_page_set_notice (self, NULL);

  g_free (self->status_text);
  self->status_text = g_strdup_printf ("%s\n%s", title, description != NULL ? description : "");
}

static void
pathways_handbook_page_update_actions (PathwaysHandbookPage *self)
{
  gboolean has_page = self->current_page != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handbook.back",
                                 self->history->len > 0
                                 && (self->history_index > 0
                                     || g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack),
                                                   "ladder") == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handbook.forward",
                                 self->history->len > 0
                                 && self->history_index + 1 < self->history->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handbook.find", has_page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), has_page);
}

static void
pathways_handbook_page_set_page_title (PathwaysHandbookPage *self,
                                       const char           *title)
{
  if (g_strcmp0 (self->page_title_text, title) == 0)
    return;
  g_free (self->page_title_text);
  self->page_title_text = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_TITLE]);
}

/* ---- the sidebar ---- */

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  GListModel *children = pathways_page_node_get_children (PATHWAYS_PAGE_NODE (item));

  /* A folder holding only its index page shows no expander arrow. */
  if (children == NULL || g_list_model_get_n_items (children) == 0)
    return NULL;
  return g_object_ref (children);
}

static PathwaysPageNode *
node_for_item (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    return PATHWAYS_PAGE_NODE (gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item)));
  return g_object_ref (PATHWAYS_PAGE_NODE (item));
}

static void
setup_page_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, pathways_page_row_new (list_item));
}

static void
bind_page_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  pathways_page_row_bind (PATHWAYS_PAGE_ROW (gtk_list_item_get_child (list_item)),
                          gtk_list_item_get_item (list_item));
}

static gboolean
page_filter_func (gpointer item,
                  gpointer user_data)
{
  PathwaysHandbookPage *self = user_data;
  PathwaysPageNode *node = PATHWAYS_PAGE_NODE (item);
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;

  if (self->filter_text == NULL)
    return TRUE;
  title = g_utf8_casefold (pathways_page_node_get_title (node), -1);
  path = g_utf8_casefold (pathways_page_node_get_path (node), -1);
  return strstr (title, self->filter_text) != NULL || strstr (path, self->filter_text) != NULL;
}

static void
collect_pages (GListModel *model,
               GListStore *into)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (model, i);
      GListModel *children = pathways_page_node_get_children (node);

      if (pathways_page_node_get_page_path (node) != NULL)
        g_list_store_append (into, node);
      if (children != NULL)
        collect_pages (children, into);
    }
}

static void
pathways_handbook_page_rebuild_page_list (PathwaysHandbookPage *self)
{
  g_list_store_remove_all (self->all_pages);
  if (self->handbook != NULL)
    collect_pages (pathways_handbook_get_tree (self->handbook), self->all_pages);
}

static void
pathways_handbook_page_update_list_model (PathwaysHandbookPage *self)
{
  GListModel *model;

  if (self->filter_text != NULL)
    model = G_LIST_MODEL (self->filtered_pages);
  else
    model = self->tree_model != NULL ? G_LIST_MODEL (self->tree_model) : NULL;

  if (gtk_single_selection_get_model (self->selection) != model)
    gtk_single_selection_set_model (self->selection, model);

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    self->filter_text != NULL
                                    && g_list_model_get_n_items (G_LIST_MODEL (self->filtered_pages)) == 0
                                    ? "no-match" : "tree");
}

static void
on_filter_changed (PathwaysHandbookPage *self,
                   GtkSearchEntry       *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->filter_text, g_free);
  if (*stripped != '\0')
    self->filter_text = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->page_filter), GTK_FILTER_CHANGE_DIFFERENT);
  pathways_handbook_page_update_list_model (self);
}

static void
pathways_handbook_page_activate_node (PathwaysHandbookPage *self,
                                      PathwaysPageNode     *node)
{
  const char *page_path = pathways_page_node_get_page_path (node);

  if (page_path != NULL)
    {
      pathways_handbook_page_open_page (self, page_path, NULL, OPEN_PUSH);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
}

static void
on_filter_activate (PathwaysHandbookPage *self,
                    GtkSearchEntry       *entry)
{
  g_autoptr(PathwaysPageNode) node = NULL;

  /* Enter in the filter opens the first match, as in a launcher. */
  if (self->filter_text == NULL
      || g_list_model_get_n_items (G_LIST_MODEL (self->filtered_pages)) == 0)
    return;
  node = g_list_model_get_item (G_LIST_MODEL (self->filtered_pages), 0);
  pathways_handbook_page_activate_node (self, node);
}

static void
on_filter_stop (PathwaysHandbookPage *self,
                GtkSearchEntry       *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_page_list_activate (PathwaysHandbookPage *self,
                       guint                 position,
                       GtkListView          *list)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  g_autoptr(PathwaysPageNode) node = NULL;

  if (item == NULL)
    return;
  node = node_for_item (item);
  if (GTK_IS_TREE_LIST_ROW (item) && pathways_page_node_is_folder (node))
    {
      GtkTreeListRow *row = GTK_TREE_LIST_ROW (item);

      /* A folder with an index page opens it and unfolds; one without just toggles. */
      if (pathways_page_node_get_page_path (node) == NULL)
        {
          gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
          return;
        }
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  pathways_handbook_page_activate_node (self, node);
}

static gboolean
scroll_tree_to_selection_cb (gpointer user_data)
{
  PathwaysHandbookPage *self = user_data;
  guint selected = gtk_single_selection_get_selected (self->selection);

  self->scroll_tree_idle = 0;
  /* GtkListView learns scroll_to() only in GTK 4.12; its action does the same. Rows just
   * unfolded are only known to the view after a layout pass, hence the idle. */
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->page_list), "list.scroll-to-item", "u",
                                selected);
  return G_SOURCE_REMOVE;
}

/* Shows @path as the selected row, unfolding the folders above it. */
static void
pathways_handbook_page_select_in_sidebar (PathwaysHandbookPage *self,
                                          const char           *path)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) prefix = g_string_new (NULL);
  guint n;

  if (self->tree_model == NULL || self->filter_text != NULL)
    return;

  parts = g_strsplit (path, "/", -1);
  for (guint p = 0; parts[p] != NULL && parts[p + 1] != NULL; p++)
    {
      if (prefix->len > 0)
        g_string_append_c (prefix, '/');
      g_string_append (prefix, parts[p]);

      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
          g_autoptr(PathwaysPageNode) node = gtk_tree_list_row_get_item (row);

          if (pathways_page_node_is_folder (node)
              && g_strcmp0 (pathways_page_node_get_path (node), prefix->str) == 0)
            {
              gtk_tree_list_row_set_expanded (row, TRUE);
              break;
            }
        }
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(PathwaysPageNode) node = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (pathways_page_node_get_page_path (node), path) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          g_clear_handle_id (&self->scroll_tree_idle, g_source_remove);
          self->scroll_tree_idle = g_idle_add (scroll_tree_to_selection_cb, self);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* ---- the outline ---- */

static void
pathways_handbook_page_fill_outline (PathwaysHandbookPage      *self,
                                     const PathwaysMarkdownDoc *doc)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
    gtk_list_box_remove (self->outline_list, child);

  for (guint i = 0; doc != NULL && i < doc->headings->len; i++)
    {
      const PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);
      GtkWidget *label;
      GtkWidget *row;

      /* Deep headings make a long page's outline unreadable. */
      if (heading->level > 4)
        continue;
      label = gtk_label_new (heading->text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_widget_set_margin_start (label, 6 + 16 * (heading->level - 1));
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      if (heading->level == 1)
        gtk_widget_add_css_class (label, "heading");
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "heading-index", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->outline_list, row);
      shown++;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->outline_button), shown > 0);
}

static void
on_outline_row_activated (PathwaysHandbookPage *self,
                          GtkListBoxRow        *row,
                          GtkListBox           *list)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "heading-index"));

  gtk_popover_popdown (self->outline_popover);
  pathways_markdown_view_scroll_to_heading (self->view, index);
}

/* ---- find in page ---- */

static void
pathways_handbook_page_update_find_status (PathwaysHandbookPage *self,
                                           guint                 count)
{
  g_autofree char *status = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  if (*text == '\0')
    status = g_strdup ("");
  else if (count == 0)
    status = g_strdup (_("No matches"));
  else
    /* Translators: the position of the current match among all matches in the page */
    status = g_strdup_printf (_("%u of %u"),
                              pathways_markdown_view_get_find_position (self->view), count);
  gtk_label_set_text (self->find_status, status);
  if (count == 0 && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

static guint
pathways_handbook_page_refind (PathwaysHandbookPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  guint count = pathways_markdown_view_find (self->view, text);

  pathways_handbook_page_update_find_status (self, count);
  g_object_set_data (G_OBJECT (self->find_entry), "count", GUINT_TO_POINTER (count));
  return count;
}

static void
on_find_changed (PathwaysHandbookPage *self,
                 GtkSearchEntry       *entry)
{
  pathways_handbook_page_refind (self);
}

static void
pathways_handbook_page_find_step (PathwaysHandbookPage *self,
                                  gboolean              backwards)
{
  guint count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->find_entry), "count"));

  pathways_markdown_view_find_next (self->view, backwards);
  pathways_handbook_page_update_find_status (self, count);
}

static void
on_find_activate (PathwaysHandbookPage *self,
                  GtkSearchEntry       *entry)
{
  pathways_handbook_page_find_step (self, FALSE);
}

static void
on_find_next (PathwaysHandbookPage *self)
{
  pathways_handbook_page_find_step (self, FALSE);
}

static void
on_find_previous (PathwaysHandbookPage *self)
{
  pathways_handbook_page_find_step (self, TRUE);
}

static void
on_find_stop (PathwaysHandbookPage *self,
              GtkSearchEntry       *entry)
{
  gtk_toggle_button_set_active (self->find_button, FALSE);
}

static void
on_find_mode_changed (PathwaysHandbookPage *self,
                      GParamSpec           *pspec,
                      GtkSearchBar         *bar)
{
  if (gtk_search_bar_get_search_mode (bar))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* Only move the focus when it isn't there yet: grabbing it again selects the whole
       * entry, and what is typed next (perhaps already) would replace it. */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->find_entry)))
        gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
      pathways_handbook_page_refind (self);
    }
  else
    {
      /* The last match stays selected: Enter on it follows a link there. */
      pathways_markdown_view_find (self->view, "");
      gtk_toggle_button_set_active (self->find_button, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
}

/* ---- links ---- */

static void
pathways_handbook_page_launch (PathwaysHandbookPage *self,
                               const char           *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           NULL, NULL, NULL);
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
#endif
}

/* Whether the file a link leads to is a program or something that would run one (a script,
 * a launcher, an installer): those are not handed to the system, whose handler for them
 * may run them. When it can't be told, it counts as one. */
static gboolean
file_is_program (const char *uri)
{
  static const char * const program_types[] = {
    "application/x-executable", "application/x-sharedlib", "application/x-shellscript",
    "application/x-desktop", "application/x-ms-dos-executable", "application/x-msi",
    "application/java-archive", "application/vnd.appimage", "application/x-perl",
    "text/x-python", "application/x-ruby", "application/x-bat",
  };
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || (type = g_file_info_get_content_type (info)) == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (program_types); i++)
    if (g_content_type_is_a (type, program_types[i]))
      return TRUE;
  /* An unknown binary marked executable is a program too. */
  return g_content_type_is_unknown (type) &&
         (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0111) != 0;
}

static void
on_link_activated (PathwaysHandbookPage *self,
                   const char           *href,
                   PathwaysMarkdownView *view)
{
  g_autofree char *target = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *message = NULL;
  PathwaysLinkKind kind;

  if (self->handbook == NULL || self->current_page == NULL)
    return;

  kind = pathways_handbook_resolve_link (self->handbook, self->current_page, href,
                                         &target, &anchor);
  switch (kind)
    {
    case PATHWAYS_LINK_PAGE:
      pathways_handbook_page_open_page (self, target, anchor, OPEN_PUSH);
      break;

    case PATHWAYS_LINK_ANCHOR:
      pathways_handbook_page_open_page (self, self->current_page, anchor, OPEN_PUSH);
      break;

    case PATHWAYS_LINK_FILE:
      if (file_is_program (target))
        {
          message = g_strdup_printf (_("“%s” was not opened: it is a program or script, and "
                                       "Pathways does not run programs"), href);
          pathways_handbook_page_toast (self, message);
          break;
        }
      pathways_handbook_page_launch (self, target);
      break;

    case PATHWAYS_LINK_EXTERNAL:
      pathways_handbook_page_launch (self, target);
      break;

    case PATHWAYS_LINK_MISSING:
      message = g_strdup_printf (_("“%s” is not a page of this handbook"), href);
      pathways_handbook_page_toast (self, message);
      break;

    case PATHWAYS_LINK_REFUSED:
    default:
      if (g_uri_peek_scheme (href) != NULL)
        message = g_strdup_printf (_("“%s” was not opened: only web and email links open "
                                     "outside Pathways"), href);
      else
        message = g_strdup_printf (_("“%s” was not opened: it points outside the handbook "
                                     "folder"), href);
      pathways_handbook_page_toast (self, message);
      break;
    }
}

static gboolean
reflow_timeout_cb (gpointer user_data)
{
  PathwaysHandbookPage *self = user_data;

  self->reflow_timeout = 0;
  /* A page is on its way (a link was followed): it is laid out for the width it finds.
   * Reloading the page on screen now would cancel it, and the click would be lost. */
  if (self->page_cancellable != NULL)
    return G_SOURCE_REMOVE;
  if (self->current_page != NULL && self->status_text == NULL)
    pathways_handbook_page_open_page (self, self->current_page, NULL, OPEN_RELOAD);
  return G_SOURCE_REMOVE;
}

/* The window was resized: lay images and tables out again once resizing pauses. */
static void
on_reflow_needed (PathwaysHandbookPage *self,
                  PathwaysMarkdownView *view)
{
  g_clear_handle_id (&self->reflow_timeout, g_source_remove);
  self->reflow_timeout = g_timeout_add (250, reflow_timeout_cb, self);
}

static void
on_link_hovered (PathwaysHandbookPage *self,
                 const char           *href,
                 PathwaysMarkdownView *view)
{
  if (href != NULL)
    gtk_label_set_text (self->link_label, href);
  gtk_revealer_set_reveal_child (self->link_revealer, href != NULL);
}

/* ---- pages ---- */

typedef struct
{
  char     *path;
  char     *anchor;
  OpenMode  mode;
  double    scroll;
  gint64    requested;  /* g_get_monotonic_time(), for PATHWAYS_DEBUG_TIMING */
} OpenPageData;

static void
open_page_data_free (gpointer data)
{
  OpenPageData *op = data;

  g_free (op->path);
  g_free (op->anchor);
  g_free (op);
}

static void
parse_page_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GBytes *bytes = g_object_get_data (G_OBJECT (task), "bytes");
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  PathwaysMarkdownDoc *doc;

  doc = pathways_markdown_doc_parse (text != NULL ? text : "", len,
                                     PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  g_task_return_pointer (task, doc, (GDestroyNotify) pathways_markdown_doc_free);
}

static void
pathways_handbook_page_push_history (PathwaysHandbookPage *self,
                                     const char           *path,
                                     const char           *anchor)
{
  HistoryEntry *entry;

  if (self->history->len > 0)
    {
      HistoryEntry *current = g_ptr_array_index (self->history, self->history_index);

      if (g_strcmp0 (current->path, path) == 0 && g_strcmp0 (current->anchor, anchor) == 0)
        return;
      g_ptr_array_set_size (self->history, self->history_index + 1);
    }
  entry = g_new0 (HistoryEntry, 1);
  entry->path = g_strdup (path);
  entry->anchor = g_strdup (anchor);
  g_ptr_array_add (self->history, entry);
  self->history_index = self->history->len - 1;
}

static char *
format_notice (const PathwaysMarkdownDoc *doc)
{
  g_autoptr(GString) notice = g_string_new (NULL);

  if (doc->truncated)
    {
      g_autofree char *size = g_format_size (doc->source_len);
      g_autofree char *shown = g_format_size (PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);

      g_string_append_printf (notice, _("This page is very large (%s): only its first %s are "
                                        "shown."), size, shown);
    }
  if (doc->had_invalid_utf8 || doc->had_nul)
    {
      if (notice->len > 0)
        g_string_append_c (notice, ' ');
      g_string_append (notice, _("This page is not valid UTF-8 text: characters that could not "
                                 "be read are shown as “�”."));
    }
  return notice->len > 0 ? g_string_free (g_steal_pointer (&notice), FALSE) : NULL;
}

static void
parse_page_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (object);
  OpenPageData *op = g_task_get_task_data (G_TASK (result));
  g_autoptr(PathwaysMarkdownDoc) doc = NULL;
  g_autoptr(GFile) page_file = NULL;
  g_autoptr(GFile) base_dir = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *anchor_note = NULL;
  g_autofree char *display_path = NULL;
  PathwaysPageNode *node;
  const char *title;

  /* No page load is in flight any more, unless another one replaced this one. */
  if (g_task_get_cancellable (G_TASK (result)) == self->page_cancellable)
    g_clear_object (&self->page_cancellable);

  doc = g_task_propagate_pointer (G_TASK (result), NULL);
  if (doc == NULL || self->handbook == NULL)
    return;  /* cancelled: another page or handbook was asked for meanwhile */

  page_file = g_file_resolve_relative_path (self->folder, op->path);
  base_dir = g_file_get_parent (page_file);
  pathways_markdown_view_set_document (self->view, doc, base_dir, self->folder);
  pathways_timing_report_next_paint (GTK_WIDGET (self->view), "page-shown", op->path,
                                     op->requested);
  gtk_stack_set_visible_child_name (self->content_stack, "page");
  g_clear_pointer (&self->status_text, g_free);
  /* On a narrow window, the page replaces the page tree. */
  if (op->mode != OPEN_RELOAD)
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  if (op->mode == OPEN_RELOAD)
    {
      pathways_markdown_view_set_scroll_fraction (self->view, op->scroll);
    }
  else if (op->anchor != NULL && *op->anchor != '\0')
    {
      gboolean highlight = g_strcmp0 (op->anchor, self->highlight_anchor) == 0;

      g_clear_pointer (&self->highlight_anchor, g_free);
      if (highlight ? !pathways_markdown_view_highlight_anchor (self->view, op->anchor)
                    : !pathways_markdown_view_scroll_to_anchor (self->view, op->anchor))
        {
          anchor_note = g_strdup_printf (_("No section “%s” on this page: showing its top"),
                                         op->anchor);
          pathways_handbook_page_toast (self, anchor_note);
        }
    }

  notice = format_notice (doc);
  pathways_handbook_page_set_notice (self, notice);

  node = pathways_handbook_lookup (self->handbook, op->path);
  title = doc->title != NULL ? doc->title
          : node != NULL ? pathways_page_node_get_title (node) : op->path;
  adw_window_title_set_title (self->page_title, title);
  /* Page paths are file names, which need not be UTF-8: GTK warns about (and the markup
   * parser rejects) any text that is not. */
  display_path = g_filename_display_name (op->path);
  adw_window_title_set_subtitle (self->page_title, display_path);
  pathways_handbook_page_set_page_title (self, title);
  pathways_handbook_page_fill_outline (self, doc);

  if (op->mode == OPEN_PUSH)
    pathways_handbook_page_push_history (self, op->path, op->anchor);

  if (g_strcmp0 (self->current_page, op->path) != 0)
    {
      g_free (self->current_page);
      self->current_page = g_strdup (op->path);
      /* A GSettings string must be UTF-8: a page whose name is not isn't remembered. */
      if (self->settings != NULL && g_utf8_validate (op->path, -1, NULL))
        g_settings_set_string (self->settings, "last-page", op->path);
      else if (self->settings != NULL)
        g_settings_reset (self->settings, "last-page");
      pathways_handbook_page_select_in_sidebar (self, op->path);
    }

  if (gtk_search_bar_get_search_mode (self->find_bar))
    pathways_handbook_page_refind (self);

  pathways_handbook_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

static void
pathways_handbook_page_open_page (PathwaysHandbookPage *self,
                                  const char           *path,
                                  const char           *anchor,
                                  OpenMode              mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  OpenPageData *op;
  char *text;
  gsize len;
  gint64 requested = pathways_timing_enabled () ? g_get_monotonic_time () : 0;

  g_return_if_fail (self->handbook != NULL);

  /* A link to a heading of the page on screen only scrolls. */
  if (mode == OPEN_PUSH && g_strcmp0 (path, self->current_page) == 0
      && gtk_stack_get_visible_child_name (self->content_stack) != NULL
      && g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "page"))
    {
      if (anchor != NULL && !pathways_markdown_view_scroll_to_anchor (self->view, anchor))
        {
          g_autofree char *note = g_strdup_printf (_("No section “%s” on this page"), anchor);
          pathways_handbook_page_toast (self, note);
        }
      else if (anchor == NULL)
        pathways_markdown_view_set_scroll_fraction (self->view, 0);
      pathways_handbook_page_push_history (self, path, anchor);
      pathways_handbook_page_update_actions (self);
      return;
    }

  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);

  text = pathways_handbook_read_page (self->handbook, path, &len, &error);
  if (text == NULL)
    {
      g_autofree char *current = g_strdup (path);
      g_autofree char *display_path = g_filename_display_name (path);

      pathways_handbook_page_show_status (self, "dialog-warning-symbolic",
                                          _("Can’t Open This Page"), error->message, FALSE);
      adw_window_title_set_title (self->page_title, _("Can’t Open This Page"));
      adw_window_title_set_subtitle (self->page_title, display_path);
      pathways_handbook_page_fill_outline (self, NULL);
      if (mode == OPEN_PUSH)
        pathways_handbook_page_push_history (self, path, anchor);
      g_free (self->current_page);
      self->current_page = g_steal_pointer (&current);
      pathways_handbook_page_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
      return;
    }
  bytes = g_bytes_new_take (text, len);

  op = g_new0 (OpenPageData, 1);
  op->path = g_strdup (path);
  op->anchor = g_strdup (anchor);
  op->mode = mode;
  op->scroll = pathways_markdown_view_get_scroll_fraction (self->view);
  op->requested = requested;

  self->page_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->page_cancellable, parse_page_done, NULL);
  g_task_set_source_tag (task, pathways_handbook_page_open_page);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, op, open_page_data_free);
  g_object_set_data_full (G_OBJECT (task), "bytes", g_steal_pointer (&bytes),
                          (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_page_thread);
}

/* ---- the handbook ---- */

static void
on_page_changed (PathwaysHandbookPage *self,
                 const char           *path,
                 PathwaysHandbook     *handbook)
{
  if (g_strcmp0 (path, self->current_page) == 0)
    pathways_handbook_page_open_page (self, path, NULL, OPEN_RELOAD);
}

static void
on_page_removed (PathwaysHandbookPage *self,
                 const char           *path,
                 PathwaysHandbook     *handbook)
{
  if (g_strcmp0 (path, self->current_page) == 0)
    pathways_handbook_page_set_notice (self,
                                       _("This page was deleted or moved on disk. What you "
                                         "see is the last version that was read."));
}

static void
on_tree_changed (PathwaysHandbookPage *self,
                 PathwaysHandbook     *handbook)
{
  /* Pages came or went: whatever was read from them (the ladder) is read again. */
  g_signal_emit (self, signals[HANDBOOK_LOADED], 0, handbook);
  pathways_handbook_page_rebuild_page_list (self);
  pathways_handbook_page_update_list_model (self);
  if (self->current_page != NULL)
    pathways_handbook_page_select_in_sidebar (self, self->current_page);
}

/* The tree's top level: the home page first (the root's index page is not in the
 * handbook's tree, since the handbook itself stands for it), then the pages and folders. */
static GListModel *
create_root_model (PathwaysHandbook *handbook)
{
  GListModel *tree = pathways_handbook_get_tree (handbook);
  const char *home_path = pathways_handbook_get_home_page (handbook);
  PathwaysPageNode *home = home_path != NULL ? pathways_handbook_lookup (handbook, home_path)
                                             : NULL;
  g_autoptr(GListStore) home_store = g_list_store_new (PATHWAYS_TYPE_PAGE_NODE);
  GListStore *roots = g_list_store_new (G_TYPE_LIST_MODEL);
  guint n = g_list_model_get_n_items (tree);

  for (guint i = 0; home != NULL && i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (tree, i);

      if (node == home)
        home = NULL;
    }
  if (home != NULL)
    g_list_store_append (home_store, home);
  g_list_store_append (roots, home_store);
  g_list_store_append (roots, tree);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (roots)));
}

static void
pathways_handbook_page_show_handbook_error (PathwaysHandbookPage *self,
                                            const GError         *error)
{
  const char *title = _("Can’t Open the Handbook");

  if (g_error_matches (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NOT_FOUND))
    title = _("Handbook Folder Not Found");
  else if (g_error_matches (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NOT_A_FOLDER))
    title = _("Not a Folder");
  pathways_handbook_page_show_status (self, "folder-symbolic", title, error->message, TRUE);
}

static void install_handbook (PathwaysHandbookPage *self,
                              const char           *requested);

static void
cancel_pending_install (PathwaysHandbookPage *self)
{
  if (self->pending_clock != NULL)
    g_signal_handler_disconnect (self->pending_clock, self->pending_paint_handler);
  self->pending_paint_handler = 0;
  g_clear_object (&self->pending_clock);
  g_clear_handle_id (&self->pending_timeout, g_source_remove);
  g_clear_pointer (&self->pending_page, g_free);
}

static void
install_pending (PathwaysHandbookPage *self)
{
  g_autofree char *requested = g_steal_pointer (&self->pending_page);

  cancel_pending_install (self);
  install_handbook (self, requested);
}

static void
on_first_paint (GdkFrameClock        *clock,
                PathwaysHandbookPage *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;

  /* GTK may run a frame before the window is on screen: the one that counts is after. */
  if (surface != NULL && !gdk_surface_get_mapped (surface))
    {
      gtk_widget_queue_draw (GTK_WIDGET (native));
      return;
    }
  install_pending (self);
}

static gboolean
first_paint_timeout_cb (gpointer user_data)
{
  PathwaysHandbookPage *self = user_data;

  self->pending_timeout = 0;
  install_pending (self);
  return G_SOURCE_REMOVE;
}

static void
handbook_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PathwaysHandbook *handbook = PATHWAYS_HANDBOOK (object);
  g_autofree char *requested = user_data;
  g_autoptr(GError) error = NULL;
  PathwaysHandbookPage *self;
  GtkWidget *root;

  gboolean loaded = pathways_handbook_load_finish (handbook, result, &error);

  /* The page may have gone, or moved on to another handbook, meanwhile. */
  self = g_object_get_data (G_OBJECT (handbook), "handbook-page");
  if (self == NULL || self->handbook != handbook
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!loaded)
    {
      pathways_handbook_page_show_handbook_error (self, error);
      return;
    }

  /* Building the page tree and the first page of a big handbook takes a few hundred
   * milliseconds; at start-up the window shows itself (loading) first. The scan's result
   * comes at the default priority, above drawing's, so it would otherwise go first. A
   * timeout covers a window that never paints (hidden at once, say). */
  root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  if (!self->shown_a_handbook && root != NULL && gtk_widget_get_mapped (root)
      && gtk_widget_get_frame_clock (root) != NULL)
    {
      cancel_pending_install (self);
      self->pending_page = g_steal_pointer (&requested);
      self->pending_clock = g_object_ref (gtk_widget_get_frame_clock (root));
      self->pending_paint_handler = g_signal_connect (self->pending_clock, "after-paint",
                                                      G_CALLBACK (on_first_paint), self);
      self->pending_timeout = g_timeout_add (1000, first_paint_timeout_cb, self);
      gtk_widget_queue_draw (root);
      return;
    }
  install_handbook (self, requested);
}

/* Shows a freshly loaded handbook: its page tree, then the page asked for or its home. */
static void
install_handbook (PathwaysHandbookPage *self,
                  const char           *requested)
{
  PathwaysHandbook *handbook = self->handbook;
  const char *page = NULL;

  self->shown_a_handbook = TRUE;
  pathways_timing_mark ("handbook-loaded", "%u", pathways_handbook_get_n_pages (handbook));
  self->tree_model = gtk_tree_list_model_new (create_root_model (handbook), FALSE, FALSE,
                                              create_child_model, NULL, NULL);
  pathways_handbook_page_rebuild_page_list (self);
  pathways_handbook_page_update_list_model (self);

  g_signal_emit (self, signals[HANDBOOK_LOADED], 0, handbook);
  g_signal_connect_object (handbook, "page-changed", G_CALLBACK (on_page_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (handbook, "page-removed", G_CALLBACK (on_page_removed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (handbook, "tree-changed", G_CALLBACK (on_tree_changed), self,
                           G_CONNECT_SWAPPED);
  pathways_handbook_watch (handbook);

  if (pathways_handbook_get_n_pages (handbook) == 0)
    {
      g_autofree char *name = g_file_get_parse_name (self->folder);
      g_autofree char *description =
        g_strdup_printf (_("“%s” has no Markdown pages (.md). Choose the folder your "
                           "handbook is in, or try the sample handbook."), name);

      pathways_handbook_page_show_status (self, "folder-symbolic", _("No Pages Here"),
                                          description, TRUE);
      return;
    }

  if (requested != NULL)
    {
      if (pathways_handbook_lookup (handbook, requested) != NULL)
        page = requested;
      else
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a page of this handbook"),
                                                      requested);
          pathways_handbook_page_toast (self, message);
        }
    }
  if (page == NULL)
    page = pathways_handbook_get_home_page (handbook);
  pathways_handbook_page_open_page (self, page, NULL, OPEN_PUSH);
}

static char *
relative_page_arg (GFile      *folder,
                   const char *page)
{
  g_autoptr(GFile) file = NULL;
  char *relative;

  if (page == NULL)
    return NULL;
  if (!g_path_is_absolute (page))
    return g_strdup (page);
  /* An absolute path to a page inside the folder works too. */
  file = g_file_new_for_path (page);
  relative = g_file_get_relative_path (folder, file);
  return relative != NULL ? relative : g_strdup (page);
}

/**
 * pathways_handbook_page_open:
 * @folder: (nullable): the handbook folder; %NULL for the remembered one (or the sample)
 * @page: (nullable): a page relative to @folder; %NULL for the last page or the home page
 *
 * Loads a handbook in the background, then shows a page of it.
 */
void
pathways_handbook_page_open (PathwaysHandbookPage *self,
                             GFile                *folder,
                             const char           *page)
{
  g_autoptr(GFile) sample = pathways_application_dup_sample_dir ();
  g_autofree char *requested = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *name = NULL;
  g_autofree char *where = NULL;

  g_return_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self));

  if (self->settings != NULL)
    remembered = g_settings_get_string (self->settings, "handbook-folder");

  if (folder == NULL)
    folder = (remembered != NULL && *remembered != '\0') ? g_file_new_for_path (remembered)
                                                          : g_object_ref (sample);
  else
    g_object_ref (folder);

  requested = relative_page_arg (folder, page);
  /* Back where we were last time: the same page. */
  if (requested == NULL && self->settings != NULL && self->handbook == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-page");
      g_autofree char *path = g_file_get_path (folder);
      gboolean same = g_file_equal (folder, sample)
                      ? (remembered == NULL || *remembered == '\0')
                      : g_strcmp0 (path, remembered) == 0;

      if (same && *last != '\0')
        requested = g_steal_pointer (&last);
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  cancel_pending_install (self);
  if (self->handbook != NULL)
    g_signal_handlers_disconnect_by_data (self->handbook, self);
  g_clear_object (&self->handbook);
  g_clear_object (&self->tree_model);
  g_clear_pointer (&self->current_page, g_free);
  g_ptr_array_set_size (self->history, 0);
  self->history_index = 0;
  g_list_store_remove_all (self->all_pages);
  pathways_handbook_page_update_list_model (self);
  pathways_handbook_page_fill_outline (self, NULL);
  pathways_handbook_page_set_notice (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  g_set_object (&self->folder, folder);
  g_object_unref (folder);
  self->is_sample = g_file_equal (folder, sample);

  if (self->settings != NULL)
    {
      g_autofree char *path = g_file_get_path (folder);

      g_settings_set_string (self->settings, "handbook-folder",
                             self->is_sample || path == NULL ? "" : path);
    }

  name = self->is_sample ? g_strdup (_("Sample handbook")) : g_file_get_basename (folder);
  gtk_label_set_text (self->folder_label, name);
  where = g_file_get_parse_name (folder);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_label), where);
  adw_window_title_set_title (self->page_title, "");
  adw_window_title_set_subtitle (self->page_title, "");
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  pathways_handbook_page_update_actions (self);

  self->handbook = pathways_handbook_new (folder);
  g_object_set_data (G_OBJECT (self->handbook), "handbook-page", self);
  self->load_cancellable = g_cancellable_new ();
  pathways_handbook_load_async (self->handbook, self->load_cancellable, handbook_loaded,
                                g_steal_pointer (&requested));
}

/* ---- actions ---- */

#if !GTK_CHECK_VERSION (4, 10, 0)
static void
folder_chooser_response (GtkNativeDialog      *chooser,
                         int                   response,
                         PathwaysHandbookPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        pathways_handbook_page_open (self, folder, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}
#else
static void
folder_dialog_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PathwaysHandbookPage) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object),
                                                                  result, NULL);

  if (folder != NULL)
    pathways_handbook_page_open (self, folder, NULL);
}
#endif

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Handbook Folder"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  if (self->folder != NULL && !self->is_sample)
    gtk_file_dialog_set_initial_folder (dialog, self->folder);
  gtk_file_dialog_select_folder (dialog, parent, NULL, folder_dialog_done, g_object_ref (self));
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Handbook Folder"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->folder != NULL && !self->is_sample)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chooser_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
#endif
}

static void
use_sample_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_autoptr(GFile) sample = pathways_application_dup_sample_dir ();

  pathways_handbook_page_open (PATHWAYS_HANDBOOK_PAGE (widget), sample, NULL);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (widget);
  gboolean back = g_str_equal (action_name, "handbook.back");
  HistoryEntry *entry;

  /* Back from the ladder returns to the page that was on screen before it. */
  if (back && self->history->len > 0
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "ladder") == 0)
    {
      entry = g_ptr_array_index (self->history, self->history_index);
      g_clear_pointer (&self->current_page, g_free);
      pathways_handbook_page_open_page (self, entry->path, entry->anchor, OPEN_HISTORY);
      return;
    }
  if (back ? self->history_index == 0 : self->history_index + 1 >= self->history->len)
    return;
  self->history_index += back ? -1 : 1;
  entry = g_ptr_array_index (self->history, self->history_index);
  if (g_strcmp0 (entry->path, self->current_page) == 0
      && g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "page"))
    {
      if (entry->anchor == NULL || !pathways_markdown_view_scroll_to_anchor (self->view,
                                                                            entry->anchor))
        pathways_markdown_view_set_scroll_fraction (self->view, 0);
      pathways_handbook_page_update_actions (self);
      return;
    }
  pathways_handbook_page_open_page (self, entry->path, entry->anchor, OPEN_HISTORY);
  pathways_handbook_page_update_actions (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (widget);
  double zoom = pathways_markdown_view_get_zoom (self->view);

  if (g_str_equal (action_name, "handbook.zoom-in"))
    zoom = MIN (ZOOM_MAX, zoom + ZOOM_STEP);
  else if (g_str_equal (action_name, "handbook.zoom-out"))
    zoom = MAX (ZOOM_MIN, zoom - ZOOM_STEP);
  else
    zoom = 1.0;
  pathways_markdown_view_set_zoom (self->view, zoom);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (widget);

  gtk_toggle_button_set_active (self->find_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
show_pages_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* ---- the career ladder ---- */

static void
show_ladder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "ladder");
  adw_window_title_set_title (self->page_title, _("Career Ladder"));
  adw_window_title_set_subtitle (self->page_title, "");
  pathways_handbook_page_set_page_title (self, _("Career Ladder"));
  pathways_handbook_page_set_notice (self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  pathways_handbook_page_update_actions (self);
}

/**
 * pathways_handbook_page_show_section:
 * @self: a #PathwaysHandbookPage
 * @path: a page of the open handbook
 * @anchor: (nullable): a heading's id, or %NULL for the top of the page
 *
 * Opens @path at the section @anchor and tints its heading for a moment: where a search
 * result leads. Goes into the history like a followed link.
 */
void
pathways_handbook_page_show_section (PathwaysHandbookPage *self,
                                     const char           *path,
                                     const char           *anchor)
{
  GCancellable *loading;

  g_return_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->handbook == NULL)
    return;

  g_free (self->highlight_anchor);
  self->highlight_anchor = g_strdup (anchor);
  loading = self->page_cancellable;
  pathways_handbook_page_open_page (self, path, anchor, OPEN_PUSH);

  /* The page on screen only scrolls, at once: no new load started. */
  if (self->highlight_anchor != NULL && self->page_cancellable == loading &&
      g_strcmp0 (self->current_page, path) == 0)
    {
      pathways_markdown_view_highlight_anchor (self->view, anchor);
      g_clear_pointer (&self->highlight_anchor, g_free);
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_open_in_handbook (PathwaysHandbookPage *self,
                     const char           *page,
                     const char           *anchor,
                     PathwaysLadderPage   *ladder_page)
{
  if (self->handbook != NULL)
    pathways_handbook_page_open_page (self, page, anchor, OPEN_PUSH);
}

/**
 * pathways_handbook_page_set_ladder:
 * @ladder: (nullable): the ladder read from the open handbook; borrowed until the next call
 */
void
pathways_handbook_page_set_ladder (PathwaysHandbookPage *self,
                                   const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self));

  pathways_ladder_page_set_ladder (self->ladder_page, ladder);
  self->ladder = ladder;
  gtk_widget_set_visible (self->ladder_button, ladder != NULL);
}

/* The key of the open handbook in the "ladder-pages" setting. */
static char *
dup_ladder_pages_key (PathwaysHandbookPage *self)
{
  if (self->folder == NULL || self->is_sample)
    return g_strdup ("");
  return g_file_get_path (self->folder);
}

/**
 * pathways_handbook_page_dup_ladder_pages:
 *
 * Returns: (transfer full) (nullable): the pages chosen to hold the open handbook's ladder,
 *   or %NULL to detect them
 */
char **
pathways_handbook_page_dup_ladder_pages (PathwaysHandbookPage *self)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree char *key = NULL;
  char **pages = NULL;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self), NULL);

  if (self->settings == NULL)
    return NULL;
  all = g_settings_get_value (self->settings, "ladder-pages");
  key = dup_ladder_pages_key (self);
  if (!g_variant_lookup (all, key, "^as", &pages))
    return NULL;
  return pages;
}

static void
store_ladder_pages (PathwaysHandbookPage *self,
                    const char * const   *pages)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "ladder-pages");
  g_autofree char *key = dup_ladder_pages_key (self);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *folder;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &folder, &value))
    {
      if (!g_str_equal (folder, key))
        g_variant_builder_add (&builder, "{s@as}", folder, value);
      g_variant_unref (value);
    }
  if (pages != NULL)
    g_variant_builder_add (&builder, "{s^as}", key, pages);
  g_settings_set_value (self->settings, "ladder-pages", g_variant_builder_end (&builder));
}

static void
ladder_pages_response (AdwMessageDialog     *dialog,
                       const char           *response,
                       PathwaysHandbookPage *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  if (self->handbook == NULL || self->settings == NULL || g_str_equal (response, "cancel"))
    return;

  if (g_str_equal (response, "detect"))
    store_ladder_pages (self, NULL);
  else
    {
      for (guint i = 0; i < checks->len; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (checks, i);

          if (gtk_check_button_get_active (check))
            g_ptr_array_add (chosen, g_object_get_data (G_OBJECT (check), "page"));
        }
      g_ptr_array_add (chosen, NULL);
      store_ladder_pages (self, (const char * const *) chosen->pdata);
    }
  /* Read the ladder again, from the pages now chosen. */
  g_signal_emit (self, signals[HANDBOOK_LOADED], 0, self->handbook);
}

static gboolean
ladder_has_page (const PathwaysLadder *ladder,
                 const char           *page)
{
  for (guint i = 0; ladder != NULL && i < ladder->paths->len; i++)
    {
      const PathwaysPath *path = g_ptr_array_index (ladder->paths, i);

      if (g_strcmp0 (path->page, page) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
choose_ladder_pages_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *list;
  guint n;

  if (self->handbook == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Which Pages Hold the Ladder?"),
                                   _("Pathways looks for pages whose sections are levels with "
                                     "competencies or responsibilities. If it found the wrong "
                                     "ones, choose the pages of your career ladder."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  n = g_list_model_get_n_items (G_LIST_MODEL (self->all_pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (G_LIST_MODEL (self->all_pages), i);
      const char *page = pathways_page_node_get_page_path (node);
      g_autofree char *display_page = page != NULL ? g_filename_display_name (page) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pathways_page_node_get_title (node));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display_page);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ladder_has_page (self->ladder, page));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pathways_page_node_get_title (node), -1);
      g_object_set_data_full (G_OBJECT (check), "page", g_strdup (page), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (checks, check);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  g_object_set_data_full (G_OBJECT (dialog), "checks", checks,
                          (GDestroyNotify) g_ptr_array_unref);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "detect", _("_Detect Automatically"),
                                    "save", _("_Use These Pages"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (ladder_pages_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pathways_handbook_page_compare_levels:
 *
 * Shows two levels of the ladder side by side.
 */
void
pathways_handbook_page_compare_levels (PathwaysHandbookPage *self,
                                       const char           *path_a,
                                       const char           *level_a,
                                       const char           *path_b,
                                       const char           *level_b)
{
  g_return_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "handbook.show-ladder", NULL);
  pathways_ladder_page_compare (self->ladder_page, path_a, level_a, path_b, level_b);
}

/* ---- object ---- */

static void
pathways_handbook_page_dispose (GObject *object)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  cancel_pending_install (self);
  g_clear_handle_id (&self->reflow_timeout, g_source_remove);
  g_clear_handle_id (&self->scroll_tree_idle, g_source_remove);
  if (self->handbook != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->handbook, self);
      g_object_set_data (G_OBJECT (self->handbook), "handbook-page", NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_HANDBOOK_PAGE);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->page_cancellable);
  g_clear_pointer (&self->highlight_anchor, g_free);
  g_clear_object (&self->handbook);
  g_clear_object (&self->folder);
  g_clear_object (&self->settings);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered_pages);
  g_clear_object (&self->all_pages);

  G_OBJECT_CLASS (pathways_handbook_page_parent_class)->dispose (object);
}

static void
pathways_handbook_page_finalize (GObject *object)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_free (self->current_page);
  g_free (self->page_title_text);
  g_free (self->status_text);
  g_free (self->filter_text);

  G_OBJECT_CLASS (pathways_handbook_page_parent_class)->finalize (object);
}

static void
pathways_handbook_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PathwaysHandbookPage *self = PATHWAYS_HANDBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      g_value_set_string (value, self->current_page);
      break;

    case PROP_PAGE_TITLE:
      g_value_set_string (value, self->page_title_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_handbook_page_class_init (PathwaysHandbookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_handbook_page_dispose;
  object_class->finalize = pathways_handbook_page_finalize;
  object_class->get_property = pathways_handbook_page_get_property;

  /**
   * PathwaysHandbookPage:current-page:
   *
   * The path of the page on screen, notified once it is shown.
   */
  properties[PROP_CURRENT_PAGE] =
    g_param_spec_string ("current-page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PathwaysHandbookPage:page-title:
   *
   * The title of the page on screen, for the window's title.
   */
  properties[PROP_PAGE_TITLE] =
    g_param_spec_string ("page-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PathwaysHandbookPage::handbook-loaded:
   * @handbook: the handbook, its pages scanned
   *
   * A handbook was opened, or its set of pages changed.
   */
  signals[HANDBOOK_LOADED] =
    g_signal_new ("handbook-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PATHWAYS_TYPE_HANDBOOK);

  g_type_ensure (PATHWAYS_TYPE_MARKDOWN_VIEW);
  g_type_ensure (PATHWAYS_TYPE_LADDER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-handbook-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, content);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, switcher);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, folder_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, page_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, page_title);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, find_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, outline_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, outline_popover);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, outline_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, find_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, find_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, find_status);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, link_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, link_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, ladder_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysHandbookPage, ladder_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_in_handbook);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_page_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_find_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_link_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_link_hovered);
  gtk_widget_class_bind_template_callback (widget_class, on_reflow_needed);

  gtk_widget_class_install_action (widget_class, "handbook.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "handbook.use-sample", NULL, use_sample_action);
  gtk_widget_class_install_action (widget_class, "handbook.back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "handbook.forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "handbook.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "handbook.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "handbook.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "handbook.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "handbook.show-pages", NULL, show_pages_action);
  gtk_widget_class_install_action (widget_class, "handbook.show-ladder", NULL,
                                   show_ladder_action);
  gtk_widget_class_install_action (widget_class, "handbook.choose-ladder-pages", NULL,
                                   choose_ladder_pages_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "handbook.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "handbook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "handbook.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "handbook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0,
                                       "handbook.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "handbook.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "handbook.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "handbook.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "handbook.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "handbook.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "handbook.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "handbook.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "handbook.zoom-reset", NULL);
}

static void
pathways_handbook_page_init (PathwaysHandbookPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = g_ptr_array_new_with_free_func (history_entry_free);

  self->all_pages = g_list_store_new (PATHWAYS_TYPE_PAGE_NODE);
  self->page_filter = gtk_custom_filter_new (page_filter_func, self, NULL);
  self->filtered_pages = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->all_pages)),
                                                    GTK_FILTER (self->page_filter));
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->page_list, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_page_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_page_row), self);
  gtk_list_view_set_factory (self->page_list, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->find_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_find_mode_changed), self, G_CONNECT_SWAPPED);

  pathways_handbook_page_update_actions (self);
}

/**
 * pathways_handbook_page_set_settings:
 *
 * Gives the page the settings it remembers the folder, page and zoom in.
 */
void
pathways_handbook_page_set_settings (PathwaysHandbookPage *self,
                                     GSettings            *settings)
{
  g_return_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self));

  if (!g_set_object (&self->settings, settings))
    return;
  if (settings != NULL)
    g_settings_bind (settings, "zoom", self->view, "zoom", G_SETTINGS_BIND_DEFAULT);
}

PathwaysHandbook *
pathways_handbook_page_get_handbook (PathwaysHandbookPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self), NULL);
  return self->handbook;
}

const char *
pathways_handbook_page_get_current_page (PathwaysHandbookPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self), NULL);
  return self->current_page;
}

PathwaysMarkdownView *
pathways_handbook_page_get_view (PathwaysHandbookPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self), NULL);
  return self->view;
}

/**
 * pathways_handbook_page_get_notice:
 *
 * Returns: (nullable): the notice shown above the page (a large or damaged page, a page
 *   deleted on disk), or %NULL
 */
const char *
pathways_handbook_page_get_notice (PathwaysHandbookPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->notice_revealer))
    return NULL;
  return gtk_label_get_text (self->notice_label);
}

/**
 * pathways_handbook_page_set_view_stack:
 * @stack: the window's stack of areas, for the switcher in the sidebar's header
 */
void
pathways_handbook_page_set_view_stack (PathwaysHandbookPage *self,
                                       AdwViewStack         *stack)
{
  g_return_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self));
  adw_view_switcher_set_stack (self->switcher, stack);
}

/**
 * pathways_handbook_page_get_status:
 *
 * Returns: (nullable): the title and description of the error page shown instead of a
 *   page, or %NULL when a page is shown
 */
const char *
pathways_handbook_page_get_status (PathwaysHandbookPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK_PAGE (self), NULL);
  return self->status_text;
}
