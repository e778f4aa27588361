#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks every translation in po/LINGUAS against the sources, as TAP.

A translation is only as good as its match with the code: a string added or reworded in
src/ since the .po was last merged shows up in English in the middle of a German window, and
nothing else notices. So for each language this extracts a fresh template from the files
POTFILES.in lists (xgettext with meson's glib preset, the same as `pathways-pot`), and
checks that the .po translates every message in it, has nothing fuzzy or left empty, and
passes msgfmt's checks, format strings judged by the flags the sources give them today.
Then it runs itself on broken copies of po/ and expects each one to fail, so a check that
stopped looking can't pass quietly.

Usage: check-translation.py [--source-root DIR] [--po-dir DIR] [--msgfmt PATH]
                            [--msgmerge PATH] [--xgettext PATH] [--no-self-test]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib') arguments, which `pathways-pot` passes to xgettext.
GLIB_PRESET = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

FIX = ("to bring it up to date, run `ninja -C _build pathways-update-po`, then translate "
       "what it marks fuzzy or leaves empty")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def languages(po_dir):
    """The languages po/LINGUAS names, in order (comments and blank lines skipped)."""
    names = []
    for line in read(os.path.join(po_dir, "LINGUAS")).splitlines():
        names.extend(line.split("#", 1)[0].split())
    return names


# ---- reading .po and .pot files ----

def _unquote(text):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)),
                  text)


def entries(text):
    """The entries of a .po or .pot, header and obsolete ones left out. Each is a dict with
    the raw block ("raw"), its flags, and msgctxt, msgid, msgid_plural and msgstr (a list,
    one per plural form) as strings."""
    found = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [l for l in block.strip("\n").splitlines() if not l.startswith("#~")]
        entry = {"raw": block.strip("\n"), "flags": set(), "msgctxt": None,
                 "msgid_plural": None, "msgstr": []}
        field = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
                continue
            if line.startswith("#") or not line.strip():
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$',
                             line)
            if match:
                field, value = match.group(1), _unquote(match.group(2))
                if field.startswith("msgstr"):
                    entry["msgstr"].append(value)
                else:
                    entry[field] = value
                continue
            match = re.match(r'^"(.*)"\s*$', line)
            if match and field is not None:
                value = _unquote(match.group(1))
                if field.startswith("msgstr"):
                    entry["msgstr"][-1] += value
                else:
                    entry[field] += value
        if "msgid" in entry and entry["msgid"] != "":
            found.append(entry)
    return found


def key(entry):
    return (entry["msgctxt"], entry["msgid"])


def describe(entry):
    text = entry["msgid"].replace("\n", "\\n")
    if len(text) > 70:
        text = text[:67] + "…"
    return f"[{entry['msgctxt']}] {text!r}" if entry["msgctxt"] else repr(text)


def is_translated(entry):
    return bool(entry["msgstr"]) and all(entry["msgstr"])


# ---- the checks ----

def fresh_template(xgettext, source_root, po_dir, out_dir):
    """What `pathways-pot` would write today, extracted into out_dir. (ok, path, output)"""
    pot = os.path.join(out_dir, "fresh.pot")
    proc = subprocess.run([xgettext, "--package-name=pathways", "-p", out_dir,
                           "-f", os.path.join(po_dir, "POTFILES.in"), "-D", source_root,
                           "-k_", "-o", "fresh.pot", *GLIB_PRESET],
                          capture_output=True, text=True, timeout=120)
    return proc.returncode == 0 and os.path.isfile(pot), pot, proc.stderr


def check_language(lang, po_dir, template, tools, tmp):
    """Returns a list of (passed, description, detail) for one language."""
    results = []

    def check(passed, description, detail=""):
        results.append((bool(passed), f"{lang}: {description}", detail))

    po = os.path.join(po_dir, lang + ".po")
    if not os.path.isfile(po):
        check(False, f"po/{lang}.po exists", f"po/LINGUAS names {lang} but there is no {po}")
        return results

    proc = subprocess.run([tools["msgfmt"], "--check", "--check-accelerators=_",
                           "--statistics", "-o", os.devnull, po],
                          capture_output=True, text=True, timeout=60)
    check(proc.returncode == 0, "msgfmt --check passes", proc.stderr.strip())

    mine = entries(read(po))
    fuzzy = [e for e in mine if "fuzzy" in e["flags"]]
    empty = [e for e in mine if not is_translated(e)]
    check(not fuzzy and not empty, "every message is translated, none fuzzy",
          "\n".join([f"{len(fuzzy)} fuzzy, {len(empty)} untranslated ({FIX}):"]
                    + [f"  fuzzy: {describe(e)}" for e in fuzzy]
                    + [f"  untranslated: {describe(e)}" for e in empty]))

    if template is None:
        check(False, "translates every message in the sources",
              "the fresh template could not be extracted")
        return results
    wanted = entries(read(template))
    have = {key(e) for e in mine}
    missing = [e for e in wanted if key(e) not in have]
    check(not missing, "translates every message in the sources",
          "\n".join([f"{len(missing)} message(s) in the sources are not in po/{lang}.po; "
                     f"{FIX}:"] + [f"  {describe(e)}" for e in missing]))

    # Format strings checked by what the sources say they are today, not by flags the .po
    # may have kept from an older template (or never had, if written by hand). msgmerge
    # marks a translation fuzzy when its format doesn't fit, and msgfmt skips fuzzy ones
    # unless told, so it is told.
    merged = os.path.join(tmp, lang + ".merged.po")
    proc = subprocess.run([tools["msgmerge"], "--quiet", "--no-fuzzy-matching", "-o", merged,
                           po, template], capture_output=True, text=True, timeout=60)
    if proc.returncode == 0:
        proc = subprocess.run([tools["msgfmt"], "--check", "--use-fuzzy", "-o", os.devnull,
                               merged], capture_output=True, text=True, timeout=60)
    check(proc.returncode == 0, "format strings agree with the sources",
          proc.stderr.replace(merged, f"po/{lang}.po (merged with the sources)").strip())
    return results


