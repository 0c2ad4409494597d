"""Render the real supervisor's view and the printed report to PNG files for
docs/screenshots/.

Run through `scripts/screenshots`, under Xvfb. Builds a throw-away data folder with the
demo catalogue and a month of made-up enquiries on it, opens the view as a supervisor
does (this desk standalone, so the figures are its own), grabs its top and its referral
and message sections, and writes the month's PDF report, whose first page pdftoppm draws.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from frontdesk.core.enquiry import Caller, Channel, EnquiryDraft, Outcome, ReferralStatus
from frontdesk.formats.demo import read_demo_catalogue
from frontdesk.gui import i18n
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.supervisor.pdf import write_report_pdf
from frontdesk.gui.supervisor.window import RANGE, SupervisorWindow
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.desk import DeskStore
from frontdesk.store.details_sent import send_details, set_status
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync.period_report import fetch_report

MONTH = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
REASONS = ("missed-collection", "council-tax-bill", "repair-request", "benefits-claim", None)
HOURS = (8, 9, 9, 10, 10, 10, 11, 11, 12, 13, 14, 14, 15, 16, 17)


def fill(folder: Path) -> tuple[DeskStore, CatalogueStore]:
    catalogue = CatalogueStore.open(folder / "catalogue.db")
    demo = read_demo_catalogue()
    catalogue.apply_imports([("demo", demo)])
    services = [s.catalogue_id for s in catalogue.iter_services()][:40]
    desk = DeskStore.open(folder / "desk.db", folder / "backups")
    log = EnquiryLog(desk)
    rng = random.Random(18)
    callers = [Caller(phone=f"0161 496 0{n:03d}", consent=True) for n in range(40)]
    for _ in range(420):
        day = MONTH[0] + dt.timedelta(days=rng.randrange(31))
        if day.isoweekday() == 7 and rng.random() < 0.8:
            continue
        start = dt.datetime.combine(day, dt.time(rng.choice(HOURS), rng.randrange(60)))
        started = start.astimezone(dt.UTC)
        outcome = rng.choices(list(Outcome), weights=(30, 20, 14, 10, 8, 7, 4, 7))[0]
        referral = rng.choice(services) if outcome is Outcome.REFERRED else None
        draft = EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=rng.choices(list(Channel), weights=(60, 25, 10, 5))[0],
            started_at=started,
            caller=rng.choice(callers) if rng.random() < 0.4 else Caller(),
            service_ids=tuple(rng.sample(services[:12], rng.randrange(1, 3))),
            outcome=outcome,
            referral_service_id=referral,
            reason=rng.choice(REASONS),
        )
        saved_at = started + dt.timedelta(seconds=rng.randrange(90, 900))
        saved = log.save(draft, now=saved_at)
        log.record_wrap_up(saved.id, now=saved_at + dt.timedelta(seconds=rng.randrange(20, 300)))
        if referral and rng.random() < 0.5:
            status = rng.choice([ReferralStatus.ACKNOWLEDGED, ReferralStatus.CLOSED_RESOLVED])
            log.set_referral_status(saved.id, status, now=saved_at)
        if rng.random() < 0.2:
            sent = send_details(log, saved.id, services[0], "sms", "07700 900123", now=saved_at)
            status_text = rng.choice(("delivered", "delivered", "delivered", "permanent-failure"))
            set_status(log, sent.event_id, status_text, None, saved_at.isoformat())
    return desk, catalogue


def settle(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en_GB")
    parser.add_argument("--prefix", default="")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    translators = i18n.install(app, args.lang)
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-supervisor-"))
    try:
        desk, catalogue = fill(folder)
        runner = OperationRunner.threaded()
        window = SupervisorWindow(runner, desk, lambda: catalogue)
        # Xvfb has no window manager to maximise it: the screen's whole area, as a laptop's.
        window.setGeometry(app.primaryScreen().availableGeometry())
        window.show()
        settle(1.0)
        window.period.setCurrentIndex(RANGE)
        window.start.setDate(QDate(2026, 10, 1))
        window.end.setDate(QDate(2026, 10, 31))
        shown: list[object] = []
        window.report_shown.connect(shown.append)
        window.show_button.click()
        while not shown:
            settle(0.05)
        settle(0.5)
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / f"{args.prefix}supervisor.png"))
        later = window.findChild(object, "section_ageing")
        window.scroller.ensureWidgetVisible(later, 0, 0)
        window.scroller.verticalScrollBar().setValue(later.y())
        settle(0.3)
        window.grab().save(str(args.out / f"{args.prefix}supervisor-referrals.png"))
        if not args.prefix:
            report = fetch_report(desk, *MONTH, catalogue=catalogue)
            pdf = folder / "report.pdf"
            write_report_pdf(report, pdf, organisation="this desk (demo)")
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(args.out / "supervisor-report"),
                ],
                check=True,
            )
        window.close()
        runner.shutdown()
        desk.close()
        catalogue.close()
    finally:
        i18n.remove(app, translators)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
