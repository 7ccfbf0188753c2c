"""Says whether the locks still match the human-edited requirement files.

    python3 scripts/lock_check.py     exit 1, with what differs, when a lock is out of date

Standard library only: scripts/setup runs it before any virtualenv exists, so that a pin edited
in requirements*.txt but not re-locked (scripts/lock) stops the install instead of being
silently ignored."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (human-edited file, its lock, the lock whose versions it must keep)
PAIRS = (("requirements.txt", "requirements.lock", None),
         ("requirements-test.txt", "requirements-test.lock", "requirements.lock"))
LOCKS = tuple(lock for _, lock, _ in PAIRS)
# name, extras, version specifiers ("==1.2", ">=1,<2"), marker
REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?"
                         r"\s*((?:(?:===|==|!=|~=|<=|>=|<|>)\s*[\w.*+!-]+\s*,?\s*)*)(;.*)?$")


class NotUnderstood(ValueError):
    """A line this check cannot read: better to stop than to pass over it."""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _logical_lines(path: Path) -> list[str]:
    """Lines with comments dropped and backslash continuations joined."""
    lines, pending = [], ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        text = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if text.endswith("\\"):
            pending += text[:-1] + " "
            continue
        text = (pending + text).strip()
        pending = ""
        if text:
            lines.append(text)
    return lines


def top_level(path: Path) -> dict[str, str]:
    """name -> version specifier ("==1.2.3", ">=1", "") of a human-edited file, following -r."""
    wanted: dict[str, str] = {}
    for line in _logical_lines(path):
        if line.startswith(("-r ", "--requirement ")):
            wanted.update(top_level(path.parent / line.split(None, 1)[1]))
            continue
        match = REQUIREMENT.match(line)
        if not match:
            raise NotUnderstood(f"{path.name}: cannot read {line!r}")
        wanted[canonical(match.group(1))] = match.group(3).replace(" ", "")
    return wanted


def locked(path: Path) -> dict[str, tuple[str, tuple[str, ...], str]]:
    """name -> (version, hashes, environment marker or "") of a lock. Every entry must be pinned
    with == and hashed."""
    entries: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for line in _logical_lines(path):
        tokens = line.split()
        requirement, _, marker = line.split("--hash", 1)[0].partition(";")
        requirement = requirement.strip()
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", requirement)
        hashes = tuple(tok.removeprefix("--hash=") for tok in tokens if tok.startswith("--hash="))
        if not match or not hashes:
            raise NotUnderstood(f"{path.name}: not an exact pin with hashes: {line[:80]!r}")
        entries[canonical(match.group(1))] = (match.group(2), hashes, marker.strip())
    return entries


def problems(root: Path = ROOT) -> list[str]:
    found = []
    for source, lock, keeps in PAIRS:
        if not (root / lock).exists():
            found.append(f"{lock} is missing")
            continue
        try:
            wanted, have = top_level(root / source), locked(root / lock)
            kept = locked(root / keeps) if keeps else {}
        except (NotUnderstood, OSError) as problem:
            found.append(str(problem))
            continue
        for name, spec in wanted.items():
            if name not in have:
                found.append(f"{name} is in {source} but not in {lock}")
            elif spec.startswith("==") and have[name][0] != spec[2:]:
                found.append(f"{name}{spec} in {source}, {name}=={have[name][0]} in {lock}")
        for name, (version, hashes, _) in kept.items():
            if have.get(name, (None,))[0] != version:
                found.append(f"{name}=={version} in {keeps}, "
                             f"{'==' + have[name][0] if name in have else 'absent'} in {lock}")
            elif set(hashes) != set(have[name][1]):
                found.append(f"{name}=={version} has other hashes in {lock} than in {keeps}")
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print("lock out of date:", problem, file=sys.stderr)
    if found:
        print("Re-lock with scripts/lock (README: Dependencies).", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
