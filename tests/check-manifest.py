#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against the project's rules, offline, as TAP.

The manifest can't be built here (no Flathub), so this is what keeps it right by
construction: the app ID agrees with the desktop file, the metainfo and the icons; the
sandbox holds only the permissions the app needs (never the network, never the home
folder); every downloaded source is pinned. Where python3-jsonschema and a Flatpak manifest
JSON schema are both at hand, the manifest must also validate against the schema. Then it
feeds broken copies of the manifest to itself and expects each one to fail, so a check that
stopped looking can't pass quietly.

The schema is looked for in $PATHWAYS_FLATPAK_MANIFEST_SCHEMA, then in
flatpak/flatpak-manifest.schema.json. Neither Debian 12 nor npm packages one (it lives in
flatpak-builder's source repository, data/flatpak-manifest.schema.json, and isn't installed
by flatpak-builder), so here that check reports a skip; see flatpak/README.md.

Usage: check-manifest.py [--source-root DIR] [--manifest FILE] [--no-self-test]
"""

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

APP_ID_DEFAULT = "co.packback.Pathways"
ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
COMMAND = "pathways"
SHA256 = re.compile(r"^[0-9a-f]{64}$")
COMMIT = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
SCHEMA_ENV = "PATHWAYS_FLATPAK_MANIFEST_SCHEMA"
SCHEMA_CHECK = "the manifest validates against the Flatpak manifest JSON schema"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def all_modules(modules):
    """Every module, nested ones included (a module may list its own "modules")."""
    for module in modules or []:
        if isinstance(module, dict):
            yield module
            yield from all_modules(module.get("modules"))


def meson_base_id(root):
    """The ID the templates' @APP_ID@ becomes in a default-profile build."""
    match = re.search(r"^base_id\s*=\s*'([^']+)'", read(os.path.join(root, "meson.build")), re.M)
    return match.group(1) if match else None


def check_manifest(manifest_path, root):
    """Returns a list of (passed, description, detail) for one manifest."""
    results = []

    def check(passed, description, detail=""):
        results.append((bool(passed), description, detail))

    try:
        manifest = json.loads(read(manifest_path))
    except (OSError, ValueError) as e:
        check(False, "manifest is valid JSON", str(e))
        return results
    check(isinstance(manifest, dict), "manifest is valid JSON", "top level is not an object")
    if not isinstance(manifest, dict):
        return results

    app_id = manifest.get("app-id", manifest.get("id"))
    both = "app-id" in manifest and "id" in manifest and manifest["app-id"] != manifest["id"]
    base_id = meson_base_id(root)
    check(app_id == base_id and not both,
          "app-id matches the ID meson.build builds by default",
          f"manifest {app_id!r}, meson.build base_id {base_id!r}")

    # The templates name the app @APP_ID@, which configure_file() turns into the build's ID.
    data = os.path.join(root, "data")

    def templates(suffix):
        names = sorted(f for f in os.listdir(data) if f.endswith(suffix))
        text = "".join(read(os.path.join(data, f)) for f in names)
        return [f[: -len(suffix)] for f in names], text.replace("@APP_ID@", str(base_id))

    desktop_ids, desktop = templates(".desktop.in.in")
    icons = [i.strip() for i in re.findall(r"^Icon=(.*)$", desktop, re.M)]
    check(desktop_ids == [app_id] and icons == [app_id],
          "app-id matches the desktop file's name and its Icon",
          f"desktop files {desktop_ids}, Icon {icons}")

    metainfo_ids, metainfo = templates(".metainfo.xml.in.in")
    ids = [i.strip() for i in re.findall(r"<id>([^<]*)</id>", metainfo)]
    launchables = [i.strip() for i in
                   re.findall(r'<launchable type="desktop-id">([^<]*)</launchable>', metainfo)]
    check(metainfo_ids == [app_id] and ids == [app_id] and launchables == [app_id + ".desktop"],
          "app-id matches the metainfo's name, <id> and launchable",
          f"metainfo files {metainfo_ids}, <id> {ids}, launchable {launchables}")

    icon_names = set()
    for dirpath, _, files in os.walk(os.path.join(data, "icons")):
        for f in files:
            name = os.path.splitext(f)[0]
            icon_names.add(name[: -len("-symbolic")] if name.endswith("-symbolic") else name)
    check(icon_names == {app_id}, "app-id matches the icon names in data/icons",
          f"icons named {sorted(icon_names)}")

    check(manifest.get("command") == COMMAND, f"command is {COMMAND}",
          f"command {manifest.get('command')!r}")

    finish_args = manifest.get("finish-args", [])
    forbidden = [a for a in finish_args
                 if a in ("--share=network", "--device=all") or a.startswith("--filesystem")]
    check(isinstance(finish_args, list) and set(finish_args) == ALLOWED_FINISH_ARGS
          and len(finish_args) == len(ALLOWED_FINISH_ARGS) and not forbidden,
          "finish-args are exactly ipc, fallback-x11, wayland and dri (no network, no files)",
          f"finish-args {finish_args}")

    modules = list(all_modules(manifest.get("modules")))
    unpinned = []
    for module in modules:
        for source in module.get("sources", []):
            if not isinstance(source, dict):
                unpinned.append(f"{module.get('name')}: {source!r} (a source file, not checked)")
                continue
            kind = source.get("type")
            where = source.get("url") or source.get("path")
            if kind in ("archive", "file") and "url" in source:
                if not SHA256.match(str(source.get("sha256", ""))):
                    unpinned.append(f"{module.get('name')}: {kind} {where} has no sha256")
            elif kind in ("archive", "file") and "path" not in source:
                unpinned.append(f"{module.get('name')}: {kind} with neither url nor path")
            elif kind == "git":
                if not COMMIT.match(str(source.get("commit", ""))):
                    unpinned.append(f"{module.get('name')}: git {where} has no commit")
            elif kind in ("bzr", "svn"):
                unpinned.append(f"{module.get('name')}: {kind} {where} can't be pinned by hash")
    check(modules and not unpinned, "every downloaded source is pinned by sha256 or commit",
          "; ".join(unpinned) or "no modules")

    # flatpak-builder refuses meson in the source tree, and cmark's CMakeLists refuses it too;
    # post-install commands then run in _flatpak_build, one level below the sources.
    in_tree = [m.get("name") for m in modules
               if m.get("buildsystem") in ("meson", "cmake", "cmake-ninja")
               and m.get("builddir") is not True]
    check(not in_tree, "meson and cmake modules build in a separate builddir",
          f"building in the source tree: {in_tree}")

    network_builds = [m.get("name") for m in modules
                      if "--share=network" in m.get("build-options", {}).get("build-args", [])]
    network_builds += ["(top level)"] if "--share=network" in manifest.get(
        "build-options", {}).get("build-args", []) else []
    check(not network_builds, "no module is built with network access",
          f"network at build time: {network_builds}")

    check(manifest.get("runtime") == RUNTIME and manifest.get("sdk") == SDK
          and re.match(r"^\d+$", str(manifest.get("runtime-version", ""))),
          f"runtime is {RUNTIME} with {SDK}, a stable numbered version",
          f"runtime {manifest.get('runtime')!r} {manifest.get('runtime-version')!r}, "
          f"sdk {manifest.get('sdk')!r}")

    return results


