/* pathways-ladder-page.c: the career ladder — its paths and levels, one level's
 * expectations, and two levels compared side by side.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-ladder-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-ladder-compare.h"
#include "pathways-ladder-page.h"

/* Below this width the two levels of a comparison are stacked rather than side by side. */
#define NARROW_WIDTH 600

struct _PathwaysLadderPage
{
  GtkWidget             parent_instance;

  const PathwaysLadder *ladder;       /* borrowed: the caller keeps it alive */
  GPtrArray            *levels;       /* PathwaysLevel*, borrowed, in the order listed */
  GPtrArray            *level_paths;  /* PathwaysPath*, borrowed, the path of each level */
  GPtrArray            *groups;       /* the browse list's groups, one per path */
  GPtrArray            *column_boxes; /* boxes whose orientation follows the width */
  guint                 shown_level;  /* index into levels, or G_MAXUINT */
  gboolean              narrow;
  gboolean              selecting;
  gboolean              compared;     /* the combo rows hold a choice made since set_ladder */
  guint                 relayout_id;

  GtkStack             *stack;
  GtkWidget            *browse_box;
  GtkScrolledWindow    *browse_scroll;
  GtkScrolledWindow    *level_scroll;
  GtkScrolledWindow    *compare_scroll;
  GtkLabel             *level_title;
  GtkLabel             *level_subtitle;
  GtkLabel             *level_summary;
  GtkWidget            *level_buttons;
  GtkWidget            *compare_next_button;
  GtkWidget            *competencies_group;
  GtkListBox           *competencies_list;
  GtkWidget            *responsibilities_group;
  GtkListBox           *responsibilities_list;
  GtkStringList        *level_names;
  AdwComboRow          *level_a_row;
  AdwComboRow          *level_b_row;
  GtkLabel             *compare_summary;
  GtkListBox           *diff_list;
  GtkBox               *responsibilities_columns;
};

G_DEFINE_FINAL_TYPE (PathwaysLadderPage, pathways_ladder_page, GTK_TYPE_WIDGET)

enum {
  OPEN_IN_HANDBOOK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- small widgets ---- */

static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A competency's text to read: when it was a list (items joined by newlines), bulleted. */
static char *
display_text_dup (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *out;

  if (text == NULL || strchr (text, '\n') == NULL)
    return g_strdup (text);

  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "•  %s", lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* A row of a boxed list that only shows something: not activatable, not focusable. */
static GtkWidget *
static_row_new (GtkWidget *child)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
box_clear (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
scroll_to_top (GtkScrolledWindow *scroll)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroll);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* A responsibility and, below it and indented, the bullets nested under it. */
static void
append_responsibility (GtkBox                       *box,
                       const PathwaysResponsibility *resp,
                       guint                         depth)
{
  g_autofree char *text = depth == 0 ? g_strdup (resp->text)
                                     : g_strdup_printf ("•  %s", resp->text);
  GtkWidget *label = text_label_new (text, NULL);

  gtk_widget_set_margin_start (label, 18 * depth);
  gtk_box_append (box, label);
  for (guint i = 0; resp->children != NULL && i < resp->children->len; i++)
    append_responsibility (box, g_ptr_array_index (resp->children, i), depth + 1);
}

static GtkWidget *
responsibility_row_new (const PathwaysResponsibility *resp)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  append_responsibility (GTK_BOX (box), resp, 0);
  return static_row_new (box);
}

static const PathwaysLevel *
level_at (PathwaysLadderPage *self,
          guint               index)
{
  return index < self->levels->len ? g_ptr_array_index (self->levels, index) : NULL;
}

static const PathwaysPath *
path_at (PathwaysLadderPage *self,
         guint               index)
{
  return index < self->level_paths->len ? g_ptr_array_index (self->level_paths, index) : NULL;
}

/* Whether the level after @index is the next one on the same path. */
static gboolean
has_next_on_path (PathwaysLadderPage *self,
                  guint               index)
{
  return index + 1 < self->levels->len && path_at (self, index) == path_at (self, index + 1);
}

/* ---- narrow and wide ---- */

static void
column_box_update (PathwaysLadderPage *self,
                   GtkBox             *box)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (box, self->narrow ? 12 : 24);
}

static GtkWidget *
column_box_new (PathwaysLadderPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  column_box_update (self, GTK_BOX (box));
  g_ptr_array_add (self->column_boxes, box);
  return box;
}

