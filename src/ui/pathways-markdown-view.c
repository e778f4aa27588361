/* pathways-markdown-view.c: a native Markdown view — cmark's tree walked into a GtkTextBuffer.
 *
 * The document is rendered into plain text plus lists of tag ranges, link ranges and images,
 * and only then moved into a fresh buffer in one go: inserting and tagging a buffer that is not
 * attached to the view costs no layout work, which keeps a 300 KB page well under 100 ms.
 * Things that are not text (quote bars, code block backgrounds, rules, table rows) are drawn
 * under the text from a list of decorations, so the buffer holds only what a reader reads.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-markdown-view"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <pango/pangocairo.h>

#include "pathways-markdown-view.h"

/* Sizes in pixels at zoom 1; all of them are multiplied by the zoom when applied. */
#define MEASURE_EMS        46     /* the widest comfortable line */
#define MIN_MARGIN         24
#define QUOTE_INDENT       22
#define QUOTE_BAR_WIDTH    3
#define BULLET_WIDTH       22
#define MARKER_GAP         8
#define CODE_PAD_X         12
#define CODE_PAD_Y         8
#define PARAGRAPH_GAP      12
#define TIGHT_GAP          3
#define HEADING_GAP_BELOW  6
#define RULE_SPACE         8
#define TABLE_PAD          8
#define TABLE_COLUMN_GAP   24
#define TABLE_ROW_PAD      3
#define MAX_NEST_INDENT    320    /* deeper quotes and lists stop moving right */
#define TABLE_COLUMN_MAX   320
#define IMAGE_MAX_WIDTH    720
#define IMAGE_MAX_PIXELS   (64 * 1024 * 1024)
#define FIND_MAX_MATCHES   10000
#define ZOOM_MIN           0.5
#define ZOOM_MAX           3.0

static const double heading_scales[6] = { 2.0, 1.6, 1.3, 1.15, 1.0, 0.9 };
static const int heading_gaps_above[6] = { 26, 22, 18, 14, 12, 12 };

static const struct
{
  const char *label;
  GdkRGBA     bar;    /* mid tones, readable on light and dark backgrounds alike */
  GdkRGBA     light;  /* title text on a light background */
  GdkRGBA     dark;   /* title text on a dark background */
} alerts[PATHWAYS_N_ALERTS] = {
  [PATHWAYS_ALERT_NOTE] = { N_("Note"),
    { 0.21, 0.52, 0.89, 1 }, { 0.11, 0.44, 0.85, 1 }, { 0.47, 0.68, 0.93, 1 } },
  [PATHWAYS_ALERT_TIP] = { N_("Tip"),
    { 0.18, 0.76, 0.49, 1 }, { 0.15, 0.55, 0.31, 1 }, { 0.56, 0.94, 0.64, 1 } },
  [PATHWAYS_ALERT_IMPORTANT] = { N_("Important"),
    { 0.57, 0.25, 0.67, 1 }, { 0.51, 0.24, 0.61, 1 }, { 0.86, 0.54, 0.87, 1 } },
  [PATHWAYS_ALERT_WARNING] = { N_("Warning"),
    { 0.90, 0.65, 0.04, 1 }, { 0.61, 0.43, 0.01, 1 }, { 0.97, 0.89, 0.36, 1 } },
  [PATHWAYS_ALERT_CAUTION] = { N_("Caution"),
    { 0.88, 0.11, 0.14, 1 }, { 0.75, 0.11, 0.16, 1 }, { 0.96, 0.38, 0.32, 1 } },
};

typedef enum
{
  DECO_QUOTE,
  DECO_CODE,
  DECO_RULE,
  DECO_TABLE_ROW,
} DecoKind;

typedef enum
{
  ROW_HEADER,
  ROW_ODD,
  ROW_EVEN,
} RowStyle;

/* Something drawn under the text of the lines from @start to @end. */
typedef struct
{
  DecoKind kind;
  int      start;        /* char offsets; @end is exclusive */
  int      end;
  int      x;            /* from the text's left edge */
  int      width;        /* 0: up to the text's right edge */
  int      top_skip;     /* space at the top of the first line that lies outside */
  int      bottom_skip;  /* and at the bottom of the last */
  int      style;        /* PathwaysAlertKind for quotes, RowStyle for table rows */
} Deco;

typedef struct
{
  int         start;
  int         end;
  GtkTextTag *tag;
} TagRange;

typedef struct
{
  int   start;
  int   end;
  char *href;
} LinkRange;

typedef struct
{
  int           offset;  /* in characters */
  gsize         byte;    /* of the U+FFFC that stands for it in the text */
  GdkPaintable *paintable;
} ImageSpot;

typedef struct
{
  int           pos;
  PangoTabAlign align;
} TabStop;

/* A combination of paragraph properties, shared by all lines that need it. */
typedef struct
{
  GtkTextTag *tag;
  int         left;
  int         indent;
  int         right;
  int         above;
  int         below;
  guint       n_tabs;
  TabStop    *tabs;
} LineStyle;

typedef struct
{
  int start;
  int end;
} Match;

struct _PathwaysMarkdownView
{
  GtkTextView      parent_instance;

  GtkTextTagTable *tag_table;
  GtkTextTag      *zoom_tag;
  GtkTextTag      *heading_tags[6];
  GtkTextTag      *emphasis_tag;
  GtkTextTag      *strong_tag;
  GtkTextTag      *code_tag;
  GtkTextTag      *code_block_tag;
  GtkTextTag      *quote_tag;
  GtkTextTag      *alert_title_tag;
  GtkTextTag      *alert_tags[PATHWAYS_N_ALERTS];
  GtkTextTag      *link_tag;
  GtkTextTag      *image_alt_tag;
  GtkTextTag      *html_tag;
  GtkTextTag      *marker_tag;
  GtkTextTag      *decoration_tag;
  GtkTextTag      *rule_tag;
  GtkTextTag      *table_header_tag;
  GtkTextTag      *table_label_tag;
  GtkTextTag      *find_match_tag;
  GtkTextTag      *highlight_tag;     /* the section a search result opened */
  guint            highlight_timeout;
  int              highlight_index;   /* its heading while tinted, else -1 */
  gint64           highlight_until;   /* monotonic time the tint goes */
  guint            body_hash;         /* of the document shown: a re-render of the same text
                                       * keeps the cursor's section */
  GtkTextTag      *find_current_tag;

  GHashTable      *line_styles;     /* key → LineStyle*, for the document on screen */
  GArray          *links;           /* LinkRange, sorted by start */
  GArray          *decos;           /* Deco, sorted by start */
  GPtrArray       *headings;        /* PathwaysHeading copies without nodes, for anchors */
  GPtrArray       *heading_marks;   /* GtkTextMark*, parallel to headings */

  GArray          *matches;         /* Match */
  guint            find_current;    /* 1-based, 0 for none */
  GtkTextMark     *find_mark;

  double           zoom;
  int              margin;          /* the left and right margin in effect */
  int              measured_width;
  int              rendered_width;  /* the width the page was laid out for */
  gboolean         width_sensitive; /* the page has images or tables sized to that width */
  guint            measure_idle;
  guint            scroll_idle;
  guint            retire_idle;
  GtkTextBuffer   *retired_buffer;  /* the previous page's, freed once the new one shows */
  double           pending_fraction;

  char            *hover_href;
  char            *press_href;
};

G_DEFINE_FINAL_TYPE (PathwaysMarkdownView, pathways_markdown_view, GTK_TYPE_TEXT_VIEW)

enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

