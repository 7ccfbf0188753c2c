"""The map: villages or areas as circles over their areas' outlines, DataFrame in, pydeck Deck
out. Pure, like the charts, so tests check it as data (`deck.to_json()`); no basemap unless asked
for, so it draws offline. The geometry is here too: an area's outline is the padded hull of its
outermost villages, and the view is fitted to what is drawn."""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

from samma.charts import PILOT_BLUE, STAGE_COLOURS, next_step, stage_name
from samma.domain import STAGES
from samma.i18n import number, pick, t, t_plain

# Carto's light basemap: free and needs no token. Used only when the page asks for it.
CARTO_LIGHT = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json"
MAP_HEIGHT = 520
# On a projector the map takes the height its section leaves on the screen: all of it but this
# many rem (the page's header, the pickers, the stage pills above a village map, the meeting bar;
# rem follow the screen's height, 20 px at 1280×720), and its view is fitted to what that leaves
# at 1280×720 (its wide column), the least the map gets.
PROJECTOR_MAP_SPARE_REM = {"village_map": 24, "area_map": 23.5}
PROJECTOR_MAP_HEIGHT = {key: 720 - 20 * rem for key, rem in PROJECTOR_MAP_SPARE_REM.items()}
PROJECTOR_MAP_WIDTH = 780
PROJECTOR_MAP_CSS = "<style>" + "".join(
    f".st-key-{key} {{ flex: 0 0 auto !important; height: auto !important; }} "
    f".st-key-{key} [data-testid=\"stFullScreenFrame\"], .st-key-{key} [data-testid=\"stDeckGlJsonChart\"] "
    f"{{ height: calc(100vh - {rem}rem) !important; }}"
    for key, rem in PROJECTOR_MAP_SPARE_REM.items()) + "</style>"
# How far an outline reaches past its outermost villages, by the code length of the area.
OUTLINE_PAD_KM = {2: 8.0, 4: 2.5, 6: 0.6}


def _stage_dots(item: str) -> str:
    """Constant CSS, made of the colours alone: before the i-th `item` (`{i}` in the selector,
    from 1), a dot of the i-th stage's colour in STAGES' order, as the circles on the map."""
    return "<style>" + "".join(
        item.format(i=i) + ' p::before { content: ""; display: inline-block; width: 0.8em; '
        "height: 0.8em; margin-right: 0.4em; border-radius: 50%; border: 1px solid #282828; "
        f"vertical-align: -0.05em; background: {colour}; }} "
        for i, colour in enumerate(STAGE_COLOURS, start=1)) + "</style>"


# The Map page's stage pills (key "stage", one per stage): the pills are then the legend.
STAGE_PILLS_CSS = _stage_dots('.st-key-stage button[data-variant="pills"]:nth-of-type({i})')
# The legend beside the map (key "stage_legend", one line per stage): text, not a chart, so the
# map's section needs no chart code in the browser.
STAGE_LEGEND_CSS = _stage_dots('.st-key-stage_legend [data-testid="stElementContainer"]:nth-of-type({i})')


def stage_legend(lang: str) -> list[str]:
    """The legend's lines, one per stage in STAGES' order: its name in the page's language."""
    return [stage_name(rank, lang) for rank in range(len(STAGES))]


def _rgb(colour: str, alpha: int = 255) -> list[int]:
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)] + [alpha]


def padded_hull(points: list[tuple[float, float]], pad_km: float) -> list[list[float]]:
    """Convex hull (monotone chain) of the points, each first widened to an octagon of radius
    `pad_km`, so one or two villages still make a recognisable shape."""
    if not points:
        return []
    lat0 = sum(p[1] for p in points) / len(points)
    dlat = pad_km / 111.0
    dlon = pad_km / (111.0 * max(math.cos(math.radians(lat0)), 0.1))
    cloud = sorted({(round(lon + dlon * math.cos(a), 6), round(lat + dlat * math.sin(a), 6))
                    for lon, lat in points for a in (i * math.pi / 4 for i in range(8))})

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    def half(pts):
        chain: list[tuple[float, float]] = []
        for p in pts:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], p) <= 0:
                chain.pop()
            chain.append(p)
        return chain

    lower, upper = half(cloud), half(reversed(cloud))
    return [list(p) for p in lower[:-1] + upper[:-1]]


