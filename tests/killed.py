"""For a child process that is killed at a chosen point of a write (a load, an update, an
upgrade): it says "ready" there and waits to be killed. The test module's child imports this."""

import os
import sys


def stop_here(*args, **kwargs) -> None:
    print("ready", flush=True)
    sys.stdin.read()


def stop_at_rename(point: str) -> None:
    """Stops just before the live file is backed up (`backing-up`: the backup's rename) or the new
    file takes its place (`swapping`)."""
    rename = os.replace

    def rename_then_stop(src, dst):
        if point == "backing-up" and str(src).endswith(".partial"):
            stop_here()
        if point == "swapping" and str(src).endswith(".building"):
            stop_here()
        rename(src, dst)
    os.replace = rename_then_stop
