"""The meeting's furniture as pure functions: the projector flag, the page order, the share link
and its QR code. No Streamlit here, so the rules are tested without a browser."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import TypeVar
from urllib.parse import urlencode

import segno

T = TypeVar("T")
PROJECTOR_PARAM = "projector"
ON_VALUES = ("1", "true", "on", "yes")
OFF_VALUES = ("0", "false", "off", "no", "")


def projector_flag(value: str | None) -> tuple[bool, bool]:
    """(on, understood) for the `projector` query parameter. Anything unknown means off, and
    the caller says so on the page."""
    if value is None:
        return False, True
    text = value.strip().lower()
    if text in ON_VALUES:
        return True, True
    return False, text in OFF_VALUES


def neighbours(pages: Sequence[T], current: T) -> tuple[T | None, T | None]:
    """The pages before and after `current` in the navigation order; none past either end."""
    if current not in pages:
        return None, None
    i = pages.index(current)
    return (pages[i - 1] if i > 0 else None), (pages[i + 1] if i + 1 < len(pages) else None)


def share_link(page_url: str, params: Mapping[str, str | Sequence[str]], projector: bool) -> str:
    """The link to exactly this view: the page's URL and its parameters (filters, sliders,
    language), with or without projector mode. Parameters keep their order so the same view
    always gives the same link."""
    kept = {k: v for k, v in params.items() if k != PROJECTOR_PARAM}
    if projector:
        kept[PROJECTOR_PARAM] = "1"
    query = urlencode(kept, doseq=True)
    return f"{page_url}?{query}" if query else page_url


def qr_png(link: str, scale: int = 10) -> bytes:
    """A QR code of the link, as PNG bytes. Error correction M survives a washed-out projector;
    the quiet zone (border 4) is what phone cameras need to find the code."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