enum
{
  LINK_HOVERED,
  REFLOW_NEEDED,
  LINK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_line_style (PathwaysMarkdownView *self,
                               LineStyle            *style);
static void create_tags       (PathwaysMarkdownView *self);
static double get_em          (PathwaysMarkdownView *self);
static int    get_column_width (PathwaysMarkdownView *self);

/* ---- rendered output ---- */

typedef struct
{
  GString *text;
  int      n_chars;
  GArray  *tags;    /* TagRange */
  GArray  *links;   /* LinkRange */
  GArray  *images;  /* ImageSpot */
} Out;

static void
link_range_clear (gpointer data)
{
  LinkRange *link = data;

  g_clear_pointer (&link->href, g_free);
}

static void
image_spot_clear (gpointer data)
{
  ImageSpot *spot = data;

  g_clear_object (&spot->paintable);
}

static void
out_init (Out *out)
{
  out->text = g_string_new (NULL);
  out->n_chars = 0;
  out->tags = g_array_new (FALSE, FALSE, sizeof (TagRange));
  out->links = g_array_new (FALSE, FALSE, sizeof (LinkRange));
  g_array_set_clear_func (out->links, link_range_clear);
  out->images = g_array_new (FALSE, FALSE, sizeof (ImageSpot));
  g_array_set_clear_func (out->images, image_spot_clear);
}

static void
out_clear (Out *out)
{
  if (out->text != NULL)
    g_string_free (out->text, TRUE);
  g_clear_pointer (&out->tags, g_array_unref);
  g_clear_pointer (&out->links, g_array_unref);
  g_clear_pointer (&out->images, g_array_unref);
  out->text = NULL;
}

/* Appends text that must stay on the current buffer line: a carriage return or a paragraph
 * separator would start a new one behind the renderer's back. */
static void
out_append (Out        *out,
            const char *s,
            gssize      len)
{
  gsize from;

  if (len < 0)
    len = strlen (s);

  from = out->text->len;
  g_string_append_len (out->text, s, len);
  out->n_chars += g_utf8_strlen (s, len);

  if (memchr (s, '\r', len) != NULL || memchr (s, '\xe2', len) != NULL)
    {
      char *p = out->text->str + from;
      char *end = out->text->str + out->text->len;

      for (; p < end; p++)
        {
          if (*p == '\r')
            *p = ' ';
          else if (end - p >= 3 && memcmp (p, "\xe2\x80\xa9", 3) == 0)
            memcpy (p, "\xe2\x80\xa8", 3);  /* same character count, no new line */
        }
    }
}

static void
out_tag (Out        *out,
         GtkTextTag *tag,
         int         start,
         int         end)
{
  TagRange range = { start, end, tag };

  if (end <= start)
    return;

  /* Consecutive lines usually share a style: one range applies faster than many. */
  if (out->tags->len > 0)
    {
      TagRange *last = &g_array_index (out->tags, TagRange, out->tags->len - 1);

      if (last->tag == tag && last->end == start)
        {
          last->end = end;
          return;
        }
    }

  g_array_append_val (out->tags, range);
}

static void
out_image (Out          *out,
           GdkPaintable *paintable)
{
  ImageSpot spot = { out->n_chars, out->text->len, paintable };

  g_array_append_val (out->images, spot);
  out_append (out, "\xef\xbf\xbc", 3);
}

/* Appends @src to @dest, moving its ranges along. With @steal, @src gives up its links and
 * images; without, they are copied and @src stays as it was. */
static void
out_append_out (Out      *dest,
                Out      *src,
                gboolean  steal)
{
  int shift = dest->n_chars;
  gsize byte_shift = dest->text->len;

  g_string_append_len (dest->text, src->text->str, src->text->len);
  dest->n_chars += src->n_chars;

  for (guint i = 0; i < src->tags->len; i++)
    {
      TagRange *range = &g_array_index (src->tags, TagRange, i);

      out_tag (dest, range->tag, range->start + shift, range->end + shift);
    }

  for (guint i = 0; i < src->links->len; i++)
    {
      LinkRange *link = &g_array_index (src->links, LinkRange, i);
      LinkRange moved = { link->start + shift, link->end + shift,
                          steal ? g_steal_pointer (&link->href) : g_strdup (link->href) };

      g_array_append_val (dest->links, moved);
    }

  for (guint i = 0; i < src->images->len; i++)
    {
      ImageSpot *spot = &g_array_index (src->images, ImageSpot, i);
      ImageSpot moved = { spot->offset + shift, spot->byte + byte_shift,
                          steal ? g_steal_pointer (&spot->paintable)
                                : g_object_ref (spot->paintable) };

      g_array_append_val (dest->images, moved);
    }
}

/* ---- line styles ---- */

static void
line_style_free (gpointer data)
{
  LineStyle *style = data;

  g_clear_object (&style->tag);
  g_free (style->tabs);
  g_free (style);
}

static int
scaled (PathwaysMarkdownView *self,
        int                   px)
{
  return (int) (px * self->zoom + (px >= 0 ? 0.5 : -0.5));
}

static void
update_line_style (PathwaysMarkdownView *self,
                   LineStyle            *style)
{
  g_object_set (style->tag,
                "left-margin", self->margin + scaled (self, style->left),
                "right-margin", self->margin + scaled (self, style->right),
                "indent", scaled (self, style->indent),
                "pixels-above-lines", scaled (self, style->above),
                "pixels-below-lines", scaled (self, style->below),
                NULL);

  if (style->n_tabs > 0)
    {
      PangoTabArray *tabs = pango_tab_array_new (style->n_tabs, TRUE);

      for (guint i = 0; i < style->n_tabs; i++)
        pango_tab_array_set_tab (tabs, i, style->tabs[i].align,
                                 scaled (self, style->tabs[i].pos));
      g_object_set (style->tag, "tabs", tabs, NULL);
      pango_tab_array_free (tabs);
    }
}

static void
update_all_line_styles (PathwaysMarkdownView *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->line_styles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    update_line_style (self, value);
}

static GtkTextTag *
lookup_line_style (PathwaysMarkdownView *self,
                   GHashTable           *styles,
                   int                   left,
                   int                   indent,
                   int                   right,
                   int                   above,
                   int                   below,
                   const TabStop        *tabs,
                   guint                 n_tabs)
{
  g_autoptr(GString) key = g_string_new (NULL);
  LineStyle *style;

  g_string_printf (key, "%d %d %d %d %d", left, indent, right, above, below);
  for (guint i = 0; i < n_tabs; i++)
    g_string_append_printf (key, " %d:%d", tabs[i].pos, (int) tabs[i].align);

  style = g_hash_table_lookup (styles, key->str);
  if (style != NULL)
    return style->tag;

  style = g_new0 (LineStyle, 1);
  style->tag = gtk_text_tag_new (NULL);
  style->left = left;
  style->indent = indent;
  style->right = right;
  style->above = above;
  style->below = below;
  style->n_tabs = n_tabs;
  style->tabs = n_tabs > 0 ? g_memdup2 (tabs, n_tabs * sizeof (TabStop)) : NULL;
  gtk_text_tag_table_add (self->tag_table, style->tag);
  update_line_style (self, style);
  g_hash_table_insert (styles, g_string_free (g_steal_pointer (&key), FALSE), style);

  return style->tag;
}

/* ---- rendering ---- */

typedef enum
{
  FRAME_QUOTE,
  FRAME_LIST,
  FRAME_ITEM,
} FrameKind;

typedef struct
{
  FrameKind kind;
  int       indent_before;
  /* quotes */
  guint     deco;
  gboolean  awaiting_first_line;
  /* lists and items */
  gboolean  ordered;
  gboolean  tight;
  char      delim;
  int       number;
  int       marker_width;
} Frame;

typedef struct
{
  PathwaysMarkdownView      *self;
  const PathwaysMarkdownDoc *doc;
  GFile                     *base_dir;
  GFile                     *root;
  char                      *root_real;
  GHashTable                *styles;
  GHashTable                *heading_index;   /* cmark_node* → index + 1 */
  int                       *heading_offsets;

  Out                        out;
  GArray                    *decos;
  GArray                    *frames;          /* Frame */
  GArray                    *inline_starts;   /* int */
  PangoLayout               *layout;

  int                        list_depth;
  int                        indent;          /* where the content of the current block starts */
  int                        line_pad_left;   /* extra, for code blocks */
  int                        line_pad_right;
  int                        line_start;      /* char offset of the current line */
  int                        line_above;
  int                        line_below;
  int                        hang_base;       /* where markers start, -1 without markers */
  GArray                    *marker_tabs;     /* TabStop */
  const TabStop             *line_tabs;       /* table rows */
  guint                      n_line_tabs;
  int                        pending_gap;

  cmark_node                *alert_paragraph; /* whose first line is an alert marker */
  cmark_node                *alert_rest;      /* what follows that line */
} Render;

/* How far a nested block moves right: pathological nesting (thousands of ">") must not push
 * the text out of sight. */
static int
nest_step (Render *r,
           int     step)
{
  return CLAMP (MAX_NEST_INDENT - r->indent, 0, step);
}

static int
take_gap (Render *r)
{
  int gap = r->pending_gap;

  r->pending_gap = 0;
  return gap;
}

static void
add_gap (Render *r,
         int     gap)
{
  r->pending_gap = MAX (r->pending_gap, gap);
}

/* The space after a block: tight list items keep their paragraphs close. */
static int
context_gap (Render *r)
{
  if (r->frames->len > 0)
    {
      Frame *top = &g_array_index (r->frames, Frame, r->frames->len - 1);

      if (top->kind == FRAME_ITEM && top->tight)
        return TIGHT_GAP;
    }

  return PARAGRAPH_GAP;
}

static void
render_end_line (Render   *r,
                 gboolean  force)
{
  Out *out = &r->out;
  gboolean has_markers = r->hang_base >= 0;
  int content_left = r->indent + r->line_pad_left;
  const TabStop *tabs = r->line_tabs;
  guint n_tabs = r->n_line_tabs;
  int left = content_left;
  int indent = 0;
  GtkTextTag *style;
  Deco *deco;

  if (!force && !has_markers && out->n_chars == r->line_start)
    {
      /* Nothing was written: keep the spacing for whatever comes next. */
      add_gap (r, r->line_above);
      r->line_above = r->line_below = 0;
      return;
    }

  out_append (out, "\n", 1);

  if (has_markers)
    {
      TabStop *last = &g_array_index (r->marker_tabs, TabStop, r->marker_tabs->len - 1);

      /* The first line starts at the outermost marker and wraps to where the content
       * starts; the tab after the last marker lands on that same place. */
      left = r->hang_base;
      indent = -(content_left - r->hang_base);
      last->pos = MAX (last->pos, content_left - r->hang_base);
      tabs = (const TabStop *) r->marker_tabs->data;
      n_tabs = r->marker_tabs->len;
    }

  style = lookup_line_style (r->self, r->styles, left, indent, r->line_pad_right,
                             r->line_above, r->line_below, tabs, n_tabs);
  out_tag (out, style, r->line_start, out->n_chars);

  /* Quotes opened since the last line start here. Once one has a line, so do those
   * around it. */
  for (guint i = r->frames->len; i > 0; i--)
    {
      Frame *frame = &g_array_index (r->frames, Frame, i - 1);

      if (frame->kind != FRAME_QUOTE)
        continue;
      if (!frame->awaiting_first_line)
        break;

      deco = &g_array_index (r->decos, Deco, frame->deco);
      deco->start = r->line_start;
      deco->top_skip = r->line_above;
      frame->awaiting_first_line = FALSE;
    }

  r->line_start = out->n_chars;
  r->line_above = r->line_below = 0;
  r->hang_base = -1;
  g_array_set_size (r->marker_tabs, 0);
}

/* Ends a line that holds only list markers, so that a block which cannot share it starts on
 * a line of its own. */
static void
render_flush_markers (Render *r)
{
  if (r->hang_base >= 0)
    {
      r->line_above = take_gap (r);
      render_end_line (r, TRUE);
    }
}

static void
add_deco (Render   *r,
          DecoKind  kind,
          int       start,
          int       end,
          int       x,
          int       width,
          int       top_skip,
          int       bottom_skip,
          int       style)
{
  Deco deco = { kind, start, end, x, width, top_skip, bottom_skip, style };

  g_array_append_val (r->decos, deco);
}

static gboolean
is_html_comment (const char *html)
{
  const char *p = html;

  if (p == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return FALSE;

  while (*p != '\0')
    {
      const char *close;

      if (strncmp (p, "<!--", 4) != 0)
        return FALSE;
      /* "<!-->" closes at once, as browsers read it. */
      close = strstr (p + 2, "-->");
      if (close == NULL)
        return FALSE;
      p = close + 3;
      while (g_ascii_isspace (*p))
        p++;
    }

  return TRUE;
}

/* Whether @path, once symlinks are resolved, lies inside @root_real. */
static char *
dup_real_path_inside (const char *path,
                      const char *root_real)
{
  g_autofree char *real = realpath (path, NULL);
  gsize root_len;

  if (real == NULL || root_real == NULL)
    return NULL;

  root_len = strlen (root_real);
  if (strncmp (real, root_real, root_len) != 0)
    return NULL;
  if (real[root_len] != '/' && !(root_len > 0 && root_real[root_len - 1] == '/'))
    return NULL;

  return g_steal_pointer (&real);
}

/* Loads a local image for display. Remote images are never fetched and files outside the
 * handbook are never read: those show their alt text, as does anything that fails. */
static GdkPaintable *
load_image (Render     *r,
            const char *url)
{
  g_autofree char *path_part = NULL;
  g_autofree char *unescaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  const char *rel;
  int width = 0;
  int height = 0;
  int target_width;
  int target_height;

  if (url == NULL || *url == '\0' || r->base_dir == NULL || r->root_real == NULL)
    return NULL;
  if (g_uri_peek_scheme (url) != NULL || g_str_has_prefix (url, "//"))
    return NULL;

  path_part = g_strndup (url, strcspn (url, "?#"));
  unescaped = g_uri_unescape_string (path_part, NULL);
  rel = unescaped != NULL ? unescaped : path_part;
  if (*rel == '\0')
    return NULL;

  if (*rel == '/')
    {
      if (r->root == NULL)
        return NULL;
      while (*rel == '/')
        rel++;
      file = g_file_resolve_relative_path (r->root, rel);
    }
  else
    file = g_file_resolve_relative_path (r->base_dir, rel);

  path = g_file_get_path (file);
  if (path == NULL)
    return NULL;

  real = dup_real_path_inside (path, r->root_real);
  if (real == NULL || !g_file_test (real, G_FILE_TEST_IS_REGULAR))
    return NULL;

  if (gdk_pixbuf_get_file_info (real, &width, &height) == NULL || width <= 0 || height <= 0)
    return NULL;
  if ((gint64) width * height > IMAGE_MAX_PIXELS)
    return NULL;

  /* Fit the text column as it is now; images do not follow the zoom. */
  r->self->width_sensitive = TRUE;
  target_width = MIN (width, IMAGE_MAX_WIDTH);
  target_width = MIN (target_width, MAX (64, get_column_width (r->self) - r->indent));
  target_height = MAX (1, (int) ((gint64) height * target_width / width));

  pixbuf = gdk_pixbuf_new_from_file_at_scale (real, target_width, target_height, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_debug ("Image %s not shown: %s", real, error->message);
      return NULL;
    }

  /* A memory texture, not gdk_texture_new_for_pixbuf(): that one is deprecated in newer GTK,
   * and this is what it does anyway. */
  bytes = gdk_pixbuf_read_pixel_bytes (pixbuf);
  texture = gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf),
                                    gdk_pixbuf_get_height (pixbuf),
                                    gdk_pixbuf_get_has_alpha (pixbuf) ? GDK_MEMORY_R8G8B8A8
                                                                      : GDK_MEMORY_R8G8B8,
                                    bytes,
                                    gdk_pixbuf_get_rowstride (pixbuf));
  return GDK_PAINTABLE (texture);
}

