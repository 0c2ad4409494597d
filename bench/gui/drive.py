"""Use the real app once as a new adviser would, on a real X server: start
`frontdesk --data-dir DIR` under a private Xvfb, type a search with xdotool, walk the
results with the arrow keys, then photograph the whole screen from outside the app (a
separate Qt process grabbing the X root window) into bench/gui/out/drive-*.png.

    python bench/gui/drive.py [--size 200000] [--text "council tax"]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import OUT, ensure_data
from run import FRONTDESK, child_env, x_server

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
"""


def xdotool(display: str, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        ["xdotool", *args], env={"DISPLAY": display}, capture_output=True, text=True, check=check
    )
    return done.stdout.strip()


def screenshot(display: str, env: dict[str, str], path: Path) -> None:
    subprocess.run([sys.executable, "-c", GRAB, str(path)], env=env, check=True, timeout=30)
    print(f"wrote {path}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--text", default="council tax")
    args = parser.parse_args()
    data = ensure_data(args.size)
    with x_server() as display:
        if display is None:
            raise SystemExit("Xvfb is not installed")
        env = child_env(display, OUT / "scratch")
        app = subprocess.Popen(
            [FRONTDESK, "--data-dir", str(data)], env=env, stderr=subprocess.PIPE, text=True
        )
        assert app.stderr is not None
        try:
            for line in app.stderr:
                if line.startswith("searchable"):
                    print(f"frontdesk {line.strip()} s", file=sys.stderr)
                    break
            found = xdotool(display, "search", "--sync", "--onlyvisible", "--name", "frontdesk")
            window = found.split()[0]
            xdotool(display, "windowsize", window, "1600", "1000")
            # No window manager on a bare Xvfb: give the window the keyboard directly.
            xdotool(display, "windowfocus", window, check=False)
            time.sleep(0.3)
            xdotool(display, "key", "ctrl+f")
            xdotool(display, "type", "--delay", "120", args.text)
            time.sleep(0.5)
            screenshot(display, env, OUT / "drive-1-typed.png")
            xdotool(display, "key", "Down", "Down")
            time.sleep(0.8)  # the detail panel fetches once the selection settles
            screenshot(display, env, OUT / "drive-2-arrowed.png")
        finally:
            app.terminate()
            app.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
