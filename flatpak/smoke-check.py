#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The checks build-aux/flatpak-smoke runs in its X display and D-Bus session: start the
installed Flatpak with `flatpak run`, and read through the accessibility tree, as a screen
reader would, that the sandboxed app shows what it should. Prints TAP lines (the plan is
the caller's).

It reuses the end-to-end harness (tests/e2e/pathways_e2e.py), but finds the app on the
accessibility bus by name rather than by process id: inside the sandbox the app reaches the
bus through Flatpak's accessibility proxy, and runs under a process id of bwrap's.

Usage: smoke-check.py --home DIR [--first N] [--portal | --portal-skip REASON]
  --home    the home folder `flatpak run` gets (the sandbox keeps its data in
            DIR/.var/app/co.packback.Pathways)
  --first   the number of the first TAP line
  --portal  also open a handbook folder outside the sandbox through the file chooser
            portal (xdg-desktop-portal-gtk's dialog, driven with xdotool), and check that
            it reopens after a restart of the app and of the document portal
"""

import argparse
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "e2e"))
from pathways_e2e import App, Atspi, JourneyFailed, _safe, describe  # noqa: E402

APP_ID = "co.packback.Pathways"
PORTAL_HANDBOOK_TITLE = "Smoke Test Handbook"
PORTAL_HANDBOOK_TEXT = "This page came through the document portal."
CHOOSER_TITLE = "Open Handbook Folder"


class FlatpakApp(App):
    """Pathways as `flatpak run` starts it, with the given home folder."""

    def __init__(self, home, log_name):  # pylint: disable=super-init-not-called
        self.profile = home
        self.log_name = log_name
        self.env = dict(os.environ)
        self.env["HOME"] = home
        # Nothing of the host's test setup leaks in: the sandbox sets its own XDG folders
        # and picks its own GSettings backend (the keyfile in ~/.var/app/…/config).
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                    "GSETTINGS_BACKEND", "GSETTINGS_SCHEMA_DIR", "NO_AT_BRIDGE", "GTK_A11Y",
                    "G_DEBUG"):
            self.env.pop(var, None)
        self.log = open(os.path.join(home, log_name), "w")
        self.proc = subprocess.Popen(["flatpak", "run", APP_ID], env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.root = self.wait(self._find_app, "the app on the accessibility bus", timeout=60)

    @staticmethod
    def _find_app():
        desktop = Atspi.get_desktop(0)
        for i in range(_safe(desktop.get_child_count, 0)):
            app = _safe(lambda: desktop.get_child_at_index(i))
            if app is not None and _safe(app.get_name, "") == "pathways" \
                    and _safe(app.get_child_count, 0) > 0:
                return app
        return None

    def close(self):
        if self.proc.poll() is None:
            # flatpak run waits for its sandbox; ending it ends bwrap (--die-with-parent).
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        subprocess.run(["flatpak", "kill", APP_ID], capture_output=True, env=self.env)
        # The next start must not be mistaken for this one, nor handed to it by GApplication.
        deadline = time.monotonic() + 20
        while self._find_app() is not None and time.monotonic() < deadline:
            time.sleep(0.2)
        self.log.close()

    def dump(self):
        self.log.flush()
        with open(os.path.join(self.profile, self.log_name)) as f:
            sys.stdout.write("# app output:\n" + "".join("#   " + l for l in f))
        if getattr(self, "root", None) is not None:
            sys.stdout.write("# accessibility tree (labels, buttons, text):\n")
            for node in self._walk(self.root):
                if _safe(node.get_role_name) in ("label", "push button", "text", "frame"):
                    print("#   " + describe(node))

    def open_handbook_tab(self):
        self.press("page tab", "Handbook")


def shot(name):
    folder = os.environ.get("PATHWAYS_SMOKE_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        subprocess.run(["import", "-window", "root", os.path.join(folder, name + ".png")],
                       check=False, capture_output=True)


# ---- the checks ----

def sample_handbook(home):
    """A first start in the sandbox opens the bundled sample handbook on its home page:
    found in /app/share/pathways/handbook (the source-tree fallback doesn't exist in the
    sandbox), its pages, links and images resolved."""
    with FlatpakApp(home, "app.log") as app:
        app.open_handbook_tab()
        app.wait_title("Engineering Handbook")
        app.wait(lambda: "Packback Engineering" in app.page_text(), "the home page's text")
        app.find("label", "Sample handbook")
        app.activate(app.find("push button", "Career paths"))
        app.wait_title("Career paths")
        app.wait(lambda: "Level codes" in app.page_text(), "the careers overview's text")
        shot("1-sample-handbook")


def restart_keeps_state(home):
    """A second start finds what the first left in the sandbox's own folders: the last
    page (GSettings, kept in the sandbox's keyfile) and the database."""
    base = os.path.join(home, ".var", "app", APP_ID)
    for path in (os.path.join(base, "data", APP_ID, "pathways.sqlite"),
                 os.path.join(base, "config", "glib-2.0", "settings", "keyfile")):
        if not os.path.exists(path):
            raise JourneyFailed(f"the first start left no {path}")
    with FlatpakApp(home, "app-restart.log") as app:
        app.open_handbook_tab()
        app.wait_title("Career paths")
        app.wait(lambda: "Level codes" in app.page_text(), "the careers overview's text")


def make_portal_handbook(home):
    """A handbook in a folder the sandbox can't see: only the portal can hand it over."""
    folder = os.path.join(os.path.dirname(home), "outside", "smoke-handbook")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as f:
        f.write(f"---\ntitle: {PORTAL_HANDBOOK_TITLE}\n---\n\n# {PORTAL_HANDBOOK_TITLE}\n\n"
                f"{PORTAL_HANDBOOK_TEXT}\n")
    return folder


def file_chooser(timeout=30):
    """The portal's file chooser: a window of xdg-desktop-portal-gtk on the same display."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(_safe(desktop.get_child_count, 0)):
            app = _safe(lambda: desktop.get_child_at_index(i))
            if app is None or _safe(app.get_name, "") == "pathways":
                continue
            for j in range(_safe(app.get_child_count, 0)):
                window = _safe(lambda: app.get_child_at_index(j))
                if window is not None and _safe(window.get_name, "") == CHOOSER_TITLE:
                    return window
        time.sleep(0.2)
    raise JourneyFailed(f"timed out waiting for the portal's file chooser (a window named "
                        f"{CHOOSER_TITLE!r} outside the app)")


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, capture_output=True, timeout=30)


def choose_folder(folder):
    """Pick a folder in xdg-desktop-portal-gtk's GTK 3 dialog from the keyboard: Alt+Home
    leaves Recent (where nothing can be opened) for the home folder, Ctrl+L opens the
    location entry, and Enter on a folder's path chooses it."""
    file_chooser()
    shot("3-portal-file-chooser")
    windows = subprocess.run(["xdotool", "search", "--name", CHOOSER_TITLE],
                             capture_output=True, text=True).stdout.split()
    if windows:  # there is no window manager: give it the keyboard focus directly
        subprocess.run(["xdotool", "windowfocus", "--sync", windows[-1]],
                       capture_output=True, timeout=30)
    time.sleep(0.5)
    xdotool("key", "--clearmodifiers", "alt+Home")
    time.sleep(0.5)
    xdotool("key", "--clearmodifiers", "ctrl+l")
    time.sleep(0.3)
    xdotool("type", "--delay", "20", "--", folder)
    time.sleep(0.5)
    shot("4-portal-file-chooser-typed")
    xdotool("key", "--clearmodifiers", "Return")


def bus_pid(name):
    """The process that owns a name on the session bus, or None."""
    out = subprocess.run(["dbus-send", "--session", "--print-reply",
                          "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus.GetConnectionUnixProcessID",
                          f"string:{name}"], capture_output=True, text=True)
    words = out.stdout.split()
    return int(words[-1]) if out.returncode == 0 and words and words[-1].isdigit() else None


def restart_document_portal():
    """End the document portal and the permission store this session started, as logging
    out does; the next `flatpak run` starts them again, from what they saved."""
    for name in ("org.freedesktop.portal.Documents", "org.freedesktop.impl.portal.PermissionStore"):
        pid = bus_pid(name)
        if pid is None:
            raise JourneyFailed(f"{name} is not running")
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while bus_pid(name) is not None and time.monotonic() < deadline:
            time.sleep(0.1)


def portal_folder(home):
    """Open a handbook folder outside the sandbox through the file chooser portal; the app
    gets a document portal path (/run/user/UID/doc/ID/smoke-handbook) and remembers it."""
    folder = make_portal_handbook(home)
    with FlatpakApp(home, "app-portal.log") as app:
        app.open_handbook_tab()
        app.wait_title("Career paths")
        app.press("push button", "Open Handbook Folder")
        choose_folder(folder)
        app.wait_title(PORTAL_HANDBOOK_TITLE)
        app.wait(lambda: PORTAL_HANDBOOK_TEXT in app.page_text(), "the chosen folder's page")
        app.find("label", "smoke-handbook")
        shot("5-portal-folder-open")
    keyfile = os.path.join(home, ".var", "app", APP_ID, "config", "glib-2.0", "settings",
                           "keyfile")
    with open(keyfile, encoding="utf-8") as f:
        settings = f.read()
    if f"/run/user/{os.getuid()}/doc/" not in settings:
        raise JourneyFailed("the remembered handbook-folder is not a document portal path:\n"
                            + settings)


def portal_folder_after_restart(home):
    """After the app and the document portal restart (as after logging out and in), the
    remembered document portal path still leads to the chosen folder."""
    restart_document_portal()
    with FlatpakApp(home, "app-portal-restart.log") as app:
        app.open_handbook_tab()
        app.wait_title(PORTAL_HANDBOOK_TITLE)
        app.wait(lambda: PORTAL_HANDBOOK_TEXT in app.page_text(),
                 "the chosen folder's page after a restart")
        shot("6-portal-folder-restart")


def portal_folder_live_reload(home):
    """An edit made on the host to a page of a folder opened through the document portal
    shows up in the open app, as it does for a folder opened outside Flatpak. The folder
    watcher gets no events through the portal: the app scans such a folder when its window
    comes to the front and every few seconds while it is there."""
    folder = os.path.join(os.path.dirname(home), "outside", "smoke-handbook")
    with FlatpakApp(home, "app-portal-reload.log") as app:
        app.open_handbook_tab()
        app.wait_title(PORTAL_HANDBOOK_TITLE)
        app.wait(lambda: PORTAL_HANDBOOK_TEXT in app.page_text(), "the chosen folder's page")
        with open(os.path.join(folder, "index.md"), "a", encoding="utf-8") as f:
            f.write("\nEdited on the host.\n")
        try:
            app.wait(lambda: "Edited on the host." in app.page_text(),
                     "the host's edit to show up in the open page", timeout=20)
        except JourneyFailed as exc:
            missed = exc  # raised once the app is closed, without its tree dumped
        else:
            missed = None
    if missed is not None:
        raise missed


def split_todo(name):
    """("description", " # TODO reason") from a check's name, or (name, "")."""
    if " # TODO " in name:
        name, todo = name.split(" # TODO ", 1)
        return name, " # TODO " + todo
    return name, ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--portal", action="store_true")
    parser.add_argument("--portal-skip", metavar="REASON")
    args = parser.parse_args()
    home = os.path.abspath(args.home)
    os.makedirs(home, exist_ok=True)

    checks = [("flatpak run: a first start opens the bundled sample handbook, read through "
               "the accessibility tree", lambda: sample_handbook(home)),
              ("flatpak run: a restart reopens the last page (settings and database kept in "
               "~/.var/app)", lambda: restart_keeps_state(home))]
    portal_checks = [("the file chooser portal hands the app a folder outside the sandbox, "
                      "and it is remembered as a document portal path",
                      lambda: portal_folder(home)),
                     ("that folder reopens after the app and the document portal restart",
                      lambda: portal_folder_after_restart(home)),
                     ("an edit made on the host to that folder shows up in the open app "
                      "(scanned again, since inotify sees nothing through the portal)",
                      lambda: portal_folder_live_reload(home))]
    if args.portal:
        checks += portal_checks
    number = args.first
    failed = 0
    for name, check in checks:
        description, todo = split_todo(name)
        this_failed = False
        try:
            check()
        except Exception as exc:  # report every failure the same way
            print(f"not ok {number} - {description}: {str(exc).splitlines()[0]}{todo}")
            if todo:  # a known failure: nothing to look into
                number += 1
                continue
            failed += 1
            this_failed = True
            for log in sorted(os.listdir(home)):
                if log.endswith(".log"):
                    with open(os.path.join(home, log), errors="replace") as f:
                        lines = [line for line in f if line.strip()]
                    print(f"# {log}:")
                    for line in lines[-30:]:
                        print("#   " + line.rstrip())
        else:
            print(f"ok {number} - {name}")
        number += 1
        sys.stdout.flush()
        if this_failed and name == portal_checks[0][0]:
            for later, _ in portal_checks[1:]:
                later, todo = split_todo(later)
                print(f"not ok {number} - {later}: the folder was never opened{todo}")
                number += 1
            break
    if args.portal_skip:
        for name, _ in portal_checks:
            print(f"ok {number} - {split_todo(name)[0]} # SKIP {args.portal_skip}")
            number += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
