"""The chart spec cache (samma.specs): a spec is built once and drawn again, and is never stale:
a new database file, another language, the other mode or other rows each get their own, equal
to what Streamlit would have made of the chart built afresh."""

from __future__ import annotations

import os
import shutil

import pyarrow as pa
import pytest
from streamlit.elements import vega_charts

from samma import charts, db, queries, specs
from tests.conftest import chart_rows, open_page

SUBDISTRICT = "501910"      # Tha Wang Tan


def _rows(spec: dict) -> list[list[dict]]:
    """The rows of each dataset in a spec, decoded from the Arrow Streamlit is sent."""
    return [pa.ipc.open_stream(data).read_all().to_pylist() for data in spec["datasets"].values()]


def _streamlit(figure) -> dict:
    """What st.altair_chart makes of a chart: Streamlit's own conversion, with Altair's validation."""
    return vega_charts._convert_altair_to_vega_lite_spec(figure)


def _without_data(spec: dict) -> dict:
    return {k: v for k, v in spec.items() if k != "datasets"}


@pytest.fixture
def swappable(tmp_path, sample_db):
    """A copy of the sample that a test can replace with another network's file."""
    path = tmp_path / "samma.duckdb"
    shutil.copy(sample_db, path)
    return path


def _swap(path, other) -> None:
    """What a load does: a new file put in place by rename."""
    staged = path.with_name("staged.duckdb")
    shutil.copy(other, staged)
    os.replace(staged, path)


@pytest.mark.parametrize("builder, make_args", [
    (charts.funnel_chart, lambda lang: (queries.formation_funnel(""), lang)),
    (charts.support_chart, lambda lang: (queries.support_by_partner_year_purpose(), "cash", lang)),
    (charts.event_timeline, lambda lang: (queries.market_events(), lang)),
    (charts.cash_flow_chart, lambda lang: (queries.cash_flows(), queries.partners(), lang)),
])
def test_the_cached_spec_is_the_one_streamlit_makes_of_the_chart_built_afresh(builder, make_args):
    with db.one_version():
        for lang in ("th", "en"):
            args = make_args(lang)
            cached = specs.spec(builder, args, {}, projector=False)
            assert cached == _streamlit(builder(*args))
            # Drawn again: the same spec, not built again.
            assert specs.spec(builder, make_args(lang), {}, projector=False) is cached


def test_projector_mode_has_a_spec_of_its_own_with_the_text_enlarged():
    with db.one_version():
        funnel = queries.formation_funnel("")
        plain = specs.spec(charts.funnel_chart, (funnel, "en"), {}, projector=False)
        projected = specs.spec(charts.funnel_chart, (funnel, "en"), {}, projector=True)
    figure = charts.funnel_chart(funnel, "en")
    enlarged = charts.enlarged(figure, specs.PROJECTOR_CHART_TEXT)
    assert projected != plain
    assert _without_data(projected) == _without_data(enlarged)
    assert _rows(projected) == list(enlarged["datasets"].values())
    # The text is larger: the funnel's labels were 1.5 times their size on a screen.
    sizes = [layer["mark"].get("fontSize") for layer in figure.to_dict()["layer"] if "fontSize" in layer["mark"]]
    projected_sizes = [layer["mark"]["fontSize"] for layer in projected["layer"] if "fontSize" in layer["mark"]]
    assert sizes and projected_sizes == [round(s * 1.5) for s in sizes]


def test_each_language_has_its_own_spec():
    with db.one_version():
        funnel = queries.formation_funnel("")
        thai = specs.spec(charts.funnel_chart, (funnel, "th"), {}, projector=False)
        english = specs.spec(charts.funnel_chart, (funnel, "en"), {}, projector=False)
    assert thai != english
    assert english == _streamlit(charts.funnel_chart(funnel, "en"))
    assert thai == _streamlit(charts.funnel_chart(funnel, "th"))


def test_other_rows_in_the_same_version_get_their_own_spec():
    with db.one_version():
        everywhere = queries.formation_funnel("")
        one_subdistrict = queries.formation_funnel(SUBDISTRICT)
        assert not everywhere.equals(one_subdistrict)
        first = specs.spec(charts.funnel_chart, (everywhere, "en"), {}, projector=False)
        second = specs.spec(charts.funnel_chart, (one_subdistrict, "en"), {}, projector=False)
    assert _rows(first) != _rows(second)
    assert second == _streamlit(charts.funnel_chart(one_subdistrict, "en"))


