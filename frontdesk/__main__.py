"""`python -m frontdesk`: the `frontdesk` command, for a child process started with the
running interpreter rather than whatever `frontdesk` is first on the PATH (the embedded
demo hub), and the entry point a frozen bundle is built from."""

from __future__ import annotations

import sys

from frontdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