static void
push_start (Render *r,
            Out    *out)
{
  g_array_append_val (r->inline_starts, out->n_chars);
}

static int
pop_start (Render *r,
           guint   base)
{
  int start;

  if (r->inline_starts->len <= base)
    return -1;

  start = g_array_index (r->inline_starts, int, r->inline_starts->len - 1);
  g_array_set_size (r->inline_starts, r->inline_starts->len - 1);
  return start;
}

/* Renders an inline node and what it holds. Hard line breaks start a new buffer line in the
 * document itself, and become spaces anywhere else (table cells). */
static void
render_inline_tree (Render     *r,
                    Out        *out,
                    cmark_node *node)
{
  PathwaysMarkdownView *self = r->self;
  cmark_iter *iter = cmark_iter_new (node);
  guint base = r->inline_starts->len;
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (cur);
      const char *literal;
      int start;

      if (ev == CMARK_EVENT_ENTER)
        {
          switch ((int) type)
            {
            case CMARK_NODE_TEXT:
              literal = cmark_node_get_literal (cur);
              if (literal != NULL)
                out_append (out, literal, -1);
              break;

            case CMARK_NODE_SOFTBREAK:
              out_append (out, " ", 1);
              break;

            case CMARK_NODE_LINEBREAK:
              if (out == &r->out)
                render_end_line (r, TRUE);
              else
                out_append (out, " ", 1);
              break;

            case CMARK_NODE_CODE:
              literal = cmark_node_get_literal (cur);
              start = out->n_chars;
              out_append (out, literal != NULL ? literal : "", -1);
              out_tag (out, self->code_tag, start, out->n_chars);
              break;

            case CMARK_NODE_HTML_INLINE:
              literal = cmark_node_get_literal (cur);
              if (literal != NULL && !is_html_comment (literal))
                {
                  start = out->n_chars;
                  out_append (out, literal, -1);
                  out_tag (out, self->html_tag, start, out->n_chars);
                }
              break;

            case CMARK_NODE_IMAGE:
              {
                GdkPaintable *paintable = load_image (r, cmark_node_get_url (cur));

                if (paintable != NULL)
                  {
                    out_image (out, paintable);
                    cmark_iter_reset (iter, cur, CMARK_EVENT_EXIT);
                  }
                else
                  push_start (r, out);
              }
              break;

            default:
              if (cmark_node_first_child (cur) != NULL || type == CMARK_NODE_EMPH ||
                  type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK)
                push_start (r, out);
              break;
            }
        }
      else
        {
          start = pop_start (r, base);
          if (start < 0)
            continue;

          switch ((int) type)
            {
            case CMARK_NODE_EMPH:
              out_tag (out, self->emphasis_tag, start, out->n_chars);
              break;

            case CMARK_NODE_STRONG:
              out_tag (out, self->strong_tag, start, out->n_chars);
              break;

            case CMARK_NODE_LINK:
              {
                const char *url = cmark_node_get_url (cur);

                if (out->n_chars > start)
                  {
                    LinkRange link = { start, out->n_chars, g_strdup (url != NULL ? url : "") };

                    g_array_append_val (out->links, link);
                    out_tag (out, self->link_tag, start, out->n_chars);
                  }
              }
              break;

            case CMARK_NODE_IMAGE:
              out_tag (out, self->image_alt_tag, start, out->n_chars);
              break;

            default:
              break;
            }
        }
    }

  g_array_set_size (r->inline_starts, base);
  cmark_iter_free (iter);
}

static void
render_inline_siblings (Render     *r,
                        Out        *out,
                        cmark_node *first,
                        cmark_node *stop)
{
  for (cmark_node *node = first; node != NULL && node != stop; node = cmark_node_next (node))
    render_inline_tree (r, out, node);
}

/* ---- tables ---- */

/* Renders one cell's Markdown as inline content. */
static void
render_cell (Render     *r,
             Out        *out,
             const char *cell)
{
  cmark_node *doc = pathways_markdown_table_cell_parse (cell, 0);
  cmark_node *para = cmark_node_first_child (doc);

  if (para != NULL && cmark_node_get_type (para) == CMARK_NODE_PARAGRAPH)
    render_inline_siblings (r, out, cmark_node_first_child (para), NULL);
  cmark_node_free (doc);
}

static int
measure_cell (Render   *r,
              Out      *cell,
              gboolean  bold)
{
  PathwaysMarkdownView *self = r->self;
  PangoAttrList *attrs;
  const char *text = cell->text->str;
  int width = 0;

  if (cell->n_chars == 0)
    return 0;

  if (r->layout == NULL)
    r->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  attrs = pango_attr_list_new ();
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));

  for (guint i = 0; i < cell->tags->len; i++)
    {
      TagRange *range = &g_array_index (cell->tags, TagRange, i);
      PangoAttribute *attr;

      if (range->tag == self->code_tag || range->tag == self->html_tag)
        attr = pango_attr_family_new ("monospace");
      else if (range->tag == self->strong_tag)
        attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      else if (range->tag == self->emphasis_tag || range->tag == self->image_alt_tag)
        attr = pango_attr_style_new (PANGO_STYLE_ITALIC);
      else
        continue;

      attr->start_index = g_utf8_offset_to_pointer (text, range->start) - text;
      attr->end_index = g_utf8_offset_to_pointer (text, range->end) - text;
      pango_attr_list_insert (attrs, attr);
    }

  pango_layout_set_text (r->layout, text, cell->text->len);
  pango_layout_set_attributes (r->layout, attrs);
  pango_layout_get_pixel_size (r->layout, &width, NULL);
  pango_attr_list_unref (attrs);

  /* Tags may scale the text; a little room keeps a cell from reaching the next tab stop. */
  return width + 2;
}

/* A table wider than the text column would wrap its rows into a jumble. Instead each row
 * becomes a small block: its first cell as a title, then one "header  value" line per other
 * cell, values aligned and wrapping under themselves. */
static void
render_table_stacked (Render *r,
                      Out    *cells,
                      guint   n_rows,
                      guint   n_cols,
                      int     available)
{
  PathwaysMarkdownView *self = r->self;
  int label_width = 0;
  int base = r->indent;
  int gap = take_gap (r);

  for (guint col = 1; col < n_cols; col++)
    label_width = MAX (label_width, measure_cell (r, &cells[col], FALSE));
  label_width = MIN (label_width, available * 2 / 5) + TABLE_COLUMN_GAP;

  for (guint row = 1; row < n_rows; row++)
    {
      Out *title = &cells[row * n_cols];
      int block_start = r->line_start;
      int block_gap = row == 1 ? gap : 0;
      guint last_col = 0;

      for (guint col = 1; col < n_cols; col++)
        if (cells[row * n_cols + col].n_chars > 0)
          last_col = col;

      r->line_above = block_gap + TABLE_ROW_PAD;
      if (title->n_chars > 0)
        {
          int start = r->out.n_chars;

          r->line_below = last_col == 0 ? TABLE_ROW_PAD : 0;
          r->indent = base + TABLE_PAD;
          out_append_out (&r->out, title, TRUE);
          out_tag (&r->out, self->table_header_tag, start, r->out.n_chars);
          render_end_line (r, TRUE);
        }

      for (guint col = 1; col < n_cols; col++)
        {
          Out *cell = &cells[row * n_cols + col];
          TabStop tab = { label_width, PANGO_TAB_LEFT };
          int start;

          if (cell->n_chars == 0)
            continue;

          r->indent = base + 2 * TABLE_PAD;
          r->hang_base = r->indent;
          g_array_append_val (r->marker_tabs, tab);
          r->indent += label_width;

          if (col == last_col)
            r->line_below = TABLE_ROW_PAD;
          start = r->out.n_chars;
          out_append_out (&r->out, &cells[col], FALSE);
          out_tag (&r->out, self->table_label_tag, start, r->out.n_chars);
          start = r->out.n_chars;
          out_append (&r->out, "\t", 1);
          out_tag (&r->out, self->decoration_tag, start, start + 1);
          out_append_out (&r->out, cell, TRUE);
          render_end_line (r, TRUE);
        }

      if (r->line_start > block_start)
        add_deco (r, DECO_TABLE_ROW, block_start, r->line_start, base, 0, block_gap, 0,
                  row % 2 == 1 ? ROW_ODD : ROW_EVEN);
      r->indent = base;
    }

  r->indent = base;
  add_gap (r, context_gap (r));
}