static gboolean
relayout_cb (gpointer user_data)
{
  PathwaysLadderPage *self = user_data;

  self->relayout_id = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->level_buttons),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (self->level_buttons, self->narrow ? GTK_ALIGN_FILL : GTK_ALIGN_START);
  for (guint i = 0; i < self->column_boxes->len; i++)
    column_box_update (self, g_ptr_array_index (self->column_boxes, i));
  return G_SOURCE_REMOVE;
}

/* ---- one level ---- */

static void
pathways_ladder_page_update_actions (PathwaysLadderPage *self)
{
  gboolean showing_level = self->shown_level != G_MAXUINT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ladder.compare", self->levels->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ladder.open-in-handbook", showing_level);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ladder.compare-next",
                                 showing_level && has_next_on_path (self, self->shown_level));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ladder.back", self->ladder != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ladder.swap", self->levels->len > 0);
}

static void
pathways_ladder_page_show_level (PathwaysLadderPage *self,
                                 guint               index)
{
  const PathwaysLevel *level = level_at (self, index);
  const PathwaysPath *path = path_at (self, index);
  g_autofree char *subtitle = NULL;

  g_return_if_fail (level != NULL);

  self->shown_level = index;
  gtk_label_set_text (self->level_title, level->title);
  subtitle = level->code != NULL ? g_strdup_printf ("%s · %s", path->title, level->code)
                                 : g_strdup (path->title);
  gtk_label_set_text (self->level_subtitle, subtitle);
  gtk_label_set_text (self->level_summary, level->summary != NULL ? level->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->level_summary), level->summary != NULL);
  gtk_widget_set_visible (self->compare_next_button, has_next_on_path (self, index));

  list_box_clear (self->competencies_list);
  for (guint i = 0; i < level->competencies->len; i++)
    {
      const PathwaysCompetency *comp = g_ptr_array_index (level->competencies, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *text = display_text_dup (comp->text);

      gtk_box_append (GTK_BOX (box), text_label_new (comp->label, "heading"));
      gtk_box_append (GTK_BOX (box), text_label_new (text, NULL));
      gtk_list_box_append (self->competencies_list, static_row_new (box));
    }
  gtk_widget_set_visible (self->competencies_group, level->competencies->len > 0);

  list_box_clear (self->responsibilities_list);
  for (guint i = 0; i < level->responsibilities->len; i++)
    gtk_list_box_append (self->responsibilities_list,
                         responsibility_row_new (g_ptr_array_index (level->responsibilities, i)));
  gtk_widget_set_visible (self->responsibilities_group, level->responsibilities->len > 0);

  pathways_ladder_page_update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "level");
  scroll_to_top (self->level_scroll);
}

static void
on_level_row_activated (AdwActionRow       *row,
                        PathwaysLadderPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "level-index"));

  pathways_ladder_page_show_level (self, index);
}

/* ---- comparing two levels ---- */

static const char *
status_tag (PathwaysLevelDiffStatus  status,
            const char             **css_class)
{
  switch (status)
    {
    case PATHWAYS_LEVEL_DIFF_NEW:
      *css_class = "success";
      return _("New");
    case PATHWAYS_LEVEL_DIFF_CHANGED:
      *css_class = "accent";
      return _("Changed");
    case PATHWAYS_LEVEL_DIFF_REMOVED:
      *css_class = "warning";
      return _("Only in A");
    case PATHWAYS_LEVEL_DIFF_SAME:
    default:
      *css_class = "dim-label";
      return _("Same");
    }
}

/* The second level's text, its new words in bold. */
static char *
added_words_markup (const char *text_a,
                    const char *text_b)
{
  g_autoptr(GPtrArray) spans = pathways_text_diff_spans (text_a, text_b);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      PathwaysTextSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *escaped = g_markup_escape_text (span->text, -1);

      if (span->added)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
    }
  return g_string_free (markup, FALSE);
}

/* One side of a compared competency: which level, then what it says (or that it says
 * nothing about it). */
