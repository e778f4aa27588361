/* pathways-print.c: Markdown laid out on paper with GtkPrintOperation, styled like the app's
 * Markdown view, for the print dialog and for PDF export.
 *
 * "begin-print" walks cmark's tree into blocks — a PangoLayout each for paragraphs, headings,
 * list items and code, a row of layouts for table rows — and places each block on pages as
 * soon as it exists, splitting text line by line at page breaks. Walking stops once the page
 * cap is reached, so a huge review costs at most that many pages of layout work.
 * "draw-page" then only draws what was placed.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-print"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <pango/pangocairo.h>
#ifdef CAIRO_HAS_PDF_SURFACE
#include <cairo-pdf.h>
#endif

#include "pathways-form-dialog.h"
#include "pathways-markdown.h"
#include "pathways-print.h"

/* Lengths in points: the operation works in GTK_UNIT_POINTS. */
#define MM                  (72.0 / 25.4)
#define PAGE_MARGIN         (20 * MM)
#define HEADER_TOP          (11 * MM)
#define HEADER_RULE         (15.5 * MM)
#define FOOTER_BASELINE     (11 * MM)    /* from the bottom edge */
#define BODY_SIZE           10.5
#define CODE_SIZE           9.0
#define SMALL_SIZE          8.0
#define BODY_LINE_SPACING   1.25
#define PARAGRAPH_GAP       7.0
#define TIGHT_GAP           2.5
#define HEADING_GAP_BELOW   4.0
#define QUOTE_INDENT        14.0
#define QUOTE_BAR_WIDTH     2.0
#define BULLET_WIDTH        16.0
#define MARKER_GAP          5.0
#define CODE_PAD_X          8.0
#define CODE_PAD_Y          6.0
#define CELL_PAD_X          6.0
#define CELL_PAD_Y          3.5
#define RULE_SPACE          8.0
#define MAX_NEST_FRACTION   0.4       /* deeper quotes and lists stop moving right */
#define KEEP_LINES          3         /* lines a heading keeps with it on its page */
#define MAX_PAGES           500
#define CHUNK_BYTES         16384     /* at most this much text in one layout */
#define CELL_MAX_BYTES      4096
#define TABLE_MEASURE_ROWS  200
#define URL_MAX_CHARS       100

static const double heading_scales[6] = { 2.0, 1.6, 1.3, 1.15, 1.0, 0.9 };
static const double heading_gaps_above[6] = { 20, 17, 14, 11, 9, 9 };

typedef struct
{
  double r, g, b;
} Color;

static const Color text_color = { 0.12, 0.12, 0.12 };
static const Color dim_color = { 0.40, 0.40, 0.40 };
static const Color link_color = { 0.11, 0.44, 0.85 };
static const Color code_background = { 0.95, 0.95, 0.95 };
static const Color inline_code_background = { 0.92, 0.92, 0.92 };
static const Color quote_bar_color = { 0.78, 0.78, 0.78 };
static const Color header_row_background = { 0.93, 0.93, 0.93 };
static const Color strong_rule_color = { 0.55, 0.55, 0.55 };
static const Color light_rule_color = { 0.82, 0.82, 0.82 };

/* The same alerts, labels and colours as the Markdown view's light style. */
static const struct
{
  const char *label;
  Color       bar;
  Color       title;
} alerts[PATHWAYS_N_ALERTS] = {
  [PATHWAYS_ALERT_NOTE] = { N_("Note"), { 0.21, 0.52, 0.89 }, { 0.11, 0.44, 0.85 } },
  [PATHWAYS_ALERT_TIP] = { N_("Tip"), { 0.18, 0.76, 0.49 }, { 0.15, 0.55, 0.31 } },
  [PATHWAYS_ALERT_IMPORTANT] = { N_("Important"),
    { 0.57, 0.25, 0.67 }, { 0.51, 0.24, 0.61 } },
  [PATHWAYS_ALERT_WARNING] = { N_("Warning"), { 0.90, 0.65, 0.04 }, { 0.61, 0.43, 0.01 } },
  [PATHWAYS_ALERT_CAUTION] = { N_("Caution"), { 0.88, 0.11, 0.14 }, { 0.75, 0.11, 0.16 } },
};

/* ---- inline text ---- */

typedef enum
{
  SPAN_EMPH,
  SPAN_STRONG,
  SPAN_CODE,
  SPAN_LINK,
  SPAN_IMAGE,
  SPAN_HTML,
  SPAN_URL,
} SpanKind;

typedef struct
{
  guint    start;  /* bytes; @end is exclusive */
  guint    end;
  SpanKind kind;
} Span;

/* Plain text plus the styled ranges in it: built straight into a PangoAttrList, so text from
 * the document never goes through a markup parser. */
typedef struct
{
  GString *text;
  GArray  *spans;  /* Span */
} Inline;

static void
inline_init (Inline *in)
{
  in->text = g_string_new (NULL);
  in->spans = g_array_new (FALSE, FALSE, sizeof (Span));
}

static void
inline_clear (Inline *in)
{
  if (in->text != NULL)
    g_string_free (in->text, TRUE);
  g_clear_pointer (&in->spans, g_array_unref);
  in->text = NULL;
}

static void
inline_span (Inline   *in,
             SpanKind  kind,
             guint     start)
{
  Span span = { start, (guint) in->text->len, kind };

  if (span.end > span.start)
    g_array_append_val (in->spans, span);
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
      close = strstr (p + 2, "-->");
      if (close == NULL)
        return FALSE;
      p = close + 3;
      while (g_ascii_isspace (*p))
        p++;
    }

  return TRUE;
}

/* After a link's text, its address in small type — paper has no hover — unless the text
 * already says it or the address is relative to the handbook. */
static void
inline_append_url (Inline     *in,
                   guint       text_start,
                   const char *url)
{
  const char *shown = url;
  guint start;

  if (url == NULL || g_uri_peek_scheme (url) == NULL)
    return;
  if (g_str_has_prefix (url, "mailto:"))
    shown = url + strlen ("mailto:");
  if (in->text->len - text_start == strlen (shown) &&
      strncmp (in->text->str + text_start, shown, strlen (shown)) == 0)
    return;
  if (in->text->len - text_start == strlen (url) &&
      strncmp (in->text->str + text_start, url, strlen (url)) == 0)
    return;

  start = in->text->len;
  g_string_append (in->text, " (");
  if (g_utf8_strlen (url, -1) > URL_MAX_CHARS)
    {
      g_string_append_len (in->text, url, g_utf8_offset_to_pointer (url, URL_MAX_CHARS) - url);
      g_string_append (in->text, "…");
    }
  else
    g_string_append (in->text, url);
  g_string_append_c (in->text, ')');
  inline_span (in, SPAN_URL, start);
}

/* Adds an inline node and what it holds. Hard breaks become line separators (a new line in
 * the same paragraph, so the text keeps its direction) or, in table cells, spaces. */
