/* pathways-handbook.c: a folder of Markdown pages — scanning it into a page tree with titles,
 * resolving the links between pages, and watching the folder for changes.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-handbook"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pathways-handbook.h"
#include "pathways-markdown.h"

/* Titles come from the top of a page; reading whole 300 KB pages of a 5,000-page handbook
 * just to find them would make opening it slow. */
#define TITLE_READ_SIZE (16 * 1024)

/* Deeper than any real handbook; keeps a pathological tree from exhausting the stack. */
#define MAX_DEPTH 64

/* Editors and git write several files in a burst; rescan once it settles. */
#define RESCAN_DELAY_MS 200

/* Pages are shown truncated at PATHWAYS_MARKDOWN_MAX_PAGE_SIZE anyway; never pull a
 * gigabyte file into memory for that. */
#define READ_LIMIT (4 * PATHWAYS_MARKDOWN_MAX_PAGE_SIZE)

G_DEFINE_QUARK (pathways-handbook-error-quark, pathways_handbook_error)

/* ==== PathwaysPageNode ==== */

struct _PathwaysPageNode
{
  GObject     parent_instance;

  char       *path;
  char       *title;
  char       *page_path;
  char       *sort_key;
  GListStore *children;   /* of PathwaysPageNode; NULL for a page */
  gboolean    is_folder;
};

G_DEFINE_FINAL_TYPE (PathwaysPageNode, pathways_page_node, G_TYPE_OBJECT)

enum {
  NODE_PROP_0,
  NODE_PROP_PATH,
  NODE_PROP_TITLE,
  NODE_PROP_PAGE_PATH,
  NODE_PROP_IS_FOLDER,
  NODE_PROP_CHILDREN,
  NODE_N_PROPS
};

static GParamSpec *node_props[NODE_N_PROPS];

static void
pathways_page_node_finalize (GObject *object)
{
  PathwaysPageNode *self = PATHWAYS_PAGE_NODE (object);

  g_free (self->path);
  g_free (self->title);
  g_free (self->page_path);
  g_free (self->sort_key);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (pathways_page_node_parent_class)->finalize (object);
}

static void
pathways_page_node_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PathwaysPageNode *self = PATHWAYS_PAGE_NODE (object);

  switch (prop_id)
    {
    case NODE_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case NODE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case NODE_PROP_PAGE_PATH:
      g_value_set_string (value, self->page_path);
      break;
    case NODE_PROP_IS_FOLDER:
      g_value_set_boolean (value, self->is_folder);
      break;
    case NODE_PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_page_node_class_init (PathwaysPageNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = pathways_page_node_finalize;
  object_class->get_property = pathways_page_node_get_property;

  node_props[NODE_PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, flags);
  node_props[NODE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  node_props[NODE_PROP_PAGE_PATH] =
    g_param_spec_string ("page-path", NULL, NULL, NULL, flags);
  node_props[NODE_PROP_IS_FOLDER] =
    g_param_spec_boolean ("is-folder", NULL, NULL, FALSE, flags);
  node_props[NODE_PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, NODE_N_PROPS, node_props);
}

static void
pathways_page_node_init (PathwaysPageNode *self)
{
}

static char *
dup_sort_key (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);

  return g_utf8_collate_key (folded, -1);
}

static PathwaysPageNode *
page_node_new (const char *path,
               const char *title,
               const char *page_path,
               gboolean    is_folder)
{
  PathwaysPageNode *self = g_object_new (PATHWAYS_TYPE_PAGE_NODE, NULL);

  self->path = g_strdup (path);
  self->title = g_strdup (title);
  self->page_path = g_strdup (page_path);
  self->sort_key = dup_sort_key (title);
  self->is_folder = is_folder;
  if (is_folder)
    self->children = g_list_store_new (PATHWAYS_TYPE_PAGE_NODE);

  return self;
}

static gboolean
page_node_set_title (PathwaysPageNode *self,
                     const char       *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return FALSE;

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->sort_key);
  self->sort_key = dup_sort_key (title);
  g_object_notify_by_pspec (G_OBJECT (self), node_props[NODE_PROP_TITLE]);

  return TRUE;
}

static gboolean
page_node_set_page_path (PathwaysPageNode *self,
                         const char       *page_path)
{
  if (g_strcmp0 (self->page_path, page_path) == 0)
    return FALSE;

  g_free (self->page_path);
  self->page_path = g_strdup (page_path);
  g_object_notify_by_pspec (G_OBJECT (self), node_props[NODE_PROP_PAGE_PATH]);

  return TRUE;
}

/**
 * pathways_page_node_get_path:
 * @self: a node
 *
 * Returns: the path of the page or folder relative to the handbook root, '/'-separated
 */
const char *
pathways_page_node_get_path (PathwaysPageNode *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PAGE_NODE (self), NULL);

  return self->path;
}

/**
 * pathways_page_node_get_title:
 * @self: a node
 *
 * Returns: the title to show: the page's own title, or for a folder its index page's title
 *   or its name
 */
const char *
pathways_page_node_get_title (PathwaysPageNode *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PAGE_NODE (self), NULL);

  return self->title;
}

/**
 * pathways_page_node_get_page_path:
 * @self: a node
 *
 * Returns: (nullable): the page to open for this row: the page itself, a folder's index
 *   page, or %NULL for a folder without one
 */
const char *
pathways_page_node_get_page_path (PathwaysPageNode *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PAGE_NODE (self), NULL);

  return self->page_path;
}

/**
 * pathways_page_node_is_folder:
 * @self: a node
 *
 * Returns: whether the node is a folder (with children, possibly none besides its index)
 */
gboolean
pathways_page_node_is_folder (PathwaysPageNode *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PAGE_NODE (self), FALSE);

  return self->is_folder;
}

/**
 * pathways_page_node_get_children:
 * @self: a node
 *
 * Returns: (transfer none) (nullable): the pages and folders inside a folder, sorted by
 *   title, without its index page; %NULL for a page
 */
GListModel *
pathways_page_node_get_children (PathwaysPageNode *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PAGE_NODE (self), NULL);

  return self->children ? G_LIST_MODEL (self->children) : NULL;
}

/* ==== scanning (runs in a worker thread; touches no PathwaysHandbook state) ==== */

/* What we know about a page file; immutable once the scan that made it is done, so a table
 * of them can be shared with the next scan's thread. */
typedef struct
{
  gint64  mtime_ns;
  gint64  ctime_ns;
  goffset size;
  guint64 dev;
  guint64 ino;
  char   *explicit_title;  /* from front matter or a heading, or NULL */
} PageInfo;

static void
page_info_free (gpointer data)
{
  PageInfo *info = data;

  g_free (info->explicit_title);
  g_free (info);
}

static gboolean
page_info_same_file (const PageInfo *a,
                     const PageInfo *b)
{
  return a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns && a->size == b->size &&
         a->dev == b->dev && a->ino == b->ino;
}

typedef struct
{
  GFile      *root;
  GHashTable *previous;  /* path → PageInfo of the last scan, to skip re-reading titles */
  guint       serial;
} ScanJob;

