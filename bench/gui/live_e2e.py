"""From a change at the hub to the adviser's screen, end to end.

    python bench/gui/live_e2e.py [--runs 5]

Runs tests/gui/test_live_end_to_end.py `--runs` times, each in a fresh pytest process: the
app's MainWindow offscreen, signed in to two `frontdesk hub serve` processes on one
throwaway PostgreSQL database (the desk on one, the HTTP APIs on the other), its sync
rounds set an hour apart so only the live feed can bring a change. Each run measures
three delays, from the API's answer to the first event-loop turn that finds the change
on screen (pytest-qt's `waitUntil`, which looks every 10 ms, so up to ~10 ms late):

- an agency's `POST /agency/v1/referrals/{id}/status` → today's list shows the status;
- a supervisor's `PUT /agency/v1/services/{id}/alert` → the banner over the open service
  and the mark on its result row;
- `DELETE` of that alert → both gone.

Prints each run's figures, then per kind the median and the range, and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEST = "tests/gui/test_live_end_to_end.py"
LINE = re.compile(r"^(?P<what>[a-z ]+): on screen (?P<ms>\d+) ms after the API's answer$")


def one_run() -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:randomly", TEST],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    found = {m["what"]: int(m["ms"]) for m in map(LINE.match, out.stdout.splitlines()) if m}
    if out.returncode != 0 or len(found) != 3:
        raise SystemExit(f"the end-to-end test failed:\n{out.stdout[-3000:]}")
    return found


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    load = Path("/proc/loadavg").read_text().split()[0]
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, load {load}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for n in range(args.runs):
        runs.append(one_run())
        print(f"run {n + 1}: " + ", ".join(f"{k} {v} ms" for k, v in runs[-1].items()))
    print(f"\n{machine()}")
    print("| change | median ms | range ms |\n|---|---:|---:|")
    for what in runs[0]:
        values = [run[what] for run in runs]
        print(f"| {what} | {statistics.median(values):.0f} | {min(values)}–{max(values)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
