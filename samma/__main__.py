"""The command line: python -m samma COMMAND.

  sample [--tier pilot|district|province|national | --villages N] [--db PATH]
      build the sample network (default: Saraphi, 34 villages) into the database
  check [--db PATH]
      say which dataset is live and whether it can be read
  template FILE.xlsx
      write the spreadsheet template (instructions, one sheet per kind of record, examples)
  import FILE.xlsx|FOLDER [--db PATH]
      check a filled-in workbook (or a folder of CSV files) and load it; a file with mistakes
      lists every one of them and changes nothing
  export FILE.xlsx [--db PATH]
      write the live data in the template's format
  backups [--db PATH]
      list the backups kept of the live database, newest first
  restore NAME [--db PATH]
      put a backup back as the live database (the one it replaces is backed up too)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from samma import db, sample, workbook
from samma.i18n import LANGS, t


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
    p = commands.add_parser("template", help="write the spreadsheet template")
    p.add_argument("file", type=Path, help="the .xlsx file to write")
    p = commands.add_parser("import", help="check a workbook or a folder of CSVs and load it")
    p.add_argument("source", type=Path, help="an .xlsx file or a folder of CSV files")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("export", help="write the live data in the template's format")
    p.add_argument("file", type=Path, help="the .xlsx file to write")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("backups", help="list the backups of the live database")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("restore", help="put a backup back as the live database")
    p.add_argument("name", help="a name as `backups` lists it")
    p.add_argument("--db", type=Path)
    return parser


def _import(source: Path, path: Path) -> int:
    try:
        warnings = workbook.load(source, path)
    except workbook.LoadRejected as rejected:
        print(f"{t('load_rejected', 'th', n=len(rejected.problems))}\n"
              f"{t('load_rejected', 'en', n=len(rejected.problems))}", file=sys.stderr)
        for problem in rejected.problems:
            print("- " + "\n  ".join(problem.text(lang) for lang in LANGS), file=sys.stderr)
        return 1
    print(f"loaded {source} into {path}")
    if warnings:
        print(f"{t('load_warnings', 'th', n=len(warnings))}\n{t('load_warnings', 'en', n=len(warnings))}")
        for texts in warnings:
            print("- " + "\n  ".join(texts))
    return 0


def _write_xlsx(target: Path, write) -> int:
    if target.suffix.lower() != ".xlsx":
        print(f"the file name must end in .xlsx: {target}", file=sys.stderr)
        return 2
    try:
        write(target)
    except db.DatabaseUnavailable as problem:
        print(f"cannot read the database: {problem}", file=sys.stderr)
        return 1
    except OSError as problem:
        print(f"cannot write {target}: {problem.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "db", None):
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
    if args.command == "template":
        return _write_xlsx(args.file, lambda target: target.write_bytes(workbook.template_bytes()))
    if args.command == "import":
        return _import(args.source, path)
    if args.command == "export":
        return _write_xlsx(args.file, lambda target: workbook.export(path, target))
    if args.command == "backups":
        for backup in db.list_backups(path):
            print(f"{backup.name}\t{backup.stat().st_size:,} bytes")
        return 0
    if args.command == "restore":
        try:
            db.restore_backup(path, args.name)
        except KeyError:
            print(f"no backup named {args.name!r}; `python -m samma backups` lists them",
                  file=sys.stderr)
            return 1
        except db.DatabaseUnavailable as problem:
            print(f"that backup cannot be read, nothing was changed: {problem}", file=sys.stderr)
            return 1
        print(f"restored {args.name} as {path}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