static GtkWidget *
diff_cell_new (const char *which,
               const char *level_title,
               const char *text,
               const char *markup)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *caption = g_strdup_printf ("%s · %s", which, level_title);
  GtkWidget *label;

  gtk_box_append (GTK_BOX (box), text_label_new (caption, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");

  if (markup != NULL)
    {
      label = text_label_new (NULL, NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  else if (text != NULL)
    label = text_label_new (text, NULL);
  else
    {
      label = text_label_new (_("Not at this level"), "dim-label");
      gtk_widget_add_css_class (label, "caption");
    }
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
diff_row_new (PathwaysLadderPage         *self,
              const PathwaysLevelDiffRow *diff,
              const PathwaysLevel        *a,
              const PathwaysLevel        *b)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *columns = column_box_new (self);
  const char *css_class = NULL;
  const char *tag_text = status_tag (diff->status, &css_class);
  GtkWidget *tag = gtk_label_new (tag_text);
  GtkWidget *title = text_label_new (diff->label, "heading");
  g_autofree char *text_a = display_text_dup (diff->text_a);
  g_autofree char *text_b = display_text_dup (diff->text_b);
  g_autofree char *markup = NULL;

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, css_class);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), tag);
  gtk_box_append (GTK_BOX (box), header);

  if (diff->status == PATHWAYS_LEVEL_DIFF_CHANGED)
    markup = added_words_markup (text_a, text_b);
  /* Translators: A and B stand for the two levels compared, as in "Only in A" */
  gtk_box_append (GTK_BOX (columns), diff_cell_new (_("A"), a->title, text_a, NULL));
  gtk_box_append (GTK_BOX (columns), diff_cell_new (_("B"), b->title, text_b, markup));
  gtk_box_append (GTK_BOX (box), columns);

  return static_row_new (box);
}

static GtkWidget *
responsibilities_column_new (const char          *which,
                             const PathwaysLevel *level)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *caption = g_strdup_printf ("%s · %s", which, level->title);

  gtk_box_append (GTK_BOX (box), text_label_new (caption, "heading"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  -1);
  for (guint i = 0; i < level->responsibilities->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         responsibility_row_new (g_ptr_array_index (level->responsibilities, i)));
  if (level->responsibilities->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         static_row_new (text_label_new (_("None listed"), "dim-label")));
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

static void
pathways_ladder_page_rebuild_comparison (PathwaysLadderPage *self)
{
  const PathwaysLevel *a = level_at (self, adw_combo_row_get_selected (self->level_a_row));
  const PathwaysLevel *b = level_at (self, adw_combo_row_get_selected (self->level_b_row));
  g_autoptr(GPtrArray) rows = NULL;
  guint counts[4] = { 0, };
  g_autofree char *summary = NULL;

  list_box_clear (self->diff_list);
  box_clear (self->responsibilities_columns);
  g_ptr_array_set_size (self->column_boxes, 0);
  g_ptr_array_add (self->column_boxes, self->responsibilities_columns);
  column_box_update (self, self->responsibilities_columns);

  if (a == NULL || b == NULL)
    {
      gtk_label_set_text (self->compare_summary, "");
      return;
    }

  rows = pathways_level_diff_new (a, b);
  for (guint i = 0; i < rows->len; i++)
    {
      const PathwaysLevelDiffRow *diff = g_ptr_array_index (rows, i);

      counts[diff->status]++;
      gtk_list_box_append (self->diff_list, diff_row_new (self, diff, a, b));
    }
  if (rows->len == 0)
    gtk_list_box_append (self->diff_list,
                         static_row_new (text_label_new (_("Neither level lists competencies."),
                                                         "dim-label")));

  /* Translators: counts of the competencies compared between two levels */
  summary = g_strdup_printf (_("%u new, %u changed, %u only in A, %u the same"),
                             counts[PATHWAYS_LEVEL_DIFF_NEW], counts[PATHWAYS_LEVEL_DIFF_CHANGED],
                             counts[PATHWAYS_LEVEL_DIFF_REMOVED], counts[PATHWAYS_LEVEL_DIFF_SAME]);
  gtk_label_set_text (self->compare_summary, summary);

  gtk_box_append (self->responsibilities_columns, responsibilities_column_new (_("A"), a));
  gtk_box_append (self->responsibilities_columns, responsibilities_column_new (_("B"), b));
}

static void
on_compare_selection_changed (PathwaysLadderPage *self)
{
  if (!self->selecting)
    pathways_ladder_page_rebuild_comparison (self);
}

static void
pathways_ladder_page_show_comparison (PathwaysLadderPage *self,
                                      guint               a,
                                      guint               b)
{
  self->selecting = TRUE;
  adw_combo_row_set_selected (self->level_a_row, a);
  adw_combo_row_set_selected (self->level_b_row, b);
  self->selecting = FALSE;
  self->compared = TRUE;

  pathways_ladder_page_rebuild_comparison (self);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  scroll_to_top (self->compare_scroll);
}

/* ---- actions ---- */

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (widget);
  guint a = adw_combo_row_get_selected (self->level_a_row);
  guint b = adw_combo_row_get_selected (self->level_b_row);

  /* Keep what was compared last; the first time, the first two levels of the first path. */
  if (!self->compared || a == GTK_INVALID_LIST_POSITION || b == GTK_INVALID_LIST_POSITION)
    {
      a = 0;
      b = has_next_on_path (self, 0) ? 1 : 0;
    }
  pathways_ladder_page_show_comparison (self, a, b);
}

