/* pathways-page-row.c: one row of the handbook's page tree.
 *
 * The row is its own widget so that it can carry an "open" action: assistive technology
 * (and the end-to-end tests) activate rows through it, as the pointer does with a click.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-page-row"

#include "config.h"

#include "pathways-page-row.h"

struct _PathwaysPageRow
{
  GtkWidget    parent_instance;

  GtkListItem *list_item;  /* unowned: the list item owns the row */
  GtkWidget   *expander;
  GtkWidget   *title;
  GtkWidget   *location;
};

G_DEFINE_FINAL_TYPE (PathwaysPageRow, pathways_page_row, GTK_TYPE_WIDGET)

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysPageRow *self = PATHWAYS_PAGE_ROW (widget);

  if (self->list_item == NULL)
    return;
  gtk_widget_activate_action (widget, "list.activate-item", "u",
                              gtk_list_item_get_position (self->list_item));
}

static void
pathways_page_row_dispose (GObject *object)
{
  PathwaysPageRow *self = PATHWAYS_PAGE_ROW (object);

  g_clear_pointer (&self->expander, gtk_widget_unparent);

  G_OBJECT_CLASS (pathways_page_row_parent_class)->dispose (object);
}

static void
pathways_page_row_class_init (PathwaysPageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_page_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_widget_class_install_action (widget_class, "row.open", NULL, open_action);
}

static void
pathways_page_row_init (PathwaysPageRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);

  /* In the flat, filtered list the folder tells apart pages of the same name. */
  self->location = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->location), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->location), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (self->location, "caption");
  gtk_widget_add_css_class (self->location, "dim-label");

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->title);
  gtk_box_append (GTK_BOX (box), self->location);

  self->expander = gtk_tree_expander_new ();
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (self->expander), box);
  gtk_widget_set_parent (self->expander, GTK_WIDGET (self));
}

GtkWidget *
pathways_page_row_new (GtkListItem *list_item)
{
  PathwaysPageRow *self = g_object_new (PATHWAYS_TYPE_PAGE_ROW, NULL);

  self->list_item = list_item;
  return GTK_WIDGET (self);
}

/**
 * pathways_page_row_bind:
 * @item: a #GtkTreeListRow of #PathwaysPageNode (the tree), or a #PathwaysPageNode (the
 *   flat list shown while filtering)
 *
 * Shows @item in the row.
 */
void
pathways_page_row_bind (PathwaysPageRow *self,
                        gpointer         item)
{
  g_autoptr(PathwaysPageNode) node = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *display_path = NULL;
  gboolean flat = !GTK_IS_TREE_LIST_ROW (item);
  const char *title;

  g_return_if_fail (PATHWAYS_IS_PAGE_ROW (self));

  if (flat)
    node = g_object_ref (PATHWAYS_PAGE_NODE (item));
  else
    node = PATHWAYS_PAGE_NODE (gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item)));

  title = pathways_page_node_get_title (node);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (self->expander),
                                  flat ? NULL : GTK_TREE_LIST_ROW (item));
  gtk_label_set_text (GTK_LABEL (self->title), title);
  /* Paths are file names, which need not be UTF-8: GTK shows only UTF-8. */
  display_path = g_filename_display_name (pathways_page_node_get_path (node));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), display_path);

  if (flat)
    folder = g_path_get_dirname (display_path);
  gtk_label_set_text (GTK_LABEL (self->location), folder != NULL ? folder : "");
  gtk_widget_set_visible (self->location, folder != NULL && g_strcmp0 (folder, ".") != 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}