static void
render_table (Render                *r,
              PathwaysMarkdownTable *table)
{
  PathwaysMarkdownView *self = r->self;
  guint n_cols = table->aligns->len;
  guint n_rows = table->rows->len;
  g_autofree Out *cells = g_new0 (Out, n_rows * n_cols);
  g_autofree int *widths = g_new0 (int, n_cols);
  g_autofree TabStop *tabs = g_new0 (TabStop, n_cols);
  int x = TABLE_PAD;
  int available;
  int gap;

  for (guint row = 0; row < n_rows; row++)
    {
      GPtrArray *texts = g_ptr_array_index (table->rows, row);

      for (guint col = 0; col < n_cols; col++)
        {
          Out *cell = &cells[row * n_cols + col];

          out_init (cell);
          if (col < texts->len)
            render_cell (r, cell, g_ptr_array_index (texts, col));
          widths[col] = MAX (widths[col],
                             MIN (measure_cell (r, cell, row == 0), TABLE_COLUMN_MAX));
        }
    }

  for (guint col = 0; col < n_cols; col++)
    {
      PathwaysTableAlign align = g_array_index (table->aligns, PathwaysTableAlign, col);

      tabs[col].pos = x;
      tabs[col].align = PANGO_TAB_LEFT;
#if PANGO_VERSION_CHECK (1, 50, 0)
      if (align == PATHWAYS_TABLE_ALIGN_RIGHT)
        tabs[col].pos = x + widths[col], tabs[col].align = PANGO_TAB_RIGHT;
      else if (align == PATHWAYS_TABLE_ALIGN_CENTER)
        tabs[col].pos = x + widths[col] / 2, tabs[col].align = PANGO_TAB_CENTER;
#endif
      x += widths[col] + TABLE_COLUMN_GAP;
    }
  x += TABLE_PAD - TABLE_COLUMN_GAP;

  render_flush_markers (r);

  /* Lines never run past the text column, so a table wider than it would wrap its rows:
   * a stacked layout keeps every cell readable instead. */
  self->width_sensitive = TRUE;
  available = get_column_width (self) - r->indent;
  if (x > available && n_cols > 1)
    {
      render_table_stacked (r, cells, n_rows, n_cols, available);
      for (guint i = 0; i < n_rows * n_cols; i++)
        out_clear (&cells[i]);
      return;
    }

  gap = take_gap (r);

  for (guint row = 0; row < n_rows; row++)
    {
      int start = r->line_start;

      for (guint col = 0; col < n_cols; col++)
        {
          int tab = r->out.n_chars;

          /* Every cell, the first too, follows a tab: that is how right and centred columns
           * get their alignment. */
          out_append (&r->out, "\t", 1);
          out_tag (&r->out, self->decoration_tag, tab, tab + 1);
          out_append_out (&r->out, &cells[row * n_cols + col], TRUE);
        }

      if (row == 0)
        out_tag (&r->out, self->table_header_tag, start, r->out.n_chars);

      r->line_above = (row == 0 ? gap : 0) + TABLE_ROW_PAD;
      r->line_below = TABLE_ROW_PAD;
      r->line_tabs = tabs;
      r->n_line_tabs = n_cols;
      render_end_line (r, TRUE);
      r->line_tabs = NULL;
      r->n_line_tabs = 0;

      add_deco (r, DECO_TABLE_ROW, start, r->out.n_chars, r->indent, x,
                row == 0 ? gap : 0, 0,
                row == 0 ? ROW_HEADER : row % 2 == 1 ? ROW_ODD : ROW_EVEN);
    }

  for (guint i = 0; i < n_rows * n_cols; i++)
    out_clear (&cells[i]);

  add_gap (r, context_gap (r));
}

/* A GFM pipe table reaches us as a paragraph (cmark 0.30 knows no tables). Lines before its
 * header stay an ordinary paragraph. */
static gboolean
try_render_table (Render     *r,
                  cmark_node *first)
{
  g_autoptr(PathwaysMarkdownTable) table = pathways_markdown_table_new_from_inlines (r->doc, first);

  if (table == NULL)
    return FALSE;

  if (table->lead_end != NULL)
    {
      r->line_above = take_gap (r);
      render_inline_siblings (r, &r->out, first, table->lead_end);
      render_end_line (r, FALSE);
      add_gap (r, context_gap (r));
    }

  render_table (r, table);
  return TRUE;
}

/* ---- blocks ---- */

/* A GitHub alert is a quote whose first paragraph starts with a line like `[!NOTE]`. */
static PathwaysAlertKind
detect_alert (Render     *r,
              cmark_node *quote)
{
  cmark_node *rest = NULL;
  PathwaysAlertKind kind = pathways_markdown_detect_alert (quote, &rest);

  if (kind != PATHWAYS_ALERT_NONE)
    {
      r->alert_paragraph = cmark_node_first_child (quote);
      r->alert_rest = rest;
    }
  return kind;
}

static Frame *
push_frame (Render    *r,
            FrameKind  kind)
{
  Frame frame = { 0, };

  frame.kind = kind;
  frame.indent_before = r->indent;
  g_array_append_val (r->frames, frame);
  return &g_array_index (r->frames, Frame, r->frames->len - 1);
}

static Frame *
top_frame (Render    *r,
           FrameKind  kind)
{
  Frame *frame;

  if (r->frames->len == 0)
    return NULL;

  frame = &g_array_index (r->frames, Frame, r->frames->len - 1);
  return frame->kind == kind ? frame : NULL;
}

static void
enter_quote (Render     *r,
             cmark_node *node)
{
  PathwaysMarkdownView *self = r->self;
  PathwaysAlertKind kind = detect_alert (r, node);
  Frame *frame = push_frame (r, FRAME_QUOTE);

  frame->deco = r->decos->len;
  frame->awaiting_first_line = TRUE;
  add_deco (r, DECO_QUOTE, r->line_start, r->line_start, r->indent, 0, 0, 0, kind);
  r->indent += nest_step (r, QUOTE_INDENT);

  if (kind != PATHWAYS_ALERT_NONE)
    {
      int start = r->out.n_chars;

      r->line_above = take_gap (r);
      out_append (&r->out, _(alerts[kind].label), -1);
      out_tag (&r->out, self->alert_title_tag, start, r->out.n_chars);
      out_tag (&r->out, self->alert_tags[kind], start, r->out.n_chars);
      render_end_line (r, TRUE);
      add_gap (r, TIGHT_GAP);
    }
}

static void
exit_quote (Render *r)
{
  PathwaysMarkdownView *self = r->self;
  Frame *frame = top_frame (r, FRAME_QUOTE);
  Deco *deco;

  if (frame == NULL)
    return;

  render_flush_markers (r);
  deco = &g_array_index (r->decos, Deco, frame->deco);
  if (frame->awaiting_first_line)
    deco->start = r->out.n_chars;  /* an empty quote draws nothing */
  deco->end = r->out.n_chars;

  /* Alerts keep full contrast: they are there to be read. */
  if (deco->style == PATHWAYS_ALERT_NONE)
    out_tag (&r->out, self->quote_tag, deco->start, deco->end);

  r->indent = frame->indent_before;
  g_array_set_size (r->frames, r->frames->len - 1);
  add_gap (r, context_gap (r));
}

static int
measure_text (Render     *r,
              const char *text)
{
  int width = 0;

  if (r->layout == NULL)
    r->layout = gtk_widget_create_pango_layout (GTK_WIDGET (r->self), NULL);

  pango_layout_set_attributes (r->layout, NULL);
  pango_layout_set_text (r->layout, text, -1);
  pango_layout_get_pixel_size (r->layout, &width, NULL);
  return width;
}

static void
enter_list (Render     *r,
            cmark_node *node)
{
  Frame *frame = push_frame (r, FRAME_LIST);

  frame->ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
  frame->tight = cmark_node_get_list_tight (node);
  frame->delim = cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM ? ')' : '.';
  frame->number = cmark_node_get_list_start (node);
  frame->marker_width = BULLET_WIDTH;

  if (frame->ordered)
    {
      gint64 last = frame->number;
      char widest[32];

      for (cmark_node *item = cmark_node_first_child (node);
           item != NULL; item = cmark_node_next (item))
        last++;
      g_snprintf (widest, sizeof widest, "%" G_GINT64_FORMAT "%c", MAX (last - 1, 0),
                  frame->delim);
      frame->marker_width = MAX (BULLET_WIDTH, measure_text (r, widest) + MARKER_GAP);
    }

  r->list_depth++;
}

static void
exit_list (Render *r)
{
  if (top_frame (r, FRAME_LIST) == NULL)
    return;

  r->list_depth--;
  g_array_set_size (r->frames, r->frames->len - 1);
  add_gap (r, context_gap (r));
}

static void
enter_item (Render *r)
{
  static const char * const bullets[] = { "•", "◦", "▪" };
  PathwaysMarkdownView *self = r->self;
  Frame *list = top_frame (r, FRAME_LIST);
  Frame *item;
  char marker[32];
  gboolean tight;
  int marker_width;
  int start;
  TabStop tab = { 0, PANGO_TAB_LEFT };

  if (list == NULL)
    return;

  if (list->ordered)
    g_snprintf (marker, sizeof marker, "%d%c\t", list->number, list->delim);
  else
    g_snprintf (marker, sizeof marker, "%s\t", bullets[(r->list_depth - 1) % 3]);
  list->number++;
  tight = list->tight;
  marker_width = list->marker_width;

  /* Pushing may move the frames: @list is not to be used after this. */
  item = push_frame (r, FRAME_ITEM);
  item->tight = tight;
  item->marker_width = marker_width;

  /* Items start on a line of their own. */
  if (r->hang_base < 0 && r->out.n_chars > r->line_start)
    render_end_line (r, FALSE);

  if (r->hang_base < 0)
    r->hang_base = r->indent;

  start = r->out.n_chars;
  out_append (&r->out, marker, -1);
  out_tag (&r->out, self->marker_tag, start, r->out.n_chars);
  out_tag (&r->out, self->decoration_tag, start, r->out.n_chars);

  r->indent += nest_step (r, item->marker_width);
  tab.pos = r->indent - r->hang_base;
  g_array_append_val (r->marker_tabs, tab);
}