def check(source_root, po_dir, tools):
    """Returns a list of (passed, description, detail)."""
    results = []
    langs = languages(po_dir)
    on_disk = sorted(f[:-3] for f in os.listdir(po_dir) if f.endswith(".po"))
    unlisted = [l for l in on_disk if l not in langs]
    results.append((not unlisted, "po/LINGUAS lists every .po in po/",
                    "not in po/LINGUAS, so never built or installed: "
                    + ", ".join(f"{l}.po" for l in unlisted)))

    with tempfile.TemporaryDirectory() as tmp:
        ok, template, output = fresh_template(tools["xgettext"], source_root, po_dir, tmp)
        results.append((ok, "xgettext extracts a template from po/POTFILES.in", output))
        for lang in langs:
            results.extend(check_language(lang, po_dir, template if ok else None, tools, tmp))
    return results


# ---- the self-test ----

def broken_copies(po_dir):
    """(what is broken, the check that must fail, change) for copies of po/ that each break
    one rule. change(copy) edits the copy in place."""
    lang = languages(po_dir)[0]
    po = lang + ".po"
    text = read(os.path.join(po_dir, po))
    blocks = re.split(r"\n[ \t]*\n", text.strip("\n"))
    # An ordinary entry: not the header, not plural, not obsolete, with a c-format %s.
    index = next(i for i, b in enumerate(blocks)
                 if entries(b) and "msgid_plural" not in b and "#~" not in b
                 and "c-format" in b and "%s" in entries(b)[0]["msgstr"][0])
    block = blocks[index]

    def edit_block(new_block):
        def change(copy):
            changed = blocks[:index] + ([new_block] if new_block is not None else []) \
                + blocks[index + 1:]
            write(os.path.join(copy, po), "\n\n".join(changed) + "\n")
        return change

    fuzzy = re.sub(r"^#, ", "#, fuzzy, ", block, count=1, flags=re.M)
    # The copy's own msgfmt would see this one too if it kept the flag, so drop it: only
    # the check against the sources' flags can catch it then.
    no_flag = re.sub(r"^#,.*\n", "", block, flags=re.M)
    lost_format = re.sub(r'^(msgstr ".*?)%s', r"\1", no_flag, count=1, flags=re.M)
    if lost_format == no_flag:   # msgstr "" followed by continuation lines
        head, _, tail = no_flag.partition("msgstr ")
        lost_format = head + "msgstr " + tail.replace("%s", "", 1)

    def extra_po(copy):
        shutil.copy(os.path.join(copy, po), os.path.join(copy, "xx.po"))

    yield "nothing broken", None, lambda copy: None
    yield f"a message removed from {po}", f"{lang}: translates every message", \
        edit_block(None)
    yield f"a message marked fuzzy in {po}", f"{lang}: every message is translated", \
        edit_block(fuzzy)
    yield f"a %s dropped from a translation in {po}", f"{lang}: format strings agree", \
        edit_block(lost_format)
    yield "a .po that LINGUAS doesn't list", "po/LINGUAS lists every .po", extra_po


def copy_po_dir(po_dir, dest):
    for name in os.listdir(po_dir):
        if name in ("LINGUAS", "POTFILES.in") or name.endswith(".po"):
            shutil.copy(os.path.join(po_dir, name), os.path.join(dest, name))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-root", default=os.path.dirname(here))
    parser.add_argument("--po-dir", help="the po/ folder to check (default: SOURCE-ROOT/po)")
    parser.add_argument("--msgfmt", default="msgfmt")
    parser.add_argument("--msgmerge", default="msgmerge")
    parser.add_argument("--xgettext", default="xgettext")
    parser.add_argument("--no-self-test", action="store_true",
                        help="only check the tree (used for the broken copies)")
    args = parser.parse_args()
    source_root = os.path.abspath(args.source_root)
    po_dir = os.path.abspath(args.po_dir or os.path.join(source_root, "po"))
    tools = {"msgfmt": args.msgfmt, "msgmerge": args.msgmerge, "xgettext": args.xgettext}

    lines = [("ok" if passed else "not ok", description, detail)
             for passed, description, detail in check(source_root, po_dir, tools)]

    if not args.no_self_test and languages(po_dir):
        for name, must_fail, change in broken_copies(po_dir):
            with tempfile.TemporaryDirectory() as tmp:
                copy_po_dir(po_dir, tmp)
                change(tmp)
                proc = subprocess.run([sys.executable, os.path.abspath(__file__),
                                       "--source-root", source_root, "--po-dir", tmp,
                                       "--msgfmt", args.msgfmt, "--msgmerge", args.msgmerge,
                                       "--xgettext", args.xgettext, "--no-self-test"],
                                      capture_output=True, text=True, timeout=300)
            failed = re.findall(r"^not ok \d+ - (.*)$", proc.stdout, re.M)
            if must_fail is None:
                # The copy itself must pass, or every "caught" below could be the copying.
                caught = proc.returncode == 0 and not failed
                description = "an unbroken copy of po/ passes"
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
