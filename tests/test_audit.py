"""The dependency audit covers every locked package, fails on a known vulnerability, fails on an
answer it does not understand, and says loudly what the service could not check."""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

EXPECTED = {"streamlit", "duckdb"}


def report(*dependencies) -> str:
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


CLEAN = {"name": "streamlit", "version": "1.67.0", "vulns": []}


def test_a_known_vulnerability_fails_the_audit():
    out = report(CLEAN, {"name": "duckdb", "version": "2.0.1",
                         "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["2.0.2"]}]})
    lines, code = audit.verdict(out, 1, EXPECTED)
    assert code == 1
    assert "VULNERABLE: duckdb==2.0.1: PYSEC-2099-1" in lines
    assert lines[-1] == "dependency audit: 2 audited, 1 known vulnerabilities"


def test_a_clean_report_passes():
    lines, code = audit.verdict(report(CLEAN, {**CLEAN, "name": "DuckDB"}), 0, EXPECTED)
    assert code == 0
    assert lines == ["dependency audit: 2 audited, 0 known vulnerabilities"]


def test_packages_the_service_cannot_answer_for_are_named_loudly_not_passed_silently():
    out = report(CLEAN, {"name": "duckdb", "skip_reason": "Dependency not found on PyPI"})
    lines, code = audit.verdict(out, 0, EXPECTED)
    assert code == 0
    text = "\n".join(lines)
    assert "NOT AUDITED: 1 of 2 locked packages" in text
    assert "duckdb" in lines[lines.index(audit.BANNER) + 2]
    assert lines[-1] == "dependency audit: 1 audited, 0 known vulnerabilities"


@pytest.mark.parametrize("stdout", [
    "",                                                     # pip-audit crashed before printing
    "Traceback (most recent call last):\n  ...",
    "[]",                                                   # JSON, but not the report
    json.dumps({"deps": []}),                               # a renamed key
    json.dumps({"dependencies": []}),                       # nothing at all was looked at
    json.dumps({"dependencies": ["streamlit"]}),            # entries of another shape
    report({"name": "streamlit", "version": "1.67.0"}, CLEAN),   # neither vulns nor a skip reason
    report({**CLEAN, "vulns": "none"}, {**CLEAN, "name": "duckdb"}),
    report({**CLEAN, "vulns": [{"name": "PYSEC-1"}]}, {**CLEAN, "name": "duckdb"}),
    report({"name": 7, "version": "1", "vulns": []}, {**CLEAN, "name": "duckdb"}),
    report(CLEAN, {"name": "duckdb", "skip_reason": {"why": "?"}}),
])
def test_an_answer_that_is_not_understood_fails(stdout):
    lines, code = audit.verdict(stdout, 0, EXPECTED, stderr="boom: the last line")
    assert code == 2
    assert lines[-1].startswith("dependency audit FAILED")


def test_a_report_silent_about_a_locked_package_fails():
    lines, code = audit.verdict(report(CLEAN), 0, EXPECTED)
    assert code == 2
    assert lines[-1] == "dependency audit FAILED: pip-audit's answer leaves out locked packages: duckdb"


@pytest.mark.parametrize("returncode", [1, 2, -9])
def test_an_exit_code_the_report_does_not_explain_fails(returncode):
    lines, code = audit.verdict(report(CLEAN, {**CLEAN, "name": "duckdb"}), returncode, EXPECTED)
    assert code == 2
    assert f"exited {returncode}" in lines[-1]


def _lock_names(path: Path) -> set[str]:
    """Package lines of a lock, read by hand: 'name==version [; marker] \\'."""
    names = set()
    for line in path.read_text().splitlines():
        m = re.match(r"^([a-z0-9][a-z0-9._-]*)==\S+\s*(;\s*(.*?))?\s*\\$", line)
        if m and m.group(3) != "sys_platform == 'win32'":
            names.add(m.group(1))
    return names


def test_the_audit_asks_about_every_locked_package_not_only_the_direct_pins():
    expected = _lock_names(ROOT / "requirements.lock") | _lock_names(ROOT / "requirements-test.lock")
    assert {"pyarrow", "protobuf", "pillow", "starlette", "urllib3"} <= expected   # transitive
    assert audit.installable() == expected
    assert "colorama" not in audit.installable()       # locked for Windows only


def test_the_real_audit_names_every_locked_package():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "audit.py")],
                            capture_output=True, text=True, timeout=300)
    expected = _lock_names(ROOT / "requirements.lock") | _lock_names(ROOT / "requirements-test.lock")
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    audited = int(re.match(r"dependency audit: (\d+) audited", last).group(1))
    not_audited = re.search(r"NOT AUDITED: (\d+) of (\d+)", result.stdout)
    skipped = int(not_audited.group(1)) if not_audited else 0
    assert audited + skipped == len(expected)
