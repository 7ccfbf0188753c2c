"""For a child process that is killed at a chosen point of a write (a load, an update, an
upgrade): it says "ready" there and waits to be killed. The test module's child imports this."""

import os
import signal
import subprocess
import sys
from pathlib import Path

# The child runs where `from samma import ...` and `from tests.killed import ...` work.
ROOT = Path(__file__).resolve().parents[1]


def stop_here(*args, **kwargs) -> None:
    print("ready", flush=True)
    sys.stdin.read()


def stop_at_rename(point: str) -> None:
    """Stops just before the live file is backed up (`backing-up`: the backup's link to it) or
    the new file takes its place (`swapping`)."""
    rename, link = os.replace, os.link

    def rename_then_stop(src, dst):
        if point == "swapping" and str(src).endswith(".building"):
            stop_here()
        rename(src, dst)

    def link_then_stop(src, dst):
        if point == "backing-up":
            stop_here()
        link(src, dst)
    os.replace, os.link = rename_then_stop, link_then_stop


def kill_when_ready(child_script: str, *args) -> int:
    """Runs `child_script` (which imports this module) with `args`, kills it as it says "ready"
    and gives back its return code (the test checks it was the kill that ended it)."""
    child = subprocess.Popen([sys.executable, "-c", child_script, *map(str, args)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    return child.returncode