static void
compare_next_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (widget);

  if (self->shown_level != G_MAXUINT && has_next_on_path (self, self->shown_level))
    pathways_ladder_page_show_comparison (self, self->shown_level, self->shown_level + 1);
}

static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (widget);

  pathways_ladder_page_show_comparison (self, adw_combo_row_get_selected (self->level_b_row),
                                        adw_combo_row_get_selected (self->level_a_row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (widget);

  if (self->ladder == NULL)
    return;
  self->shown_level = G_MAXUINT;
  pathways_ladder_page_update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "browse");
}

static void
open_in_handbook_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (widget);
  const PathwaysLevel *level = level_at (self, self->shown_level);

  if (level != NULL)
    g_signal_emit (self, signals[OPEN_IN_HANDBOOK], 0, level->page, level->anchor);
}

/* ---- object ---- */

static void
pathways_ladder_page_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* Allocates like a bin, and notices when the width crosses the point where the compared
 * levels should stack. The boxes are reoriented after this allocation, not during it. */
static void
pathways_ladder_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->relayout_id == 0)
        self->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_cb, self, NULL);
    }
}

static void
pathways_ladder_page_dispose (GObject *object)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->column_boxes != NULL)
    g_ptr_array_set_size (self->column_boxes, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_LADDER_PAGE);
  self->ladder = NULL;

  G_OBJECT_CLASS (pathways_ladder_page_parent_class)->dispose (object);
}

static void
pathways_ladder_page_finalize (GObject *object)
{
  PathwaysLadderPage *self = PATHWAYS_LADDER_PAGE (object);

  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->level_paths, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->column_boxes, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_ladder_page_parent_class)->finalize (object);
}

static void
pathways_ladder_page_class_init (PathwaysLadderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_ladder_page_dispose;
  object_class->finalize = pathways_ladder_page_finalize;
  widget_class->measure = pathways_ladder_page_measure;
  widget_class->size_allocate = pathways_ladder_page_size_allocate;

  /**
   * PathwaysLadderPage::open-in-handbook:
   * @page: the handbook-relative path of the level's page
   * @anchor: the id of the level's heading on that page
   *
   * The person asked to read the level in the handbook.
   */
  signals[OPEN_IN_HANDBOOK] =
    g_signal_new ("open-in-handbook", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/packback/Pathways/pathways-ladder-page.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, browse_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, browse_scroll);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_scroll);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, compare_scroll);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_title);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_summary);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_buttons);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, compare_next_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, competencies_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, competencies_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage,
                                        responsibilities_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage,
                                        responsibilities_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_names);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_a_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, level_b_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, compare_summary);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage, diff_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysLadderPage,
                                        responsibilities_columns);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_selection_changed);

  gtk_widget_class_install_action (widget_class, "ladder.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "ladder.compare-next", NULL,
                                   compare_next_action);
  gtk_widget_class_install_action (widget_class, "ladder.swap", NULL, swap_action);
  gtk_widget_class_install_action (widget_class, "ladder.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "ladder.open-in-handbook", NULL,
                                   open_in_handbook_action);
}

static void
pathways_ladder_page_init (PathwaysLadderPage *self)
{
  self->levels = g_ptr_array_new ();
  self->level_paths = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
  self->column_boxes = g_ptr_array_new ();
  self->shown_level = G_MAXUINT;

  gtk_widget_init_template (GTK_WIDGET (self));
  pathways_ladder_page_set_ladder (self, NULL);
}

/**
 * pathways_ladder_page_set_ladder:
 * @ladder: (nullable): the ladder to show; borrowed, the caller keeps it alive until it
 *   sets another one or %NULL
 *
 * Lists the paths and levels of @ladder, or says there is no ladder.
 */
