"""Checks every locked package (requirements.lock and requirements-test.lock, the whole tree, not
only the direct pins) against the known-vulnerability database (pip-audit).

Exit 1 on any known vulnerability. Exit 2 when pip-audit's answer is not understood (not JSON,
not the expected shape, or silent about a locked package): an audit that cannot be read has not
passed. A package the database cannot be asked about (no route to the service: here only the
package registries are reachable) is listed, loudly, as NOT AUDITED: the check is only as good
as the service it can reach."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from lock_check import LOCKS, canonical, locked  # noqa: E402

BANNER = "!" * 78


def installable(root: Path = ROOT) -> set[str]:
    """Every package the locks install on this machine (a Windows-only one is not asked for)."""
    names = set()
    for lock in LOCKS:
        for name, (_, _, marker) in locked(root / lock).items():
            if not marker or Marker(marker).evaluate():
                names.add(name)
    return names


def main() -> int:
    command = [sys.executable, "-m", "pip_audit", "--require-hashes", "--disable-pip",
               "--format", "json", "--progress-spinner", "off"]
    for lock in LOCKS:
        command += ["--requirement", str(ROOT / lock)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    lines, code = verdict(result.stdout, result.returncode, installable(), result.stderr)
    print("\n".join(lines))
    return code


def verdict(stdout: str, returncode: int, expected: set[str], stderr: str = "") -> tuple[list[str], int]:
    """What to say about pip-audit's JSON output, and the exit code: 1 on any vulnerability, 2 when
    the output is not understood, 0 otherwise (including packages the service did not answer
    for, which are named)."""
    try:
        dependencies = _dependencies(json.loads(stdout))
    except (json.JSONDecodeError, TypeError, KeyError, ValueError, AttributeError) as problem:
        last = (stderr.strip().splitlines() or ["(nothing on stderr)"])[-1]
        return [f"dependency audit FAILED: pip-audit's answer is not understood ({problem}); "
                f"pip-audit said: {last}"], 2
    vulnerable = [(d["name"], d["version"], v["id"]) for d in dependencies for v in d["vulns"]]
    skipped = sorted(d["name"] for d in dependencies if d["skip_reason"] is not None)
    lines = [f"VULNERABLE: {name}=={version}: {vuln}" for name, version, vuln in vulnerable]
    left_out = sorted(expected - {d["name"] for d in dependencies})
    if left_out:
        lines.append(f"dependency audit FAILED: pip-audit's answer leaves out locked packages: "
                     f"{', '.join(left_out)}")
        return lines, 2
    if returncode not in (0, 1) or (returncode == 1) != bool(vulnerable):
        lines.append(f"dependency audit FAILED: pip-audit exited {returncode} with "
                     f"{len(vulnerable)} vulnerabilities in its report")
        return lines, 2
    if skipped:
        lines += [BANNER,
                  f"dependency audit: NOT AUDITED: {len(skipped)} of {len(dependencies)} locked "
                  "packages (the vulnerability service was unreachable or silent). Nothing is "
                  "known about their vulnerabilities; run scripts/audit.py where PyPI's JSON "
                  "API or OSV answers:",
                  ", ".join(skipped), BANNER]
    audited = len(dependencies) - len(skipped)
    lines.append(f"dependency audit: {audited} audited, {len(vulnerable)} known vulnerabilities")
    return lines, (1 if vulnerable else 0)


def _dependencies(report) -> list[dict]:
    """pip-audit's entries, each checked for the fields the verdict reads: a name, and either a
    version with a list of vulnerabilities (each with an id) or a reason it was skipped."""
    entries = []
    for d in report["dependencies"]:
        skip = d.get("skip_reason")
        if skip is not None:
            if not isinstance(skip, str):
                raise ValueError(f"skip_reason of {d['name']!r} is not text")
            entries.append({"name": canonical(d["name"]), "skip_reason": skip, "vulns": []})
            continue
        vulns = d["vulns"]
        if not isinstance(vulns, list) or not all(isinstance(v["id"], str) for v in vulns):
            raise ValueError(f"vulns of {d['name']!r} is not a list of ids")
        entries.append({"name": canonical(d["name"]), "version": str(d["version"]),
                        "skip_reason": None, "vulns": vulns})
    if not entries:
        raise ValueError("no dependencies in the report")
    return entries


if __name__ == "__main__":
    sys.exit(main())
