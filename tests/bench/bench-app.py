#!/usr/bin/python3
"""bench-app.py: every figure of the performance targets (issue 10), in one table.

    python3 tests/bench/bench-app.py --build _build [--keep DIR] [--runs 7] [-v]

Runs bench-search on 5,000 pages (cold index against cmark, re-open, search p95 against
grep), generates the big team with bench-team (50 people x 5 years of weekly 1-on-1s), adds
the sample handbook's careers/ and a 300 KB page to the handbook, then starts the real
binary under a private Xvfb and D-Bus session with PATHWAYS_DEBUG_TIMING=1 and reads the
`pathways-timing:` lines it prints (src/ui/pathways-timing.c):

- start-up to first frame, --runs times after a warm-up run (which indexes the handbook
  and makes the day's backup), against bench-hello (an empty AdwApplicationWindow timed by
  the same code) started as many times;
- the 300 KB page opened, to its first paint, against a typical page in the same session;
- people with 5 years of 1-on-1s selected, to the person page's first paint;
- typing into the next 1-on-1's shared notes with xdotool: main-loop stalls (> 16 ms)
  while typing and autosaving, against the same bursts typed into a bare GtkTextView
  (bench-hello --text: the toolkit's own redrawing), and the same time idle;
- resident memory (VmRSS) after opening 100 pages and 20 people, against bench-hello's.

Pages and people are opened through debug-only application actions that exist only with
PATHWAYS_DEBUG_TIMING (`gapplication action`); the times are measured inside the app from
the request to the paint, so the D-Bus round trip is not in them.

Timings come from a shared machine: each is printed next to a baseline measured in the same
run, and none is ever a test. Needs Xvfb, dbus-daemon, gapplication, xdotool, cmark, grep.
"""

import argparse
import hashlib
import os
import queue
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
verbose = False


def log(*args):
    if verbose:
        print("#", *args, flush=True)


# ==== the handbook and the team ====

def run_bench_search(build, work, pages):
    """bench-search's own figures, keyed by its row labels."""
    out = subprocess.run([os.path.join(build, "tests/bench/bench-search"), "--pages", str(pages),
                          "--keep", work], check=True, capture_output=True, text=True).stdout
    log(out)
    figures = {}
    for line in out.splitlines():
        parts = line.split()
        for i, word in enumerate(parts):
            if word in ("ms", "×", "MB", "%") and i > 0:
                try:
                    value = float(parts[i - 1])
                except ValueError:
                    break
                figures[" ".join(parts[:i - 1])] = value
                break
    return figures


def big_page(size):
    """A deterministic Markdown page of about size bytes: headings, paragraphs with
    emphasis and links, lists, tables and code, as a long policy page would have."""
    words = ("review ladder growth impact mentoring design incident rollout budget planning "
             "feedback quality ownership delivery hiring onboarding architecture").split()
    out, n, section = [], 0, 0
    while n < size:
        section += 1
        block = [f"## Section {section}: {words[section % len(words)]}\n\n"]
        for p in range(4):
            sentence = " ".join(words[(section * 7 + p * 3 + k) % len(words)] for k in range(60))
            block.append(f"{sentence.capitalize()}, see **[{words[p]}](#section-{section})** "
                         f"and `code {p}`.\n\n")
        block.append("".join(f"- {words[(section + k) % len(words)]} item {k}\n"
                             for k in range(6)) + "\n")
        if section % 3 == 0:
            block.append("| Level | Scope | Notes |\n| --- | --- | --- |\n" + "".join(
                f"| L{k} | {words[k]} | {words[(k + section) % len(words)]} |\n"
                for k in range(8)) + "\n")
        if section % 4 == 0:
            block.append("```\n" + "\n".join(f"step_{k} = run({k})" for k in range(10)) +
                         "\n```\n\n")
        text = "".join(block)
        out.append(text)
        n += len(text.encode())
    return "# The largest page\n\n" + "".join(out)


def prepare_handbook(root):
    careers = os.path.join(root, "careers")
    if not os.path.isdir(careers):
        shutil.copytree(os.path.join(SOURCE, "data/handbook/careers"), careers)
    path = os.path.join(root, "big-page.md")
    text = big_page(300 * 1024)
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as f:
            f.write(text)


