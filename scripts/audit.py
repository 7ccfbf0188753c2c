"""Checks the pinned requirements against the known-vulnerability database (pip-audit).

Fails on any known vulnerability. A package the database cannot be asked about (no route to
it from this machine: here only the package registries are reachable) is listed, loudly, as
not audited: the check is only as good as the service it can reach."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--requirement", str(ROOT / "requirements.txt"),
         "--requirement", str(ROOT / "requirements-test.txt"), "--no-deps", "--disable-pip",
         "--format", "json", "--progress-spinner", "off"],
        capture_output=True, text=True, cwd=ROOT)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print("dependency audit could not run:", (result.stderr.strip().splitlines() or ["?"])[-1])
        return 0
    lines, code = verdict(report)
    print("\n".join(lines))
    return code


def verdict(report: dict) -> tuple[list[str], int]:
    """What to say about a pip-audit JSON report, and the exit code: 1 on any vulnerability."""
    vulnerable = [(d["name"], d["version"], v["id"]) for d in report["dependencies"]
                  for v in d.get("vulns", [])]
    skipped = [d["name"] for d in report["dependencies"] if d.get("skip_reason")]
    lines = [f"VULNERABLE: {name}=={version}: {vuln}" for name, version, vuln in vulnerable]
    if skipped:
        lines.append("dependency audit: NOT AUDITED (vulnerability service unreachable or "
                     f"silent): {', '.join(skipped)}")
    audited = len(report["dependencies"]) - len(skipped)
    lines.append(f"dependency audit: {audited} audited, {len(vulnerable)} known vulnerabilities")
    return lines, (1 if vulnerable else 0)


if __name__ == "__main__":
    sys.exit(main())