static void
scan_job_free (gpointer data)
{
  ScanJob *job = data;

  g_clear_object (&job->root);
  g_clear_pointer (&job->previous, g_hash_table_unref);
  g_free (job);
}

typedef struct
{
  char             *real_root;
  GPtrArray        *top;         /* PathwaysPageNode */
  PathwaysPageNode *root_index;  /* the root's index page, not listed in @top */
  GHashTable       *info;        /* page path → PageInfo */
  GPtrArray        *dirs;        /* absolute paths of every directory scanned */
} ScanResult;

static void
scan_result_free (gpointer data)
{
  ScanResult *result = data;

  g_free (result->real_root);
  g_clear_pointer (&result->top, g_ptr_array_unref);
  g_clear_object (&result->root_index);
  g_clear_pointer (&result->info, g_hash_table_unref);
  g_clear_pointer (&result->dirs, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanResult, scan_result_free)

typedef struct
{
  const char   *real_root;
  GHashTable   *visited;   /* "dev:ino" of directories already scanned */
  GHashTable   *previous;
  GHashTable   *info;
  GPtrArray    *dirs;
  GCancellable *cancellable;
  gboolean      cancelled;
} Scanner;

static gboolean
path_is_inside (const char *real_root,
                const char *real_path)
{
  gsize n = strlen (real_root);

  if (g_str_equal (real_root, "/"))
    return real_path[0] == '/';

  return strncmp (real_path, real_root, n) == 0 && (real_path[n] == '/' || real_path[n] == '\0');
}

static gboolean
is_page_name (const char *name)
{
  gsize len = strlen (name);

  return (len > 3 && g_ascii_strcasecmp (name + len - 3, ".md") == 0) ||
         (len > 9 && g_ascii_strcasecmp (name + len - 9, ".markdown") == 0);
}

/* Which file stands for its folder: lower is better, -1 for none. */
static int
index_priority (const char *name)
{
  static const char * const names[] = {
    "index.md", "index.markdown", "_index.md", "_index.markdown", "README.md", "readme.md",
    "readme.markdown",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return i;
  /* Other spellings such as "Readme.md" or "INDEX.md", after the exact ones. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return G_N_ELEMENTS (names) + i;

  return -1;
}

/* "performance-reviews.md" → "Performance reviews". */
static char *
dup_title_from_name (const char *name,
                     gboolean    strip_extension)
{
  g_autofree char *display = g_filename_display_name (name);
  char first[8] = { 0 };
  char *dot;

  if (strip_extension && (dot = strrchr (display, '.')) != NULL && dot != display)
    *dot = '\0';

  g_strdelimit (display, "-_", ' ');
  /* Newlines and tabs are legal in file names; a title with them would take two lines in
   * the page tree and the window title. */
  for (char *p = display; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      *p = ' ';
  g_strstrip (display);
  if (*display == '\0')
    return g_filename_display_name (name);

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (display)), first);

  return g_strconcat (first, g_utf8_next_char (display), NULL);
}

/* Reads at most @max bytes of a file; NULL with errno set on failure. */
static char *
read_file_prefix (const char *path,
                  gsize       max,
                  gsize      *out_len)
{
  struct stat st;
  char *buf;
  gsize cap;
  gsize len = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      errno = saved;
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      errno = EISDIR;
      return NULL;
    }

  cap = MIN ((gsize) MAX (st.st_size, 0), max);
  buf = g_malloc (cap + 1);
  while (len < cap)
    {
      gssize n = read (fd, buf + len, cap - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_free (buf);
          close (fd);
          errno = saved;
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
    }
  close (fd);

  buf[len] = '\0';
  *out_len = len;

  return buf;
}

/* Turns inline Markdown (`**b**`, `` `c` ``, links) into plain text by letting cmark parse it
 * as a heading, so the rules match what the page view shows. */
static char *
dup_inline_text (const char *markdown)
{
  g_autofree char *source = g_strconcat ("# ", markdown, "\n", NULL);
  cmark_node *doc = cmark_parse_document (source, strlen (source), CMARK_OPT_DEFAULT);
  char *text = pathways_markdown_node_dup_text (cmark_node_first_child (doc));

  cmark_node_free (doc);

  return text;
}

/* The content of an ATX heading line after its '#': closing hashes and {#id} removed. */
static char *
dup_atx_content (const char *after_hash)
{
  char *s = g_strstrip (g_strdup (after_hash));
  gsize len = strlen (s);
  char *brace;

  while (len > 0 && s[len - 1] == '#')
    len--;
  if (len == 0 || s[len - 1] == ' ' || s[len - 1] == '\t')
    s[len] = '\0';
  g_strstrip (s);

  len = strlen (s);
  if (len > 0 && s[len - 1] == '}' && (brace = strrchr (s, '{')) != NULL &&
      (brace[1] == '#' || brace[1] == '.'))
    {
      *brace = '\0';
      g_strstrip (s);
    }

  return s;
}

static gsize
count_run (const char *p,
           char        c)
{
  gsize n = 0;

  while (p[n] == c)
    n++;

  return n;
}

/* Finds the first level-1 heading, ATX or setext, outside fenced code. */
static char *
dup_first_h1 (const char *body)
{
  g_autofree char *prev = NULL;  /* the previous line, if it could be a setext heading */
  const char *line = body;
  char fence_char = 0;
  gsize fence_len = 0;

  while (*line != '\0')
    {
      const char *nl = strchr (line, '\n');
      const char *next = nl ? nl + 1 : line + strlen (line);
      g_autofree char *text = g_strndup (line, next - line);
      const char *p = text;
      guint indent = 0;

      line = next;
      g_strchomp (text);
      for (; *p == ' ' || *p == '\t'; p++)
        indent += *p == '\t' ? 4 : 1;

      if (fence_char != 0)
        {
          gsize run = count_run (p, fence_char);

          if (indent < 4 && run >= fence_len && p[run] == '\0')
            fence_char = 0;
          continue;
        }

      if (indent < 4 && (*p == '`' || *p == '~') && count_run (p, *p) >= 3 &&
          (*p == '~' || strchr (p + count_run (p, *p), '`') == NULL))
        {
          fence_char = *p;
          fence_len = count_run (p, *p);
          g_clear_pointer (&prev, g_free);
          continue;
        }

      if (indent < 4 && p[0] == '#' && (p[1] == ' ' || p[1] == '\t' || p[1] == '\0'))
        {
          g_autofree char *content = dup_atx_content (p + 1);
          char *title = dup_inline_text (content);

          if (*title != '\0')
            return title;
          g_free (title);
          g_clear_pointer (&prev, g_free);
          continue;
        }

      if (indent < 4 && *p == '=' && p[count_run (p, '=')] == '\0' && prev != NULL)
        {
          char *title = dup_inline_text (prev);

          if (*title != '\0')
            return title;
          g_free (title);
        }

      if (*p == '\0' || *p == '#' || (indent >= 4 && prev == NULL) || count_run (p, '-') >= 3)
        g_clear_pointer (&prev, g_free);
      else
        {
          g_free (prev);
          prev = g_strdup (p);
        }
    }

  return NULL;
}

/* Front matter title, else the first H1; NULL if the page has neither. */
static char *
dup_explicit_title (const char *buf,
                    gsize       len)
{
  g_autofree char *clean = NULL;
  g_autofree char *front_matter = NULL;
  const char *body;
  char *title;

  clean = pathways_markdown_sanitize (buf, len, NULL, NULL);
  body = pathways_markdown_split_front_matter (clean, &front_matter);

  title = pathways_front_matter_dup_value (front_matter, "title");
  if (title != NULL && *g_strstrip (title) != '\0')
    return title;
  g_free (title);

  return dup_first_h1 (body);
}

static PageInfo *
page_info_new (Scanner           *scanner,
               const char        *abs_path,
               const char        *rel_path,
               const struct stat *st)
{
  PageInfo *info = g_new0 (PageInfo, 1);
  PageInfo *old;
  g_autofree char *buf = NULL;
  gsize len = 0;

  info->mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                   st->st_mtim.tv_nsec;
  info->ctime_ns = (gint64) st->st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                   st->st_ctim.tv_nsec;
  info->size = st->st_size;
  info->dev = st->st_dev;
  info->ino = st->st_ino;

  old = scanner->previous ? g_hash_table_lookup (scanner->previous, rel_path) : NULL;
  if (old != NULL && page_info_same_file (old, info))
    {
      info->explicit_title = g_strdup (old->explicit_title);
      return info;
    }

  buf = read_file_prefix (abs_path, TITLE_READ_SIZE, &len);
  if (buf == NULL)
    {
      /* Still listed: opening it will explain what is wrong. */
      g_debug ("Cannot read %s for its title: %s", abs_path, g_strerror (errno));
      return info;
    }

  /* A cut through the middle of a line would garble the last character. */
  if (len == TITLE_READ_SIZE)
    {
      char *nl = g_strrstr_len (buf, len, "\n");
      if (nl != NULL)
        len = nl - buf + 1;
    }

  info->explicit_title = dup_explicit_title (buf, len);

  return info;
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  PathwaysPageNode *na = *(PathwaysPageNode **) a;
  PathwaysPageNode *nb = *(PathwaysPageNode **) b;
  int cmp = strcmp (na->sort_key, nb->sort_key);

  return cmp != 0 ? cmp : strcmp (na->path, nb->path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

typedef struct
{
  char       *name;
  struct stat st;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static char *
dup_child_path (const char *rel,
                const char *name)
{
  return *rel != '\0' ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
}

/* Scans one directory: returns its child nodes sorted (NULL if it cannot be read), and the
 * path of its index page in @index_path. */
static GPtrArray *
scan_dir (Scanner    *scanner,
          const char *abs,
          const char *rel,
          guint       depth,
          char      **index_path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GPtrArray) real_dirs = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GPtrArray) linked_dirs = g_ptr_array_new_with_free_func (entry_free);
  GPtrArray *children;
  GPtrArray *dir_lists[2];
  const char *name;
  int best_index = -1;
  int best_priority = G_MAXINT;

  *index_path = NULL;

  dir = g_dir_open (abs, 0, &error);
  if (dir == NULL)
    {
      g_debug ("Skipping folder %s: %s", abs, error->message);
      return NULL;
    }
  g_ptr_array_add (scanner->dirs, g_strdup (abs));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* Hidden entries hold tooling (.git, .github); node_modules holds other people's
       * READMEs by the thousand. */
      if (name[0] == '.' || g_str_equal (name, "node_modules"))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }
  /* Sorted so that which of two symlinked paths to one folder wins does not depend on the
   * order the file system lists them in. */
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry_name = g_ptr_array_index (names, i);
      g_autofree char *full = g_build_filename (abs, entry_name, NULL);
      Entry *entry;
      struct stat lst;
      gboolean is_link;

      if (g_cancellable_is_cancelled (scanner->cancellable))
        {
          scanner->cancelled = TRUE;
          break;
        }

      if (lstat (full, &lst) != 0)
        continue;

      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (entry_name);
      entry->st = lst;
      is_link = S_ISLNK (lst.st_mode);

      if (is_link)
        {
          g_autofree char *real = realpath (full, NULL);

          if (real == NULL || stat (full, &entry->st) != 0)
            {
              g_debug ("Skipping dangling link %s", full);
              entry_free (entry);
              continue;
            }
          if (!path_is_inside (scanner->real_root, real))
            {
              g_debug ("Not following %s: it leads out of the handbook", full);
              entry_free (entry);
              continue;
            }
        }

      if (S_ISDIR (entry->st.st_mode))
        g_ptr_array_add (is_link ? linked_dirs : real_dirs, entry);
      else if (S_ISREG (entry->st.st_mode) && is_page_name (entry_name))
        {
          int priority = index_priority (entry_name);

          if (priority >= 0 && priority < best_priority)
            {
              best_priority = priority;
              best_index = pages->len;
            }
          g_ptr_array_add (pages, entry);
        }
      else
        entry_free (entry);
    }

  children = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < pages->len && !scanner->cancelled; i++)
    {
      Entry *entry = g_ptr_array_index (pages, i);
      g_autofree char *full = g_build_filename (abs, entry->name, NULL);
      g_autofree char *child_rel = dup_child_path (rel, entry->name);
      g_autofree char *fallback = NULL;
      PageInfo *info = page_info_new (scanner, full, child_rel, &entry->st);

      g_hash_table_insert (scanner->info, g_strdup (child_rel), info);

      if ((int) i == best_index)
        {
          *index_path = g_steal_pointer (&child_rel);
          continue;
        }

      fallback = dup_title_from_name (entry->name, TRUE);
      g_ptr_array_add (children, page_node_new (child_rel,
                                                info->explicit_title ?: fallback,
                                                child_rel, FALSE));
    }

  /* Real folders first, so a symlink elsewhere cannot claim a folder before its own path. */
  dir_lists[0] = real_dirs;
  dir_lists[1] = linked_dirs;
  for (guint l = 0; l < G_N_ELEMENTS (dir_lists); l++)
    {
      for (guint i = 0; i < dir_lists[l]->len && !scanner->cancelled; i++)
        {
          Entry *entry = g_ptr_array_index (dir_lists[l], i);
          g_autofree char *full = g_build_filename (abs, entry->name, NULL);
          g_autofree char *child_rel = dup_child_path (rel, entry->name);
          g_autofree char *key = NULL;
          g_autofree char *sub_index = NULL;
          g_autofree char *fallback = NULL;
          g_autoptr(GPtrArray) sub = NULL;
          PathwaysPageNode *node;
          PageInfo *index_info;

          key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                 (guint64) entry->st.st_dev, (guint64) entry->st.st_ino);
          if (g_hash_table_contains (scanner->visited, key))
            {
              g_debug ("Not scanning %s again: it is a link to a folder already scanned", full);
              continue;
            }
          g_hash_table_add (scanner->visited, g_steal_pointer (&key));

          if (depth + 1 >= MAX_DEPTH)
            {
              g_debug ("Not scanning %s: too deep", full);
              continue;
            }

          sub = scan_dir (scanner, full, child_rel, depth + 1, &sub_index);
          if (sub == NULL || (sub->len == 0 && sub_index == NULL))
            continue;

          index_info = sub_index ? g_hash_table_lookup (scanner->info, sub_index) : NULL;
          fallback = dup_title_from_name (entry->name, FALSE);
          node = page_node_new (child_rel,
                                index_info && index_info->explicit_title ?
                                  index_info->explicit_title : fallback,
                                sub_index, TRUE);
          g_list_store_splice (node->children, 0, 0, sub->pdata, sub->len);
          g_ptr_array_add (children, node);
        }
    }

  g_ptr_array_sort (children, compare_nodes);

  return children;
}