def check_flatpak_builder(manifest_path):
    """(passed, description, detail), or None when flatpak-builder isn't installed."""
    builder = shutil.which("flatpak-builder")
    if builder is None:
        return None
    proc = subprocess.run([builder, "--show-manifest", manifest_path], capture_output=True,
                          text=True, timeout=120)
    out = proc.stdout + proc.stderr
    warnings = [line for line in out.splitlines()
                if re.search(r"unknown (property|source type|buildsystem)|warning|critical",
                             line, re.I)]
    return (proc.returncode == 0 and not warnings,
            "flatpak-builder --show-manifest reads it without warnings",
            "\n".join(warnings) or f"exit status {proc.returncode}\n{out}")


def find_schema(root):
    """The Flatpak manifest JSON schema to validate against, or None."""
    for path in (os.environ.get(SCHEMA_ENV),
                 os.path.join(root, "flatpak", "flatpak-manifest.schema.json")):
        if path and os.path.isfile(path):
            return path
    return None


def check_json_schema(manifest_path, root):
    """(passed, description, detail), or the reason to skip as a string."""
    try:
        import jsonschema  # pylint: disable=import-outside-toplevel
    except ImportError:
        return "python3-jsonschema is not installed"
    schema_path = find_schema(root)
    if schema_path is None:
        return (f"no Flatpak manifest JSON schema here (set {SCHEMA_ENV}, or add "
                "flatpak/flatpak-manifest.schema.json)")
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        return (False, SCHEMA_CHECK, str(e))
    validator = jsonschema.validators.validator_for(schema)
    try:
        validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        return (False, SCHEMA_CHECK, f"{schema_path} is not a valid JSON schema: {e.message}")
    errors = sorted(validator(schema).iter_errors(manifest), key=lambda e: list(e.absolute_path))
    detail = "\n".join(f"{'/'.join(str(p) for p in e.absolute_path) or '(top level)'}: "
                       f"{e.message}" for e in errors[:20])
    return (not errors, f"{SCHEMA_CHECK} ({os.path.basename(schema_path)})", detail)


