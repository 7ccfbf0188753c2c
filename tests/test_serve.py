"""The server's launcher (serve.py): the app's modules imported before the first visitor, and
what they made kept out of the garbage collector's way. Each check runs in a new Python, as a
server starts, so that this test process's own imports do not stand in for the launcher's."""

import subprocess
import sys

from tests.conftest import ROOT

# The lifespan run as Streamlit runs it at start-up, then what it left behind.
CHECK = """
import asyncio, gc, sys
import serve
before = {name for name in ("samma.ui", "samma.charts", "samma.maps", "samma.village_card", "altair", "pandas")
          if name in sys.modules}
async def start():
    async with serve.ready(serve.app):
        pass
asyncio.run(start())
print(sorted(before))
print(sorted(name for name in ("samma.ui", "samma.charts", "samma.maps", "samma.village_card", "altair", "pandas")
             if name in sys.modules))
print(gc.get_freeze_count() > 100_000)
named = {"samma.maps", "samma.village_card", "samma.domain", "samma.i18n", "samma.ui"}
print(sorted(set(serve.page_modules()) & named))
"""


def _launched() -> list[str]:
    out = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=120)
    return out.stdout.splitlines()


def test_the_launcher_imports_what_the_pages_import_before_any_visit():
    before, after, frozen, named = _launched()
    assert before == "[]"                      # importing serve.py itself loads none of them
    assert after == "['altair', 'pandas', 'samma.charts', 'samma.maps', 'samma.ui', 'samma.village_card']"
    assert frozen == "True"                    # the modules' objects out of every collection
    # Read from the pages' own imports: views/map.py's `from samma import ... maps ...
    # village_card` and `from samma.domain import STAGES`, app.py's `from samma.i18n import t`.
    assert named == "['samma.domain', 'samma.i18n', 'samma.maps', 'samma.ui', 'samma.village_card']"

