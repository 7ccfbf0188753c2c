"""Chart specs built once and drawn many times.

Building an Altair chart and turning it into Vega-Lite (schema validation, hashing its JSON) took
most of a warm rerun, for a chart that had not changed since the last one. A spec is kept per
database version (as `db.run` keeps query results), projector mode, builder, and the builder's
arguments, the data among them by content: a new file, another language, the other mode or other
rows each get a spec of their own, never a stale one.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import nullcontext

import altair as alt
from streamlit import dataframe_util
from streamlit.elements import vega_charts

from samma import charts, db

# Specs kept, the least recently drawn dropped first: a page draws up to a dozen, in two
# languages and two modes, and a few versions of the file may be in use at once.
KEPT = 512
# Chart text in projector mode: the 13-18 px of a chart becomes 20-27 px, beside body text of
# 24 px or more.
PROJECTOR_CHART_TEXT = 1.5

_specs: OrderedDict[tuple, dict] = OrderedDict()
_lock = threading.Lock()


class Unkeyable(TypeError):
    """An argument the cache cannot tell apart from another by content: the chart is built anew."""


def spec(builder: Callable, args: tuple, kwargs: dict, projector: bool) -> dict:
    """The Vega-Lite spec of `builder(*args, **kwargs)`, built on the first call for this version
    of the database, mode and arguments, and read from memory on later ones."""
    try:
        key = (db.version(), projector, builder.__module__, builder.__qualname__,
               fingerprint((args, kwargs)))
    except Unkeyable:
        return build(builder(*args, **kwargs), projector)
    with _lock:
        kept = _specs.get(key)
        if kept is not None:
            _specs.move_to_end(key)
            return kept
    made = build(builder(*args, **kwargs), projector)
    with _lock:
        _specs[key] = made
        while len(_specs) > KEPT:
            _specs.popitem(last=False)
    return made


def build(figure: alt.TopLevelMixin, projector: bool) -> dict:
    """The spec Streamlit would make of `figure` (in projector mode, with its text enlarged by
    charts.enlarged, as Altair's default theme draws it), with the data already in Arrow so that
    drawing it again converts nothing."""
    if projector:
        # Altair's theme and data transformer are global: another session's conversion below
        # must not lend this one its own.
        with vega_charts._altair_globals_lock:
            plain = figure.to_dict(validate=False)
        made = charts.enlarged(plain, PROJECTOR_CHART_TEXT)
        made["datasets"] = {name: dataframe_util.convert_anything_to_arrow_bytes(rows)
                            for name, rows in made.get("datasets", {}).items()}
        return made
    # What st.altair_chart does (no theme, the data as Arrow), without Altair's validation: every
    # builder's chart is validated by its own tests.
    datasets: dict = {}
    alt.data_transformers.register("to_arrow_dataset", vega_charts._to_arrow_dataset)
    with vega_charts._altair_globals_lock:
        theme = alt.theme.enable("none") if alt.theme.active == "default" else nullcontext()
        with theme, alt.data_transformers.enable("to_arrow_dataset", datasets=datasets):
            made = figure.to_dict(validate=False)
    made["datasets"] = {**made.get("datasets", {}), **datasets}
    return made


def fingerprint(value) -> bytes:
    """A digest of `value` that changes whenever its content does. Pickled: equal bytes are equal
    content (frames, dicts, NaN alike), and a frame of a few dozen rows takes well under a
    millisecond where pandas' own row hashing takes ten."""
    try:
        return hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=16).digest()
    except (pickle.PicklingError, TypeError, AttributeError) as unpicklable:
        raise Unkeyable(str(unpicklable)) from None


def clear() -> None:
    with _lock:
        _specs.clear()
