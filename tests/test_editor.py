"""The editor password: guesses from many sessions at once take turns, each waiting out the
delay the wrong guess before it earned."""

import threading
import time

from samma import editor

GUESSERS = 6


def test_sessions_guessing_at_once_get_one_check_per_delay(monkeypatch):
    monkeypatch.setenv("SAMMA_EDITOR_PASSWORD", "secret")
    monkeypatch.setattr(editor, "_failed_attempts", 0)
    monkeypatch.setattr(editor, "FIRST_DELAY_SECONDS", 0.05)
    monkeypatch.setattr(editor, "MAX_DELAY_SECONDS", 0.2)
    delays = []            # (monotonic time the delay began, seconds asked for), one per wrong guess
    real_sleep = time.sleep

    def timed_sleep(seconds):
        delays.append((time.monotonic(), seconds))
        real_sleep(seconds)

    monkeypatch.setattr(editor, "sleep", timed_sleep)
    start = threading.Barrier(GUESSERS)
    answers = []

    def guess():
        start.wait()
        answers.append(editor.check_password("guess"))

    threads = [threading.Thread(target=guess) for _ in range(GUESSERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers == [False] * GUESSERS
    delays.sort()
    # The delays grow as one sequence for the whole process, not one per session...
    assert [seconds for _, seconds in delays] == [0.05, 0.1, 0.2, 0.2, 0.2, 0.2]
    # ...and no guess is checked before the delay of the one before it has run out.
    for (began, seconds), (next_began, _) in zip(delays, delays[1:]):
        assert next_began - began >= seconds


def test_the_right_password_waits_its_turn_and_resets_the_count(monkeypatch):
    monkeypatch.setenv("SAMMA_EDITOR_PASSWORD", "secret")
    monkeypatch.setattr(editor, "_failed_attempts", 0)
    monkeypatch.setattr(editor, "sleep", lambda seconds: None)
    assert not editor.check_password("secret ")
    assert not editor.check_password("Secret")
    assert editor._failed_attempts == 2
    assert editor.check_password("secret")
    assert editor._failed_attempts == 0