static void
inline_add_node (Inline     *in,
                 cmark_node *node,
                 gboolean    breaks)
{
  cmark_iter *iter = cmark_iter_new (node);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (cur);
      const char *literal = NULL;
      guint start = in->text->len;

      if (ev == CMARK_EVENT_ENTER)
        {
          switch ((int) type)
            {
            case CMARK_NODE_TEXT:
              literal = cmark_node_get_literal (cur);
              if (literal != NULL)
                g_string_append (in->text, literal);
              break;

            case CMARK_NODE_SOFTBREAK:
              g_string_append_c (in->text, ' ');
              break;

            case CMARK_NODE_LINEBREAK:
              g_string_append (in->text, breaks ? "\xe2\x80\xa8" : " ");
              break;

            case CMARK_NODE_CODE:
              literal = cmark_node_get_literal (cur);
              g_string_append (in->text, literal != NULL ? literal : "");
              inline_span (in, SPAN_CODE, start);
              break;

            case CMARK_NODE_HTML_INLINE:
              literal = cmark_node_get_literal (cur);
              if (literal != NULL && !is_html_comment (literal))
                {
                  g_string_append (in->text, literal);
                  inline_span (in, SPAN_HTML, start);
                }
              break;

            case CMARK_NODE_EMPH:
            case CMARK_NODE_STRONG:
            case CMARK_NODE_LINK:
            case CMARK_NODE_IMAGE:
              g_array_append_val (starts, start);
              break;

            default:
              break;
            }
        }
      else if (ev == CMARK_EVENT_EXIT && starts->len > 0 &&
               (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG ||
                type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE))
        {
          start = g_array_index (starts, guint, starts->len - 1);
          g_array_set_size (starts, starts->len - 1);

          switch ((int) type)
            {
            case CMARK_NODE_EMPH:
              inline_span (in, SPAN_EMPH, start);
              break;

            case CMARK_NODE_STRONG:
              inline_span (in, SPAN_STRONG, start);
              break;

            case CMARK_NODE_LINK:
              inline_span (in, SPAN_LINK, start);
              inline_append_url (in, start, cmark_node_get_url (cur));
              break;

            case CMARK_NODE_IMAGE:
              /* Images are not printed; their description is. */
              inline_span (in, SPAN_IMAGE, start);
              break;

            default:
              break;
            }
        }
    }

  cmark_iter_free (iter);
}

static void
inline_add_siblings (Inline     *in,
                     cmark_node *first,
                     cmark_node *stop,
                     gboolean    breaks)
{
  for (cmark_node *node = first; node != NULL && node != stop; node = cmark_node_next (node))
    inline_add_node (in, node, breaks);
}

static PangoAttribute *
color_attr_new (const Color *color)
{
  return pango_attr_foreground_new ((guint16) (color->r * 65535),
                                    (guint16) (color->g * 65535),
                                    (guint16) (color->b * 65535));
}

/* The attributes of the text between @from and @to, which becomes a layout of its own. */
static PangoAttrList *
inline_dup_attrs (const Inline *in,
                  gsize         from,
                  gsize         to)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < in->spans->len; i++)
    {
      const Span *span = &g_array_index (in->spans, Span, i);
      PangoAttribute *list[4] = { NULL, };
      guint start, end;

      if (span->end <= from || span->start >= to)
        continue;
      start = MAX (span->start, from) - from;
      end = MIN (span->end, to) - from;

      switch (span->kind)
        {
        case SPAN_EMPH:
          list[0] = pango_attr_style_new (PANGO_STYLE_ITALIC);
          break;

        case SPAN_STRONG:
          list[0] = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          break;

        case SPAN_CODE:
          list[0] = pango_attr_family_new ("Monospace");
          list[1] = pango_attr_scale_new (0.9);
          list[2] = pango_attr_background_new ((guint16) (inline_code_background.r * 65535),
                                               (guint16) (inline_code_background.g * 65535),
                                               (guint16) (inline_code_background.b * 65535));
          break;

        case SPAN_LINK:
          list[0] = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
          list[1] = color_attr_new (&link_color);
          break;

        case SPAN_IMAGE:
          list[0] = pango_attr_style_new (PANGO_STYLE_ITALIC);
          list[1] = color_attr_new (&dim_color);
          break;

        case SPAN_HTML:
          list[0] = pango_attr_family_new ("Monospace");
          list[1] = color_attr_new (&dim_color);
          break;

        case SPAN_URL:
          list[0] = pango_attr_scale_new (0.8);
          list[1] = color_attr_new (&dim_color);
          break;

        default:
          break;
        }

      for (guint j = 0; j < G_N_ELEMENTS (list) && list[j] != NULL; j++)
        {
          list[j]->start_index = start;
          list[j]->end_index = end;
          pango_attr_list_insert (attrs, list[j]);
        }
    }

  return attrs;
}

/* ---- blocks and pages ---- */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RULE,
  BLOCK_ROW,
} BlockKind;

typedef struct
{
  guint     id;
  double    x;
  PathwaysAlertKind alert;
} QuoteRef;

typedef struct
{
  double top;
  double height;
  double baseline;
  double x;
} LineInfo;

typedef struct _Table Table;

typedef struct
{
  BlockKind     kind;
  double        x;               /* where the text starts, from the left margin */
  double        width;
  double        above;           /* space wanted above, unless at the top of a page */
  double        pad;             /* space above and below the text inside a code box */
  double        box_x;           /* the code box, when box_width > 0 */
  double        box_width;
  gboolean      keep_with_next;  /* headings do not end a page */
  const Color  *color;
  PangoLayout  *layout;
  GArray       *lines;           /* LineInfo, once placed */
  PangoLayout  *marker;          /* a list item's bullet or number, beside the first line */
  gboolean      rtl;
  QuoteRef     *quotes;          /* the quotes around the block, outermost first */
  guint         n_quotes;

  /* table rows */
  Table        *table;
  PangoLayout **cells;
  double        height;
  gboolean      header;
} Block;

struct _Table
{
  guint   n_cols;
  double  x;
  double  width;
  double *col_x;   /* of each column's text, from the left margin */
  double *col_w;
  Block  *header;
};

typedef struct
{
  Block *block;
  guint  first_line;
  guint  n_lines;
  double y;       /* top of the text, or of the row, from the top margin */
  double height;
} Fragment;

typedef struct
{
  guint     id;
  double    x;
  double    top;
  double    bottom;
  PathwaysAlertKind alert;
} Bar;

typedef struct
{
  GArray *fragments;  /* Fragment */
  GArray *bars;       /* Bar */
} Page;

typedef enum
{
  FRAME_QUOTE,
  FRAME_LIST,
  FRAME_ITEM,
} FrameKind;

typedef struct
{
  FrameKind kind;
  double    x_before;
  gboolean  ordered;
  gboolean  tight;
  char      delim;
  int       number;
  double    marker_width;
} Frame;

