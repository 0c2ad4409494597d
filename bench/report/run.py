"""How long the supervisor's view takes to open on a desk with 100,000 enquiries in its
log, against the same view on an empty desk and on the same 100,000 without the
started_at index (desk migration 6), all in the same run.

    python bench/report/run.py [--enquiries 100000] [--runs 5] [--json FILE]

Each opening is a fresh process (offscreen Qt) that has imported what the running app has
(the main window's modules): from just before the view's module is imported (QtCharts
with it) to the first paint after the report is drawn, with the
app's threaded runner, the default period (this month) and the hub not configured, so
the figures are the desk's own. The desk's month and year reports are also timed alone.
The log is written with set-based inserts shaped as the desk writes them (enquiry rows,
their referral events, texts and e-mails), spread evenly over the 365 days to today.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import os, sys, time, json
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QEventLoop, QTimer
app = QApplication([])
from frontdesk.store.desk import DeskStore
from frontdesk.gui.operations import OperationRunner
# What the running app has imported before the view is opened from its menu (the sync
# client among it); the view's own modules and QtCharts are still imported in the timing.
import frontdesk.gui.main_window
assert "PySide6.QtCharts" not in sys.modules
folder = Path(sys.argv[1])
desk = DeskStore.open(folder / "desk.db", folder / "backups")
runner = OperationRunner.threaded()
t0 = time.perf_counter()
from frontdesk.gui.supervisor.window import SupervisorWindow
loop = QEventLoop()
window = SupervisorWindow(runner, desk)
days = int(sys.argv[2])
if days:
    # The dates of the last `days` days, chosen before the window is shown (it counts
    # when first shown), so only this period is counted.
    from PySide6.QtCore import QDate
    from frontdesk.gui.supervisor.window import RANGE
    window.period.setCurrentIndex(RANGE)
    window.start.setDate(QDate.currentDate().addDays(1 - days))
    window.end.setDate(QDate.currentDate())
window.report_shown.connect(lambda _r: QTimer.singleShot(0, loop.quit))
window.resize(1366, 768)
window.show()
loop.exec()
window.repaint()
app.processEvents()
t1 = time.perf_counter()
print(json.dumps({"open_s": t1 - t0, "enquiries": window.report.figures["enquiries"]}))
runner.shutdown()
desk.close()
"""

CHANNELS = ("phone", "face to face", "email", "web chat")
OUTCOMES = (
    "resolved at first contact",
    "advice given",
    "signposted",
    "referred",
    "transferred",
    "callback arranged",
    "escalated",
    "no further action",
    None,
)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def build(folder: Path, count: int, *, index: bool) -> None:
    """desk.db at the newest schema, filled with `count` enquiries."""
    from frontdesk.store.desk import DeskStore

    DeskStore.open(folder / "desk.db", folder / "backups").close()
    rng = random.Random(18)
    now = datetime.now(UTC)
    db = sqlite3.connect(folder / "desk.db")
    rows, events, sent = [], [], []
    for n in range(count):
        started = now - timedelta(seconds=rng.randrange(0, 365 * 86400))
        saved = started + timedelta(seconds=rng.randrange(30, 1500))
        outcome = rng.choice(OUTCOMES)
        eid = str(uuid.uuid4())
        referral = f"svc:{rng.randrange(50)}" if outcome == "referred" else None
        caller = None
        if rng.random() < 0.3:
            caller = json.dumps({"phone": f"+44161{rng.randrange(20000):07d}", "consent": True})
        summary = {
            "service_ids": [f"svc:{rng.randrange(300)}" for _ in range(rng.randrange(3))],
            "notes": [],
            "referral_service_id": referral,
            "referral_id": None,
        }
        rows.append(
            (
                eid,
                rng.choice(CHANNELS),
                stamp(started),
                stamp(saved),
                outcome,
                caller,
                json.dumps(summary),
                "sent",
                "sent" if referral else None,
                f"reason-{rng.randrange(40)}",
                int((saved - started).total_seconds()),
                rng.randrange(0, 600),
                f"R{n:07d}",
            )
        )
        if referral:
            events.append((str(uuid.uuid4()), eid, "referral sent", stamp(saved), "{}"))
        if rng.random() < 0.1:
            ev = str(uuid.uuid4())
            events.append((ev, eid, "details sent", stamp(saved), "{}"))
            sent.append(
                (
                    ev,
                    eid,
                    "svc:1",
                    rng.choice(("sms", "email")),
                    None,
                    rng.choice(("delivered", "permanent-failure", "sending")),
                    None,
                    stamp(saved),
                )
            )
    with db:
        db.executemany(
            "INSERT INTO enquiries (id, channel, started_at, saved_at, outcome, caller, summary,"
            " sync_state, referral_status, reason, duration_seconds, wrap_up_seconds, reference)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        db.executemany(
            "INSERT INTO enquiry_events (id, enquiry_id, kind, at, data) VALUES (?,?,?,?,?)", events
        )
        db.executemany("INSERT INTO sent_details VALUES (?,?,?,?,?,?,?,?)", sent)
        if not index:
            db.execute("DROP INDEX ix_enquiries_started_at")
    db.execute("ANALYZE")
    db.close()


def open_once(folder: Path, days: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(days)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def report_alone(folder: Path, days: int, runs: int) -> float:
    from datetime import date

    from frontdesk.store.desk import DeskStore
    from frontdesk.store.desk_report import desk_report

    desk = DeskStore.open(folder / "desk.db", folder / "backups")
    today = date.today()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        desk_report(desk, today - timedelta(days=days - 1), today)
        times.append(time.perf_counter() - t0)
    desk.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enquiries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {
            "empty desk": (Path(tmp) / "empty", 0, True),
            f"{args.enquiries:,} enquiries, no started_at index": (
                Path(tmp) / "noix",
                args.enquiries,
                False,
            ),
            f"{args.enquiries:,} enquiries": (Path(tmp) / "full", args.enquiries, True),
        }
        for folder, count, index in folders.values():
            folder.mkdir()
            build(folder, count, index=index)
        # "this month" as the view opens (today's month so far), and a whole 31 days.
        periods = {"this month": 0, "last 31 days": 31}
        opens: dict[str, list[float]] = {
            f"{name}, {period}": [] for name in folders for period in periods
        }
        for _ in range(args.runs):
            for name, (folder, _, _) in folders.items():  # interleaved
                for period, days in periods.items():
                    opens[f"{name}, {period}"].append(open_once(folder, days)["open_s"])
        result = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "runs": args.runs,
            "open_median_s": {name: statistics.median(v) for name, v in opens.items()},
            "open_all_s": opens,
            "desk_report_median_s": {
                f"{name}, {days} days": report_alone(folder, days, args.runs)
                for name, (folder, count, _) in folders.items()
                if count
                for days in (31, 365)
            },
        }
    for name, value in result["open_median_s"].items():
        print(f"open, {name}: {value * 1000:.0f} ms (median of {args.runs})")
    for name, value in result["desk_report_median_s"].items():
        print(f"desk report, {name}: {value * 1000:.0f} ms")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