static ScanResult *
scan_handbook (ScanJob       *job,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(ScanResult) result = g_new0 (ScanResult, 1);
  g_autofree char *root_path = g_file_get_path (job->root);
  g_autofree char *display = g_file_get_parse_name (job->root);
  g_autofree char *root_index = NULL;
  g_autoptr(GDir) dir = NULL;
  Scanner scanner = { 0 };
  struct stat st;

  if (root_path == NULL)
    {
      g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NOT_FOUND,
                   _("The folder “%s” is not on this computer."), display);
      return NULL;
    }

  if (stat (root_path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NOT_FOUND,
                     _("The folder “%s” does not exist."), display);
      else
        g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE,
                     _("The folder “%s” cannot be opened: %s."), display, g_strerror (saved));
      return NULL;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NOT_A_FOLDER,
                   _("“%s” is a file, not a folder. Choose the folder that holds the handbook’s "
                     "pages."), display);
      return NULL;
    }

  /* Probe now, so that an unreadable root is an error rather than an empty handbook. */
  dir = g_dir_open (root_path, 0, NULL);
  if (dir != NULL)
    result->real_root = realpath (root_path, NULL);
  if (dir == NULL || result->real_root == NULL)
    {
      int saved = errno;

      g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE,
                   _("The folder “%s” cannot be read: %s."), display, g_strerror (saved));
      return NULL;
    }
  g_clear_pointer (&dir, g_dir_close);

  result->info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, page_info_free);
  result->dirs = g_ptr_array_new_with_free_func (g_free);

  scanner.real_root = result->real_root;
  scanner.visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scanner.previous = job->previous;
  scanner.info = result->info;
  scanner.dirs = result->dirs;
  scanner.cancellable = cancellable;

  g_hash_table_add (scanner.visited,
                    g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                     (guint64) st.st_dev, (guint64) st.st_ino));

  result->top = scan_dir (&scanner, result->real_root, "", 0, &root_index);
  g_hash_table_unref (scanner.visited);

  /* scanner.cancelled is only ever set once the cancellable has been cancelled. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (result->top == NULL)
    {
      g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE,
                   _("The folder “%s” cannot be read."), display);
      return NULL;
    }

  if (root_index != NULL)
    {
      PageInfo *info = g_hash_table_lookup (result->info, root_index);
      g_autofree char *basename = g_file_get_basename (job->root);
      g_autofree char *fallback = dup_title_from_name (basename, FALSE);

      result->root_index = page_node_new (root_index, info->explicit_title ?: fallback,
                                          root_index, FALSE);
    }

  return g_steal_pointer (&result);
}

/* ==== PathwaysHandbook ==== */