typedef struct
{
  char                 *title;
  PathwaysMarkdownDoc  *doc;
  GWeakRef              parent;

  /* Set up by "begin-print", gone after "end-print". */
  GtkPrintContext      *context;
  PangoFontDescription *body_font;
  PangoFontDescription *bold_font;
  PangoFontDescription *mono_font;
  PangoFontDescription *small_font;
  PangoLayout          *measure;
  double                page_width;
  double                page_height;
  double                content_width;
  double                content_height;
  double                keep_space;
  GPtrArray            *blocks;        /* Block*, owned */
  GPtrArray            *tables;        /* Table*, owned */
  GPtrArray            *pages;         /* Page*, owned */
  Block                *note;
  double                note_reserve;

  /* pagination */
  double                y;
  GArray               *bar_at_depth;  /* guint: the current page's bar for each quote depth */
  gboolean              full;

  /* the walk through the document */
  GArray               *frames;        /* Frame */
  GArray               *quotes;        /* QuoteRef */
  double                x;
  int                   list_depth;
  PangoLayout          *marker;
  double                pending_gap;
  guint                 next_quote_id;
  cmark_node           *alert_paragraph;
  cmark_node           *alert_rest;
} Job;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_object (&block->marker);
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block->quotes);
  if (block->cells != NULL)
    {
      for (guint i = 0; i < block->table->n_cols; i++)
        g_clear_object (&block->cells[i]);
      g_free (block->cells);
    }
  g_free (block);
}

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->col_x);
  g_free (table->col_w);
  g_free (table);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->fragments);
  g_array_unref (page->bars);
  g_free (page);
}

/* Drops everything laid out for one run of the operation. */
static void
job_clear_layout (Job *job)
{
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_clear_pointer (&job->tables, g_ptr_array_unref);
  g_clear_pointer (&job->bar_at_depth, g_array_unref);
  g_clear_pointer (&job->frames, g_array_unref);
  g_clear_pointer (&job->quotes, g_array_unref);
  g_clear_pointer (&job->body_font, pango_font_description_free);
  g_clear_pointer (&job->bold_font, pango_font_description_free);
  g_clear_pointer (&job->mono_font, pango_font_description_free);
  g_clear_pointer (&job->small_font, pango_font_description_free);
  g_clear_object (&job->measure);
  g_clear_object (&job->marker);
  job->note = NULL;
  job->context = NULL;
}

static void
job_free (gpointer data)
{
  Job *job = data;

  job_clear_layout (job);
  g_clear_pointer (&job->doc, pathways_markdown_doc_free);
  g_clear_pointer (&job->title, g_free);
  g_weak_ref_clear (&job->parent);
  g_free (job);
}

static Page *
current_page (Job *job)
{
  return g_ptr_array_index (job->pages, job->pages->len - 1);
}

static gboolean
page_is_empty (Job *job)
{
  return current_page (job)->fragments->len == 0;
}

/* The last page keeps room for the note that says the document goes on. */
static double
page_bottom (Job *job)
{
  return job->content_height - (job->pages->len >= MAX_PAGES ? job->note_reserve : 0);
}

static gboolean
new_page (Job *job)
{
  Page *page;

  if (job->pages->len >= MAX_PAGES)
    {
      job->full = TRUE;
      return FALSE;
    }

  page = g_new0 (Page, 1);
  page->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  page->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_ptr_array_add (job->pages, page);
  job->y = 0;
  g_array_set_size (job->bar_at_depth, 0);
  return TRUE;
}

