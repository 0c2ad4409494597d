"""`frontdesk demo`: the desktop app on the bundled demo catalogue, on a fresh machine.

With the `hub` extra installed the demo is a working pair: an embedded hub on SQLite in the
data folder (the demo catalogue, a demo adviser), the desk signed in to it and synced once,
then the app syncing in the background; the hub stops (and the desk signs out of it, so a
later `frontdesk` opens standalone) when the app closes. The sign-in lives in this
process's memory, not the OS keyring, so the pair works on a machine without one; the
first sync, the app's syncer and the sign-out all run here for that reason. Without the
extra, or if the hub cannot start, the app opens standalone on the demo catalogue, saying
why.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontdesk.cli.app_commands import add_app_options, run_app, saved_data_folder
from frontdesk.cli.common import add_data_dir_option

log = logging.getLogger("frontdesk.demo")


def register(commands: Any) -> None:
    p = commands.add_parser(
        "demo",
        help="open the app on the demo catalogue, with a demo hub when it can",
        description="Loads the bundled demo catalogue (about 300 services from two dozen "
        "agencies; all contact details fictional) and opens the app. With frontdesk's hub "
        "extra installed a demo hub runs on this computer and the desk syncs with it.",
    )
    add_data_dir_option(p)
    add_app_options(p)
    p.add_argument(
        "--standalone", action="store_true", help="no demo hub: the desk works on its own"
    )
    p.set_defaults(run=run_demo)


@dataclass(slots=True)
class DemoHub:
    """The embedded hub the desk is signed in to and has synced with once."""

    url: str
    services: int  # in the desk's catalogue after the first sync
    _stop: Callable[[], None]
    _root: Path

    def stop(self) -> None:
        """Sign the desk out (so it is standalone afterwards) and stop the hub. A desk
        signed in elsewhere meanwhile (`frontdesk login` to a real hub) is left so."""
        from frontdesk.store.desk import DeskStore
        from frontdesk.sync import CatalogueFile, SyncError, sign_out
        from frontdesk.sync.account import SyncState

        try:
            desk = DeskStore.open(self._root / "desk.db", self._root / "backups")
            try:
                account = SyncState(desk).account()
                if account is not None and account.url == self.url:
                    catalogue = CatalogueFile(self._root / "catalogue.db")
                    try:
                        sign_out(desk, catalogue)
                    finally:
                        catalogue.close()
            finally:
                desk.close()
        except (SyncError, OSError) as error:
            log.warning("could not sign out of the demo hub: %s", error)
        finally:
            self._stop()


def start_demo_hub(data_dir: Path) -> DemoHub:
    """Start the embedded hub, sign the desk in and sync it once (the demo catalogue comes
    from the hub, the demo's routing files are added locally). Raises HubExtraMissing
    without the hub extra, SyncError when it cannot be used. No keyring is needed: the
    token stays in this process's memory (`frontdesk.sync.credentials.EMBEDDED`)."""
    from frontdesk.formats.demo import read_demo_reference
    from frontdesk.search.catalogue_access import sync_prepare
    from frontdesk.search.fill import fill_process
    from frontdesk.store.catalogue import CatalogueStore
    from frontdesk.store.desk import DeskStore
    from frontdesk.sync import CatalogueFile, Syncer, start_embedded_hub

    data_dir.mkdir(parents=True, exist_ok=True)
    url, stop = start_embedded_hub(data_dir)
    hub = DemoHub(url, 0, stop, data_dir)
    try:
        path = data_dir / "catalogue.db"
        desk = DeskStore.open(data_dir / "desk.db", data_dir / "backups")
        try:
            prepare = sync_prepare(path, reference=read_demo_reference)
            syncer = Syncer(desk, CatalogueFile(path), prepare=prepare, fill_process=fill_process())
            try:
                syncer.run_once(retry_blocked=True)
            finally:
                syncer.stop()
        finally:
            desk.close()
        store = CatalogueStore.open(path)
        try:
            hub.services = store.stats().services
        finally:
            store.close()
    except BaseException:
        hub.stop()
        raise
    return hub


def run_demo(args: argparse.Namespace) -> int:
    from frontdesk.store.paths import data_paths
    from frontdesk.sync import HubExtraMissing, SyncError

    data_dir = getattr(args, "data_dir", None) or saved_data_folder()
    lang = getattr(args, "lang", None)
    if getattr(args, "standalone", False):
        return run_app(data_dir, demo=True, lang=lang)
    paths = data_paths(data_dir).ensure()
    try:
        hub = start_demo_hub(paths.root)
    except HubExtraMissing as error:
        print(f"frontdesk demo: working standalone: {error}", file=sys.stderr)
        return run_app(data_dir, demo=True, lang=lang)
    except SyncError as error:
        print(f"frontdesk demo: the demo hub is not available ({error}); working standalone")
        return run_app(data_dir, demo=True, lang=lang)
    print(f"frontdesk demo: demo hub at {hub.url}; {hub.services} services synced")
    try:
        return run_app(data_dir, demo=False, lang=lang, demo_hub=True)
    finally:
        hub.stop()
