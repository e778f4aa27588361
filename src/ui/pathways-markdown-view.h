/* pathways-markdown-view.h: a native Markdown view — cmark's tree walked into a GtkTextBuffer.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-markdown.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_MARKDOWN_VIEW (pathways_markdown_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMarkdownView, pathways_markdown_view, PATHWAYS, MARKDOWN_VIEW, GtkTextView)

GtkWidget *pathways_markdown_view_new               (void);
void       pathways_markdown_view_set_document      (PathwaysMarkdownView      *self,
                                                     const PathwaysMarkdownDoc *doc,
                                                     GFile                     *base_dir,
                                                     GFile                     *root);
gboolean   pathways_markdown_view_highlight_anchor (PathwaysMarkdownView      *self,
                                                    const char                *anchor);
gboolean   pathways_markdown_view_scroll_to_anchor  (PathwaysMarkdownView      *self,
                                                     const char                *anchor);
void       pathways_markdown_view_scroll_to_heading (PathwaysMarkdownView      *self,
                                                     guint                      index);
double     pathways_markdown_view_get_zoom          (PathwaysMarkdownView      *self);
void       pathways_markdown_view_set_zoom          (PathwaysMarkdownView      *self,
                                                     double                     zoom);
guint      pathways_markdown_view_find              (PathwaysMarkdownView      *self,
                                                     const char                *needle);
gboolean   pathways_markdown_view_find_next         (PathwaysMarkdownView      *self,
                                                     gboolean                   backwards);
guint      pathways_markdown_view_get_find_position (PathwaysMarkdownView      *self);
double     pathways_markdown_view_get_scroll_fraction (PathwaysMarkdownView    *self);
void       pathways_markdown_view_set_scroll_fraction (PathwaysMarkdownView    *self,
                                                       double                   fraction);
char      *pathways_markdown_view_dup_link_at_offset (PathwaysMarkdownView    *self,
                                                      int                      offset);

G_END_DECLS