static void
add_fragment (Job    *job,
              Block  *block,
              guint   first_line,
              guint   n_lines,
              double  y,
              double  height)
{
  Page *page = current_page (job);
  Fragment fragment = { block, first_line, n_lines, y, height };

  g_array_append_val (page->fragments, fragment);

  /* A quote's bar runs along everything inside it on this page, gaps included. */
  for (guint depth = 0; depth < block->n_quotes; depth++)
    {
      const QuoteRef *quote = &block->quotes[depth];
      Bar *bar = NULL;

      if (depth < job->bar_at_depth->len)
        {
          Bar *candidate = &g_array_index (page->bars, Bar,
                                           g_array_index (job->bar_at_depth, guint, depth));

          if (candidate->id == quote->id)
            bar = candidate;
        }

      if (bar != NULL)
        bar->bottom = y + height + block->pad;
      else
        {
          Bar added = { quote->id, quote->x, y - block->pad, y + height + block->pad,
                        quote->alert };
          guint index = page->bars->len;

          g_array_append_val (page->bars, added);
          if (job->bar_at_depth->len <= depth)
            g_array_set_size (job->bar_at_depth, depth + 1);
          g_array_index (job->bar_at_depth, guint, depth) = index;
        }
    }
  if (job->bar_at_depth->len > block->n_quotes)
    g_array_set_size (job->bar_at_depth, block->n_quotes);
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter;

  if (block->lines != NULL)
    return;

  block->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      LineInfo info;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.top = logical.y / (double) PANGO_SCALE;
      info.height = logical.height / (double) PANGO_SCALE;
      info.x = logical.x / (double) PANGO_SCALE;
      info.baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      g_array_append_val (block->lines, info);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
lines_height (Block *block,
              guint  first,
              guint  n)
{
  const LineInfo *a = &g_array_index (block->lines, LineInfo, first);
  const LineInfo *b = &g_array_index (block->lines, LineInfo, first + n - 1);

  return b->top + b->height - a->top;
}

/* Places a block of text, splitting it between lines where a page ends. A paragraph leaves no
 * single line behind at the bottom of a page nor alone at the top of the next. */
static void
place_text (Job   *job,
            Block *block)
{
  double gap = page_is_empty (job) ? 0 : block->above;
  guint n, i = 0;

  measure_lines (block);
  n = block->lines->len;

  if (block->keep_with_next && !page_is_empty (job) &&
      job->y + gap + lines_height (block, 0, n) + 2 * block->pad + job->keep_space >
      page_bottom (job))
    {
      if (!new_page (job))
        return;
      gap = 0;
    }

  while (i < n)
    {
      double avail = page_bottom (job) - job->y - gap - 2 * block->pad;
      guint k = 0;

      while (i + k < n && lines_height (block, i, k + 1) <= avail + 0.01)
        k++;

      if (i + k < n)
        {
          if (n - i - k == 1 && k > 2)
            k--;
          if (i == 0 && k < 2)
            k = 0;
          if (k == 0 && page_is_empty (job))
            k = 1;  /* nothing fits anywhere: at least move on */
        }

      if (k > 0)
        {
          double height = lines_height (block, i, k);

          add_fragment (job, block, i, k, job->y + gap + block->pad, height);
          job->y += gap + height + 2 * block->pad;
          i += k;
        }

      if (i < n)
        {
          if (!new_page (job))
            return;
          gap = 0;
        }
    }
}

/* Places a block that does not split: a table row (after the header again on a new page) or
 * a rule. */
static void
place_whole (Job   *job,
             Block *block)
{
  double gap = page_is_empty (job) ? 0 : block->above;
  double need = gap + block->height + (block->header ? job->keep_space : 0);

  if (!page_is_empty (job) && job->y + need > page_bottom (job))
    {
      if (!new_page (job))
        return;
      gap = 0;

      if (block->kind == BLOCK_ROW && !block->header && block->table->header != NULL)
        {
          Block *header = block->table->header;

          add_fragment (job, header, 0, 0, job->y, header->height);
          job->y += header->height;
        }
    }

  add_fragment (job, block, 0, 0, job->y + gap, block->height);
  job->y += gap + block->height;
}

/* ---- the walk through the document ---- */

static double
take_gap (Job *job)
{
  double gap = job->pending_gap;

  job->pending_gap = 0;
  return gap;
}

static void
add_gap (Job    *job,
         double  gap)
{
  job->pending_gap = MAX (job->pending_gap, gap);
}

static Frame *
top_frame (Job       *job,
           FrameKind  kind)
{
  Frame *frame;

  if (job->frames->len == 0)
    return NULL;

  frame = &g_array_index (job->frames, Frame, job->frames->len - 1);
  return frame->kind == kind ? frame : NULL;
}

/* The space after a block: tight list items keep their paragraphs close. */
static double
context_gap (Job *job)
{
  Frame *item = top_frame (job, FRAME_ITEM);

  return item != NULL && item->tight ? TIGHT_GAP : PARAGRAPH_GAP;
}

/* How far a nested block moves right: thousands of ">" must not push the text off the page. */
static double
nest_step (Job    *job,
           double  step)
{
  return CLAMP (job->content_width * MAX_NEST_FRACTION - job->x, 0, step);
}

static Block *
block_new (Job       *job,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->x = job->x;
  block->width = MAX (job->content_width - job->x, 1);
  block->color = &text_color;
  block->n_quotes = job->quotes->len;
  if (block->n_quotes > 0)
    block->quotes = g_memdup2 (job->quotes->data, sizeof (QuoteRef) * block->n_quotes);
  g_ptr_array_add (job->blocks, block);
  return block;
}

static PangoLayout *
layout_new (Job                        *job,
            const PangoFontDescription *font,
            double                      width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (job->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width > 0 ? pango_units_from_double (width) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Each paragraph takes its direction from its first strong character: Arabic and Hebrew
   * paragraphs read from the right, whatever the locale. */
  pango_layout_set_auto_dir (layout, TRUE);
  return layout;
}

static gboolean
layout_is_rtl (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);

  return line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
}

typedef struct
{
  const PangoFontDescription *font;
  const Color                *color;
  double                      line_spacing;
  gboolean                    code;
  gboolean                    keep_with_next;
} TextStyle;

/* Where the chunk of text starting at @from ends (@end) and the next one starts (@next):
 * at a line break or a space if there is one not too far back, else between characters. */
static void
chunk_bounds (const char *text,
              gsize       len,
              gsize       from,
              gsize      *end,
              gsize      *next)
{
  gsize limit = from + CHUNK_BYTES;
  gsize pos;

  if (len - from <= CHUNK_BYTES)
    {
      *end = *next = len;
      return;
    }

  for (pos = limit; pos > from + CHUNK_BYTES / 2; pos--)
    if (text[pos] == '\n')
      {
        *end = pos, *next = pos + 1;
        return;
      }
  for (pos = limit; pos > from + CHUNK_BYTES / 2; pos--)
    if (text[pos] == ' ')
      {
        *end = pos, *next = pos + 1;
        return;
      }

  /* One enormous word: Pango wraps those slowly, so take a small piece at a time. */
  pos = from + CHUNK_BYTES / 8;
  while (pos > from + 1 && ((guchar) text[pos] & 0xC0) == 0x80)
    pos--;
  *end = *next = pos;
}

static void emit_pending_marker (Job *job);

/* Where the innermost run of nested lists starts: a right-to-left item is indented from the
 * right instead, by as much. */
static double
list_base_x (Job *job)
{
  double x = job->x;

  for (guint i = job->frames->len; i > 0; i--)
    {
      Frame *frame = &g_array_index (job->frames, Frame, i - 1);

      if (frame->kind == FRAME_QUOTE)
        break;
      if (frame->kind == FRAME_LIST)
        x = frame->x_before;
    }

  return x;
}

/* Turns text into blocks and places them. Very long text is cut into several layouts, so
 * that laying out stops soon after the last page instead of at the end of the text. */
static void
emit_text (Job             *job,
           const Inline    *in,
           const TextStyle *style)
{
  const char *text = in->text->str;
  gsize len = in->text->len;
  double above = take_gap (job);
  gsize from = 0;

  if (job->full)
    return;
  if (len == 0 && job->marker == NULL)
    {
      add_gap (job, above);
      return;
    }

  do
    {
      Block *block = block_new (job, BLOCK_TEXT);
      PangoAttrList *attrs;
      gsize end, next;

      chunk_bounds (text, len, from, &end, &next);

      block->above = from == 0 ? above : 0;
      block->color = style->color;
      block->keep_with_next = style->keep_with_next;
      if (style->code)
        {
          block->box_x = block->x;
          block->box_width = block->width;
          block->x += CODE_PAD_X;
          block->width = MAX (block->width - 2 * CODE_PAD_X, 1);
          block->pad = CODE_PAD_Y;
        }

      block->layout = layout_new (job, style->font, block->width);
      if (style->code)
        pango_layout_set_wrap (block->layout, PANGO_WRAP_CHAR);
      if (style->line_spacing > 0)
        pango_layout_set_line_spacing (block->layout, style->line_spacing);
      pango_layout_set_text (block->layout, text + from, end - from);
      attrs = inline_dup_attrs (in, from, end);
      pango_layout_set_attributes (block->layout, attrs);
      pango_attr_list_unref (attrs);

      block->rtl = layout_is_rtl (block->layout);
      if (block->rtl && !style->code)
        block->x = list_base_x (job);  /* list indents mirror: markers go on the right */

      if (from == 0)
        block->marker = g_steal_pointer (&job->marker);

      place_text (job, block);
      from = next;
    }
  while (from < len && !job->full);
}

static void
emit_pending_marker (Job *job)
{
  Inline empty;
  TextStyle style = { job->body_font, &text_color, 0, FALSE, FALSE };

  if (job->marker == NULL)
    return;

  inline_init (&empty);
  emit_text (job, &empty, &style);
  inline_clear (&empty);
}

static void
emit_rule (Job *job)
{
  Block *block;

  emit_pending_marker (job);
  if (job->full)
    return;

  block = block_new (job, BLOCK_RULE);
  block->above = take_gap (job) + RULE_SPACE;
  block->height = 1;
  place_whole (job, block);
  add_gap (job, RULE_SPACE + context_gap (job));
}

/* ---- tables ---- */

/* A cell's Markdown as inline content; very long cells are cut, not laid out in full. */
static void
cell_to_inline (const char *cell,
                Inline     *in)
{
  cmark_node *doc = pathways_markdown_table_cell_parse (cell, CELL_MAX_BYTES);
  cmark_node *para = cmark_node_first_child (doc);

  if (para != NULL && cmark_node_get_type (para) == CMARK_NODE_PARAGRAPH)
    inline_add_siblings (in, cmark_node_first_child (para), NULL, FALSE);
  cmark_node_free (doc);
}

static PangoLayout *
cell_layout_new (Job                *job,
                 const char         *cell,
                 gboolean            header,
                 double              width,
                 PathwaysTableAlign  align)
{
  PangoLayout *layout = layout_new (job, header ? job->bold_font : job->body_font, width);
  PangoAttrList *attrs;
  Inline in;

  inline_init (&in);
  cell_to_inline (cell != NULL ? cell : "", &in);
  pango_layout_set_text (layout, in.text->str, in.text->len);
  attrs = inline_dup_attrs (&in, 0, in.text->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  inline_clear (&in);

  if (align == PATHWAYS_TABLE_ALIGN_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (align == PATHWAYS_TABLE_ALIGN_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);

  return layout;
}

/* Columns get their natural width when the table fits; otherwise narrow columns keep theirs
 * and the wide ones share what is left, their text wrapping. */
static void
size_columns (Job       *job,
              Table     *table,
              GPtrArray *rows)
{
  guint n_cols = table->n_cols;
  g_autofree double *natural = g_new0 (double, n_cols);
  double available = job->content_width - job->x - n_cols * 2 * CELL_PAD_X;
  double sum = 0;
  double x;

  for (guint row = 0; row < MIN (rows->len, TABLE_MEASURE_ROWS); row++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, row);

      for (guint col = 0; col < n_cols && col < cells->len; col++)
        {
          g_autoptr(PangoLayout) layout = cell_layout_new (job, g_ptr_array_index (cells, col),
                                                           row == 0, -1, PATHWAYS_TABLE_ALIGN_NONE);
          PangoRectangle logical;

          pango_layout_get_extents (layout, NULL, &logical);
          natural[col] = MAX (natural[col], logical.width / (double) PANGO_SCALE + 1);
        }
    }

  for (guint col = 0; col < n_cols; col++)
    {
      natural[col] = MAX (natural[col], 12);
      sum += natural[col];
    }

  available = MAX (available, n_cols * 24.0);
  if (sum <= available)
    memcpy (table->col_w, natural, sizeof (double) * n_cols);
  else
    {
      double fair = available / n_cols;
      double fixed = 0, flexible = 0;

      for (guint col = 0; col < n_cols; col++)
        {
          if (natural[col] <= fair)
            fixed += natural[col];
          else
            flexible += natural[col];
        }
      for (guint col = 0; col < n_cols; col++)
        table->col_w[col] = natural[col] <= fair ? natural[col]
                                                 : (available - fixed) * natural[col] / flexible;
    }

  x = job->x;
  table->x = x;
  for (guint col = 0; col < n_cols; col++)
    {
      table->col_x[col] = x + CELL_PAD_X;
      x += table->col_w[col] + 2 * CELL_PAD_X;
    }
  table->width = x - job->x;
}

/* A table headed in a right-to-left script reads from the right: first column rightmost. */
static void
mirror_table (Job   *job,
              Table *table)
{
  double left = table->x;
  double right = job->content_width;

  table->x = right - table->width;
  for (guint col = 0; col < table->n_cols; col++)
    {
      double box_start = table->col_x[col] - CELL_PAD_X - left;
      double box_width = table->col_w[col] + 2 * CELL_PAD_X;

      table->col_x[col] = right - box_start - box_width + CELL_PAD_X;
    }
}

static void
emit_table (Job                   *job,
            PathwaysMarkdownTable *source)
{
  GPtrArray *rows = source->rows;
  Table *table;
  double gap;

  emit_pending_marker (job);
  if (job->full)
    return;

  table = g_new0 (Table, 1);
  table->n_cols = source->aligns->len;
  table->col_x = g_new0 (double, table->n_cols);
  table->col_w = g_new0 (double, table->n_cols);
  g_ptr_array_add (job->tables, table);
  size_columns (job, table, rows);

  gap = take_gap (job);
  for (guint row = 0; row < rows->len && !job->full; row++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, row);
      Block *block = block_new (job, BLOCK_ROW);
      double height = 0;

      block->table = table;
      block->header = row == 0;
      block->above = row == 0 ? gap : 0;
      block->cells = g_new0 (PangoLayout *, table->n_cols);
      for (guint col = 0; col < table->n_cols; col++)
        {
          PangoRectangle logical;

          block->cells[col] = cell_layout_new (job,
                                               col < cells->len ? g_ptr_array_index (cells, col)
                                                                : NULL,
                                               row == 0, table->col_w[col],
                                               g_array_index (source->aligns,
                                                              PathwaysTableAlign, col));
          pango_layout_get_extents (block->cells[col], NULL, &logical);
          height = MAX (height, logical.height / (double) PANGO_SCALE);
        }
      block->height = height + 2 * CELL_PAD_Y;
      if (row == 0)
        {
          table->header = block;
          if (table->n_cols > 0 && layout_is_rtl (block->cells[0]))
            mirror_table (job, table);
        }

      place_whole (job, block);
    }

  add_gap (job, context_gap (job));
}

/* A GFM pipe table reaches us as a paragraph (cmark 0.30 knows no tables). Lines before its
 * header stay an ordinary paragraph. */
static gboolean
try_emit_table (Job        *job,
                cmark_node *first)
{
  g_autoptr(PathwaysMarkdownTable) table = pathways_markdown_table_new_from_inlines (job->doc,
                                                                                     first);

  if (table == NULL)
    return FALSE;

  if (table->lead_end != NULL)
    {
      TextStyle style = { job->body_font, &text_color, BODY_LINE_SPACING, FALSE, FALSE };
      Inline in;

      inline_init (&in);
      inline_add_siblings (&in, first, table->lead_end, TRUE);
      emit_text (job, &in, &style);
      inline_clear (&in);
      add_gap (job, context_gap (job));
    }

  emit_table (job, table);
  return TRUE;
}

/* ---- blocks ---- */

static const Color *
quote_color (Job *job)
{
  /* Quoted text is dimmed, as on screen; alerts keep full contrast to be read. */
  for (guint i = 0; i < job->quotes->len; i++)
    if (g_array_index (job->quotes, QuoteRef, i).alert == PATHWAYS_ALERT_NONE)
      return &dim_color;
  return &text_color;
}

/* A GitHub alert is a quote whose first paragraph starts with a line like `[!NOTE]`. */
static PathwaysAlertKind
detect_alert (Job        *job,
              cmark_node *quote)
{
  cmark_node *rest = NULL;
  PathwaysAlertKind kind = pathways_markdown_detect_alert (quote, &rest);

  if (kind != PATHWAYS_ALERT_NONE)
    {
      job->alert_paragraph = cmark_node_first_child (quote);
      job->alert_rest = rest;
    }
  return kind;
}

static Frame *
push_frame (Job       *job,
            FrameKind  kind)
{
  Frame frame = { 0, };

  frame.kind = kind;
  frame.x_before = job->x;
  g_array_append_val (job->frames, frame);
  return &g_array_index (job->frames, Frame, job->frames->len - 1);
}

static void
enter_quote (Job        *job,
             cmark_node *node)
{
  PathwaysAlertKind kind = detect_alert (job, node);
  QuoteRef quote = { job->next_quote_id++, job->x, kind };

  emit_pending_marker (job);
  push_frame (job, FRAME_QUOTE);
  g_array_append_val (job->quotes, quote);
  job->x += nest_step (job, QUOTE_INDENT);

  if (kind != PATHWAYS_ALERT_NONE)
    {
      TextStyle style = { job->bold_font, &alerts[kind].title, 0, FALSE, FALSE };
      Inline in;

      inline_init (&in);
      g_string_append (in.text, _(alerts[kind].label));
      emit_text (job, &in, &style);
      inline_clear (&in);
      add_gap (job, TIGHT_GAP);
    }
}

static void
exit_quote (Job *job)
{
  Frame *frame = top_frame (job, FRAME_QUOTE);

  if (frame == NULL)
    return;

  emit_pending_marker (job);
  job->x = frame->x_before;
  g_array_set_size (job->frames, job->frames->len - 1);
  g_array_set_size (job->quotes, job->quotes->len - 1);
  add_gap (job, context_gap (job));
}

static double
measure_text (Job                        *job,
              const PangoFontDescription *font,
              const char                 *text)
{
  PangoRectangle logical;

  pango_layout_set_font_description (job->measure, font);
  pango_layout_set_attributes (job->measure, NULL);
  pango_layout_set_width (job->measure, -1);
  pango_layout_set_text (job->measure, text, -1);
  pango_layout_get_extents (job->measure, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static void
enter_list (Job        *job,
            cmark_node *node)
{
  Frame *frame = push_frame (job, FRAME_LIST);

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
      frame->marker_width = MAX (BULLET_WIDTH,
                                 measure_text (job, job->body_font, widest) + MARKER_GAP);
    }

  job->list_depth++;
}

static void
exit_list (Job *job)
{
  if (top_frame (job, FRAME_LIST) == NULL)
    return;

  job->list_depth--;
  g_array_set_size (job->frames, job->frames->len - 1);
  add_gap (job, context_gap (job));
}

static void
enter_item (Job *job)
{
  static const char * const bullets[] = { "•", "◦", "▪" };
  Frame *list = top_frame (job, FRAME_LIST);
  Frame *item;
  char marker[32];
  gboolean tight;
  double marker_width;

  if (list == NULL)
    return;

  /* An item that starts with another list: its marker gets a line of its own. */
  emit_pending_marker (job);

  if (list->ordered)
    g_snprintf (marker, sizeof marker, "%d%c", list->number, list->delim);
  else
    g_snprintf (marker, sizeof marker, "%s", bullets[(job->list_depth - 1) % 3]);
  list->number++;
  tight = list->tight;
  marker_width = list->marker_width;

  /* Pushing may move the frames: @list is not to be used after this. */
  item = push_frame (job, FRAME_ITEM);
  item->tight = tight;

  job->x += nest_step (job, marker_width);
  job->marker = layout_new (job, job->body_font, -1);
  pango_layout_set_text (job->marker, marker, -1);
}

static void
exit_item (Job *job)
{
  Frame *item = top_frame (job, FRAME_ITEM);
  gboolean tight;

  if (item == NULL)
    return;

  /* An empty item: its marker still deserves a line. */
  emit_pending_marker (job);

  tight = item->tight;
  job->x = item->x_before;
  g_array_set_size (job->frames, job->frames->len - 1);
  add_gap (job, tight ? TIGHT_GAP : PARAGRAPH_GAP);
}

static void
emit_paragraph (Job        *job,
                cmark_node *node)
{
  cmark_node *first = cmark_node_first_child (node);
  TextStyle style = { job->body_font, quote_color (job), BODY_LINE_SPACING, FALSE, FALSE };
  Inline in;

  if (pathways_markdown_node_is_directive (node))
    return;

  if (node == job->alert_paragraph)
    {
      first = job->alert_rest;
      job->alert_paragraph = job->alert_rest = NULL;
      if (first == NULL)
        return;
    }

  if (try_emit_table (job, first))
    return;

  inline_init (&in);
  inline_add_siblings (&in, first, NULL, TRUE);
  emit_text (job, &in, &style);
  inline_clear (&in);
  add_gap (job, context_gap (job));
}

static void
emit_heading (Job        *job,
              cmark_node *node)
{
  int level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (job->bold_font);
  TextStyle style = { font, &text_color, 0, FALSE, TRUE };
  Inline in;

  pango_font_description_set_size (font, (int) (BODY_SIZE * heading_scales[level - 1] *
                                                PANGO_SCALE));
  add_gap (job, heading_gaps_above[level - 1]);

  inline_init (&in);
  inline_add_siblings (&in, cmark_node_first_child (node), NULL, TRUE);
  emit_text (job, &in, &style);
  inline_clear (&in);
  add_gap (job, HEADING_GAP_BELOW);
}

/* Code and raw HTML blocks: their text as it stands, code on a grey box. */
static void
emit_literal (Job        *job,
              cmark_node *node,
              gboolean    code)
{
  const char *literal = cmark_node_get_literal (node);
  TextStyle style = { job->mono_font, code ? &text_color : &dim_color, 0, code, FALSE };
  gsize len;
  Inline in;

  if (literal == NULL)
    literal = "";
  len = strlen (literal);
  if (len > 0 && literal[len - 1] == '\n')
    len--;

  inline_init (&in);
  g_string_append_len (in.text, literal, len);
  if (in.text->len == 0 && code)
    g_string_append_c (in.text, ' ');  /* an empty block still shows its box */
  emit_text (job, &in, &style);
  inline_clear (&in);
  add_gap (job, context_gap (job));
}

static void
build_document (Job *job)
{
  cmark_iter *iter = cmark_iter_new (job->doc->root);
  cmark_event_type ev;

  while (!job->full && (ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (ev == CMARK_EVENT_ENTER)
        {
          switch ((int) type)
            {
            case CMARK_NODE_BLOCK_QUOTE:
              enter_quote (job, node);
              break;

            case CMARK_NODE_LIST:
              enter_list (job, node);
              break;

            case CMARK_NODE_ITEM:
              enter_item (job);
              break;

            case CMARK_NODE_PARAGRAPH:
              emit_paragraph (job, node);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
              break;

            case CMARK_NODE_HEADING:
              emit_heading (job, node);
              cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
              break;

            case CMARK_NODE_CODE_BLOCK:
              emit_literal (job, node, TRUE);
              break;

            case CMARK_NODE_HTML_BLOCK:
              if (!is_html_comment (cmark_node_get_literal (node)))
                emit_literal (job, node, FALSE);
              break;

            case CMARK_NODE_THEMATIC_BREAK:
              emit_rule (job);
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
              exit_quote (job);
              break;

            case CMARK_NODE_LIST:
              exit_list (job);
              break;

            case CMARK_NODE_ITEM:
              exit_item (job);
              break;

            default:
              break;
            }
        }
    }

  emit_pending_marker (job);
  cmark_iter_free (iter);
}

/* The note at the end of a document that did not fit: on the last page, in the room kept for
 * it, or after the text when the input itself was cut. */
static void
place_note (Job *job)
{
  Block *note = job->note;

  if (job->full)
    {
      double gap = page_is_empty (job) ? 0 : PARAGRAPH_GAP;

      measure_lines (note);
      add_fragment (job, note, 0, note->lines->len, job->y + gap,
                    lines_height (note, 0, note->lines->len));
    }
  else
    {
      note->above = PARAGRAPH_GAP;
      place_text (job, note);
    }
}

/* ---- the print operation ---- */

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  Job *job = user_data;
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font_name = NULL;
  g_autoptr(PangoFontDescription) system_font = NULL;
  const char *family = NULL;
  g_autofree char *note_text = NULL;

  job_clear_layout (job);
  job->context = context;

  /* The family of the app's text, at a size for paper. */
  if (settings != NULL)
    g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      system_font = pango_font_description_from_string (font_name);
      family = pango_font_description_get_family (system_font);
    }
  job->body_font = pango_font_description_new ();
  pango_font_description_set_family (job->body_font, family != NULL ? family : "Sans");
  pango_font_description_set_size (job->body_font, (int) (BODY_SIZE * PANGO_SCALE));
  job->bold_font = pango_font_description_copy (job->body_font);
  pango_font_description_set_weight (job->bold_font, PANGO_WEIGHT_BOLD);
  job->small_font = pango_font_description_copy (job->body_font);
  pango_font_description_set_size (job->small_font, (int) (SMALL_SIZE * PANGO_SCALE));
  job->mono_font = pango_font_description_from_string ("Monospace");
  pango_font_description_set_size (job->mono_font, (int) (CODE_SIZE * PANGO_SCALE));

  job->page_width = gtk_print_context_get_width (context);
  job->page_height = gtk_print_context_get_height (context);
  job->content_width = MAX (job->page_width - 2 * PAGE_MARGIN, 72);
  job->content_height = MAX (job->page_height - 2 * PAGE_MARGIN, 72);

  job->measure = gtk_print_context_create_pango_layout (context);
  {
    PangoLayout *probe = layout_new (job, job->body_font, -1);
    PangoRectangle logical;

    pango_layout_set_line_spacing (probe, BODY_LINE_SPACING);
    pango_layout_set_text (probe, "Xg\nXg", -1);
    pango_layout_get_extents (probe, NULL, &logical);
    job->keep_space = KEEP_LINES * logical.height / 2.0 / PANGO_SCALE;
    g_object_unref (probe);
  }

  job->blocks = g_ptr_array_new_with_free_func (block_free);
  job->tables = g_ptr_array_new_with_free_func (table_free);
  job->pages = g_ptr_array_new_with_free_func (page_free);
  job->bar_at_depth = g_array_new (FALSE, FALSE, sizeof (guint));
  job->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  job->quotes = g_array_new (FALSE, FALSE, sizeof (QuoteRef));
  job->x = 0;
  job->list_depth = 0;
  job->pending_gap = 0;
  job->next_quote_id = 0;
  job->full = FALSE;
  job->alert_paragraph = job->alert_rest = NULL;

  /* The note is laid out first, so the last page can keep room for it. */
  note_text = g_strdup_printf (_("(truncated) This document is longer than %d pages; "
                                 "the rest is not included."), MAX_PAGES);
  job->note = block_new (job, BLOCK_TEXT);
  job->note->color = &dim_color;
  job->note->layout = layout_new (job, job->body_font, job->content_width);
  pango_layout_set_text (job->note->layout, note_text, -1);
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
    pango_layout_set_attributes (job->note->layout, attrs);
    pango_attr_list_unref (attrs);
  }
  measure_lines (job->note);
  job->note_reserve = PARAGRAPH_GAP + lines_height (job->note, 0, job->note->lines->len);

#if defined(CAIRO_HAS_PDF_SURFACE) && CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
  {
    cairo_surface_t *target = cairo_get_target (gtk_print_context_get_cairo_context (context));

    if (job->title != NULL && cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_TITLE, job->title);
  }
#endif

  new_page (job);
  build_document (job);
  if (job->full || job->doc->truncated)
    place_note (job);

  gtk_print_operation_set_n_pages (op, job->pages->len);
}