struct _PathwaysHandbook
{
  GObject           parent_instance;

  GFile            *root;
  char             *real_root;     /* resolved root of the last successful scan */

  GListStore       *tree;          /* top-level PathwaysPageNode */
  PathwaysPageNode *root_index;
  GHashTable       *info;          /* page path → PageInfo; replaced whole, never edited */
  GHashTable       *pages;         /* page path → PathwaysPageNode (a folder for its index) */
  GHashTable       *pages_folded;  /* lowercase page path → page path */
  GHashTable       *folders;       /* folder path → PathwaysPageNode */
  GPtrArray        *dirs;          /* absolute paths of the scanned folders */
  char             *home_page;

  GHashTable       *monitors;      /* absolute folder path → GFileMonitor */
  GCancellable     *cancellable;   /* cancelled on dispose, stops rescans */
  guint             rescan_source;
  guint             scan_serial;
  guint             applied_serial;
  gboolean          watching;
  gboolean          rescan_running;
  gboolean          rescan_pending;
};

G_DEFINE_FINAL_TYPE (PathwaysHandbook, pathways_handbook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROOT,
  PROP_N_PAGES,
  PROP_HOME_PAGE,
  N_PROPS
};

enum {
  TREE_CHANGED,
  PAGE_CHANGED,
  PAGE_REMOVED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

static void
pathways_handbook_dispose (GObject *object)
{
  PathwaysHandbook *self = PATHWAYS_HANDBOOK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rescan_source, g_source_remove);
  g_clear_pointer (&self->monitors, g_hash_table_unref);

  G_OBJECT_CLASS (pathways_handbook_parent_class)->dispose (object);
}

static void
pathways_handbook_finalize (GObject *object)
{
  PathwaysHandbook *self = PATHWAYS_HANDBOOK (object);

  g_clear_object (&self->root);
  g_free (self->real_root);
  g_clear_object (&self->tree);
  g_clear_object (&self->root_index);
  g_clear_pointer (&self->info, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->pages_folded, g_hash_table_unref);
  g_clear_pointer (&self->folders, g_hash_table_unref);
  g_clear_pointer (&self->dirs, g_ptr_array_unref);
  g_free (self->home_page);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pathways_handbook_parent_class)->finalize (object);
}

