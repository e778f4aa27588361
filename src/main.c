/* main.c: the Pathways entry point.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pathways-application.h"
#include "pathways-timing.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PathwaysApplication) app = NULL;

  pathways_timing_init ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pathways_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