def fit_view(lons: pd.Series, lats: pd.Series, width_px: int = 360,
             height_px: int = MAP_HEIGHT) -> pdk.ViewState:
    """A view that shows every point with a margin (deck.gl: 512 px span 360° at zoom 0).
    The server cannot know the screen, so it fits a phone's width; on a projector the map's
    height is what limits the zoom anyway."""
    lon0, lon1, lat0, lat1 = lons.min(), lons.max(), lats.min(), lats.max()
    mid_lat = (lat0 + lat1) / 2
    span_x = max(lon1 - lon0, 0.01) * 1.15
    span_y = max(lat1 - lat0, 0.01) * 1.15 / math.cos(math.radians(mid_lat))
    zoom = math.log2(min(width_px * 360 / (512 * span_x), height_px * 360 / (512 * span_y)))
    return pdk.ViewState(latitude=float(mid_lat), longitude=float((lon0 + lon1) / 2),
                         zoom=round(min(max(zoom, 3.0), 14.0), 2), pitch=0, bearing=0)


def outlines_frame(points: pd.DataFrame, areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One padded hull per area from its (code, lon, lat) points, named from `areas` (code,
    name_th, name_en, pilot_villages) for a text tooltip; pilot subdistricts stand out in blue."""
    names = {r["code"]: r for r in areas.to_dict("records")}
    rows = []
    for code, part in points.groupby("code", sort=True):
        area = names.get(code)
        # Only a subdistrict is a pilot; a district or province merely contains one.
        pilot = bool(area and area["pilot_villages"] > 0 and len(code) == 6)
        name = pick(area, "name", lang) if area else code
        hull = padded_hull(list(zip(part["lon"], part["lat"])), OUTLINE_PAD_KM[len(code)])
        rows.append({"code": code, "polygon": hull,
                     "tooltip": name + (" · " + t("mg_pilot", lang) if pilot else ""),
                     "line": _rgb(PILOT_BLUE) if pilot else [110, 110, 110, 255],
                     "fill": _rgb(PILOT_BLUE, 38) if pilot else [120, 120, 120, 22],
                     "width": 3 if pilot else 1})
    return pd.DataFrame(rows, columns=["code", "polygon", "tooltip", "line", "fill", "width"])


def _outline_layer(outlines: pd.DataFrame) -> pdk.Layer:
    return pdk.Layer("PolygonLayer", outlines, id="outlines", get_polygon="polygon",
                     get_fill_color="fill", get_line_color="line", get_line_width="width",
                     line_width_units="'pixels'", stroked=True, filled=True, pickable=True)


def _deck(layers: list[pdk.Layer], points: pd.DataFrame, outlines: pd.DataFrame,
          basemap: bool, projector: str | None) -> pdk.Deck:
    # Offline by default. Streamlit fills in a Carto basemap whenever mapStyle is missing (as
    # map_style=None leaves it); only pydeck's own placeholder style with no provider makes
    # it draw none and request nothing.
    basemap_args = ({"map_provider": "carto", "map_style": CARTO_LIGHT} if basemap
                    else {"map_provider": None})
    # Fit the outlines too: they reach past the outermost villages.
    corners = [corner for polygon in outlines["polygon"] for corner in polygon]
    lons = pd.concat([points["lon"], pd.Series([c[0] for c in corners], dtype=float)])
    lats = pd.concat([points["lat"], pd.Series([c[1] for c in corners], dtype=float)])
    view = (fit_view(lons, lats, PROJECTOR_MAP_WIDTH, int(PROJECTOR_MAP_HEIGHT[projector])) if projector
            else fit_view(lons, lats))
    return pdk.Deck(layers=layers, initial_view_state=view, tooltip={"text": "{tooltip}"},
                    height=MAP_HEIGHT, **basemap_args)


def village_tooltip(row: dict, lang: str) -> str:
    return "\n".join((
        pick(row, "name", lang),
        t_plain("tooltip_moo", lang, moo=row["moo"], subdistrict=pick(row, "subdistrict", lang)),
        t("tooltip_stage", lang, stage=stage_name(row["stage_rank"], lang)),
        t("tooltip_households", lang, n=number(row["households"])),
        t("tooltip_groups", lang, n=number(row["groups_formed"]), k5=number(row["groups_5k"])),
        t("tooltip_next", lang, step=next_step(row["stage_rank"], row["next_k"], lang)),
    ))


def village_map(villages: pd.DataFrame, outlines: pd.DataFrame, lang: str, basemap: bool = False,
                selected: str | None = None, projector: bool = False) -> pdk.Deck:
    """Villages coloured by stage and sized by households enrolled, over their subdistricts'
    outlines; the selected village gets a ring. `projector`: fitted to a projector's map."""
    data = villages.copy()
    data["tooltip"] = [village_tooltip(r, lang) for r in data.to_dict("records")]
    data["colour"] = [_rgb(STAGE_COLOURS[r]) for r in data["stage_rank"]]
    data["radius"] = [5 + 7 * math.sqrt(min(h, 40) / 20) for h in data["households"]]
    data = data[["code", "lon", "lat", "tooltip", "colour", "radius", "is_pilot"]]
    layers = [_outline_layer(outlines),
              pdk.Layer("ScatterplotLayer", data, id="villages", get_position=["lon", "lat"],
                        get_fill_color="colour", get_radius="radius", radius_units="'pixels'",
                        stroked=True, get_line_color=[40, 40, 40, 255], line_width_min_pixels=1,
                        pickable=True, auto_highlight=True)]
    if selected is not None and (data["code"] == selected).any():
        layers.append(pdk.Layer("ScatterplotLayer", data[data["code"] == selected], id="selected",
                                get_position=["lon", "lat"], get_radius=22, radius_units="'pixels'",
                                filled=False, stroked=True, get_line_color=[0, 0, 0, 255],
                                line_width_min_pixels=3))
    return _deck(layers, data, outlines, basemap, "village_map" if projector else None)


def area_tooltip(row: dict, lang: str) -> str:
    counts = " · ".join(f"{stage_name(rank, lang)} {number(row[f'stage_{rank}'])}"
                        for rank in range(len(STAGES)))
    return "\n".join((
        pick(row, "name", lang),
        t("tooltip_villages", lang, n=number(row["villages"]), pilot=number(row["pilot_villages"])),
        t("tooltip_households", lang, n=number(row["households"])),
        t("tooltip_groups", lang, n=number(row["groups_formed"]), k5=number(row["groups_5k"])),
        counts,
        t("tooltip_typical", lang, stage=stage_name(row["typical_rank"], lang)),
    ))


def area_map(areas: pd.DataFrame, outlines: pd.DataFrame, lang: str, basemap: bool = False,
             projector: bool = False) -> pdk.Deck:
    """One circle per area (province, district or subdistrict), sized by households and coloured
    by the stage at least half its villages have reached. `projector`: as village_map."""
    data = areas.copy()
    biggest = max(int(data["households"].max()), 1)
    data["tooltip"] = [area_tooltip(r, lang) for r in data.to_dict("records")]
    data["colour"] = [_rgb(STAGE_COLOURS[r]) for r in data["typical_rank"]]
    data["radius"] = [8 + 22 * math.sqrt(h / biggest) for h in data["households"]]
    data = data[["code", "lon", "lat", "tooltip", "colour", "radius"]]
    layers = [_outline_layer(outlines),
              pdk.Layer("ScatterplotLayer", data, id="areas", get_position=["lon", "lat"],
                        get_fill_color="colour", get_radius="radius", radius_units="'pixels'",
                        stroked=True, get_line_color=[40, 40, 40, 255], line_width_min_pixels=1,
                        pickable=True, auto_highlight=True)]
    return _deck(layers, data, outlines, basemap, "area_map" if projector else None)