static void
pathways_handbook_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PathwaysHandbook *self = PATHWAYS_HANDBOOK (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, pathways_handbook_get_n_pages (self));
      break;
    case PROP_HOME_PAGE:
      g_value_set_string (value, self->home_page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_handbook_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PathwaysHandbook *self = PATHWAYS_HANDBOOK (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      self->root = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_handbook_class_init (PathwaysHandbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pathways_handbook_dispose;
  object_class->finalize = pathways_handbook_finalize;
  object_class->get_property = pathways_handbook_get_property;
  object_class->set_property = pathways_handbook_set_property;

  props[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  props[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_HOME_PAGE] =
    g_param_spec_string ("home-page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[TREE_CHANGED] =
    g_signal_new ("tree-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PAGE_CHANGED] =
    g_signal_new ("page-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PAGE_REMOVED] =
    g_signal_new ("page-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pathways_handbook_init (PathwaysHandbook *self)
{
  self->tree = g_list_store_new (PATHWAYS_TYPE_PAGE_NODE);
  self->info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, page_info_free);
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pages_folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->dirs = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
}

/**
 * pathways_handbook_new:
 * @root: the handbook folder
 *
 * Creates a handbook for @root; nothing is read until pathways_handbook_load() or
 * pathways_handbook_load_async().
 *
 * Returns: (transfer full): a new handbook
 */
PathwaysHandbook *
pathways_handbook_new (GFile *root)
{
  g_return_val_if_fail (G_IS_FILE (root), NULL);

  return g_object_new (PATHWAYS_TYPE_HANDBOOK, "root", root, NULL);
}

/**
 * pathways_handbook_get_root:
 * @self: a handbook
 *
 * Returns: (transfer none): the handbook folder
 */
GFile *
pathways_handbook_get_root (PathwaysHandbook *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), NULL);

  return self->root;
}

static GPtrArray *
dup_store_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* Brings @store in line with @nodes (a fresh scan), reusing the node objects already listed
 * for the same paths and splicing only the range that differs, so that the UI keeps its
 * rows, expanded folders and selection. */
static gboolean
merge_store (GListStore *store,
             GPtrArray  *nodes)
{
  g_autoptr(GPtrArray) old = dup_store_items (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) merged = g_ptr_array_new_full (nodes->len, NULL);
  g_autoptr(GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean changed = FALSE;
  guint prefix = 0;
  guint suffix = 0;

  for (guint i = 0; i < old->len; i++)
    {
      PathwaysPageNode *node = g_ptr_array_index (old, i);
      g_hash_table_insert (by_path, node->path, node);
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      PathwaysPageNode *node = g_ptr_array_index (nodes, i);
      PathwaysPageNode *existing = g_hash_table_lookup (by_path, node->path);

      if (existing == NULL || existing->is_folder != node->is_folder)
        {
          g_ptr_array_add (merged, node);
          continue;
        }

      changed |= page_node_set_title (existing, node->title);
      changed |= page_node_set_page_path (existing, node->page_path);
      if (existing->is_folder)
        {
          g_autoptr(GPtrArray) items = dup_store_items (G_LIST_MODEL (node->children));
          changed |= merge_store (existing->children, items);
        }
      g_ptr_array_add (merged, existing);
    }

  while (prefix < old->len && prefix < merged->len &&
         old->pdata[prefix] == merged->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < merged->len - prefix &&
         old->pdata[old->len - 1 - suffix] == merged->pdata[merged->len - 1 - suffix])
    suffix++;

  if (prefix == old->len && prefix == merged->len)
    return changed;

  g_list_store_splice (store, prefix, old->len - prefix - suffix,
                       merged->pdata + prefix, merged->len - prefix - suffix);

  return TRUE;
}

static void
index_node (PathwaysHandbook *self,
            PathwaysPageNode *node)
{
  if (node->page_path != NULL)
    {
      g_hash_table_insert (self->pages, g_strdup (node->page_path), g_object_ref (node));
      g_hash_table_insert (self->pages_folded, g_utf8_strdown (node->page_path, -1),
                           g_strdup (node->page_path));
    }

  if (node->is_folder)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (node->children));

      g_hash_table_insert (self->folders, g_strdup (node->path), g_object_ref (node));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PathwaysPageNode) child =
            g_list_model_get_item (G_LIST_MODEL (node->children), i);
          index_node (self, child);
        }
    }
}

static const char *
find_first_page (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (model, i);
      const char *found;

      if (node->page_path != NULL)
        return node->page_path;
      if (node->children != NULL && (found = find_first_page (G_LIST_MODEL (node->children))))
        return found;
    }

  return NULL;
}

static void update_monitors (PathwaysHandbook *self);

/* Installs a finished scan: the tree is updated in place, then the signals go out. */
static void
apply_scan (PathwaysHandbook *self,
            ScanResult       *result)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) old_info = NULL;
  guint old_n_pages = g_hash_table_size (self->info);
  const char *home;
  gboolean tree_changed;
  GHashTableIter iter;
  gpointer key, value;

  /* Pages are readable before the list models announce them. */
  old_info = g_steal_pointer (&self->info);
  self->info = g_steal_pointer (&result->info);
  g_free (self->real_root);
  self->real_root = g_steal_pointer (&result->real_root);
  g_ptr_array_unref (self->dirs);
  self->dirs = g_steal_pointer (&result->dirs);

  tree_changed = merge_store (self->tree, result->top);

  if (self->root_index == NULL || result->root_index == NULL ||
      !g_str_equal (self->root_index->path, result->root_index->path))
    {
      tree_changed |= self->root_index != result->root_index;
      g_set_object (&self->root_index, result->root_index);
    }
  else
    tree_changed |= page_node_set_title (self->root_index, result->root_index->title);

  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->pages_folded);
  g_hash_table_remove_all (self->folders);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      index_node (self, node);
    }
  if (self->root_index != NULL)
    index_node (self, self->root_index);

  g_hash_table_iter_init (&iter, old_info);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PageInfo *now = g_hash_table_lookup (self->info, key);

      if (now == NULL)
        g_ptr_array_add (removed, g_strdup (key));
      else if (!page_info_same_file (value, now))
        g_ptr_array_add (changed, g_strdup (key));
    }
  /* Pages that only appeared also change the tree, even where no row shows them. */
  tree_changed |= removed->len > 0 || g_hash_table_size (self->info) != old_n_pages;

  home = self->root_index ? self->root_index->path : find_first_page (G_LIST_MODEL (self->tree));
  if (g_strcmp0 (home, self->home_page) != 0)
    {
      g_free (self->home_page);
      self->home_page = g_strdup (home);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_HOME_PAGE]);
    }
  if (old_n_pages != g_hash_table_size (self->info))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_PAGES]);

  update_monitors (self);

  if (tree_changed)
    g_signal_emit (self, signals[TREE_CHANGED], 0);
  for (guint i = 0; i < removed->len; i++)
    g_signal_emit (self, signals[PAGE_REMOVED], 0, g_ptr_array_index (removed, i));
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[PAGE_CHANGED], 0, g_ptr_array_index (changed, i));
}

static ScanJob *
scan_job_new (PathwaysHandbook *self)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  job->root = g_object_ref (self->root);
  job->previous = g_hash_table_ref (self->info);
  job->serial = ++self->scan_serial;

  return job;
}

/**
 * pathways_handbook_load:
 * @self: a handbook
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Scans the folder in the calling thread (the main thread) and updates the tree. An empty
 * folder loads with no pages.
 *
 * Returns: %TRUE on success; else @error is a %PATHWAYS_HANDBOOK_ERROR with a message for the
 *   user
 */
gboolean
pathways_handbook_load (PathwaysHandbook  *self,
                        GCancellable      *cancellable,
                        GError           **error)
{
  ScanJob *job;
  ScanResult *result;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), FALSE);

  job = scan_job_new (self);
  result = scan_handbook (job, cancellable, error);
  if (result != NULL)
    {
      apply_scan (self, result);
      self->applied_serial = job->serial;
      scan_result_free (result);
    }
  scan_job_free (job);

  return result != NULL;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ScanResult *result = scan_handbook (task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, scan_result_free);
}

static void start_rescan (PathwaysHandbook *self);

/* The worker thread may drop the last reference to the scan's GTask, so the task must not
 * own the handbook (it would then be disposed off the main thread): it gets a weak
 * reference instead. A load_async() caller's task does hold it, on the main thread. */
typedef struct
{
  GWeakRef  handbook;
  GTask    *outer;    /* the pathways_handbook_load_async() task, or NULL for a rescan */
} ScanCall;

