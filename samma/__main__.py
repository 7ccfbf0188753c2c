"""The command line: python -m samma COMMAND.

  sample [--tier pilot|district|province|national | --villages N] [--db PATH]
      build the sample network (default: Saraphi, 34 villages) into the database
  check [--db PATH]
      say which dataset is live and whether it can be read
  template FILE.xlsx
      write the spreadsheet template (instructions, one sheet per kind of record, examples)
  import FILE.xlsx|FOLDER ... [--db PATH]
      check filled-in workbooks (or folders of CSV files, or a folder of those) and load them into
      one database, checked together; a file with mistakes lists every one of them, each named by
      its file, and nothing is changed
  import --update FILE.xlsx|FOLDER [--db PATH]
      replace only the areas one network's workbook covers (its subdistricts and everything under
      them), keeping every other network's data; says what was replaced, sheet by sheet
  export FILE.xlsx [--db PATH]
      write the live data in the template's format
  upgrade [FILE] [--db PATH]
      bring a database made by an earlier version of Samma (default: the live one) up to this
      version: backed up, its facts carried over, everything derived rebuilt, swapped in
  backups [--db PATH]
      list the backups kept of the live database, newest first
  restore NAME [--db PATH]
      put a backup back as the live database (the one it replaces is backed up too)
  snapshot FILE.html [--lang th|en] [--db PATH]
      write the meeting's figures and charts as one HTML file that opens with no connection
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from samma import db, sample, workbook
from samma.i18n import DEFAULT_LANG, LANGS, t, t_plain


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
    p = commands.add_parser("import", help="check workbooks or folders of CSVs and load them")
    p.add_argument("sources", type=Path, nargs="+",
                   help=".xlsx files, folders of CSV files, or a folder of those")
    p.add_argument("--update", action="store_true",
                   help="replace only the areas of one network's workbook, keeping the others")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("export", help="write the live data in the template's format")
    p.add_argument("file", type=Path, help="the .xlsx file to write")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("upgrade", help="bring a database from an earlier version up to this one")
    p.add_argument("file", type=Path, nargs="?", help="the database file (default: the live one)")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("backups", help="list the backups of the live database")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("restore", help="put a backup back as the live database")
    p.add_argument("name", help="a name as `backups` lists it")
    p.add_argument("--db", type=Path)
    p = commands.add_parser("snapshot", help="write the meeting as one HTML file that needs no server")
    p.add_argument("file", type=Path, help="the .html file to write")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="its language (default: th)")
    p.add_argument("--db", type=Path)
    return parser


def _import(sources: list[Path], path: Path, update: bool) -> int:
    if update and len(sources) != 1:
        print("--update takes one network's workbook (one .xlsx file or one folder of CSV files)",
              file=sys.stderr)
        return 2
    try:
        loaded = workbook.update(sources[0], path) if update else workbook.load(sources, path)
    except workbook.LoadRejected as rejected:
        print(f"{t('load_rejected', 'th', n=len(rejected.problems))}\n"
              f"{t('load_rejected', 'en', n=len(rejected.problems))}", file=sys.stderr)
        for problem in rejected.problems:
            print("- " + "\n  ".join(problem.text(lang) for lang in LANGS), file=sys.stderr)
        return 1
    print(f"loaded {' '.join(map(str, sources))} into {path}")
    if loaded.replaced:
        for lang, areas in zip(LANGS, loaded.updated):
            print(t_plain("load_replaced", lang, areas=areas))
            for r in loaded.replaced:
                print("  " + t_plain("load_replaced_row", lang, sheet=r.sheet, before=r.before, after=r.after,
                                removed=r.removed, added=r.added))
    for texts in loaded.notes:
        print("\n".join(texts))
    if loaded.warnings:
        n = len(loaded.warnings)
        print(f"{t('load_warnings', 'th', n=n)}\n{t('load_warnings', 'en', n=n)}")
        for texts in loaded.warnings:
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


def _snapshot(target: Path, lang: str, path: Path) -> int:
    """The whole file is made from one version of the database before anything is written, then
    written beside the target and renamed: a failure leaves no file, or the earlier one."""
    if target.suffix.lower() != ".html":
        print(f"the file name must end in .html: {target}", file=sys.stderr)
        return 2
    # Said before the database is read, which takes a while.
    if not (target.parent.is_dir() and os.access(target.parent, os.W_OK)):
        print(f"cannot write {target}: its folder does not exist or is not writable", file=sys.stderr)
        return 1
    from samma import snapshot  # Altair and the charts: only this command needs them

    try:
        with db.one_version(path):
            text = snapshot.build(lang)
    except db.DatabaseUnavailable as problem:
        advice = {"old": "db_what_to_do_old", "newer": "db_what_to_do_newer",
                  "missing": "snapshot_no_database"}.get(problem.reason, "db_what_to_do")
        for code in LANGS:
            print(f"{t(f'db_{problem.reason}', code, path=path)}\n{t(advice, code)}", file=sys.stderr)
        return 1
    partial = db._work_file(target, "partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    except OSError as problem:
        partial.unlink(missing_ok=True)
        print(f"cannot write {target}: {problem.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {target} ({target.stat().st_size / 2**20:.1f} MB)")
    return 0


def _upgrade(path: Path) -> int:
    if not path.exists():
        print(f"no database at {path}", file=sys.stderr)
        return 1
    try:
        before, after = db.upgrade(path)
    except db.DatabaseUnavailable as problem:
        print(f"cannot upgrade {path}: {problem}", file=sys.stderr)
        return 1
    if before == after:
        print(f"{path} is already at schema version {after}: nothing to do")
    else:
        print(f"upgraded {path} from schema version {before} to {after}; "
              f"the file it replaced is in {db.backups_dir(path)}")
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
        return _import(args.sources, path, args.update)
    if args.command == "export":
        return _write_xlsx(args.file, lambda target: workbook.export(path, target))
    if args.command == "upgrade":
        return _upgrade(args.file.expanduser().resolve() if args.file else path)
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
    if args.command == "snapshot":
        return _snapshot(args.file, args.lang, path)
    return 2


if __name__ == "__main__":
    sys.exit(main())