static void
exit_item (Render *r)
{
  Frame *item = top_frame (r, FRAME_ITEM);

  if (item == NULL)
    return;

  if (r->hang_base >= 0)
    {
      /* An empty item: its marker still deserves a line. */
      r->line_above = take_gap (r);
      render_end_line (r, TRUE);
    }

  r->indent = item->indent_before;
  g_array_set_size (r->frames, r->frames->len - 1);
  add_gap (r, item->tight ? TIGHT_GAP : PARAGRAPH_GAP);
}

static void
render_paragraph (Render     *r,
                  cmark_node *node)
{
  cmark_node *first = cmark_node_first_child (node);

  if (pathways_markdown_node_is_directive (node))
    return;

  if (node == r->alert_paragraph)
    {
      first = r->alert_rest;
      r->alert_paragraph = r->alert_rest = NULL;
      if (first == NULL)
        return;
    }

  if (try_render_table (r, first))
    return;

  r->line_above = take_gap (r);
  render_inline_siblings (r, &r->out, first, NULL);
  render_end_line (r, FALSE);
  add_gap (r, context_gap (r));
}

static void
render_heading (Render     *r,
                cmark_node *node)
{
  PathwaysMarkdownView *self = r->self;
  int level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
  gpointer index = g_hash_table_lookup (r->heading_index, node);
  int gap = take_gap (r);
  int start;

  if (index != NULL)
    r->heading_offsets[GPOINTER_TO_INT (index) - 1] = r->line_start;

  r->line_above = r->out.n_chars == 0 ? 0 : MAX (gap, heading_gaps_above[level - 1]);
  r->line_below = 2;
  start = r->out.n_chars;
  render_inline_siblings (r, &r->out, cmark_node_first_child (node), NULL);
  out_tag (&r->out, self->heading_tags[level - 1], start, r->out.n_chars);
  render_end_line (r, FALSE);
  add_gap (r, HEADING_GAP_BELOW);
}

/* Code and raw HTML blocks: their text, line by line, as it stands. */
static void
render_literal_block (Render     *r,
                      cmark_node *node,
                      GtkTextTag *tag,
                      gboolean    code)
{
  const char *literal = cmark_node_get_literal (node);
  const char *p;
  gsize len;
  int gap = take_gap (r);
  int block_start = r->line_start;
  int text_start = r->out.n_chars;

  if (literal == NULL)
    literal = "";
  len = strlen (literal);
  if (len > 0 && literal[len - 1] == '\n')
    len--;

  if (code)
    {
      r->line_pad_left = CODE_PAD_X;
      r->line_pad_right = CODE_PAD_X;
    }

  p = literal;
  for (;;)
    {
      const char *nl = memchr (p, '\n', literal + len - p);
      const char *line_end = nl != NULL ? nl : literal + len;

      if (p == literal)
        r->line_above = gap + (code ? CODE_PAD_Y : 0);
      if (nl == NULL && code)
        r->line_below = CODE_PAD_Y;

      out_append (&r->out, p, line_end - p);
      render_end_line (r, TRUE);

      if (nl == NULL)
        break;
      p = nl + 1;
    }

  out_tag (&r->out, tag, text_start, r->out.n_chars);
  r->line_pad_left = r->line_pad_right = 0;

  if (code)
    add_deco (r, DECO_CODE, block_start, r->out.n_chars, r->indent, 0, gap, 0, 0);

  add_gap (r, context_gap (r));
}

static void
render_rule (Render *r)
{
  PathwaysMarkdownView *self = r->self;
  int start;
  int gap = take_gap (r);

  render_flush_markers (r);
  start = r->line_start;
  r->line_above = gap + RULE_SPACE;
  r->line_below = RULE_SPACE;
  out_append (&r->out, " ", 1);
  out_tag (&r->out, self->rule_tag, start, r->out.n_chars);
  out_tag (&r->out, self->decoration_tag, start, r->out.n_chars);
  render_end_line (r, TRUE);
  add_deco (r, DECO_RULE, start, r->out.n_chars, r->indent, 0, gap + RULE_SPACE, RULE_SPACE, 0);
  add_gap (r, context_gap (r));
}

static void
render_document (Render     *r,
                 cmark_node *root)
{
  PathwaysMarkdownView *self = r->self;
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (ev == CMARK_EVENT_ENTER)
        {
          switch ((int) type)
            {
            case CMARK_NODE_BLOCK_QUOTE:
              enter_quote (r, node);
              break;

            case CMARK_NODE_LIST:
              enter_list (r, node);
              break;

            case CMARK_NODE_ITEM:
              enter_item (r);
              break;

            case CMARK_NODE_PARAGRAPH:
              render_paragraph (r, node);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
              break;

            case CMARK_NODE_HEADING:
              render_heading (r, node);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
              break;

            case CMARK_NODE_CODE_BLOCK:
              render_literal_block (r, node, self->code_block_tag, TRUE);
              break;

            case CMARK_NODE_HTML_BLOCK:
              if (!is_html_comment (cmark_node_get_literal (node)))
                render_literal_block (r, node, self->html_tag, FALSE);
              break;

            case CMARK_NODE_THEMATIC_BREAK:
              render_rule (r);
              break;

            default:
              break;
            }
        }
      else if (ev == CMARK_EVENT_EXIT)
        {
          switch ((int) type)
            {
            case CMARK_NODE_BLOCK_QUOTE:
              exit_quote (r);
              break;

            case CMARK_NODE_LIST:
              exit_list (r);
              break;

            case CMARK_NODE_ITEM:
              exit_item (r);
              break;

            default:
              break;
            }
        }
    }

  render_flush_markers (r);
  cmark_iter_free (iter);
}

/* ---- the buffer ---- */

static GtkTextBuffer *
out_to_buffer (PathwaysMarkdownView *self,
               Out                  *out)
{
  GtkTextBuffer *buffer = gtk_text_buffer_new (self->tag_table);
  GtkTextIter iter;
  GtkTextIter end;
  gsize pos = 0;

  /* Nothing here is ever undone; recording it would only cost time and memory. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);

  /* The last block's line break would leave an empty line at the end. */
  if (out->text->len > 0 && out->text->str[out->text->len - 1] == '\n')
    {
      g_string_truncate (out->text, out->text->len - 1);
      out->n_chars--;
    }

  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (guint i = 0; i < out->images->len; i++)
    {
      ImageSpot *spot = &g_array_index (out->images, ImageSpot, i);

      if (spot->byte > pos)
        gtk_text_buffer_insert (buffer, &iter, out->text->str + pos, spot->byte - pos);
      gtk_text_buffer_insert_paintable (buffer, &iter, spot->paintable);
      pos = spot->byte + 3;
    }
  if (out->text->len > pos)
    gtk_text_buffer_insert (buffer, &iter, out->text->str + pos, out->text->len - pos);

  gtk_text_buffer_get_bounds (buffer, &iter, &end);
  gtk_text_buffer_apply_tag (buffer, self->zoom_tag, &iter, &end);

  for (guint i = 0; i < out->tags->len; i++)
    {
      TagRange *range = &g_array_index (out->tags, TagRange, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, range->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
      gtk_text_buffer_apply_tag (buffer, range->tag, &iter, &end);
    }

  return buffer;
}

static int
compare_link_ranges (gconstpointer a,
                     gconstpointer b)
{
  const LinkRange *la = a;
  const LinkRange *lb = b;

  return (la->start > lb->start) - (la->start < lb->start);
}

static int
compare_decos (gconstpointer a,
               gconstpointer b)
{
  const Deco *da = a;
  const Deco *db = b;

  return (da->start > db->start) - (da->start < db->start);
}

static gboolean
release_retired_cb (gpointer data)
{
  PathwaysMarkdownView *self = data;

  self->retire_idle = 0;
  g_clear_object (&self->retired_buffer);
  return G_SOURCE_REMOVE;
}

static void
retire_buffer (PathwaysMarkdownView *self,
               GtkTextBuffer        *buffer)
{
  g_clear_object (&self->retired_buffer);
  self->retired_buffer = g_object_ref (buffer);
  if (self->retire_idle == 0)
    self->retire_idle = g_idle_add_full (G_PRIORITY_LOW, release_retired_cb, self, NULL);
}

static void
heading_copy_free (gpointer data)
{
  PathwaysHeading *heading = data;

  g_free (heading->text);
  g_free (heading->id);
  g_free (heading);
}

static void
set_hover_href (PathwaysMarkdownView *self,
                const char           *href)
{
  if (g_strcmp0 (self->hover_href, href) == 0)
    return;

  g_free (self->hover_href);
  self->hover_href = g_strdup (href);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), href != NULL ? "pointer" : "text");
  g_signal_emit (self, signals[LINK_HOVERED], 0, href);
}

static void
clear_find (PathwaysMarkdownView *self)
{
  g_array_set_size (self->matches, 0);
  self->find_current = 0;
}

static void apply_highlight (PathwaysMarkdownView *self,
                             int                   index,
                             gint64                until);
static int  cursor_heading  (PathwaysMarkdownView *self);

/**
 * pathways_markdown_view_set_document:
 * @self: a #PathwaysMarkdownView
 * @doc: (nullable): the parsed page, or %NULL to show nothing
 * @base_dir: (nullable): the folder of the page, for relative image paths
 * @root: (nullable): the handbook folder; no image outside it is read
 *
 * Shows @doc. Nothing of @doc is kept: it may be freed as soon as this returns.
 */
