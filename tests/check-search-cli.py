#!/usr/bin/python3
"""pathways --search: JSON lines for scripts, without a display — the sample handbook's
sections found at the right anchors, the index kept in the cache and reused, Chinese found
by any run of characters, bad arguments refused."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

binary, source_root = sys.argv[1], sys.argv[2]
home = tempfile.mkdtemp(prefix="pathways-search-cli-")
env = dict(os.environ)
for var, sub in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"),
                 ("XDG_CONFIG_HOME", "config")):
    env[var] = os.path.join(home, sub)
env["GSETTINGS_BACKEND"] = "memory"
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)

results = []


def check(ok, what):
    results.append((ok, what))


def search(*args):
    run = subprocess.run([binary, "--search", *args], env=env, capture_output=True, text=True,
                         timeout=60)
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    return run.returncode, lines, run.stderr


try:
    sample = os.path.join(source_root, "data", "handbook")
    rc, lines, err = search("calibrated", "--handbook", sample, "--limit", "5")
    first = lines[0] if lines else {}
    check(rc == 0 and first.get("kind") == "handbook"
          and first.get("page") == "process/performance-reviews.md"
          and first.get("anchor") == "review-cycles" and first.get("context") == "Review cycles"
          and "**calibrated**" in first.get("snippet", ""),
          f"a word finds its section, with the anchor and the match marked: {first}")
    check("Indexing the handbook" in err, "the first search builds the index, saying so")
    check(any(name.startswith("handbook-") for name in
              os.listdir(os.path.join(home, "cache", "pathways", "search"))),
          "the index is kept in the cache directory")

    rc, again, err = search("calibrated", "--handbook", sample, "--limit", "5")
    check(rc == 0 and again == lines and err == "",
          f"a second search reuses the index: nothing to rebuild ({err.strip()!r})")

    rc, lines, _ = search("\"review cycles\" calibrated", "--handbook", sample)
    check(rc == 0 and [l.get("anchor") for l in lines] == ["review-cycles"],
          f"a phrase and a word together: {[l.get('anchor') for l in lines]}")

    rc, lines, _ = search("zyzzyva", "--handbook", sample)
    check(rc == 0 and lines == [], "nothing found prints nothing")
    rc, lines, _ = search("", "--handbook", sample)
    check(rc == 0 and lines == [], "an empty query prints nothing")

    cjk = os.path.join(home, "cjk")
    os.makedirs(cjk)
    with open(os.path.join(cjk, "index.md"), "w", encoding="utf-8") as f:
        f.write("# 职业阶梯\n\n高级工程师负责代码审查和技术设计。\n")
    rc, lines, _ = search("代码审", "--handbook", cjk)
    check(rc == 0 and len(lines) == 1 and lines[0]["page"] == "index.md"
          and "**代**" in lines[0]["snippet"], f"Chinese, inside a sentence: {lines}")

    rc, lines, _ = search("review", "--handbook", sample, "--limit", "2")
    check(rc == 0 and len(lines) == 2, f"--limit 2 gives two results: {len(lines)}")
    for bad in ("0", "lots"):
        rc, _, err = search("review", "--handbook", sample, "--limit", bad)
        check(rc == 2 and "--limit" in err, f"a limit of {bad!r} is refused, saying why")
    rc, _, err = search("review", "--handbook", os.path.join(home, "missing"))
    check(rc == 1 and err.strip() != "", f"a missing folder is an error: {err.strip()!r}")
finally:
    shutil.rmtree(home, ignore_errors=True)

print(f"1..{len(results)}")
for number, (ok, what) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {what}")
sys.exit(0 if all(ok for ok, _ in results) else 1)