/* Back on the main thread: the only place a scan's result touches the handbook. */
static void
scan_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  ScanCall *call = user_data;
  g_autoptr(PathwaysHandbook) self = g_weak_ref_get (&call->handbook);
  g_autoptr(GTask) outer = g_steal_pointer (&call->outer);
  ScanJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScanResult) result = g_task_propagate_pointer (G_TASK (res), &error);

  g_weak_ref_clear (&call->handbook);
  g_free (call);

  if (self == NULL)
    return;

  if (outer == NULL)
    self->rescan_running = FALSE;

  if (result != NULL && job->serial > self->applied_serial)
    {
      self->applied_serial = job->serial;
      apply_scan (self, result);
    }

  if (outer != NULL)
    {
      if (error != NULL)
        g_task_return_error (outer, g_steal_pointer (&error));
      else
        g_task_return_boolean (outer, TRUE);
    }
  else if (error != NULL)
    g_debug ("Rescanning the handbook failed: %s", error->message);

  if (outer == NULL && self->rescan_pending && !g_cancellable_is_cancelled (self->cancellable))
    {
      self->rescan_pending = FALSE;
      start_rescan (self);
    }
}

static void
start_scan (PathwaysHandbook *self,
            GCancellable     *cancellable,
            GTask            *outer)
{
  ScanCall *call = g_new0 (ScanCall, 1);
  g_autoptr(GTask) task = NULL;

  g_weak_ref_init (&call->handbook, self);
  call->outer = outer;

  task = g_task_new (NULL, cancellable, scan_done_cb, call);
  g_task_set_source_tag (task, start_scan);
  g_task_set_task_data (task, scan_job_new (self), scan_job_free);
  g_task_run_in_thread (task, scan_thread);
}

/**
 * pathways_handbook_load_async:
 * @self: a handbook
 * @cancellable: (nullable): a cancellable
 * @callback: called when the handbook is loaded
 * @user_data: data for @callback
 *
 * Scans the folder in a worker thread; the tree is updated on the main thread before
 * @callback runs.
 */
void
pathways_handbook_load_async (PathwaysHandbook    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *outer;

  g_return_if_fail (PATHWAYS_IS_HANDBOOK (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, pathways_handbook_load_async);
  start_scan (self, cancellable, outer);
}

/**
 * pathways_handbook_load_finish:
 * @self: a handbook
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the handbook was loaded
 */
gboolean
pathways_handbook_load_finish (PathwaysHandbook  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pathways_handbook_get_tree:
 * @self: a handbook
 *
 * Returns: (transfer none): the top-level #PathwaysPageNode items, sorted by title; the root's
 *   index page is not among them (see pathways_handbook_get_home_page())
 */
GListModel *
pathways_handbook_get_tree (PathwaysHandbook *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), NULL);

  return G_LIST_MODEL (self->tree);
}

/**
 * pathways_handbook_get_n_pages:
 * @self: a handbook
 *
 * Returns: the number of pages, index pages included
 */
guint
pathways_handbook_get_n_pages (PathwaysHandbook *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), 0);

  return g_hash_table_size (self->info);
}

/**
 * pathways_handbook_lookup:
 * @self: a handbook
 * @path: a page path relative to the root
 *
 * Returns: (transfer none) (nullable): the node that shows the page: the page's own node, or
 *   the folder node for a folder's index page; %NULL if @path is not a page
 */
PathwaysPageNode *
pathways_handbook_lookup (PathwaysHandbook *self,
                          const char       *path)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), NULL);

  return path ? g_hash_table_lookup (self->pages, path) : NULL;
}

/**
 * pathways_handbook_get_home_page:
 * @self: a handbook
 *
 * Returns: (nullable): the root's index page, else the first page of the tree, else %NULL
 */
const char *
pathways_handbook_get_home_page (PathwaysHandbook *self)
{
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), NULL);

  return self->home_page;
}

/**
 * pathways_handbook_read_page:
 * @self: a handbook
 * @path: a page path relative to the root
 * @length: (out) (optional): the number of bytes read
 * @error: return location for an error
 *
 * Reads a page as it is now on disk (not sanitized; see pathways_markdown_doc_parse()).
 * Files beyond a few times %PATHWAYS_MARKDOWN_MAX_PAGE_SIZE are read only in part.
 *
 * Returns: (transfer full) (nullable): the NUL-terminated content, or %NULL with
 *   %PATHWAYS_HANDBOOK_ERROR_NO_PAGE (unknown or vanished page) or
 *   %PATHWAYS_HANDBOOK_ERROR_UNREADABLE set
 */
char *
pathways_handbook_read_page (PathwaysHandbook  *self,
                             const char        *path,
                             gsize             *length,
                             GError           **error)
{
  g_autofree char *display = NULL;
  g_autofree char *full = NULL;
  g_autofree char *real = NULL;
  char *contents;
  gsize len = 0;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), NULL);

  if (length != NULL)
    *length = 0;

  display = g_filename_display_name (path ? path : "");
  if (path == NULL || self->real_root == NULL || !g_hash_table_contains (self->info, path))
    {
      g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE,
                   _("“%s” is not a page of this handbook."), display);
      return NULL;
    }

  full = g_build_filename (self->real_root, path, NULL);
  real = realpath (full, NULL);
  if (real == NULL)
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE,
                     _("The page “%s” no longer exists. It may have been moved or deleted."),
                     display);
      else
        g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE,
                     _("The page “%s” cannot be read: %s."), display, g_strerror (saved));
      return NULL;
    }

  /* The file may have been swapped for a link since the scan. */
  if (!path_is_inside (self->real_root, real))
    {
      g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE,
                   _("The page “%s” leads outside the handbook folder and was not opened."),
                   display);
      return NULL;
    }

  contents = read_file_prefix (real, READ_LIMIT, &len);
  if (contents == NULL)
    {
      int saved = errno;

      if (saved == EACCES || saved == EPERM)
        g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE,
                     _("The page “%s” cannot be read: you do not have permission to open it."),
                     display);
      /* EISDIR: the page was replaced by a folder of the same name since the scan. */
      else if (saved == ENOENT || saved == EISDIR)
        g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_NO_PAGE,
                     _("The page “%s” no longer exists. It may have been moved or deleted."),
                     display);
      else
        g_set_error (error, PATHWAYS_HANDBOOK_ERROR, PATHWAYS_HANDBOOK_ERROR_UNREADABLE,
                     _("The page “%s” cannot be read: %s."), display, g_strerror (saved));
      return NULL;
    }

  if (length != NULL)
    *length = len;

  return contents;
}

/* ---- links ---- */

/* Browsers ignore tabs and newlines inside URLs ("java\tscript:") and blanks around them;
 * so must we, or a scheme check could be sidestepped. */
