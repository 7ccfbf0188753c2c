"""The command line: python -m samma COMMAND.

  sample [--tier pilot|district|province|national | --villages N] [--db PATH]
      build the sample network (default: Saraphi, 34 villages) into the database
  check [--db PATH]
      say which dataset is live and whether it can be read
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from samma import db, sample


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 200_000:
        raise argparse.ArgumentTypeError(f"must be between 1 and 200,000: {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m samma", description="Samma's command line")
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("sample", help="build the sample network into the database")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--tier", choices=sorted(sample.TIERS), help="a named scale")
    size.add_argument("--villages", type=_positive_int, help="number of target villages")
    p.add_argument("--db", type=Path, help="database file (default: SAMMA_DB or data/samma.duckdb)")
    p = commands.add_parser("check", help="say which dataset is live")
    p.add_argument("--db", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.db:
        os.environ["SAMMA_DB"] = str(args.db)
    path = db.database_path()
    if args.command == "sample":
        villages = sample.TIERS[args.tier] if args.tier else (args.villages or sample.TIERS["district"])
        sample.build(path, villages)
        print(f"built {villages:,} villages into {path}")
        return 0
    if args.command == "check":
        try:
            version = db.reader(path).run("SELECT name_en, as_of, is_sample FROM dataset")
        except db.DatabaseUnavailable as problem:
            print(f"cannot read the database: {problem}", file=sys.stderr)
            return 1
        name, as_of, is_sample = version.iloc[0]
        print(f"{path}: {name}, as of {as_of:%Y-%m-%d}{' (sample)' if is_sample else ''}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