void
pathways_markdown_view_set_document (PathwaysMarkdownView      *self,
                                     const PathwaysMarkdownDoc *doc,
                                     GFile                     *base_dir,
                                     GFile                     *root)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;
  Render r = { 0, };
  guint n_headings;
  guint body_hash;
  int keep_heading = -1;
  int keep_highlight = -1;

  g_return_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self));
  g_return_if_fail (base_dir == NULL || G_IS_FILE (base_dir));
  g_return_if_fail (root == NULL || G_IS_FILE (root));

  n_headings = doc != NULL && doc->headings != NULL ? doc->headings->len : 0;

  /* The same text laid out again (the window was resized): the cursor stays in its section
   * and a search result's tint stays on. */
  body_hash = doc != NULL && doc->body != NULL ? g_str_hash (doc->body) : 0;
  if (body_hash != 0 && body_hash == self->body_hash && n_headings == self->headings->len)
    {
      keep_heading = cursor_heading (self);
      keep_highlight = self->highlight_index;
    }
  self->body_hash = body_hash;
  self->highlight_index = -1;
  g_clear_handle_id (&self->highlight_timeout, g_source_remove);

  create_tags (self);
  self->width_sensitive = FALSE;
  self->rendered_width = gtk_widget_get_width (GTK_WIDGET (self));

  r.self = self;
  r.doc = doc;
  r.base_dir = base_dir;
  r.root = root;
  if (root != NULL)
    {
      g_autofree char *root_path = g_file_get_path (root);

      if (root_path != NULL)
        r.root_real = realpath (root_path, NULL);
    }
  r.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, line_style_free);
  r.heading_index = g_hash_table_new (NULL, NULL);
  r.heading_offsets = g_new (int, MAX (n_headings, 1));
  out_init (&r.out);
  r.decos = g_array_new (FALSE, FALSE, sizeof (Deco));
  r.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  r.inline_starts = g_array_new (FALSE, FALSE, sizeof (int));
  r.marker_tabs = g_array_new (FALSE, FALSE, sizeof (TabStop));
  r.hang_base = -1;

  for (guint i = 0; i < n_headings; i++)
    {
      PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);

      r.heading_offsets[i] = -1;
      if (heading->node != NULL)
        g_hash_table_insert (r.heading_index, heading->node, GINT_TO_POINTER (i + 1));
    }

  if (doc != NULL && doc->root != NULL)
    render_document (&r, doc->root);

  g_clear_pointer (&self->line_styles, g_hash_table_unref);
  self->line_styles = g_steal_pointer (&r.styles);

  buffer = out_to_buffer (self, &r.out);

  g_array_sort (r.out.links, compare_link_ranges);
  g_clear_pointer (&self->links, g_array_unref);
  self->links = g_steal_pointer (&r.out.links);

  g_array_sort (r.decos, compare_decos);
  g_clear_pointer (&self->decos, g_array_unref);
  self->decos = g_steal_pointer (&r.decos);

  g_ptr_array_set_size (self->headings, 0);
  g_ptr_array_set_size (self->heading_marks, 0);
  for (guint i = 0; i < n_headings; i++)
    {
      PathwaysHeading *heading = g_ptr_array_index (doc->headings, i);
      PathwaysHeading *copy = g_new0 (PathwaysHeading, 1);
      GtkTextIter iter;

      copy->level = heading->level;
      copy->text = g_strdup (heading->text);
      copy->id = g_strdup (heading->id);
      g_ptr_array_add (self->headings, copy);

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, MAX (r.heading_offsets[i], 0));
      g_ptr_array_add (self->heading_marks,
                       g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE)));
    }

  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    self->find_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
    /* Keyboard link navigation and screen readers start at the top of a new page. */
    gtk_text_buffer_place_cursor (buffer, &start);
  }
  clear_find (self);
  g_clear_pointer (&self->press_href, g_free);
  set_hover_href (self, NULL);

  /* Freeing a big page takes a moment: let the new one paint first. */
  retire_buffer (self, gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), buffer);

  if (keep_heading >= 0)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter,
                                        g_ptr_array_index (self->heading_marks, keep_heading));
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  if (keep_highlight >= 0)
    apply_highlight (self, keep_highlight, self->highlight_until);

  out_clear (&r.out);
  g_array_unref (r.frames);
  g_array_unref (r.inline_starts);
  g_array_unref (r.marker_tabs);
  g_clear_object (&r.layout);
  g_hash_table_unref (r.heading_index);
  g_free (r.heading_offsets);
  free (r.root_real);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- drawing ---- */

static void
deco_y_range (PathwaysMarkdownView *self,
              const Deco           *deco,
              double               *top,
              double               *bottom)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  int y, height;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, deco->start);
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);
  *top = y + scaled (self, deco->top_skip);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, MAX (deco->end - 1, deco->start));
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);
  *bottom = y + height - scaled (self, deco->bottom_skip);
}

static void
pathways_markdown_view_snapshot_layer (GtkTextView      *view,
                                       GtkTextViewLayer  layer,
                                       GtkSnapshot      *snapshot)
{
  PathwaysMarkdownView *self = PATHWAYS_MARKDOWN_VIEW (view);
  const GdkRGBA shade = { 0.5, 0.5, 0.5, 0.12 };
  const GdkRGBA light_shade = { 0.5, 0.5, 0.5, 0.06 };
  const GdkRGBA line = { 0.5, 0.5, 0.5, 0.45 };
  GdkRectangle visible;
  GtkTextIter iter;
  int first, last;
  int right_edge;
  guint lo, hi;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->decos == NULL || self->decos->len == 0)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  first = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (view, &iter, visible.y + visible.height, NULL);
  gtk_text_iter_forward_line (&iter);
  last = gtk_text_iter_get_offset (&iter);
  right_edge = visible.x + visible.width - self->margin;

  /* Decorations are sorted by start: skip those that start below the visible area. */
  lo = 0;
  hi = self->decos->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->decos, Deco, mid).start <= last)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = 0; i < lo; i++)
    {
      const Deco *deco = &g_array_index (self->decos, Deco, i);
      double top, bottom;
      double x, width;

      if (deco->end < first || deco->end <= deco->start)
        continue;

      deco_y_range (self, deco, &top, &bottom);
      if (bottom <= top)
        continue;

      x = self->margin + scaled (self, deco->x);
      width = deco->width > 0 ? scaled (self, deco->width) : right_edge - x;
      width = MIN (width, right_edge - x);
      if (width <= 0)
        continue;

      switch (deco->kind)
        {
        case DECO_QUOTE:
          {
            const GdkRGBA *color = deco->style != PATHWAYS_ALERT_NONE ? &alerts[deco->style].bar
                                                                      : &line;

            gtk_snapshot_append_color (snapshot, color,
                                       &GRAPHENE_RECT_INIT (x + scaled (self, 4), top,
                                                            scaled (self, QUOTE_BAR_WIDTH),
                                                            bottom - top));
          }
          break;

        case DECO_CODE:
          {
            GskRoundedRect rounded;

            gsk_rounded_rect_init_from_rect (&rounded,
                                             &GRAPHENE_RECT_INIT (x, top, width, bottom - top),
                                             6);
            gtk_snapshot_push_rounded_clip (snapshot, &rounded);
            gtk_snapshot_append_color (snapshot, &shade,
                                       &GRAPHENE_RECT_INIT (x, top, width, bottom - top));
            gtk_snapshot_pop (snapshot);
          }
          break;

        case DECO_RULE:
          gtk_snapshot_append_color (snapshot, &line,
                                     &GRAPHENE_RECT_INIT (x, (int) ((top + bottom) / 2), width,
                                                          MAX (1, scaled (self, 1))));
          break;

        case DECO_TABLE_ROW:
          if (deco->style == ROW_HEADER)
            {
              gtk_snapshot_append_color (snapshot, &shade,
                                         &GRAPHENE_RECT_INIT (x, top, width, bottom - top));
              gtk_snapshot_append_color (snapshot, &line,
                                         &GRAPHENE_RECT_INIT (x, bottom - 1, width, 1));
            }
          else if (deco->style == ROW_EVEN)
            gtk_snapshot_append_color (snapshot, &light_shade,
                                       &GRAPHENE_RECT_INIT (x, top, width, bottom - top));
          break;

        default:
          break;
        }
    }
}

/* ---- colours ---- */

static void
update_colors (PathwaysMarkdownView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const GdkRGBA link_light = { 0.11, 0.44, 0.85, 1 };
  const GdkRGBA link_dark = { 0.47, 0.68, 0.93, 1 };
  const GdkRGBA dim_light = { 0, 0, 0, 0.62 };
  const GdkRGBA dim_dark = { 1, 1, 1, 0.62 };
  const GdkRGBA *dim = dark ? &dim_dark : &dim_light;

  g_object_set (self->link_tag, "foreground-rgba", dark ? &link_dark : &link_light, NULL);
  g_object_set (self->quote_tag, "foreground-rgba", dim, NULL);
  g_object_set (self->image_alt_tag, "foreground-rgba", dim, NULL);
  g_object_set (self->html_tag, "foreground-rgba", dim, NULL);
  g_object_set (self->marker_tag, "foreground-rgba", dim, NULL);
  g_object_set (self->table_label_tag, "foreground-rgba", dim, NULL);

  for (int kind = PATHWAYS_ALERT_NOTE; kind < PATHWAYS_N_ALERTS; kind++)
    g_object_set (self->alert_tags[kind], "foreground-rgba",
                  dark ? &alerts[kind].dark : &alerts[kind].light, NULL);
}

/* ---- the readable measure ---- */

static double
get_em (PathwaysMarkdownView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double size;
  double dpi;

  if (desc == NULL || pango_font_description_get_size (desc) <= 0)
    return 14.0;

  size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    return size;

  dpi = pango_cairo_context_get_resolution (context);
  return size * (dpi > 0 ? dpi : 96.0) / 72.0;
}

/* The width text is laid out in, at zoom 1: the reading measure, or less on a narrow view. */
static int
get_column_width (PathwaysMarkdownView *self)
{
  int measure = (int) (MEASURE_EMS * get_em (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (width <= 0)
    return measure;
  return MIN (measure, (int) ((width - 2 * MIN_MARGIN) / self->zoom));
}

static gboolean
update_measure_cb (gpointer data)
{
  PathwaysMarkdownView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int text_width = (int) (MEASURE_EMS * get_em (self) * self->zoom);
  int margin = MAX (MIN_MARGIN, (width - text_width) / 2);

  self->measure_idle = 0;

  /* Images and tables were sized for another width: ask for the page again. */
  if (self->width_sensitive && ABS (width - self->rendered_width) > 32)
    {
      self->rendered_width = width;
      g_signal_emit (self, signals[REFLOW_NEEDED], 0);
    }

  if (margin != self->margin)
    {
      self->margin = margin;
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), margin);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), margin);
      update_all_line_styles (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return G_SOURCE_REMOVE;
}