static char *
dup_without_url_whitespace (const char *href)
{
  char *clean = g_strdup (href);
  char *out = clean;

  for (const char *p = href; *p != '\0'; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      *out++ = *p;
  *out = '\0';

  return g_strstrip (clean);
}

/* The length of a URI scheme at the start of @href (before ':'), or 0 if there is none. */
static gsize
scheme_length (const char *href)
{
  gsize i;

  if (!g_ascii_isalpha (href[0]))
    return 0;

  for (i = 1; g_ascii_isalnum (href[i]) || href[i] == '+' || href[i] == '-' || href[i] == '.'; i++)
    ;

  return href[i] == ':' ? i : 0;
}

/* Joins and normalises '/'-separated segments; NULL if ".." climbs above the root. */
static char *
normalise_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (out->len == 0)
            return NULL;
          g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);

  return g_strjoinv ("/", (char **) out->pdata);
}

static const char *
find_page (PathwaysHandbook *self,
           const char       *rel)
{
  g_autofree char *folded = NULL;
  const char *found;

  if (g_hash_table_contains (self->pages, rel))
    return rel;

  /* Handbooks written on macOS or Windows get the case of file names wrong. */
  folded = g_utf8_strdown (rel, -1);
  found = g_hash_table_lookup (self->pages_folded, folded);

  return found;
}

/* Resolves a normalised path inside the root to a page, a folder's index page or a file. */
static PathwaysLinkKind
resolve_path (PathwaysHandbook  *self,
              const char        *rel,
              char             **target)
{
  static const char * const extensions[] = { ".md", ".markdown" };
  PathwaysPageNode *folder;
  g_autofree char *full = NULL;
  g_autofree char *real = NULL;
  const char *page;
  struct stat st;

  if (*rel == '\0')
    {
      if (self->root_index == NULL)
        return PATHWAYS_LINK_MISSING;
      *target = g_strdup (self->root_index->path);
      return PATHWAYS_LINK_PAGE;
    }

  if ((page = find_page (self, rel)) != NULL)
    {
      *target = g_strdup (page);
      return PATHWAYS_LINK_PAGE;
    }

  folder = g_hash_table_lookup (self->folders, rel);
  if (folder != NULL && folder->page_path != NULL)
    {
      *target = g_strdup (folder->page_path);
      return PATHWAYS_LINK_PAGE;
    }

  /* Published sites drop the ending: "ladder", "ladder/" and "ladder.html" for ladder.md. */
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *with_ext = NULL;

      if (g_str_has_suffix (rel, ".html") || g_str_has_suffix (rel, ".htm"))
        {
          g_autofree char *stem = g_strndup (rel, strrchr (rel, '.') - rel);
          with_ext = g_strconcat (stem, extensions[i], NULL);
        }
      else
        with_ext = g_strconcat (rel, extensions[i], NULL);

      if ((page = find_page (self, with_ext)) != NULL)
        {
          *target = g_strdup (page);
          return PATHWAYS_LINK_PAGE;
        }
    }

  full = g_build_filename (self->real_root, rel, NULL);
  real = realpath (full, NULL);
  if (real != NULL)
    {
      if (!path_is_inside (self->real_root, real))
        return PATHWAYS_LINK_REFUSED;
      if (stat (real, &st) == 0 && S_ISREG (st.st_mode))
        {
          *target = g_filename_to_uri (real, NULL, NULL);
          return *target ? PATHWAYS_LINK_FILE : PATHWAYS_LINK_REFUSED;
        }
    }

  return PATHWAYS_LINK_MISSING;
}

/**
 * pathways_handbook_resolve_link:
 * @self: a loaded handbook
 * @from_page: (nullable): the page the link is on, or %NULL for the root
 * @href: the link destination as written
 * @target: (out) (transfer full) (nullable): see #PathwaysLinkKind
 * @anchor: (out) (transfer full) (nullable): the fragment without '#', still percent-encoded
 *   (pathways_markdown_find_anchor() decodes it), or %NULL
 *
 * Decides what following a link means. Only http, https and mailto leave the app; other
 * schemes and paths that leave the handbook folder, by ".." or by symlink, are refused.
 * Root-absolute paths are also tried without their leading folders, since sites publish the
 * handbook under a prefix such as "/handbook/".
 *
 * Returns: the kind of link
 */
PathwaysLinkKind
pathways_handbook_resolve_link (PathwaysHandbook  *self,
                                const char        *from_page,
                                const char        *href,
                                char             **target,
                                char             **anchor)
{
  g_autofree char *clean = NULL;
  g_autofree char *path = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *fragment = NULL;
  g_autofree char *found = NULL;
  PathwaysLinkKind kind = PATHWAYS_LINK_MISSING;
  gsize scheme_len;
  char *p;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), PATHWAYS_LINK_REFUSED);

  if (target != NULL)
    *target = NULL;
  if (anchor != NULL)
    *anchor = NULL;

  if (href == NULL)
    return PATHWAYS_LINK_REFUSED;

  clean = dup_without_url_whitespace (href);

  if (clean[0] == '#')
    {
      if (anchor != NULL)
        *anchor = g_strdup (clean + 1);
      return PATHWAYS_LINK_ANCHOR;
    }

  scheme_len = scheme_length (clean);
  if (scheme_len > 0)
    {
      if ((scheme_len == 4 && g_ascii_strncasecmp (clean, "http", 4) == 0) ||
          (scheme_len == 5 && g_ascii_strncasecmp (clean, "https", 5) == 0) ||
          (scheme_len == 6 && g_ascii_strncasecmp (clean, "mailto", 6) == 0))
        {
          if (target != NULL)
            *target = g_strdup (clean);
          return PATHWAYS_LINK_EXTERNAL;
        }
      return PATHWAYS_LINK_REFUSED;
    }

  /* "//host/x" names another host; "\" counts as "/" in browsers. */
  if ((clean[0] == '/' || clean[0] == '\\') && (clean[1] == '/' || clean[1] == '\\'))
    return PATHWAYS_LINK_REFUSED;

  if ((p = strchr (clean, '#')) != NULL)
    {
      fragment = g_strdup (p + 1);
      *p = '\0';
    }
  if ((p = strchr (clean, '?')) != NULL)
    *p = '\0';

  decoded = g_uri_unescape_string (clean, NULL);
  if (decoded == NULL)
    decoded = g_strdup (clean);

  if (*decoded == '\0')
    {
      /* "?tab=x" or "#" alone: this same page. */
      if (anchor != NULL)
        *anchor = g_steal_pointer (&fragment);
      return PATHWAYS_LINK_ANCHOR;
    }

  if (self->real_root == NULL)
    return PATHWAYS_LINK_MISSING;

  if (decoded[0] == '/')
    path = normalise_path (decoded);
  else
    {
      g_autofree char *base = from_page ? g_path_get_dirname (from_page) : g_strdup (".");
      g_autofree char *joined = g_strconcat (base, "/", decoded, NULL);

      path = normalise_path (joined);
    }
  if (path == NULL)
    return PATHWAYS_LINK_REFUSED;

  kind = resolve_path (self, path, &found);

  /* Sites publish the handbook under a prefix ("/handbook/levels/x") while the repository
   * root is the handbook: retry without leading folders — but never down to nothing, which
   * would turn any dead link into the home page. */
  if (decoded[0] == '/' && kind == PATHWAYS_LINK_MISSING)
    {
      for (const char *rest = strchr (path, '/'); rest != NULL; rest = strchr (rest + 1, '/'))
        {
          PathwaysLinkKind candidate = resolve_path (self, rest + 1, &found);

          if (candidate == PATHWAYS_LINK_PAGE || candidate == PATHWAYS_LINK_FILE)
            {
              kind = candidate;
              break;
            }
          g_clear_pointer (&found, g_free);
        }
    }

  if (kind == PATHWAYS_LINK_REFUSED)
    return kind;
  if (kind == PATHWAYS_LINK_MISSING)
    found = g_steal_pointer (&path);

  if (target != NULL)
    *target = g_steal_pointer (&found);
  if (anchor != NULL)
    *anchor = g_steal_pointer (&fragment);

  return kind;
}

