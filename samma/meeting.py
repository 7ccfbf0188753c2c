"""The meeting's furniture as pure functions: the projector flag, the page order, the share link,
the address it is built on, and its QR code. No Streamlit here, so the rules are tested without a
browser."""

from __future__ import annotations

import io
import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode, urlsplit

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


# The address partners reach (e.g. https://example.org/samma/): a share link and its QR code are
# built on it whatever address the presenter's own browser opened.
PUBLIC_URL_ENV = "SAMMA_PUBLIC_URL"
PUBLIC_URL_SECRET = "public_url"


class BadPublicUrl(ValueError):
    """A configured public address that cannot be a link; `reason` names the i18n string that
    says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def public_base(value: str) -> str:
    """The configured public address as the base every page's address is built on: http(s), a
    host, an optional sub-path, always ending in "/" (so `https://example.org/samma` and
    `https://example.org/samma/` give the same links). Raises BadPublicUrl."""
    text = value.strip()
    if any(c.isspace() for c in text):
        raise BadPublicUrl("public_url_space")
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise BadPublicUrl("public_url_scheme")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise BadPublicUrl("public_url_query")
    if parts.username is not None or parts.password is not None:
        raise BadPublicUrl("public_url_credentials")
    try:
        port = parts.port
    except ValueError:
        raise BadPublicUrl("public_url_port") from None
    if not parts.hostname:
        raise BadPublicUrl("public_url_host")
    if port == 0:
        raise BadPublicUrl("public_url_port")
    path = parts.path.rstrip("/") + "/"
    return f"{parts.scheme.lower()}://{parts.netloc}{path}"


def is_local(url: str) -> bool:
    """True when the address names this machine only (localhost, 127.x, ::1, 0.0.0.0): a phone
    that opens it reaches itself, not the app."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


@dataclass(frozen=True)
class ShareAddress:
    base: str               # the app's address, ending in "/": what the dialog says it uses
    page_url: str           # this page's address (no query)
    source: str             # "public" (configured), "browser" (the presenter's) or "path"
    local: bool             # phones cannot open it
    problem: str | None     # why a configured public address was not used (an i18n key)


def share_address(configured: str | None, browser_url: str | None, url_path: str) -> ShareAddress:
    """Where a share link points. The configured public address when there is a usable one; else
    the address the presenter's browser opened (Streamlit's `st.context.url`: the app's address,
    sub-path included, then the page's url_path); else a path, which still works behind a proxy.
    `url_path` is the page's ("" for the default page, served at the app's own address)."""
    problem = None
    if configured and configured.strip():
        try:
            base = public_base(configured)
            return ShareAddress(base, base + url_path, "public", is_local(base), None)
        except BadPublicUrl as bad:
            problem = bad.reason
    if browser_url:
        app = browser_url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
        if url_path and app.endswith("/" + url_path):
            app = app.removesuffix("/" + url_path)
        base = app + "/"
        return ShareAddress(base, base + url_path, "browser", is_local(base), problem)
    return ShareAddress("/", "/" + url_path, "path", False, problem)


def qr_png(link: str, scale: int = 10) -> bytes:
    """A QR code of the link, as PNG bytes. Error correction M survives a washed-out projector;
    the quiet zone (border 4) is what phone cameras need to find the code."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