/* Margins change the layout, so they are never set while the widget is being allocated. */
static void
queue_measure (PathwaysMarkdownView *self)
{
  if (self->measure_idle == 0)
    self->measure_idle = g_idle_add (update_measure_cb, self);
}

static void
pathways_markdown_view_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  PathwaysMarkdownView *self = PATHWAYS_MARKDOWN_VIEW (widget);

  GTK_WIDGET_CLASS (pathways_markdown_view_parent_class)->size_allocate (widget, width, height,
                                                                         baseline);

  if (width != self->measured_width)
    {
      self->measured_width = width;
      queue_measure (self);
    }
}

/* ---- links ---- */

static const char *
link_at_offset (PathwaysMarkdownView *self,
                int                   offset)
{
  guint lo = 0;
  guint hi;

  if (self->links == NULL)
    return NULL;

  hi = self->links->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->links, LinkRange, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0)
    {
      const LinkRange *link = &g_array_index (self->links, LinkRange, lo - 1);

      if (offset < link->end)
        return link->href;
    }

  return NULL;
}

static const char *
link_at_point (PathwaysMarkdownView *self,
               double                x,
               double                y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return NULL;

  return link_at_offset (self, gtk_text_iter_get_offset (&iter));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PathwaysMarkdownView     *self)
{
  set_hover_href (self, link_at_point (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          PathwaysMarkdownView     *self)
{
  set_hover_href (self, NULL);
}

static void
on_pressed (GtkGestureClick      *gesture,
            int                   n_press,
            double                x,
            double                y,
            PathwaysMarkdownView *self)
{
  g_free (self->press_href);
  self->press_href = n_press == 1 ? g_strdup (link_at_point (self, x, y)) : NULL;
}

static void
on_released (GtkGestureClick      *gesture,
             int                   n_press,
             double                x,
             double                y,
             PathwaysMarkdownView *self)
{
  g_autofree char *pressed = g_steal_pointer (&self->press_href);
  g_autofree char *href = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  /* Selecting text that starts or ends on a link must not follow it. */
  if (pressed == NULL || n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  href = g_strdup (link_at_point (self, x, y));
  if (g_strcmp0 (href, pressed) == 0)
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, href);
}

/* ---- links from the keyboard ---- */

/* Tab and Shift+Tab step through the page's links, selecting each, as in a browser; past
 * the last one, focus moves on as usual. */
static gboolean
select_adjacent_link (PathwaysMarkdownView *self,
                      gboolean              backwards)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter sel_start, sel_end, start, end;
  const LinkRange *target = NULL;
  int offset;

  if (self->links == NULL || self->links->len == 0)
    return FALSE;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  offset = gtk_text_iter_get_offset (backwards ? &sel_start : &sel_end);
  if (!backwards && !gtk_text_buffer_get_has_selection (buffer)
      && link_at_offset (self, offset) != NULL)
    offset--;  /* the cursor sits on a link that is not selected yet: take that one */

  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkRange *link = &g_array_index (self->links, LinkRange, backwards
                                              ? self->links->len - 1 - i : i);

      if (backwards ? link->end <= offset : link->start > offset)
        {
          target = link;
          break;
        }
    }
  if (target == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, target->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, target->end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &start, 0.1, FALSE, 0, 0);
  g_signal_emit (self, signals[LINK_HOVERED], 0, target->href);
  return TRUE;
}

/* Enter follows the link under the selection or cursor (after Tab, or after find). */
static gboolean
activate_link_at_cursor (PathwaysMarkdownView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  g_autofree char *href = NULL;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  href = g_strdup (link_at_offset (self, gtk_text_iter_get_offset (&start)));
  if (href == NULL)
    return FALSE;
  g_signal_emit (self, signals[LINK_ACTIVATED], 0, href);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PathwaysMarkdownView  *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      return mods == 0 && activate_link_at_cursor (self);

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      return mods == 0 && select_adjacent_link (self, FALSE);

    case GDK_KEY_ISO_Left_Tab:
      return mods == GDK_SHIFT_MASK && select_adjacent_link (self, TRUE);

    default:
      return FALSE;
    }
}

/**
 * pathways_markdown_view_dup_link_at_offset:
 * @self: a #PathwaysMarkdownView
 * @offset: a character offset in the buffer
 *
 * Returns: (transfer full) (nullable): the target of the link at @offset, or %NULL
 */
char *
pathways_markdown_view_dup_link_at_offset (PathwaysMarkdownView *self,
                                           int                   offset)
{
  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), NULL);

  return g_strdup (link_at_offset (self, offset));
}

/* ---- headings ---- */

/**
 * pathways_markdown_view_scroll_to_anchor:
 * @self: a #PathwaysMarkdownView
 * @anchor: a link fragment, with or without '#'
 *
 * Scrolls the heading @anchor means to the top, forgiving near misses.
 *
 * Returns: %FALSE if no heading matches
 */
gboolean
pathways_markdown_view_scroll_to_anchor (PathwaysMarkdownView *self,
                                         const char           *anchor)
{
  int index;

  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), FALSE);

  if (anchor == NULL)
    return FALSE;

  index = pathways_markdown_find_anchor (self->headings, anchor);
  if (index < 0)
    return FALSE;

  pathways_markdown_view_scroll_to_heading (self, index);
  return TRUE;
}

/**
 * pathways_markdown_view_scroll_to_heading:
 * @self: a #PathwaysMarkdownView
 * @index: the heading's index in the document's headings
 *
 * Scrolls the heading to the top of the view.
 */
void
pathways_markdown_view_scroll_to_heading (PathwaysMarkdownView *self,
                                          guint                 index)
{
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GtkTextIter iter;

  g_return_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self));

  if (index >= self->heading_marks->len)
    return;

  g_clear_handle_id (&self->scroll_idle, g_source_remove);

  mark = g_ptr_array_index (self->heading_marks, index);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  /* The cursor follows, so that keyboard navigation and screen readers continue from there. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.0, TRUE, 0.0, 0.0);
}

static gboolean highlight_timeout_cb (gpointer user_data);

/* Tints heading @index's line until the monotonic time @until. */
static void
apply_highlight (PathwaysMarkdownView *self,
                 int                   index,
                 gint64                until)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gint64 left = until - g_get_monotonic_time ();
  GtkTextIter start, end;

  if (left <= 0)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, g_ptr_array_index (self->heading_marks, index));
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &start, &end);

  self->highlight_index = index;
  self->highlight_until = until;
  g_clear_handle_id (&self->highlight_timeout, g_source_remove);
  self->highlight_timeout = g_timeout_add ((guint) (left / 1000) + 1, highlight_timeout_cb, self);
}

/* The heading the cursor is in the section of, or -1 above the first one. */
static int
cursor_heading (PathwaysMarkdownView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter cursor;
  int found = -1;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  for (guint i = 0; i < self->heading_marks->len; i++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, g_ptr_array_index (self->heading_marks, i));
      if (gtk_text_iter_compare (&iter, &cursor) > 0)
        break;
      found = (int) i;
    }

  return found;
}

static void
remove_highlight (PathwaysMarkdownView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (self->highlight_tag != NULL &&
      gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                 "section-highlight") == self->highlight_tag)
    gtk_text_buffer_remove_tag (buffer, self->highlight_tag, &start, &end);
}

static gboolean
highlight_timeout_cb (gpointer user_data)
{
  PathwaysMarkdownView *self = user_data;

  self->highlight_timeout = 0;
  self->highlight_index = -1;
  remove_highlight (self);
  return G_SOURCE_REMOVE;
}

/**
 * pathways_markdown_view_highlight_anchor:
 * @self: a #PathwaysMarkdownView
 * @anchor: a heading's id
 *
 * Scrolls to the heading like pathways_markdown_view_scroll_to_anchor() and tints it for a
 * few seconds, so the eye finds the section a search result pointed at.
 *
 * Returns: %FALSE if no heading matches
 */
gboolean
pathways_markdown_view_highlight_anchor (PathwaysMarkdownView *self,
                                         const char           *anchor)
{
  int index;

  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), FALSE);

  if (anchor == NULL || (index = pathways_markdown_find_anchor (self->headings, anchor)) < 0 ||
      (guint) index >= self->heading_marks->len)
    return FALSE;

  pathways_markdown_view_scroll_to_heading (self, index);
  remove_highlight (self);
  apply_highlight (self, index, g_get_monotonic_time () + 3 * G_USEC_PER_SEC);
  return TRUE;
}

/* ---- zoom ---- */

double
pathways_markdown_view_get_zoom (PathwaysMarkdownView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), 1.0);

  return self->zoom;
}

void
pathways_markdown_view_set_zoom (PathwaysMarkdownView *self,
                                 double                zoom)
{
  g_return_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    return;

  self->zoom = zoom;
  g_object_set (self->zoom_tag, "scale", zoom, NULL);
  update_all_line_styles (self);
  queue_measure (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* ---- find ---- */

static void
show_find_current (PathwaysMarkdownView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  const Match *match;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->find_current_tag, &start, &end);

  if (self->find_current == 0 || self->find_current > self->matches->len)
    return;

  match = &g_array_index (self->matches, Match, self->find_current - 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
  gtk_text_buffer_apply_tag (buffer, self->find_current_tag, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_move_mark (buffer, self->find_mark, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->find_mark, 0.1, FALSE, 0.0, 0.0);
}

/**
 * pathways_markdown_view_find:
 * @self: a #PathwaysMarkdownView
 * @needle: (nullable): the text to look for; empty or %NULL clears the highlights
 *
 * Highlights every match, ignoring case, and moves to the first.
 *
 * Returns: the number of matches (at most 10,000)
 */
guint
pathways_markdown_view_find (PathwaysMarkdownView *self,
                             const char           *needle)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, iter;

  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->find_match_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->find_current_tag, &start, &end);
  clear_find (self);

  if (needle == NULL || *needle == '\0')
    return 0;

  iter = start;
  while (self->matches->len < FIND_MAX_MATCHES)
    {
      GtkTextIter match_start, match_end;
      Match match;

      if (!gtk_text_iter_forward_search (&iter, needle,
                                         GTK_TEXT_SEARCH_CASE_INSENSITIVE |
                                         GTK_TEXT_SEARCH_TEXT_ONLY |
                                         GTK_TEXT_SEARCH_VISIBLE_ONLY,
                                         &match_start, &match_end, NULL))
        break;
      if (gtk_text_iter_equal (&match_start, &match_end))
        break;

      match.start = gtk_text_iter_get_offset (&match_start);
      match.end = gtk_text_iter_get_offset (&match_end);
      g_array_append_val (self->matches, match);
      gtk_text_buffer_apply_tag (buffer, self->find_match_tag, &match_start, &match_end);
      iter = match_end;
    }

  if (self->matches->len > 0)
    {
      self->find_current = 1;
      show_find_current (self);
    }

  return self->matches->len;
}

/**
 * pathways_markdown_view_find_next:
 * @self: a #PathwaysMarkdownView
 * @backwards: whether to go to the previous match
 *
 * Moves to the next or previous match, wrapping around at either end.
 *
 * Returns: %FALSE if there are no matches
 */
gboolean
pathways_markdown_view_find_next (PathwaysMarkdownView *self,
                                  gboolean              backwards)
{
  guint n;

  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), FALSE);

  n = self->matches->len;
  if (n == 0)
    return FALSE;

  if (backwards)
    self->find_current = self->find_current <= 1 ? n : self->find_current - 1;
  else
    self->find_current = self->find_current >= n ? 1 : self->find_current + 1;

  show_find_current (self);
  return TRUE;
}

