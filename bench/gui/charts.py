"""What a charting library adds to the desktop app: QtCharts (PySide6-Addons) against
pyqtgraph, each drawing the dashboard's largest chart (calls by hour of day, four
channels as stacked bars) in a fresh process, against a baseline process that shows the
same window without a chart.

    python bench/gui/charts.py [--runs 7] [--json FILE]

Per run, in a child process (offscreen Qt): the time to import the library, the time
from the import to the chart painted once into an image, and the peak resident memory
(VmHWM) when done. The installed size is what each adds to site-packages: QtCharts' own
files (module and Qt library) and the whole Addons wheel it comes in; pyqtgraph and the
numpy it needs. Medians are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

CHILD = r"""
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QWidget, QVBoxLayout
from PySide6.QtGui import QImage
from PySide6.QtCore import Qt
app = QApplication([])
t1 = time.perf_counter()
kind = sys.argv[1]
window = QWidget()
layout = QVBoxLayout(window)
hours = [str(h) for h in range(24)]
series = {c: [(h * 7 + i * 13) % 40 for h in range(24)] for i, c in enumerate(
    ["phone", "face to face", "email", "web chat"])}
if kind == "qtcharts":
    from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView,
        QStackedBarSeries, QValueAxis)
    t2 = time.perf_counter()
    bars = QStackedBarSeries()
    for name, values in series.items():
        s = QBarSet(name); s.append([float(v) for v in values]); bars.append(s)
    chart = QChart(); chart.addSeries(bars)
    x = QBarCategoryAxis(); x.append(hours)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom); bars.attachAxis(x)
    y = QValueAxis(); chart.addAxis(y, Qt.AlignmentFlag.AlignLeft); bars.attachAxis(y)
    layout.addWidget(QChartView(chart))
elif kind == "pyqtgraph":
    import pyqtgraph as pg
    t2 = time.perf_counter()
    plot = pg.PlotWidget()
    base = [0] * 24
    for i, values in enumerate(series.values()):
        plot.addItem(pg.BarGraphItem(x=list(range(24)), height=values, y0=base, width=0.8,
                                     brush=pg.intColor(i)))
        base = [a + b for a, b in zip(base, values)]
    layout.addWidget(plot)
else:
    t2 = time.perf_counter()
window.resize(900, 500)
window.show()
app.processEvents()
image = QImage(window.size(), QImage.Format.Format_ARGB32)
window.render(image)
t3 = time.perf_counter()
hwm = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        hwm = int(line.split()[1])
print(json.dumps({"qt_s": t1 - t0, "import_s": t2 - t1, "draw_s": t3 - t2,
                  "total_s": t3 - t0, "peak_kb": hwm}))
"""

KINDS = ("baseline", "qtcharts", "pyqtgraph")


def _size_mb(paths: list[Path]) -> float:
    total = 0
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        total += sum(f.stat().st_size for f in files)
    return round(total / 1e6, 1)


def sizes() -> dict[str, float]:
    import PySide6

    site = Path(PySide6.__file__).parent.parent
    pyside = site / "PySide6"
    charts = [*pyside.glob("QtCharts*"), *(pyside / "Qt" / "lib").glob("libQt6Charts*")]
    addons: list[Path] = []
    record = next(site.glob("pyside6_addons-*.dist-info"), None)
    if record is not None:
        for line in (record / "RECORD").read_text().splitlines():
            addons.append(site / line.split(",")[0])
    numpy = [site / "numpy", *site.glob("numpy.libs")]
    return {
        "qtcharts_files_mb": _size_mb(charts),
        "pyside6_addons_wheel_mb": _size_mb([p for p in addons if p.is_file()]),
        "pyqtgraph_mb": _size_mb([site / "pyqtgraph"]),
        "numpy_mb": _size_mb([p for p in numpy if p.exists()]),
    }


def run(kind: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for _ in range(args.runs):
        for kind in KINDS:  # interleaved, so a busy moment hurts each kind alike
            runs[kind].append(run(kind))
    medians = {
        kind: {key: statistics.median(r[key] for r in rs) for key in rs[0]}
        for kind, rs in runs.items()
    }
    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "runs": args.runs,
        "median": medians,
        "sizes_mb": sizes(),
    }
    base = medians["baseline"]
    for kind in ("qtcharts", "pyqtgraph"):
        m = medians[kind]
        print(
            f"{kind:10s} import {m['import_s'] * 1000:6.0f} ms  draw {m['draw_s'] * 1000:6.0f} ms"
            f"  total {m['total_s'] * 1000:6.0f} ms (baseline {base['total_s'] * 1000:.0f})"
            f"  peak +{(m['peak_kb'] - base['peak_kb']) / 1024:.1f} MB"
        )
    print(json.dumps(report["sizes_mb"]))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
