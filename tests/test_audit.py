"""Issue 9: the dependency audit fails on a known vulnerability and says what it could not check."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "audit", Path(__file__).resolve().parent.parent / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def test_a_known_vulnerability_fails_the_audit():
    report = {"dependencies": [
        {"name": "streamlit", "version": "1.67.0", "vulns": []},
        {"name": "duckdb", "version": "2.0.1",
         "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["2.0.2"]}]}]}
    lines, code = audit.verdict(report)
    assert code == 1
    assert "VULNERABLE: duckdb==2.0.1: PYSEC-2099-1" in lines
    assert lines[-1] == "dependency audit: 2 audited, 1 known vulnerabilities"


def test_packages_the_service_cannot_answer_for_are_named_not_passed_silently():
    report = {"dependencies": [
        {"name": "streamlit", "version": "1.67.0", "vulns": []},
        {"name": "geothai", "version": "3.2.1", "skip_reason": "Dependency not found on PyPI"}]}
    lines, code = audit.verdict(report)
    assert code == 0
    assert any("NOT AUDITED" in line and "geothai" in line for line in lines)
    assert lines[-1] == "dependency audit: 1 audited, 0 known vulnerabilities"
