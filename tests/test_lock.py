"""The locks pin the whole tree with hashes, follow the human-edited requirement files, agree with
each other, and are what this virtualenv holds."""

import importlib.metadata
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("lock_check", ROOT / "scripts" / "lock_check.py")
lock_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lock_check)

HASH = "--hash=sha256:" + "a" * 64


def _entries(path: Path) -> dict[str, tuple[str, str]]:
    """name -> (version, marker) for each package line of a lock, read by hand."""
    found = {}
    for line in path.read_text().splitlines():
        m = re.match(r"^([a-z0-9][a-z0-9._-]*)==(\S+)\s*(?:;\s*(.*?))?\s*\\$", line)
        if m:
            found[m.group(1)] = (m.group(2), m.group(3) or "")
    return found


def test_the_locks_match_the_requirement_files():
    assert lock_check.problems() == []


def test_every_locked_line_is_an_exact_pin_with_hashes():
    for lock in ("requirements.lock", "requirements-test.lock"):
        text = (ROOT / lock).read_text()
        blocks = re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2])
        assert len(blocks) == len(_entries(ROOT / lock)) > 40
        for block in blocks:
            assert re.search(r"--hash=sha256:[0-9a-f]{64}", block), block[:60]


def test_the_test_lock_installs_the_apps_packages_at_the_apps_versions():
    app, tests = _entries(ROOT / "requirements.lock"), _entries(ROOT / "requirements-test.lock")
    assert {"pyarrow", "protobuf", "pillow", "starlette"} <= app.keys()   # not only direct pins
    assert {name: tests.get(name) for name in app} == app
    assert {"pytest", "playwright", "pip-audit"} <= tests.keys() - app.keys()


def test_this_virtualenv_holds_exactly_the_locked_versions():
    wrong = {}
    for name, (version, marker) in _entries(ROOT / "requirements-test.lock").items():
        if marker == "sys_platform == 'win32'":
            continue
        installed = importlib.metadata.version(name)
        if installed != version:
            wrong[name] = (version, installed)
    assert wrong == {}


def _project(tmp_path, app: str, app_lock: str, test: str, test_lock: str) -> Path:
    for name, text in (("requirements.txt", app), ("requirements.lock", app_lock),
                       ("requirements-test.txt", test), ("requirements-test.lock", test_lock)):
        (tmp_path / name).write_text(text)
    return tmp_path


APP = "# the app\nstreamlit==1.67.0\n"
APP_LOCK = f"streamlit==1.67.0 \\\n    {HASH}\n    # via -r requirements.txt\ntornado==6.5 \\\n    {HASH}\n"
TEST = "-r requirements.txt\npytest==9.2.0\n"
TEST_LOCK = APP_LOCK + f"pytest==9.2.0 \\\n    {HASH}\n"


def test_consistent_locks_pass(tmp_path):
    assert lock_check.problems(_project(tmp_path, APP, APP_LOCK, TEST, TEST_LOCK)) == []


@pytest.mark.parametrize("change, expected", [
    (lambda p: p.update(test=TEST + "ruff==0.9.0\n"),
     "ruff is in requirements-test.txt but not in requirements-test.lock"),
    (lambda p: p.update(app="streamlit==1.68.0\n"),
     "streamlit==1.68.0 in requirements.txt, streamlit==1.67.0 in requirements.lock"),
    (lambda p: p.update(test_lock=TEST_LOCK.replace("tornado==6.5", "tornado==6.4")),
     "tornado==6.5 in requirements.lock, ==6.4 in requirements-test.lock"),
    (lambda p: p.update(test_lock=TEST_LOCK.replace("tornado", "tornadoes")),
     "tornado==6.5 in requirements.lock, absent in requirements-test.lock"),
    (lambda p: p.update(test_lock=TEST_LOCK.replace(f"tornado==6.5 \\\n    {HASH}",
                                                    f"tornado==6.5 \\\n    {HASH[:-1]}b")),
     "tornado==6.5 has other hashes in requirements-test.lock than in requirements.lock"),
    (lambda p: p.update(app_lock=APP_LOCK.replace(f"tornado==6.5 \\\n    {HASH}", "tornado==6.5")),
     "requirements.lock: not an exact pin with hashes: 'tornado==6.5'"),
    (lambda p: p.update(app_lock=APP_LOCK.replace("tornado==6.5", "tornado>=6.5")),
     "requirements.lock: not an exact pin with hashes"),
    (lambda p: p.update(test="-r requirements.txt\ngit+https://example.org/x.git\n"),
     "requirements-test.txt: cannot read 'git+https://example.org/x.git'"),
])
def test_a_lock_out_of_step_is_named(tmp_path, change, expected):
    files = {"app": APP, "app_lock": APP_LOCK, "test": TEST, "test_lock": TEST_LOCK}
    change(files)
    found = lock_check.problems(_project(tmp_path, **files))
    assert any(problem.startswith(expected) for problem in found), found


def test_a_missing_lock_is_named(tmp_path):
    _project(tmp_path, APP, APP_LOCK, TEST, TEST_LOCK)
    (tmp_path / "requirements-test.lock").unlink()
    assert lock_check.problems(tmp_path) == ["requirements-test.lock is missing"]