static void
set_color (cairo_t     *cr,
           const Color *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
draw_header_and_footer (Job             *job,
                        GtkPrintContext *context,
                        cairo_t         *cr,
                        int              page_nr)
{
  g_autoptr(PangoLayout) footer = gtk_print_context_create_pango_layout (context);
  g_autofree char *page_text = g_strdup_printf (_("Page %d of %u"), page_nr + 1,
                                                job->pages->len);
  PangoRectangle logical;

  if (job->title != NULL && job->title[0] != '\0')
    {
      g_autoptr(PangoLayout) header = gtk_print_context_create_pango_layout (context);

      pango_layout_set_font_description (header, job->small_font);
      pango_layout_set_width (header, pango_units_from_double (job->content_width));
      pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (header, TRUE);
      pango_layout_set_auto_dir (header, TRUE);
      pango_layout_set_text (header, job->title, -1);
      set_color (cr, &dim_color);
      cairo_move_to (cr, PAGE_MARGIN, HEADER_TOP);
      pango_cairo_show_layout (cr, header);

      set_color (cr, &light_rule_color);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, PAGE_MARGIN, HEADER_RULE);
      cairo_line_to (cr, PAGE_MARGIN + job->content_width, HEADER_RULE);
      cairo_stroke (cr);
    }

  pango_layout_set_font_description (footer, job->small_font);
  pango_layout_set_text (footer, page_text, -1);
  pango_layout_get_extents (footer, NULL, &logical);
  set_color (cr, &dim_color);
  cairo_move_to (cr, (job->page_width - logical.width / (double) PANGO_SCALE) / 2,
                 job->page_height - FOOTER_BASELINE -
                 pango_layout_get_baseline (footer) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, footer);
}

