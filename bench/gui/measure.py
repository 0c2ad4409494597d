"""Small helpers shared by the GUI benchmark's scripts: the queries typed, percentiles and
a process's memory from /proc."""

from __future__ import annotations

import importlib.util
import os
import statistics
import sys
from pathlib import Path

_SEARCH_BENCH = Path(__file__).resolve().parent.parent / "search"


def queries(count: int) -> list[str]:
    """`count` of the search benchmark's queries, spread over its kinds (topics, topic +
    common word, place + topic, callers' own words, misspellings)."""
    # Loaded by path: its module name, run, is also this benchmark's.
    sys.path.insert(0, str(_SEARCH_BENCH))
    spec = importlib.util.spec_from_file_location("search_bench_run", _SEARCH_BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    search_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(search_bench)
    every: list[str] = search_bench.queries()
    step = max(1, len(every) // max(1, count))
    return every[::step][:count]


def summary(values: list[float]) -> dict[str, float]:
    """Median, 95th percentile (nearest rank) and maximum."""
    if not values:
        return {"p50": float("nan"), "p95": float("nan"), "max": float("nan"), "n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return {"p50": statistics.median(ordered), "p95": p95, "max": ordered[-1], "n": len(ordered)}


def memory_kb(pid: int | str = "self") -> dict[str, int]:
    """VmRSS and VmHWM (peak resident set) of a process, in kB."""
    found: dict[str, int] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    return found


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}"
