"""A page's traffic with the app, read from Chromium through the DevTools protocol (CDP), which
does not depend on what the page shows: its navigation, the websocket's opening and the app's
messages on it, decoded (Streamlit's ForwardMsg). Used by bench.first_visit and
bench.interactions."""

from __future__ import annotations

import base64
from collections.abc import Callable


def watch(context, page, on_message: Callable | None = None) -> dict:
    """Starts recording the page's traffic; returns what is recorded as it comes:
    {"nav": CDP time (s) of the document's request, "ws_open": of the websocket's handshake,
    "frames": [(CDP time, bytes, kind), ...] for every frame the app sent (kind: new_session,
    delta, script_finished, ...; "text" for a text frame)}. `on_message(message)`, when given, is
    called with each of the app's messages (a ForwardMsg) as Chromium reports it."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    seen: dict = {"frames": [], "ws_open": None, "nav": None}

    def request(event):
        if seen["nav"] is None and event.get("type") == "Document":
            seen["nav"] = event["timestamp"]

    def opened(event):
        seen["ws_open"] = seen["ws_open"] or event["timestamp"]

    def frame(event):
        response = event["response"]
        if response["opcode"] != 2:
            seen["frames"].append((event["timestamp"], 0, "text"))
            return
        data = base64.b64decode(response["payloadData"])
        message = ForwardMsg()
        message.ParseFromString(data)
        seen["frames"].append((event["timestamp"], len(data), message.WhichOneof("type") or ""))
        if on_message is not None:
            on_message(message)

    cdp.on("Network.requestWillBeSent", request)
    cdp.on("Network.webSocketHandshakeResponseReceived", opened)
    cdp.on("Network.webSocketFrameReceived", frame)
    return seen