guint
pathways_markdown_view_get_find_position (PathwaysMarkdownView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), 0);

  return self->find_current;
}

/* ---- scroll position ---- */

double
pathways_markdown_view_get_scroll_fraction (PathwaysMarkdownView *self)
{
  GtkAdjustment *adj;
  double range;

  g_return_val_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self), 0.0);

  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  if (adj == NULL)
    return 0.0;

  range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)
          - gtk_adjustment_get_lower (adj);
  if (range <= 0)
    return 0.0;

  return CLAMP ((gtk_adjustment_get_value (adj) - gtk_adjustment_get_lower (adj)) / range,
                0.0, 1.0);
}

static void
apply_scroll_fraction (PathwaysMarkdownView *self,
                       double                fraction)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  double lower, range;

  if (adj == NULL)
    return;

  lower = gtk_adjustment_get_lower (adj);
  range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) - lower;
  gtk_adjustment_set_value (adj, lower + MAX (range, 0) * fraction);
}

static gboolean
scroll_fraction_cb (gpointer data)
{
  PathwaysMarkdownView *self = data;

  self->scroll_idle = 0;
  apply_scroll_fraction (self, self->pending_fraction);
  return G_SOURCE_REMOVE;
}

/**
 * pathways_markdown_view_set_scroll_fraction:
 * @self: a #PathwaysMarkdownView
 * @fraction: 0 for the top, 1 for the bottom
 *
 * Scrolls to a relative position. Right after a new document the page's height is only an
 * estimate, so the position is applied again once the text has been laid out.
 */
void
pathways_markdown_view_set_scroll_fraction (PathwaysMarkdownView *self,
                                            double                fraction)
{
  g_return_if_fail (PATHWAYS_IS_MARKDOWN_VIEW (self));

  self->pending_fraction = CLAMP (fraction, 0.0, 1.0);
  apply_scroll_fraction (self, self->pending_fraction);

  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  self->scroll_idle = g_idle_add_full (G_PRIORITY_LOW, scroll_fraction_cb, self, NULL);
}

/* ---- the class ---- */

static GtkTextTag *
add_tag (PathwaysMarkdownView *self,
         const char           *name,
         const char           *first_property,
         ...)
{
  GtkTextTag *tag = gtk_text_tag_new (name);
  va_list args;

  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);

  gtk_text_tag_table_add (self->tag_table, tag);
  g_object_unref (tag);
  return tag;
}

/* Each document gets a table of its own, so that the previous page's tags leave with its
 * buffer: taking them out of a shared table makes GTK search the live buffers for them.
 * Creation order is priority order: later tags win where they set the same property. */
static void
create_tags (PathwaysMarkdownView *self)
{
  const GdkRGBA code_bg = { 0.5, 0.5, 0.5, 0.18 };
  const GdkRGBA match_bg = { 0.97, 0.89, 0.36, 1 };
  const GdkRGBA current_bg = { 1.0, 0.64, 0.28, 1 };
  const GdkRGBA match_fg = { 0, 0, 0, 1 };
  const GdkRGBA highlight_bg = { 0.21, 0.52, 0.89, 0.22 };

  g_clear_object (&self->tag_table);
  self->tag_table = gtk_text_tag_table_new ();

  self->zoom_tag = add_tag (self, "zoom", "scale", self->zoom, NULL);
  for (int i = 0; i < 6; i++)
    {
      char name[4] = { 'h', (char) ('1' + i), '\0' };

      self->heading_tags[i] = add_tag (self, name,
                                       "weight", PANGO_WEIGHT_BOLD,
                                       "scale", heading_scales[i],
                                       NULL);
    }
  self->quote_tag = add_tag (self, "block-quote", NULL);
  self->emphasis_tag = add_tag (self, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  self->strong_tag = add_tag (self, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->code_tag = add_tag (self, "code",
                            "family", "monospace",
                            "background-rgba", &code_bg,
                            NULL);
  self->code_block_tag = add_tag (self, "code-block",
                                  "family", "monospace",
                                  "wrap-mode", GTK_WRAP_CHAR,
                                  NULL);
  self->html_tag = add_tag (self, "html", "family", "monospace", NULL);
  self->image_alt_tag = add_tag (self, "image-alt", "style", PANGO_STYLE_ITALIC, NULL);
  self->link_tag = add_tag (self, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->alert_title_tag = add_tag (self, "alert-title", "weight", PANGO_WEIGHT_BOLD, NULL);
  for (int kind = PATHWAYS_ALERT_NOTE; kind < PATHWAYS_N_ALERTS; kind++)
    {
      g_autofree char *name = g_ascii_strdown (alerts[kind].label, -1);
      g_autofree char *tag_name = g_strconcat ("alert-", name, NULL);

      self->alert_tags[kind] = add_tag (self, tag_name, NULL);
    }
  self->table_header_tag = add_tag (self, "table-header", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->table_label_tag = add_tag (self, "table-label", NULL);
  self->marker_tag = add_tag (self, "list-marker", NULL);
  self->rule_tag = add_tag (self, "rule", "scale", 0.5, NULL);
  self->decoration_tag = add_tag (self, "decoration", NULL);
  self->find_match_tag = add_tag (self, "find-match",
                                  "background-rgba", &match_bg,
                                  "foreground-rgba", &match_fg,
                                  NULL);
  self->find_current_tag = add_tag (self, "find-current",
                                    "background-rgba", &current_bg,
                                    "foreground-rgba", &match_fg,
                                    NULL);
  self->highlight_tag = add_tag (self, "section-highlight",
                                 "paragraph-background-rgba", &highlight_bg,
                                 NULL);

  update_colors (self);
}

static void
pathways_markdown_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PathwaysMarkdownView *self = PATHWAYS_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_markdown_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PathwaysMarkdownView *self = PATHWAYS_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      pathways_markdown_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_markdown_view_dispose (GObject *object)
{
  PathwaysMarkdownView *self = PATHWAYS_MARKDOWN_VIEW (object);

  g_clear_handle_id (&self->measure_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  g_clear_handle_id (&self->retire_idle, g_source_remove);
  g_clear_handle_id (&self->highlight_timeout, g_source_remove);
  g_clear_object (&self->retired_buffer);

  G_OBJECT_CLASS (pathways_markdown_view_parent_class)->dispose (object);
}

static void
pathways_markdown_view_finalize (GObject *object)
{
  PathwaysMarkdownView *self = PATHWAYS_MARKDOWN_VIEW (object);

  g_clear_pointer (&self->line_styles, g_hash_table_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->decos, g_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->heading_marks, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->hover_href, g_free);
  g_clear_pointer (&self->press_href, g_free);
  g_clear_object (&self->tag_table);

  G_OBJECT_CLASS (pathways_markdown_view_parent_class)->finalize (object);
}

static void
pathways_markdown_view_class_init (PathwaysMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->get_property = pathways_markdown_view_get_property;
  object_class->set_property = pathways_markdown_view_set_property;
  object_class->dispose = pathways_markdown_view_dispose;
  object_class->finalize = pathways_markdown_view_finalize;

  widget_class->size_allocate = pathways_markdown_view_size_allocate;

  text_view_class->snapshot_layer = pathways_markdown_view_snapshot_layer;

  /**
   * PathwaysMarkdownView:zoom:
   *
   * How much larger than normal the text is shown.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PathwaysMarkdownView::link-hovered:
   * @self: the view
   * @href: (nullable): the link's target, or %NULL when the pointer leaves links
   */
  signals[LINK_HOVERED] =
    g_signal_new ("link-hovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PathwaysMarkdownView::link-activated:
   * @self: the view
   * @href: the link's target, as written in the page
   */
  /**
   * PathwaysMarkdownView::reflow-needed:
   * @self: the view
   *
   * The view's width changed enough that the page's images and tables, sized for the
   * old width, should be laid out again: set the document again.
   */
  signals[REFLOW_NEEDED] =
    g_signal_new ("reflow-needed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pathways_markdown_view_init (PathwaysMarkdownView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *motion;
  GtkEventController *key;
  GtkGesture *click;
  g_autoptr(GtkTextBuffer) buffer = NULL;

  self->zoom = 1.0;
  self->margin = MIN_MARGIN;
  self->line_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, line_style_free);
  self->links = g_array_new (FALSE, FALSE, sizeof (LinkRange));
  g_array_set_clear_func (self->links, link_range_clear);
  self->decos = g_array_new (FALSE, FALSE, sizeof (Deco));
  self->headings = g_ptr_array_new_with_free_func (heading_copy_free);
  self->heading_marks = g_ptr_array_new_with_free_func (g_object_unref);
  self->highlight_index = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));

  create_tags (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colors), self, G_CONNECT_SWAPPED);

  buffer = gtk_text_buffer_new (self->tag_table);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_view_set_buffer (view, buffer);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    self->find_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  }

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, self->margin);
  gtk_text_view_set_right_margin (view, self->margin);
  gtk_text_view_set_top_margin (view, 18);
  gtk_text_view_set_bottom_margin (view, 32);
  gtk_text_view_set_pixels_below_lines (view, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page content"),
                                  -1);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (key, "pathways-link-keys");
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  click = gtk_gesture_click_new ();
  /* Named, like the key controller, so tests can click a link as GTK would. */
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "pathways-link-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
pathways_markdown_view_new (void)
{
  return g_object_new (PATHWAYS_TYPE_MARKDOWN_VIEW, NULL);
}