def broken_copies(manifest, schema_available):
    """(what is broken, the check that must fail, text) for copies that each break one rule."""
    def mutated(change):
        m = copy.deepcopy(manifest)
        change(m)
        return json.dumps(m, indent=2)

    def first_archive(m):
        for module in all_modules(m["modules"]):
            for source in module.get("sources", []):
                if isinstance(source, dict) and source.get("type") == "archive":
                    return source
        raise AssertionError("the manifest has no archive source to break")

    def last_module(m):
        return m["modules"][-1]

    finish_args = "finish-args are exactly"
    pinned = "every downloaded source is pinned"
    yield "--share=network added", finish_args, mutated(
        lambda m: m["finish-args"].append("--share=network"))
    yield "--filesystem=home added", finish_args, mutated(
        lambda m: m["finish-args"].append("--filesystem=home"))
    yield "--socket=wayland missing", finish_args, mutated(
        lambda m: m["finish-args"].remove("--socket=wayland"))
    yield "an archive without its sha256", pinned, mutated(
        lambda m: first_archive(m).pop("sha256"))
    yield "a git source without a commit", pinned, mutated(lambda m: m["modules"].insert(0, {
        "name": "unpinned", "buildsystem": "meson",
        "sources": [{"type": "git", "url": "https://example.org/x.git", "branch": "main"}]}))
    yield "a module built with network access", "no module is built with network", mutated(
        lambda m: last_module(m).setdefault("build-options", {}).setdefault(
            "build-args", []).append("--share=network"))
    yield "a meson module without builddir", "meson and cmake modules build", mutated(
        lambda m: last_module(m).pop("builddir"))
    yield "another app-id", "app-id matches the ID", mutated(
        lambda m: m.update({"app-id": "co.packback.Other"}))
    yield "another command", "command is", mutated(lambda m: m.update({"command": "sh"}))
    yield "an Sdk that doesn't match the runtime", "runtime is", mutated(
        lambda m: m.update({"sdk": "org.freedesktop.Sdk"}))
    if shutil.which("flatpak-builder"):
        yield "an unknown property", "flatpak-builder --show-manifest", mutated(
            lambda m: last_module(m).update({"config-opt": []}))
    if schema_available:
        yield "an unknown buildsystem", SCHEMA_CHECK, mutated(
            lambda m: last_module(m).update({"buildsystem": "mesonn"}))
    yield "a trailing comma", "manifest is valid JSON", json.dumps(manifest, indent=2)[:-2] + ",\n}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-root", default=os.path.dirname(here))
    parser.add_argument("--manifest")
    parser.add_argument("--no-self-test", action="store_true",
                        help="only check the manifest (used for the broken copies)")
    args = parser.parse_args()
    root = args.source_root
    manifest_path = args.manifest or os.path.join(root, "flatpak", APP_ID_DEFAULT + ".json")

    results = check_manifest(manifest_path, root)
    lines = [("ok" if passed else "not ok", description, detail)
             for passed, description, detail in results]

    builder = check_flatpak_builder(manifest_path)
    if builder is None:
        lines.append(("ok", "flatpak-builder --show-manifest reads it without warnings "
                      "# SKIP flatpak-builder is not installed", ""))
    else:
        passed, description, detail = builder
        lines.append(("ok" if passed else "not ok", description, detail))

    schema = check_json_schema(manifest_path, root)
    if isinstance(schema, str):
        lines.append(("ok", f"{SCHEMA_CHECK} # SKIP {schema}", ""))
    else:
        passed, description, detail = schema
        lines.append(("ok" if passed else "not ok", description, detail))

    if not args.no_self_test:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
        with tempfile.TemporaryDirectory() as tmp:
            for name, must_fail, text in broken_copies(manifest, not isinstance(schema, str)):
                path = os.path.join(tmp, "broken.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                proc = subprocess.run([sys.executable, os.path.abspath(__file__),
                                       "--source-root", root, "--manifest", path,
                                       "--no-self-test"],
                                      capture_output=True, text=True, timeout=180)
                failed = re.findall(r"^not ok \d+ - (.*)$", proc.stdout, re.M)
                caught = proc.returncode != 0 and any(d.startswith(must_fail) for d in failed)
                lines.append(("ok" if caught else "not ok",
                              f"a copy with {name} fails \"{must_fail}…\"",
                              "" if caught else f"exit status {proc.returncode}\n{proc.stdout}"))
        if shutil.which("flatpak-builder") is None:
            lines.append(("ok", "a copy with an unknown property fails \"flatpak-builder "
                          "--show-manifest…\" # SKIP flatpak-builder is not installed", ""))
        if isinstance(schema, str):
            lines.append(("ok", f"a copy with an unknown buildsystem fails \"{SCHEMA_CHECK}…\" "
                          f"# SKIP {schema}", ""))

    print(f"1..{len(lines)}")
    for n, (status, description, detail) in enumerate(lines, 1):
        print(f"{status} {n} - {description}")
        if status == "not ok" and detail:
            for line in detail.splitlines():
                print(f"# {line}")
    return 1 if any(status == "not ok" for status, _, _ in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