/* ---- watching ---- */

static gboolean
rescan_timeout_cb (gpointer user_data)
{
  PathwaysHandbook *self = user_data;

  self->rescan_source = 0;
  start_rescan (self);

  return G_SOURCE_REMOVE;
}

static void
start_rescan (PathwaysHandbook *self)
{
  if (self->rescan_running)
    {
      self->rescan_pending = TRUE;
      return;
    }

  self->rescan_running = TRUE;
  start_scan (self, self->cancellable, NULL);
}

/**
 * pathways_handbook_rescan:
 * @self: a loaded handbook
 *
 * Scans the folder again now, as the folder watcher does after a change: pages added,
 * removed or changed on disk are signalled. For folders the watcher can't watch (those
 * the document portal hands to a sandboxed app get no change events).
 */
void
pathways_handbook_rescan (PathwaysHandbook *self)
{
  g_return_if_fail (PATHWAYS_IS_HANDBOOK (self));

  /* Before pathways_handbook_watch() the first load hasn't finished. */
  if (!self->watching)
    return;
  g_clear_handle_id (&self->rescan_source, g_source_remove);
  start_rescan (self);
}

/**
 * pathways_handbook_is_unwatched:
 * @self: a handbook
 *
 * Returns: whether changes to the folder go unnoticed by the folder watcher: a folder the
 *   document portal shares into the sandbox (under `$XDG_RUNTIME_DIR/doc/`)
 */
gboolean
pathways_handbook_is_unwatched (PathwaysHandbook *self)
{
  g_autofree char *path = NULL;
  g_autofree char *portal = NULL;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), FALSE);

  path = g_file_get_path (self->root);
  portal = g_build_filename (g_get_user_runtime_dir (), "doc", "", NULL);
  return path != NULL && g_str_has_prefix (path, portal);
}

static gboolean
is_hidden_file (GFile *file)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  return name == NULL || name[0] == '.';
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  PathwaysHandbook *self = user_data;

  /* Editors' swap files and git's lock files come and go constantly. */
  if (is_hidden_file (file) && is_hidden_file (other_file))
    return;

  g_clear_handle_id (&self->rescan_source, g_source_remove);
  self->rescan_source = g_timeout_add (RESCAN_DELAY_MS, rescan_timeout_cb, self);
}

static void
monitor_free (gpointer data)
{
  GFileMonitor *monitor = data;

  g_signal_handlers_disconnect_matched (monitor, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        monitor_changed_cb, NULL);
  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

/* One monitor per folder: inotify watches are not recursive. */
static void
update_monitors (PathwaysHandbook *self)
{
  g_autoptr(GHashTable) wanted = NULL;
  GHashTableIter iter;
  gpointer key;

  if (!self->watching || self->monitors == NULL)
    return;

  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->dirs->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (self->dirs, i));

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (wanted, key))
      g_hash_table_iter_remove (&iter);

  for (guint i = 0; i < self->dirs->len; i++)
    {
      const char *dir = g_ptr_array_index (self->dirs, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      GFileMonitor *monitor;

      if (g_hash_table_contains (self->monitors, dir))
        continue;

      file = g_file_new_for_path (dir);
      monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (monitor == NULL)
        {
          g_debug ("Cannot watch %s: %s", dir, error->message);
          continue;
        }
      g_signal_connect (monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
      g_hash_table_insert (self->monitors, g_strdup (dir), monitor);
    }
}

/* A deep copy of a node and everything under it, for a snapshot: nodes are edited in place
 * when a rescan is applied, so a snapshot can't share them. */
static PathwaysPageNode *
page_node_copy (PathwaysPageNode *node)
{
  PathwaysPageNode *copy = g_object_new (PATHWAYS_TYPE_PAGE_NODE, NULL);

  copy->path = g_strdup (node->path);
  copy->title = g_strdup (node->title);
  copy->page_path = g_strdup (node->page_path);
  copy->sort_key = g_strdup (node->sort_key);
  copy->is_folder = node->is_folder;
  if (node->is_folder)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (node->children));

      copy->children = g_list_store_new (PATHWAYS_TYPE_PAGE_NODE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PathwaysPageNode) child =
            g_list_model_get_item (G_LIST_MODEL (node->children), i);
          g_autoptr(PathwaysPageNode) child_copy = page_node_copy (child);

          g_list_store_append (copy->children, child_copy);
        }
    }

  return copy;
}

/**
 * pathways_handbook_dup_snapshot:
 * @self: a loaded handbook
 *
 * Copies the handbook as it is now into a handbook of its own that never changes: not
 * watched, never rescanned, sharing nothing that @self edits later. The copy can be handed
 * to a worker thread (to find the ladder, say) while @self goes on following the folder on
 * the main thread. Copying a 5,000-page tree takes a few milliseconds.
 *
 * Returns: (transfer full): the snapshot
 */
PathwaysHandbook *
pathways_handbook_dup_snapshot (PathwaysHandbook *self)
{
  PathwaysHandbook *copy;
  guint n;

  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (self), NULL);

  copy = pathways_handbook_new (self->root);
  copy->real_root = g_strdup (self->real_root);
  copy->home_page = g_strdup (self->home_page);
  /* The info table is replaced whole on a rescan, never edited: it can be shared. */
  g_hash_table_unref (copy->info);
  copy->info = g_hash_table_ref (self->info);
  for (guint i = 0; i < self->dirs->len; i++)
    g_ptr_array_add (copy->dirs, g_strdup (g_ptr_array_index (self->dirs, i)));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(PathwaysPageNode) node_copy = page_node_copy (node);

      g_list_store_append (copy->tree, node_copy);
      index_node (copy, node_copy);
    }
  if (self->root_index != NULL)
    {
      copy->root_index = page_node_copy (self->root_index);
      index_node (copy, copy->root_index);
    }

  return copy;
}

/**
 * pathways_handbook_watch:
 * @self: a handbook
 *
 * Starts watching the folder: changes on disk are picked up after a short pause and reported
 * through "tree-changed", "page-changed" and "page-removed". Calling it again does nothing.
 */
void
pathways_handbook_watch (PathwaysHandbook *self)
{
  g_return_if_fail (PATHWAYS_IS_HANDBOOK (self));

  if (self->watching)
    return;

  self->watching = TRUE;
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, monitor_free);
  update_monitors (self);
}
