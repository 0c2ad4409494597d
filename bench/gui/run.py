"""How the adviser's window performs on a large catalogue: keystroke to painted results,
start-up to an interactive window, and resident memory, each beside a baseline measured in
the same run.

    python bench/gui/run.py [--size 200000] [--queries 30] [--starts 5] [--no-x]

The data folder (a synthetic catalogue through the real store and search index) is built
once under bench/gui/out/ and reused. Keystrokes are measured by bench/gui/keystrokes.py in
a child process, on Qt's offscreen platform and, unless --no-x, on a real X server (an
Xvfb this script starts and stops). Start-up runs `frontdesk --data-dir DIR` with
FRONTDESK_REPORT_READY=1 and times, from just before the process is spawned, the "ready"
(window painted, loop idle) and "searchable" (first results shown) lines it prints; the
baseline is bench/gui/empty_window.py by the same method. Peak memory (VmHWM) is read from
/proc for each child. Prints one table; --json also writes the raw numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import OUT, ensure_data
from measure import machine, memory_kb

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
FRONTDESK = str(Path(PYTHON).parent / "frontdesk")
SETTLE_S = 1.0  # after "searchable", before reading memory: late start-up work finishes


@contextmanager
def x_server() -> Iterator[str | None]:
    """A private Xvfb display for the run, or None when Xvfb is not installed."""
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    try:
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        yield None
        return
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def child_env(display: str | None, scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    # Settings in a scratch folder: no hub configured, and the user's own left untouched.
    env["XDG_CONFIG_HOME"] = str(scratch / "config")
    env["FRONTDESK_REPORT_READY"] = "1"
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.pop("DISPLAY", None)
    else:
        env["QT_QPA_PLATFORM"] = "xcb"
        env["DISPLAY"] = display
    return env


def start_once(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Spawn, wait for "ready" and "searchable", read peak memory, stop the process."""
    moments: dict[str, float] = {}
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    try:
        for line in child.stderr:
            word, _, reported = line.strip().partition(" ")
            if word in ("ready", "searchable"):
                moments[word] = time.perf_counter() - start
                moments[f"{word}_reported"] = float(reported)
                if word == "searchable":
                    break
        time.sleep(SETTLE_S)
        moments["hwm_mb"] = memory_kb(child.pid)["VmHWM"] / 1024
    finally:
        child.terminate()
        child.wait(10)
    if "searchable" not in moments:
        raise RuntimeError(f"{command} exited without reporting it was searchable")
    return moments


def startup(
    command: list[str], env: dict[str, str], runs: int
) -> dict[str, dict[str, float] | float]:
    start_once(command, env)  # warm the page cache and Python's bytecode cache once
    samples = [start_once(command, env) for _ in range(runs)]
    keys = ("ready", "searchable", "ready_reported", "searchable_reported", "hwm_mb")
    return {k: statistics.median(s[k] for s in samples) for k in keys} | {
        "ready_all": [round(s["ready"], 3) for s in samples],  # type: ignore[dict-item]
        "searchable_all": [round(s["searchable"], 3) for s in samples],  # type: ignore[dict-item]
    }


def keystrokes(data: Path, env: dict[str, str], queries: int) -> dict[str, Any]:
    script = str(HERE / "keystrokes.py")
    done = subprocess.run(
        [PYTHON, script, str(data), "--queries", str(queries)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"keystrokes.py failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def row(label: str, stats: dict[str, float], base: dict[str, float] | None = None) -> str:
    text = f"  {label:<44} {stats['p50']:7.1f} {stats['p95']:7.1f} {stats['max']:7.1f}"
    if base is not None and base["p50"]:
        text += f"   ×{stats['p50'] / base['p50']:.1f} p50, ×{stats['p95'] / base['p95']:.1f} p95"
    return text


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def report(results: dict[str, Any], size: int) -> str:
    lines = [
        f"frontdesk GUI benchmark: {size:,} services; {machine()}",
        f"load average (1, 5, 15 min) at start {results['load_start']}, "
        f"at end {results['load_end']}",
        "",
    ]
    for platform, keys in results["keystrokes"].items():
        lat, base = keys["latency"], keys["baseline"]
        lines += [
            f"Keystroke → results painted, {platform} ({keys['keystrokes']} keys, "
            f"{len(keys['missed'])} never painted)      p50     p95     max  (ms)",
            row("GUI: key → results painted", lat["total"], base["engine"]),
            row("  of which key → worker starts (debounce)", lat["to_worker"]),
            row("  of which worker job (search + rows)", lat["worker"]),
            row("  of which worker → model reset done", lat["to_gui"]),
            row("  of which reset → view painted", lat["paint"]),
            row("baseline: SearchEngine.search alone", base["engine"]),
            row("baseline: CatalogueAccess.search (worker job)", base["access"]),
            "",
        ]
    lines.append(
        f"Start-up (median of {results['starts']} after one warm-up)"
        "                 ready s  searchable s  peak MB"
    )
    for platform, pair in results["startup"].items():
        app, empty = pair["frontdesk"], pair["empty"]
        lines += [
            f"  frontdesk --data-dir, {platform:<28} {app['ready']:9.3f} "
            f"{app['searchable']:13.3f} {app['hwm_mb']:8.0f}",
            f"  baseline: empty QMainWindow, {platform:<21} {empty['ready']:9.3f} "
            f"{'':13} {empty['hwm_mb']:8.0f}",
            f"  ratio{'':<40} ×{app['ready'] / empty['ready']:.1f}",
        ]
    lines += ["", "Peak resident memory (VmHWM)                              MB"]
    for platform, keys in results["keystrokes"].items():
        mem = keys["memory"]
        lines += [
            f"  window after start-up, {platform:<29} {mem['after_startup'] / 1024:6.0f}",
            f"  after 50 searches, {platform:<33} {mem['after_50_searches'] / 1024:6.0f}",
            f"  after all {keys['keystrokes']} searches, {platform:<27} {mem['end'] / 1024:6.0f}",
        ]
    lines.append(f"  baseline: empty QMainWindow{'':<26} {results['empty_mb']:6.0f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=30, help="queries typed per platform")
    parser.add_argument("--starts", type=int, default=5, help="timed start-ups per program")
    parser.add_argument("--no-x", action="store_true", help="offscreen only, no Xvfb")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args()
    data = ensure_data(args.size)
    scratch = OUT / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"size": args.size, "starts": args.starts}
    results["load_start"] = load_average()
    results["keystrokes"], results["startup"] = {}, {}
    with x_server() as display:
        platforms: list[tuple[str, str | None]] = [("offscreen", None)]
        if display is not None and not args.no_x:
            platforms.append((f"Xvfb {display}", display))
        for name, where in platforms:
            env = child_env(where, scratch)
            print(f"typing {args.queries} queries ({name})…", file=sys.stderr)
            results["keystrokes"][name] = keystrokes(data, env, args.queries)
            print(f"starting frontdesk and the empty window ({name})…", file=sys.stderr)
            results["startup"][name] = {
                "frontdesk": startup([FRONTDESK, "--data-dir", str(data)], env, args.starts),
                "empty": startup([PYTHON, str(HERE / "empty_window.py")], env, args.starts),
            }
        results["empty_mb"] = results["startup"]["offscreen"]["empty"]["hwm_mb"]
    results["load_end"] = load_average()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    print(report(results, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
