"""Samma's server: `streamlit run serve.py` serves app.py, made ready before the first visitor.

`streamlit run app.py` would import the app's modules (samma's, pandas, Altair) on the first
visitor's page: well over a second on this kind of machine. Here they are imported when the
server starts (st.App's lifespan, which Streamlit runs before it takes connections), and what
they made is moved out of the garbage collector's sight (gc.freeze): Streamlit collects
garbage after every run of a page, holding up the message that the run is over, and most of
what it went through each time was the modules themselves, which are never garbage.
"""

import ast
import gc
import importlib
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent


def page_modules() -> list[str]:
    """The samma modules app.py and its pages import, read from their source: `from samma import
    ui` names samma.ui, `from samma.i18n import t` names samma.i18n."""
    names = set()
    for script in (HERE / "app.py", *sorted((HERE / "views").glob("*.py"))):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "samma":
                names.update(f"samma.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("samma."):
                names.add(node.module)
    return sorted(names)


@asynccontextmanager
async def ready(_app):
    """Before the server takes its first connection."""
    for name in page_modules():
        importlib.import_module(name)
    gc.collect()
    gc.freeze()
    yield


app = st.App("app.py", lifespan=ready)