def prepare_team(build, work, people):
    team = os.path.join(work, "team")
    if not os.path.exists(os.path.join(team, "pathways.sqlite")):
        shutil.rmtree(team, ignore_errors=True)
        print(f"generating the team ({people} people x 5 years; minutes)…", flush=True)
        out = subprocess.run([os.path.join(build, "tests/bench/bench-team"), "--profile", team,
                              "--people", str(people)],
                             check=True, capture_output=True, text=True).stdout
        print(out.strip().splitlines()[-2], flush=True)
    return team


# ==== the display, the bus, and the app ====

class Session:
    """A private Xvfb and D-Bus session, and the environment the app runs in."""

    def __init__(self, build, work):
        d = 77
        while os.path.exists(f"/tmp/.X11-unix/X{d}") or os.path.exists(f"/tmp/.X{d}-lock"):
            d += 1
        self.xvfb = subprocess.Popen(["Xvfb", f":{d}", "-screen", "0", "1280x800x24",
                                      "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{d}"):
                break
            time.sleep(0.05)
        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        address = self.bus.stdout.readline().strip()
        home = os.path.join(work, "home")
        self.env = dict(os.environ)
        self.env.update({
            "DISPLAY": f":{d}", "DBUS_SESSION_BUS_ADDRESS": address,
            "GSETTINGS_BACKEND": "memory", "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            # No accessibility bus here: what GTK does for AT-SPI is left out of every figure.
            "GTK_A11Y": "none", "NO_AT_BRIDGE": "1",
            "PATHWAYS_DEBUG_TIMING": "1",
        })

    def close(self):
        for proc in (self.bus, self.xvfb):
            proc.terminate()
            proc.wait()


class App:
    """One running process that prints pathways-timing lines."""

    def __init__(self, session, argv):
        self.session = session
        self.lines = queue.Queue()
        self.seen = []
        self.start = time.monotonic()
        self.proc = subprocess.Popen(argv, env=session.env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        clock = self.wait("clock")
        # The app's CLOCK_MONOTONIC at its "clock" line, and its ms since the process start
        # then: turns every later line into our clock's time.
        self.offset = float(clock[2]) / 1000 - float(clock[1]) / 1000
        self.app_id = None

    def _read(self):
        for line in self.proc.stderr:
            if line.startswith("pathways-timing: "):
                self.lines.put(line.split()[1:])
            else:
                log("app:", line.rstrip())
        self.lines.put(None)

    def wait(self, event, match=None, timeout=120):
        """The next line of this event (and detail, if given), after those seen before."""
        deadline = time.monotonic() + timeout
        for fields in self.seen:
            if fields[0] == event and (match is None or match(fields)):
                self.seen.remove(fields)
                return fields
        while True:
            try:
                fields = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no {event} line from the app")
            if fields is None:
                raise RuntimeError(f"the app exited waiting for {event}")
            log(" ".join(fields))
            if fields[0] == event and (match is None or match(fields)):
                return fields
            self.seen.append(fields)

    def since_spawn(self, fields):
        """ms from our spawning the process to this line's moment (microsecond clock)."""
        return (self.offset + float(fields[1]) / 1000 - self.start) * 1000

    def drain(self):
        while True:
            try:
                fields = self.lines.get_nowait()
            except queue.Empty:
                return
            if fields is not None:
                self.seen.append(fields)

    def action(self, name, param=None):
        argv = ["gapplication", "action", self.app_id, name] + ([param] if param else [])
        subprocess.run(argv, env=self.session.env, check=True, capture_output=True)

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0

    def close(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# ==== the figures ====

def memory_after_use(app, ids):
    """VmRSS (MB) after opening 100 pages and then 20 people."""
    for i in range(100):
        page = f"section-{i // 250:02d}/page-{i}.md"
        app.action("debug-open-page", f"'{page}'")
        app.wait("page-shown", lambda f, p=page: " ".join(f[2:-1]) == p)
    for pid in ids[:20]:
        app.action("debug-show-person", f"int64 {pid}")
        app.wait("person-shown", lambda f, p=pid: f[2] == str(p))
    time.sleep(1)
    return app.rss_mb()


def spread(values):
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def start_pathways(session, build, handbook, profile, page=None):
    argv = [os.path.join(build, "src/pathways"), "--handbook", handbook, "--profile", profile]
    app = App(session, argv + ([page] if page else []))
    app.app_id = app.wait("startup")[2]
    return app


def main():
    global verbose
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(SOURCE, "_build"))
    parser.add_argument("--keep", help="generate into (and reuse from) this folder")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    verbose = args.verbose
    build = os.path.abspath(args.build)
    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="pathways-bench-")
    os.makedirs(work, exist_ok=True)
    rows = []

    print(f"bench-search on {args.pages} pages…", flush=True)
    search = run_bench_search(build, work, args.pages)
    handbook = os.path.join(work, f"handbook-{args.pages}")
    prepare_handbook(handbook)
    team = prepare_team(build, work, args.people)

    # The app writes to its profile (cycles, the daily backup): a copy, made once per run.
    profile = os.path.join(work, "profile")
    shutil.rmtree(profile, ignore_errors=True)
    shutil.copytree(team, profile)
    db = sqlite3.connect(f"file:{os.path.join(profile, 'pathways.sqlite')}?mode=ro", uri=True)

    session = Session(build, work)
    try:
        # ---- start-up: a warm-up (indexes, backs up), then the runs ----
        print("start-up…", flush=True)
        app = start_pathways(session, build, handbook, profile)
        app.wait("first-frame")
        app.wait("index-updated", timeout=600)
        app.close()

        starts, starts_proc, reopen, hello = [], [], [], []
        for _ in range(args.runs):
            app = start_pathways(session, build, handbook, profile)
            frame = app.wait("first-frame")
            starts.append(app.since_spawn(frame))
            starts_proc.append(float(frame[1]))
            loaded = app.wait("handbook-loaded")
            indexed = app.wait("index-updated")
            log("handbook loaded at", loaded[1], "ms")
            reopen.append(float(indexed[1]))
            app.close()
            h = App(session, [os.path.join(build, "tests/bench/bench-hello")])
            hello.append(h.since_spawn(h.wait("first-frame")))
            hello_rss = h.rss_mb()
            h.close()
        log("first frame, from /proc starttime (10 ms ticks):", starts_proc)
        rows.append((f"start-up to first frame, {args.pages} pages + {args.people} people",
                     spread(starts),
                     f"{statistics.median(hello):.0f} (bench-hello)",
                     statistics.median(starts) / statistics.median(hello), "< 300 ms",
                     statistics.median(starts) < 300))
        rows.append(("  handbook loaded + index up to date, from process start", spread(reopen),
                     "", None, "", None))

        # ---- one session: the big page, people, typing, memory ----
        app = start_pathways(session, build, handbook, profile)
        app.wait("first-frame")
        app.wait("page-shown")
        time.sleep(1)

        print("the largest page…", flush=True)
        big, small = [], []
        for i in range(5):
            for page, into in (("big-page.md", big), (f"section-00/page-{i + 1}.md", small)):
                app.action("debug-open-page", f"'{page}'")
                shown = app.wait("page-shown", lambda f, p=page: " ".join(f[2:-1]) == p)
                into.append(float(shown[-1]))
        rows.append(("render the largest page (300 KB) to first paint", spread(big),
                     f"{statistics.median(small):.0f} (a typical page)",
                     statistics.median(big) / statistics.median(small), "< 100 ms",
                     statistics.median(big) < 100))

        print("people…", flush=True)
        ids = [r[0] for r in db.execute("SELECT id FROM person ORDER BY id")]
        counts = dict(db.execute("SELECT person_id, count(*) FROM meeting GROUP BY person_id"))
        people = []
        for n, pid in enumerate(ids[:6]):
            app.action("debug-show-person", f"int64 {pid}")
            shown = app.wait("person-shown", lambda f, p=pid: f[2] == str(p))
            if n == 0:
                first_person = float(shown[-1])  # also shows the Team area the first time
            else:
                people.append(float(shown[-1]))
        log("meetings per person:", [counts.get(i, 0) for i in ids[:6]])
        rows.append((f"open a person with 5 years of 1-on-1s ({counts.get(ids[1], 0)} meetings)",
                     spread(people), f"{first_person:.0f} (first, with the Team area)", None,
                     "< 50 ms", statistics.median(people) < 50))

        print("typing…", flush=True)
        pid = ids[1]
        meeting = db.execute("SELECT id FROM meeting WHERE person_id = ? AND status = 'planned'",
                             (pid,)).fetchone()[0]
        app.action("debug-open-meeting", f"(int64 {pid}, int64 {meeting})")
        time.sleep(1)
        app.action("debug-focus-notes")
        focused = app.wait("focused")
        # Opening the meeting may still be painting. A blocked loop prints nothing, so ask
        # it something: quiet when it answers and then goes 2 s without a stall.
        for _ in range(100):
            app.action("debug-focus-notes")
            app.wait("focused")
            quiet_from, stalled = time.monotonic(), False
            while time.monotonic() - quiet_from < 2 and not stalled:
                try:
                    fields = app.lines.get(timeout=0.2)
                except queue.Empty:
                    continue
                if fields is None:
                    raise RuntimeError("the app exited")
                app.seen.append(fields)
                stalled = fields[0] == "stall"
            if not stalled:
                break
        idle_from = time.monotonic()
        time.sleep(5)
        idle_to = time.monotonic()
        wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                             env=session.env, capture_output=True, text=True).stdout.split()
        typed = "Typed by the benchmark "
        type_from = time.monotonic()
        if wid and focused[2] == "GtkTextView":
            subprocess.run(["xdotool", "mousemove", "--window", wid[-1], "400", "400"],
                           env=session.env, capture_output=True)
            subprocess.run(["xdotool", "windowfocus", "--sync", wid[-1]], env=session.env,
                           capture_output=True)
            for burst in range(5):
                subprocess.run(["xdotool", "type", "--delay", "60", f"{typed}{burst} "],
                               env=session.env, capture_output=True)
                time.sleep(1.5)  # an autosave after each burst
        type_to = time.monotonic()
        time.sleep(1)
        app.drain()

        def stalls(t0, t1):
            """Stalls that began and ended between t0 and t1 (a line comes at the end)."""
            return [float(f[2]) for f in app.seen if f[0] == "stall"
                    and t0 <= app.offset + (float(f[1]) - float(f[2])) / 1000
                    and app.offset + float(f[1]) / 1000 <= t1]
        typing_stalls, idle_stalls = stalls(type_from, type_to + 1), stalls(idle_from, idle_to)
        saved = db.execute("SELECT shared_notes FROM meeting WHERE id = ?",
                           (meeting,)).fetchone()[0]
        reached = typed in saved
        log("focused:", focused, "typed text saved:", reached, "stalls:", typing_stalls)
        log("main thread's own CPU in those stalls:",
            [float(f[3]) for f in app.seen if f[0] == "stall" and float(f[2]) in typing_stalls])

        # The baseline: the same bursts typed into an empty GtkTextView in bench-hello, which
        # only redraws. On Xvfb that redrawing is software GL (llvmpipe), whose threads the
        # main thread waits for at each frame.
        hello = App(session, [os.path.join(build, "tests/bench/bench-hello"), "--text"])
        hello.wait("first-frame")
        time.sleep(1)
        hwid = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(hello.proc.pid)],
                              env=session.env, capture_output=True, text=True).stdout.split()
        hello_from = time.monotonic()
        if hwid:
            subprocess.run(["xdotool", "windowfocus", "--sync", hwid[-1]], env=session.env,
                           capture_output=True)
            for burst in range(5):
                subprocess.run(["xdotool", "type", "--delay", "60", f"{typed}{burst} "],
                               env=session.env, capture_output=True)
                time.sleep(1.5)
        hello_to = time.monotonic()
        time.sleep(1)
        hello.drain()
        hello.close()
        hello_stalls = [float(f[2]) for f in hello.seen if f[0] == "stall"
                        and hello_from <= hello.offset + (float(f[1]) - float(f[2])) / 1000
                        and hello.offset + float(f[1]) / 1000 <= hello_to + 1]
        log("bench-hello --text stalls:", hello_stalls)
        worst = max(typing_stalls, default=0)
        hello_worst = max(hello_stalls, default=0)
        rows.append(("typing into a meeting note: worst main-loop stall",
                     f"{worst:.0f} ({len(typing_stalls)} > 16 ms)"
                     + ("" if reached else " TEXT NOT SAVED"),
                     f"{hello_worst:.0f} ({len(hello_stalls)}, bare text view)",
                     worst / hello_worst if hello_worst else None,
                     "none > 16 ms", reached and not typing_stalls))
        rows.append(("  the same span idle (no typing)",
                     f"{max(idle_stalls, default=0):.0f} ({len(idle_stalls)} > 16 ms)",
                     "", None, "", None))

        print("100 pages and 20 people…", flush=True)
        rss = memory_after_use(app, ids)
        app.close()
        rows.append(("resident memory after 100 pages and 20 people", f"{rss:.0f} MB",
                     f"{hello_rss:.0f} MB (bench-hello)", rss / hello_rss, "< 150 MB",
                     rss < 150))

        # The same with GTK's cairo renderer: on Xvfb the GL renderer is Mesa's llvmpipe,
        # whose buffers live in the process (a GPU driver keeps most of them elsewhere).
        print("the same with GSK_RENDERER=cairo…", flush=True)
        previous = session.env.get("GSK_RENDERER")
        session.env["GSK_RENDERER"] = "cairo"
        try:
            h = App(session, [os.path.join(build, "tests/bench/bench-hello")])
            h.wait("first-frame")
            hello_cairo = h.rss_mb()
            h.close()
            app = start_pathways(session, build, handbook, profile)
            app.wait("first-frame")
            app.wait("page-shown")
            time.sleep(1)
            rss = memory_after_use(app, ids)
            app.close()
        finally:
            session.env.pop("GSK_RENDERER")
            if previous is not None:
                session.env["GSK_RENDERER"] = previous
        rows.append(("  the same, drawn with GTK's cairo renderer", f"{rss:.0f} MB",
                     f"{hello_cairo:.0f} MB (bench-hello)", rss / hello_cairo, "< 150 MB",
                     rss < 150))
    finally:
        session.close()

    # ---- bench-search's figures ----
    cold, cmark = search["cold index"], search["cmark rendering every page (baseline)"]
    rows.insert(2, (f"cold index of {args.pages} pages", f"{cold:.0f}", f"{cmark:.0f} (cmark CLI)",
                    cold / cmark, "< 3× cmark", cold / cmark < 3))
    scan = search["re-open: handbook scan"]
    index = search["re-open: index open + stat pass"]
    rows.insert(3, ("re-open of an unchanged handbook (scan + index check)",
                    f"{scan + index:.0f} ({scan:.0f} + {index:.0f})", "", None, "< 200 ms",
                    scan + index < 200))
    p95, grep = search["query p95"], search["grep -rFil per query, median (baseline)"]
    recall = search.get("recall against grep", 0)
    rows.insert(4, ("search p95", f"{p95:.2f}", f"{grep:.1f} (grep -rFil)", grep / p95,
                    "< 10 ms, ≥ 20× grep", p95 < 10 and grep / p95 >= 20 and recall >= 100))

    print()
    print(f"{'figure':58} {'measured (ms)':>22} {'baseline (ms)':>32} {'ratio':>7}  "
          f"{'target':20} met?")
    for name, measured, baseline, ratio, target, met in rows:
        print(f"{name:58} {measured:>22} {baseline:>32} "
              f"{'' if ratio is None else f'{ratio:.2f}':>7}  {target:20} "
              f"{'' if met is None else ('yes' if met else 'NO')}")
    print(f"\nmedian (min–max) over {args.runs} starts; search recall against grep "
          f"{recall:.1f} %; work folder {work}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
