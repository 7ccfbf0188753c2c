"""Editors: loading a spreadsheet from the browser, behind a password.

Only when SAMMA_EDITOR_PASSWORD is set does the Data page offer a load; otherwise no upload
widget exists at all. Guessing costs time for the whole process, not per session: checks are
taken one at a time, and a wrong guess holds the next check back for longer each time (1, 2,
4 ... 30 s), so sessions guessing side by side still get one guess per delay between them.
"""

from __future__ import annotations

import hmac
import os
import threading
from time import sleep

FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 30.0
_failed_attempts = 0
# Held through a wrong guess's delay: every other check in the process waits its turn.
_check_lock = threading.Lock()


def enabled() -> bool:
    return bool(os.environ.get("SAMMA_EDITOR_PASSWORD"))


def check_password(given: str) -> bool:
    """Compared in constant time. A wrong guess waits twice as long as the one before it
    (up to MAX_DELAY_SECONDS), whichever session it came from, and no other check runs
    meanwhile; a right one resets the count."""
    global _failed_attempts
    with _check_lock:
        expected = os.environ.get("SAMMA_EDITOR_PASSWORD", "")
        if expected and hmac.compare_digest(given.encode(), expected.encode()):
            _failed_attempts = 0
            return True
        _failed_attempts += 1
        sleep(min(FIRST_DELAY_SECONDS * 2.0 ** (_failed_attempts - 1), MAX_DELAY_SECONDS))
        return False