void
pathways_ladder_page_set_ladder (PathwaysLadderPage   *self,
                                 const PathwaysLadder *ladder)
{
  g_return_if_fail (PATHWAYS_IS_LADDER_PAGE (self));

  /* Nothing may point into the old ladder once this returns. The combo rows follow the
   * list of levels as it is refilled; nothing is compared until someone asks. */
  self->selecting = TRUE;
  adw_combo_row_set_selected (self->level_a_row, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->level_b_row, GTK_INVALID_LIST_POSITION);
  gtk_string_list_splice (self->level_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->level_names)), NULL);
  list_box_clear (self->diff_list);
  box_clear (self->responsibilities_columns);
  list_box_clear (self->competencies_list);
  list_box_clear (self->responsibilities_list);
  g_ptr_array_set_size (self->column_boxes, 0);
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->browse_box), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->levels, 0);
  g_ptr_array_set_size (self->level_paths, 0);
  self->shown_level = G_MAXUINT;
  self->compared = FALSE;
  self->ladder = ladder;

  for (guint p = 0; ladder != NULL && p < ladder->paths->len; p++)
    {
      const PathwaysPath *path = g_ptr_array_index (ladder->paths, p);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = g_markup_escape_text (path->title, -1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      for (guint l = 0; l < path->levels->len; l++)
        {
          const PathwaysLevel *level = g_ptr_array_index (path->levels, l);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *name = NULL;

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), level->title);
          if (level->summary != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), level->summary);
          if (level->code != NULL)
            {
              GtkWidget *code = gtk_label_new (level->code);

              gtk_widget_add_css_class (code, "dim-label");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), code);
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "level-index",
                             GUINT_TO_POINTER (self->levels->len));
          g_signal_connect_object (row, "activated", G_CALLBACK (on_level_row_activated), self,
                                   0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

          g_ptr_array_add (self->levels, (gpointer) level);
          g_ptr_array_add (self->level_paths, (gpointer) path);
          name = pathways_level_dup_choice_name (path, level);
          gtk_string_list_append (self->level_names, name);
        }
      gtk_box_append (GTK_BOX (self->browse_box), group);
      g_ptr_array_add (self->groups, group);
    }

  self->selecting = FALSE;

  pathways_ladder_page_update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, ladder != NULL ? "browse" : "empty");
  if (ladder != NULL)
    scroll_to_top (self->browse_scroll);
}

/* The index of a level named by its path's and its own title: exactly, else normalised. */
static guint
find_level (PathwaysLadderPage *self,
            const char         *path_title,
            const char         *level_title)
{
  g_autofree char *path_norm = pathways_ladder_normalize (path_title);
  g_autofree char *level_norm = pathways_ladder_normalize (level_title);
  /* levels and level_paths run side by side. */
  guint n = MIN (self->levels->len, self->level_paths->len);

  for (guint i = 0; i < n; i++)
    {
      const PathwaysPath *path = g_ptr_array_index (self->level_paths, i);
      const PathwaysLevel *level = g_ptr_array_index (self->levels, i);

      if (g_strcmp0 (path->title, path_title) == 0 && g_strcmp0 (level->title, level_title) == 0)
        return i;
    }
  for (guint i = 0; i < n; i++)
    {
      const PathwaysPath *path = g_ptr_array_index (self->level_paths, i);
      const PathwaysLevel *level = g_ptr_array_index (self->levels, i);
      g_autofree char *p = pathways_ladder_normalize (path->title);
      g_autofree char *l = pathways_ladder_normalize (level->title);

      if (g_strcmp0 (p, path_norm) == 0 && g_strcmp0 (l, level_norm) == 0)
        return i;
    }
  return G_MAXUINT;
}

/**
 * pathways_ladder_page_compare:
 * @path_a: the title of the first level's path
 * @level_a: the title of the first level
 * @path_b: the title of the second level's path
 * @level_b: the title of the second level
 *
 * Shows the two levels compared, competency by competency.
 *
 * Returns: whether both levels were found in the ladder shown
 */
gboolean
pathways_ladder_page_compare (PathwaysLadderPage *self,
                              const char         *path_a,
                              const char         *level_a,
                              const char         *path_b,
                              const char         *level_b)
{
  guint a, b;

  g_return_val_if_fail (PATHWAYS_IS_LADDER_PAGE (self), FALSE);

  a = find_level (self, path_a, level_a);
  b = find_level (self, path_b, level_b);
  if (a == G_MAXUINT || b == G_MAXUINT)
    {
      g_debug ("Cannot compare %s/%s with %s/%s: not in the ladder", path_a, level_a, path_b,
               level_b);
      return FALSE;
    }
  pathways_ladder_page_show_comparison (self, a, b);
  return TRUE;
}
