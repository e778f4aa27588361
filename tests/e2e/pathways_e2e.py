"""Drive the real Pathways binary through the accessibility tree, as a screen reader would.

The harness for every end-to-end journey in tests/e2e/: start the app with a throwaway
profile, find controls by role and accessible name, activate them, type through the X
server, and read back what a person would see (labels, the page text, the window title).

Needs a display and an AT-SPI bus (build-aux/test provides both), Debian's /usr/bin/python3
with python3-gi and gir1.2-atspi-2.0, and xdotool for typing. What works on GTK 4.8 and
what doesn't is in ../shared/E2E-NOTES.md: entries can't be set or read through AT-SPI
there, so typing goes through xdotool and results are read from labels and text views.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TIMEOUT = float(os.environ.get("PATHWAYS_E2E_TIMEOUT", "20"))


class JourneyFailed(AssertionError):
    pass


def _safe(fn, default=None):
    try:
        return fn()
    except Exception:  # nodes vanish while we walk: treat them as gone
        return default


def text_of(node):
    """The whole text of a node that implements Atspi.Text (labels, text views)."""
    def read():
        n = Atspi.Text.get_character_count(node)
        return Atspi.Text.get_text(node, 0, n)
    return _safe(read, "") or ""


def label_is(text):
    """A name matcher that ignores mnemonic underscores and GTK 4.8's doubled names
    ("_Add Add"): what a screen reader would read out."""
    want = text.replace("…", "")

    def match(name):
        name = (name or "").replace("_", "").replace("…", "")
        return name in (want, f"{want} {want}")
    return match


def describe(node):
    return f"{_safe(node.get_role_name, '?')} {_safe(node.get_name, '')!r}"


class App:
    """One running Pathways with its own profile."""

    def __init__(self, args=(), env=None):
        self.binary = os.environ.get("PATHWAYS_BIN", "pathways")
        self.profile = tempfile.mkdtemp(prefix="pathways-e2e-")
        self.env = dict(os.environ)
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
            self.env[var] = os.path.join(self.profile, sub)
        self.env["GSETTINGS_BACKEND"] = "keyfile"
        self.env["GTK_A11Y"] = "atspi"
        self.env.pop("NO_AT_BRIDGE", None)
        self.env.update(env or {})
        self.log = open(os.path.join(self.profile, "app.log"), "w")
        self.proc = subprocess.Popen([self.binary, *args], env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        try:
            self.root = self.wait(self._find_app, "the app on the accessibility bus")
        except JourneyFailed:
            self.root = None
            self.dump()
            self.close()
            raise

    # ---- lifecycle ----

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.dump()
        self.close()
        return False

    def dump(self):
        """Print the app's output and accessibility tree, to see why a step failed."""
        self.log.flush()
        with open(os.path.join(self.profile, "app.log")) as f:
            sys.stdout.write("# app output:\n" + "".join("#   " + l for l in f))
        if getattr(self, "root", None) is not None:
            sys.stdout.write("# accessibility tree:\n")
            self._dump(self.root, 1)

    def _dump(self, node, depth):
        if depth > 40:
            return
        line = "#" + "  " * depth + describe(node)
        text = text_of(node)
        if text and text != _safe(node.get_name, ""):
            line += f" text={text[:60]!r}"
        print(line)
        for i in range(_safe(node.get_child_count, 0)):
            child = _safe(lambda: node.get_child_at_index(i))
            if child is not None:
                self._dump(child, depth + 1)

    # ---- waiting and finding ----

    def wait(self, fn, what, timeout=TIMEOUT):
        """Poll fn() until it returns something truthy; fail saying what was awaited."""
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise JourneyFailed(f"the app exited ({self.proc.returncode}) while waiting "
                                    f"for {what}")
            value = fn()
            if value:
                return value
            if time.monotonic() > deadline:
                raise JourneyFailed(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(0.1)

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(_safe(desktop.get_child_count, 0)):
            app = _safe(lambda: desktop.get_child_at_index(i))
            if app is None:
                continue
            if _safe(app.get_process_id, -1) == self.proc.pid:
                return app
        return None

    def _walk(self, node, depth=0):
        if node is None or depth > 60:
            return
        yield node
        for i in range(_safe(node.get_child_count, 0)):
            child = _safe(lambda: node.get_child_at_index(i))
            if child is not None:
                yield from self._walk(child, depth + 1)

    def find_all(self, role=None, name=None, within=None):
        """Nodes by role name (e.g. 'push button') and accessible name (exact, or a callable).

        Nodes marked as showing come first. GTK 4.8 leaves the showing state off some
        widgets that are on screen (list rows, text views), so it can't be a filter."""
        found = []
        for node in self._walk(within or self.root):
            if role is not None and _safe(node.get_role_name) != role:
                continue
            if name is not None:
                node_name = _safe(node.get_name, "")
                if callable(name) and not name(node_name):
                    continue
                if not callable(name) and node_name != name:
                    continue
            found.append(node)
        return sorted(found, key=lambda node: not self.is_showing(node))

    def find(self, role=None, name=None, within=None, timeout=TIMEOUT):
        what = f"{role or 'a node'} named {name!r}" if name is not None else role
        return self.wait(lambda: (self.find_all(role, name, within) or [None])[0], what,
                         timeout)

    @staticmethod
    def is_showing(node):
        states = _safe(node.get_state_set)
        return states is None or states.contains(Atspi.StateType.SHOWING)

    # ---- acting ----

    def activate(self, node):
        """Run a node's default action (click for buttons), as assistive technology does."""
        n = _safe(lambda: Atspi.Action.get_n_actions(node), 0)
        if n == 0:
            raise JourneyFailed(f"{describe(node)} has no action to activate")
        names = [_safe(lambda: Atspi.Action.get_action_name(node, i), "") for i in range(n)]
        index = next((i for i, a in enumerate(names) if a in ("click", "activate", "press")), 0)
        Atspi.Action.do_action(node, index)
        self.settle()

    @staticmethod
    def settle():
        """Give GTK a few frames to lay out and realize what an action created. GTK 4.8
        crashes when asked over AT-SPI for a child whose accessible is not realized yet
        (fixed in later GTK), so the tree is not walked in that window."""
        time.sleep(0.4)

    def press(self, role, name):
        """Activate the control with this role and name. Where GTK nests one inside another
        (a menu button holds a button of the same name), the one with an action is used."""
        def actionable():
            for node in self.find_all(role, name):
                if _safe(lambda: Atspi.Action.get_n_actions(node), 0) > 0:
                    return node
            return None
        what = f"{role or 'a control'} named {name!r} that can be activated"
        self.activate(self.wait(actionable, what))

    def window_id(self):
        def search():
            # The newest window that is on screen: a dialog over the main window, not a
            # hidden one (a dialog kept for next time, a closed popover's surface).
            for flags in (["--onlyvisible"], []):
                out = subprocess.run(["xdotool", "search", *flags, "--pid", str(self.proc.pid)],
                                     capture_output=True, text=True).stdout.split()
                if out:
                    return out[-1]
            return None
        return self.wait(search, "the app's X window")

    def click(self, role, name):
        """Click the middle of a control with the pointer, for what has no action to run
        over AT-SPI (a text view to type into, say)."""
        node = self.find(role, name)
        wid = self.window_id()
        subprocess.run(["xdotool", "windowactivate", "--sync", wid], check=False,
                       capture_output=True)
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid],
                                  capture_output=True, text=True).stdout
        window = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
        top, height = int(window.get("Y", 0)), int(window.get("HEIGHT", 800))
        # Scroll it into view with the mouse wheel over the control's column.
        for _ in range(60):
            ext = self.wait(lambda: _safe(lambda: node.get_extents(Atspi.CoordType.SCREEN)),
                            f"the position of {describe(node)}")
            y = ext.y + min(ext.height // 2, 20)
            if top + 60 <= y <= top + height - 30:
                break
            steps = max(1, min(8, abs(y - (top + height // 2)) // 80))
            subprocess.run(["xdotool", "mousemove", "--sync", str(ext.x + ext.width // 2),
                            str(top + height // 2), "click", "--repeat", str(steps),
                            "--delay", "30", "5" if y > top + height else "4"],
                           check=True)
            self.settle()
        x = ext.x + ext.width // 2
        subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"],
                       check=True)
        self.settle()

    def shot(self, name):
        """Save a screenshot of the screen when PATHWAYS_E2E_SHOTS names a folder."""
        folder = os.environ.get("PATHWAYS_E2E_SHOTS")
        if not folder:
            return
        os.makedirs(folder, exist_ok=True)
        self.settle()
        subprocess.run(["import", "-window", "root", os.path.join(folder, name + ".png")],
                       check=False, capture_output=True)

    def clipboard(self):
        """The text on the clipboard, as another application would paste it."""
        out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True,
                             text=True, timeout=10)
        return out.stdout

    def keys(self, *keys):
        wid = self.window_id()
        subprocess.run(["xdotool", "windowactivate", "--sync", wid], check=False,
                       capture_output=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=False,
                       capture_output=True)
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            time.sleep(0.1)

    def type(self, text):
        wid = self.window_id()
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=False,
                       capture_output=True)
        subprocess.run(["xdotool", "type", "--delay", "30", "--", text], check=True)

    # ---- reading ----

    def frame(self):
        return self.find("frame")

    def title(self):
        return _safe(self.frame().get_name, "") or ""

    def page_text(self):
        """The text of the rendered page, as a screen reader reads it."""
        return text_of(self.find("text", "Page content"))

    def wait_title(self, fragment):
        return self.wait(lambda: fragment in self.title() and self.title(),
                         f"the window title to contain {fragment!r} (it is {self.title()!r})")


def run(journeys):
    """Run journey functions as a TAP test: one line per journey."""
    print(f"1..{len(journeys)}")
    failed = 0
    for number, journey in enumerate(journeys, 1):
        name = journey.__name__
        try:
            journey()
        except Exception as exc:  # report every failure the same way
            failed += 1
            print(f"not ok {number} - {name}: {exc}")
        else:
            print(f"ok {number} - {name}")
        sys.stdout.flush()
    return 1 if failed else 0
