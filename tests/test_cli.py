"""The command line, run as a user runs it."""

import subprocess
import sys

import duckdb

from tests.conftest import ROOT


def _samma(*args: str, env_db=None):
    env = {"PATH": "/usr/bin:/bin", "SAMMA_DB": str(env_db)} if env_db else {"PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "samma", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_sample_builds_a_tier_into_the_given_file(tmp_path):
    path = tmp_path / "pilot.duckdb"
    done = _samma("sample", "--tier", "pilot", "--db", str(path))
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*), bool_and(is_pilot) FROM village").fetchone() == (13, True)
    con.close()
    check = _samma("check", "--db", str(path))
    assert check.returncode == 0 and "Tha Wang Tan" in check.stdout and "(sample)" in check.stdout


def test_bad_flags_get_clear_messages_and_build_nothing(tmp_path):
    path = tmp_path / "x.duckdb"
    for args, message in [
        (("sample", "--villages", "lots"), "not a whole number"),
        (("sample", "--villages", "-5"), "must be between 1 and 200,000"),
        (("sample", "--villages", "0"), "must be between 1 and 200,000"),
        (("sample", "--tier", "galaxy"), "invalid choice"),
        (("sample", "--tier", "pilot", "--villages", "13"), "not allowed with"),
        (("explode",), "invalid choice"),
    ]:
        done = _samma(*args, "--db", str(path)) if args[0] == "sample" else _samma(*args)
        assert done.returncode == 2, args
        assert message in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert not path.exists()


def test_check_on_a_broken_database_says_so(tmp_path):
    path = tmp_path / "broken.duckdb"
    path.write_text("hello")
    done = _samma("check", "--db", str(path))
    assert done.returncode == 1
    assert "cannot read the database" in done.stderr and "Traceback" not in done.stderr