static void
draw_text (cairo_t        *cr,
           const Fragment *fragment)
{
  Block *block = fragment->block;
  const LineInfo *first = &g_array_index (block->lines, LineInfo, fragment->first_line);

  if (block->box_width > 0)
    {
      set_color (cr, &code_background);
      cairo_rectangle (cr, block->box_x, fragment->y - block->pad,
                       block->box_width, fragment->height + 2 * block->pad);
      cairo_fill (cr);
    }

  if (block->marker != NULL && fragment->first_line == 0)
    {
      PangoRectangle logical;
      double baseline = fragment->y + first->baseline - first->top;
      double x;

      pango_layout_get_extents (block->marker, NULL, &logical);
      if (block->rtl)
        x = block->x + block->width + MARKER_GAP;
      else
        x = block->x - MARKER_GAP - logical.width / (double) PANGO_SCALE;
      set_color (cr, &dim_color);
      cairo_move_to (cr, x, baseline - pango_layout_get_baseline (block->marker) /
                            (double) PANGO_SCALE);
      pango_cairo_show_layout (cr, block->marker);
    }

  set_color (cr, block->color);
  for (guint i = 0; i < fragment->n_lines; i++)
    {
      guint index = fragment->first_line + i;
      const LineInfo *info = &g_array_index (block->lines, LineInfo, index);
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, index);

      if (line == NULL)
        break;
      cairo_move_to (cr, block->x + info->x, fragment->y + info->baseline - first->top);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_row (cairo_t        *cr,
          const Fragment *fragment)
{
  Block *block = fragment->block;
  Table *table = block->table;
  double y = fragment->y;
  double bottom = y + fragment->height;

  if (block->header)
    {
      set_color (cr, &header_row_background);
      cairo_rectangle (cr, table->x, y, table->width, fragment->height);
      cairo_fill (cr);
    }

  set_color (cr, &text_color);
  for (guint col = 0; col < table->n_cols; col++)
    {
      cairo_move_to (cr, table->col_x[col], y + CELL_PAD_Y);
      pango_cairo_show_layout (cr, block->cells[col]);
    }

  cairo_set_line_width (cr, block->header ? 0.8 : 0.4);
  set_color (cr, block->header ? &strong_rule_color : &light_rule_color);
  if (block->header)
    {
      cairo_move_to (cr, table->x, y);
      cairo_line_to (cr, table->x + table->width, y);
    }
  cairo_move_to (cr, table->x, bottom);
  cairo_line_to (cr, table->x + table->width, bottom);
  cairo_stroke (cr);
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  Job *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  Page *page;

  if (job->pages == NULL || page_nr < 0 || (guint) page_nr >= job->pages->len)
    return;
  page = g_ptr_array_index (job->pages, page_nr);

  cairo_save (cr);
  draw_header_and_footer (job, context, cr, page_nr);

  cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);

  for (guint i = 0; i < page->bars->len; i++)
    {
      const Bar *bar = &g_array_index (page->bars, Bar, i);

      set_color (cr, bar->alert != PATHWAYS_ALERT_NONE ? &alerts[bar->alert].bar
                                                       : &quote_bar_color);
      cairo_rectangle (cr, bar->x, bar->top, QUOTE_BAR_WIDTH, bar->bottom - bar->top);
      cairo_fill (cr);
    }

  for (guint i = 0; i < page->fragments->len; i++)
    {
      const Fragment *fragment = &g_array_index (page->fragments, Fragment, i);

      switch (fragment->block->kind)
        {
        case BLOCK_TEXT:
          draw_text (cr, fragment);
          break;

        case BLOCK_ROW:
          draw_row (cr, fragment);
          break;

        case BLOCK_RULE:
          set_color (cr, &light_rule_color);
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, fragment->block->x, fragment->y + 0.5);
          cairo_line_to (cr, job->content_width, fragment->y + 0.5);
          cairo_stroke (cr);
          break;

        default:
          break;
        }
    }

  cairo_restore (cr);
}

