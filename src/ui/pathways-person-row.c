/* pathways-person-row.c: one person in the Team sidebar — avatar, name, title and level.
 *
 * Like the handbook's page rows, the row carries an "open" action so assistive technology
 * can activate it (GTK 4.8 exposes none for list rows).
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-person-row.h"

struct _PathwaysPersonRow
{
  GtkWidget       parent_instance;

  GtkListItem    *list_item;  /* unowned: the list item owns the row */
  PathwaysPerson *person;
  gulong          notify_id;

  GtkWidget      *box;
  AdwAvatar      *avatar;
  GtkLabel       *name;
  GtkLabel       *subtitle;
};

G_DEFINE_FINAL_TYPE (PathwaysPersonRow, pathways_person_row, GTK_TYPE_WIDGET)

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PathwaysPersonRow *self = PATHWAYS_PERSON_ROW (widget);

  if (self->list_item != NULL)
    gtk_widget_activate_action (widget, "list.activate-item", "u",
                                gtk_list_item_get_position (self->list_item));
}

static void
pathways_person_row_update (PathwaysPersonRow *self)
{
  PathwaysPerson *person = self->person;
  g_autofree char *subtitle = NULL;
  const char *title, *level;

  if (person == NULL)
    return;

  title = pathways_person_get_title (person);
  level = pathways_person_get_level (person);
  if (pathways_person_get_archived (person))
    subtitle = g_strdup (_("Archived"));
  else if (title != NULL && level != NULL)
    subtitle = g_strdup_printf ("%s · %s", title, level);
  else
    subtitle = g_strdup (title != NULL ? title : level);

  gtk_label_set_text (self->name, pathways_person_get_name (person));
  gtk_label_set_text (self->subtitle, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL);
  adw_avatar_set_text (self->avatar, pathways_person_get_name (person));
  gtk_widget_set_opacity (self->box, pathways_person_get_archived (person) ? 0.6 : 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pathways_person_get_name (person), -1);
}

static void
pathways_person_row_dispose (GObject *object)
{
  PathwaysPersonRow *self = PATHWAYS_PERSON_ROW (object);

  g_clear_signal_handler (&self->notify_id, self->person);
  g_clear_object (&self->person);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (pathways_person_row_parent_class)->dispose (object);
}

static void
pathways_person_row_class_init (PathwaysPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_person_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_widget_class_install_action (widget_class, "row.open", NULL, open_action);
}

static void
pathways_person_row_init (PathwaysPersonRow *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  self->avatar = ADW_AVATAR (adw_avatar_new (36, "", TRUE));
  self->name = GTK_LABEL (gtk_label_new (NULL));
  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name, 0);
  gtk_label_set_ellipsize (self->name, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->subtitle));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (self->box), labels);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
pathways_person_row_new (GtkListItem *list_item)
{
  PathwaysPersonRow *self = g_object_new (PATHWAYS_TYPE_PERSON_ROW, NULL);

  self->list_item = list_item;
  return GTK_WIDGET (self);
}

/**
 * pathways_person_row_set_person:
 * @person: (nullable): who the row shows; it follows their changes
 */
void
pathways_person_row_set_person (PathwaysPersonRow *self,
                                PathwaysPerson    *person)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_ROW (self));

  g_clear_signal_handler (&self->notify_id, self->person);
  g_set_object (&self->person, person);
  if (person != NULL)
    self->notify_id = g_signal_connect_swapped (person, "notify",
                                                G_CALLBACK (pathways_person_row_update), self);
  pathways_person_row_update (self);
}
