#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that po/POTFILES.in names every source file with translatable strings, as TAP.

A .c or .ui file under src/ that marks strings for translation but is missing from
POTFILES.in never reaches the translators: its strings stay English in every language, and
nothing else notices. A listed file that no longer exists breaks `pathways-pot`. Then it
runs itself on broken copies of the tree and expects each one to fail, so a check that
stopped looking can't pass quietly.

Usage: check-potfiles.py [--source-root DIR] [--no-self-test]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# _("…"), N_("…"), C_("ctx", "…"), NC_(…), g_dngettext (…), ngettext (…), and .ui strings.
C_MARKERS = re.compile(r"(?<![A-Za-z0-9_])(?:N?C?_|g_d?n?gettext|g_dpgettext2?|ngettext)\s*\(")
UI_MARKER = re.compile(r"""translatable\s*=\s*["']yes["']""")
C_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def listed_files(root):
    """The paths POTFILES.in names, in order (comments, blank lines and [options] skipped)."""
    names = []
    for line in read(os.path.join(root, "po", "POTFILES.in")).splitlines():
        line = re.sub(r"\[[^]]*\]", "", line).strip()
        if line and not line.startswith("#"):
            names.append(line)
    return names


def has_translatable_strings(path):
    text = read(path)
    if path.endswith(".ui"):
        return bool(UI_MARKER.search(text))
    return bool(C_MARKERS.search(C_COMMENTS.sub("", text)))


def translatable_sources(root):
    """Every .c and .ui file under src/ that marks strings for translation, relative to root."""
    found = []
    for dirpath, dirnames, files in os.walk(os.path.join(root, "src")):
        dirnames.sort()
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if name.endswith((".c", ".ui")) and has_translatable_strings(path):
                found.append(os.path.relpath(path, root))
    return found


def check(root):
    """Returns a list of (passed, description, detail)."""
    listed = listed_files(root)
    missing = [f for f in translatable_sources(root) if f not in listed]
    gone = [f for f in listed if not os.path.isfile(os.path.join(root, f))]
    twice = sorted({f for f in listed if listed.count(f) > 1})
    return [
        (not missing, "POTFILES.in lists every .c and .ui file under src/ with translatable "
         "strings", "missing from po/POTFILES.in: " + ", ".join(missing)),
        (not gone, "every file POTFILES.in lists exists",
         "listed but not found: " + ", ".join(gone)),
        (not twice, "POTFILES.in lists no file twice", "listed twice: " + ", ".join(twice)),
    ]


def broken_copies(root):
    """(what is broken, the check that must fail, change) for copies that each break one rule.
    change(copy_root) edits the copy in place."""
    listed = listed_files(root)
    first_c = next(f for f in listed if f.startswith("src/") and f.endswith(".c"))
    first_ui = next(f for f in listed if f.startswith("src/") and f.endswith(".ui"))
    every = "POTFILES.in lists every"

    def unlist(name):
        def change(copy_root):
            path = os.path.join(copy_root, "po", "POTFILES.in")
            lines = read(path).splitlines(keepends=True)
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(line for line in lines if line.strip() != name)
        return change

    def add_source(name, text):
        def change(copy_root):
            with open(os.path.join(copy_root, name), "w", encoding="utf-8") as f:
                f.write(text)
        return change

    def append_line(line):
        def change(copy_root):
            with open(os.path.join(copy_root, "po", "POTFILES.in"), "a", encoding="utf-8") as f:
                f.write(line + "\n")
        return change

    yield "nothing broken", None, lambda copy_root: None
    yield f"{first_c} unlisted", every, unlist(first_c)
    yield f"{first_ui} unlisted", every, unlist(first_ui)
    yield "a new .ui file with a translatable label", every, add_source(
        "src/ui/pathways-new.ui",
        '<interface><object class="GtkLabel"><property name="label" translatable="yes">'
        "New</property></object></interface>\n")
    yield "a new .c file using C_()", every, add_source(
        "src/core/pathways-new.c", 'const char *s (void) { return C_("ctx", "New"); }\n')
    yield "a new .c file using g_dngettext()", every, add_source(
        "src/core/pathways-new.c",
        'const char *s (int n) { return g_dngettext (NULL, "one", "many", n); }\n')
    yield "a listed file that doesn't exist", "every file POTFILES.in lists exists", \
        append_line("src/ui/pathways-gone.c")
    yield "a file listed twice", "POTFILES.in lists no file twice", append_line(first_c)


def copy_tree(root, dest):
    """What the check reads: src/'s .c and .ui files, POTFILES.in and the files it lists."""
    for dirpath, _, files in os.walk(os.path.join(root, "src")):
        for name in files:
            if name.endswith((".c", ".ui")):
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                os.makedirs(os.path.join(dest, os.path.dirname(rel)), exist_ok=True)
                shutil.copy(os.path.join(root, rel), os.path.join(dest, rel))
    for rel in ["po/POTFILES.in"] + listed_files(root):
        if os.path.isfile(os.path.join(root, rel)):
            os.makedirs(os.path.join(dest, os.path.dirname(rel)), exist_ok=True)
            shutil.copy(os.path.join(root, rel), os.path.join(dest, rel))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-root", default=os.path.dirname(here))
    parser.add_argument("--no-self-test", action="store_true",
                        help="only check the tree (used for the broken copies)")
    args = parser.parse_args()
    root = args.source_root

    lines = [("ok" if passed else "not ok", description, detail)
             for passed, description, detail in check(root)]

    if not args.no_self_test:
        for name, must_fail, change in broken_copies(root):
            with tempfile.TemporaryDirectory() as tmp:
                copy_tree(root, tmp)
                change(tmp)
                proc = subprocess.run([sys.executable, os.path.abspath(__file__),
                                       "--source-root", tmp, "--no-self-test"],
                                      capture_output=True, text=True, timeout=60)
            failed = re.findall(r"^not ok \d+ - (.*)$", proc.stdout, re.M)
            if must_fail is None:
                # The copy itself must pass, or every "caught" below could be the copying.
                caught = proc.returncode == 0 and not failed
                description = "an unbroken copy passes"
            else:
                caught = proc.returncode != 0 and any(d.startswith(must_fail) for d in failed)
                description = f"a copy with {name} fails \"{must_fail}…\""
            lines.append(("ok" if caught else "not ok", description,
                          "" if caught else f"exit status {proc.returncode}\n{proc.stdout}"))

    print(f"1..{len(lines)}")
    for n, (status, description, detail) in enumerate(lines, 1):
        print(f"{status} {n} - {description}")
        if status == "not ok" and detail:
            for line in detail.splitlines():
                print(f"# {line}")
    return 1 if any(status == "not ok" for status, _, _ in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