def _network_funnel(lang: str):
    """A builder that reads the database itself, with nothing of the data among its arguments:
    only the database version in the key tells one file's chart from the next."""
    return charts.funnel_chart(queries.formation_funnel(""), lang)


def test_a_new_database_file_gets_new_specs(swappable, pilot_db, monkeypatch, sql):
    monkeypatch.setenv("SAMMA_DB", str(swappable))
    with db.one_version():
        before = specs.spec(_network_funnel, ("en",), {}, projector=False)
        data_before = specs.spec(charts.funnel_chart, (queries.formation_funnel(""), "en"), {}, projector=False)
    _swap(swappable, pilot_db)
    with db.one_version():
        after = specs.spec(_network_funnel, ("en",), {}, projector=False)
        data_after = specs.spec(charts.funnel_chart, (queries.formation_funnel(""), "en"), {}, projector=False)
        fresh = _streamlit(charts.funnel_chart(queries.formation_funnel(""), "en"))
    assert after == data_after == fresh
    assert before == data_before != after
    # The pilot's own villages, counted with plain SQL: 13, where the sample has more.
    targets = {row["step"]: row["value"] for row in _rows(after)[0]}
    assert targets["target_villages"] == 13
    assert _rows(before)[0] != _rows(after)[0]
    assert sql("SELECT count(*) FROM village")[0][0] > 13


def test_a_page_rerun_after_a_new_file_draws_the_new_figures(swappable, pilot_db, monkeypatch):
    """On a running page: the rerun after a load shows what a first view of the new file shows."""
    monkeypatch.setenv("SAMMA_DB", str(swappable))
    at = open_page("groups", lang="en")
    funnel_before = chart_rows(at, 0)
    _swap(swappable, pilot_db)
    at.run()
    assert not at.exception
    funnel_after = chart_rows(at, 0)
    assert not funnel_after.equals(funnel_before)
    specs.clear()
    cold = open_page("groups", lang="en")
    assert funnel_after.equals(chart_rows(cold, 0))


def test_an_argument_that_cannot_be_told_apart_is_built_every_time():
    with db.one_version():
        funnel = queries.formation_funnel("")
    calls = []

    def counted(frame, lang, note):
        calls.append(note)
        return charts.funnel_chart(frame, lang)
    # A lambda cannot be pickled: no key, so no cache, and the chart is still right.
    for _ in range(2):
        assert specs.spec(counted, (funnel, "en", lambda: None), {}, projector=False) == \
            _streamlit(charts.funnel_chart(funnel, "en"))
    assert len(calls) == 2


def test_a_builder_that_fails_leaves_nothing_behind():
    with db.one_version():
        funnel = queries.formation_funnel("")
    attempts = []

    def fails_once(frame, lang):
        attempts.append(lang)
        if len(attempts) == 1:
            raise ValueError("no chart this time")
        return charts.funnel_chart(frame, lang)
    with pytest.raises(ValueError):
        specs.spec(fails_once, (funnel, "en"), {}, projector=False)
    assert specs.spec(fails_once, (funnel, "en"), {}, projector=False) == \
        _streamlit(charts.funnel_chart(funnel, "en"))
    assert len(attempts) == 2


def test_the_cache_keeps_a_bounded_number_of_specs(monkeypatch):
    monkeypatch.setattr(specs, "KEPT", 3)
    specs.clear()
    with db.one_version():
        funnel = queries.formation_funnel("")
        for lang in ("th", "en"):
            for projector in (False, True):
                specs.spec(charts.funnel_chart, (funnel, lang), {}, projector=projector)
    assert len(specs._specs) == 3


def _network_spending():
    for code in queries.networks_by_gap()["code"]:
        spent = queries.network_detail(code)["spending"]
        if not spent.empty:
            return spent
    raise AssertionError("the sample has no network that spent admin money")


@pytest.mark.parametrize("builder, make_args", [
    (charts.revolving_gains_chart, lambda: (queries.revolving_fund_by_month(),)),
    (charts.best_sellers_chart, lambda: (queries.best_sellers(5),)),
    (charts.admin_spending_chart, lambda: (_network_spending(),)),
])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_charts_drawn_without_validation_pass_it(builder, make_args, lang):
    """The app draws specs without Altair's schema validation: the charts no other test builds
    are validated here, on the sample's data (the rest are, by their own tests)."""
    with db.one_version():
        figure = builder(*make_args(), lang)
        assert figure.to_dict(validate=True)
        assert specs.spec(builder, (*make_args(), lang), {}, projector=False) == _streamlit(figure)