static void
on_end_print (GtkPrintOperation *op,
              GtkPrintContext   *context,
              gpointer           user_data)
{
  job_clear_layout (user_data);
}

static GtkPrintOperation *
print_operation_new (const char *title,
                     const char *markdown)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *paper = gtk_paper_size_new (NULL);
  Job *job = g_new0 (Job, 1);

  job->doc = pathways_markdown_doc_parse (markdown, -1, PATHWAYS_MARKDOWN_MAX_PAGE_SIZE);
  if (title != NULL && title[0] != '\0')
    job->title = g_strdup (title);
  else
    job->title = g_strdup (job->doc->title);
  g_weak_ref_init (&job->parent, NULL);
  g_object_set_data_full (G_OBJECT (op), "pathways-print-job", job, job_free);

  /* The locale's paper, A4 or US Letter; the margins are ours, so the whole sheet is used. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_paper_size_free (paper);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_job_name (op, job->title != NULL ? job->title : _("Document"));

  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (op, "end-print", G_CALLBACK (on_end_print), job);

  return op;
}

/**
 * pathways_print_markdown_to_pdf:
 * @title: (nullable): the title in each page's header, or %NULL for the document's own
 * @markdown: (nullable): the Markdown to print
 * @file: where to write the PDF; it must have a local path
 * @error: return location for an error
 *
 * Lays out @markdown on the locale's default paper and writes it to @file as a PDF.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
pathways_print_markdown_to_pdf (const char  *title,
                                const char  *markdown,
                                GFile       *file,
                                GError     **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The PDF can only be saved to a local folder. Choose a folder "
                             "on this computer."));
      return FALSE;
    }

  op = print_operation_new (title, markdown);
  gtk_print_operation_set_export_filename (op, path);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &local_error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || local_error != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save the PDF: %s. Check that the folder exists and can be "
                     "written to."),
                   local_error != NULL ? local_error->message : _("unknown error"));
      return FALSE;
    }

  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}

/* The window's toast overlay: around its content, usually. */
static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_print_done (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  Job *job = user_data;
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&job->parent);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;
      GtkWidget *overlay = parent != NULL ? gtk_widget_get_ancestor (parent,
                                                                     ADW_TYPE_TOAST_OVERLAY)
                                          : NULL;

      gtk_print_operation_get_error (op, &error);
      message = g_strdup_printf (_("Could not print: %s. Check the printer and try again."),
                                 error != NULL ? error->message : _("unknown error"));
      if (overlay == NULL && parent != NULL)
        overlay = find_toast_overlay (parent);
      if (overlay != NULL)
        pathways_show_toast (overlay, message);
      else
        g_debug ("%s", message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && parent != NULL &&
           gtk_print_operation_get_print_settings (op) != NULL)
    {
      /* The next print starts from the same printer and options. */
      g_object_set_data_full (G_OBJECT (parent), "pathways-print-settings",
                              g_object_ref (gtk_print_operation_get_print_settings (op)),
                              g_object_unref);
    }

  /* The reference pathways_print_markdown() handed over. */
  g_object_unref (op);
}

/**
 * pathways_print_markdown:
 * @parent: (nullable): the window the print dialog belongs to
 * @title: (nullable): the title in each page's header, or %NULL for the document's own
 * @markdown: (nullable): the Markdown to print
 *
 * Shows the print dialog for @markdown. Printing runs without blocking the window; if it
 * fails, a toast in @parent says so.
 */
void
pathways_print_markdown (GtkWindow  *parent,
                         const char *title,
                         const char *markdown)
{
  GtkPrintOperation *op;
  GtkPrintSettings *settings = NULL;
  Job *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  op = print_operation_new (title, markdown);
  job = g_object_get_data (G_OBJECT (op), "pathways-print-job");
  g_weak_ref_set (&job->parent, parent);

  if (parent != NULL)
    settings = g_object_get_data (G_OBJECT (parent), "pathways-print-settings");
  if (settings != NULL)
    gtk_print_operation_set_print_settings (op, settings);

  gtk_print_operation_set_allow_async (op, TRUE);
  g_signal_connect (op, "done", G_CALLBACK (on_print_done), job);

  /* "done" comes in every case, now or later; it drops @op. Errors are reported there. */
  gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
