"""Chat with the running stack in the terminal (`make chat`, after `make run`).

A developer tool: every line typed goes to the gateway's POST /api/chat, the
same door every channel uses, and the answer is printed compactly: texts as
``bot> ...``, buttons numbered (type the number to send that button's
payload), course lists one line per card, paths as numbered steps,
eligibility as outcome and first reasons, handoffs as ticket and status.

Commands: /quit (or Ctrl-D) leaves, /new starts a new conversation (a new
sender id), /raw toggles printing the raw JSON answer, /say TEXT sends TEXT
as it is (say a number while buttons are shown), /help lists them. Any other
line starting with "/" is sent as typed, so Rasa payloads such as
``/greet`` work.

The rendering functions are pure (JSON in, lines out) so they are tested
without a terminal; the loop takes its input and output as functions.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import httpx

Json = dict[str, Any]

CHANNEL = "cli"
BOT = "bot> "
PROMPT = "jij> "
INDENT = " " * len(BOT)
SHOWN_REASONS = 3
SHOWN_STEP_FUNDING = 3
HELP = (
    "/quit or Ctrl-D leaves, /new starts a new conversation, /raw toggles the raw JSON,\n"
    "/say TEXT sends TEXT as typed; a number sends that button's payload."
)


# --- rendering (pure) -----------------------------------------------------------


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Rendered:
    """A gateway answer as terminal lines, and the buttons its numbers stand for."""

    lines: tuple[str, ...]
    buttons: tuple[Button, ...]


def euros(amount: object) -> str:
    """Dutch notation: € 1.200, € 1.200,50."""
    if isinstance(amount, bool) or not isinstance(amount, int | float | str):
        return str(amount)
    try:
        value = float(amount)
    except ValueError:
        return str(amount)
    if value == round(value):
        return "€ " + f"{value:,.0f}".replace(",", ".")
    return "€ " + f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def one_line(value: object) -> str:
    """Whitespace (newlines too) collapsed, so a card stays on its line."""
    return " ".join(str(value).split())


def _dicts(value: object) -> list[Json]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _strings(value: object) -> list[str]:
    return [str(item) for item in value if item] if isinstance(value, list) else []


def course_line(course: Json) -> str:
    """One card: title (kind, niveau, modes) · provider, place · weeks · price · voorbeeld."""
    about = [str(course["kind"])] if course.get("kind") else []
    if course.get("level") is not None:
        about.append(f"niveau {course['level']}")
    modes = _strings(course.get("learning_modes"))
    if modes:
        about.append("/".join(mode.upper() for mode in modes))
    title = one_line(course.get("title") or "(no title)")
    head = f"{title} ({', '.join(about)})" if about else title
    place = one_line(course["place"]) if course.get("place") else ""
    distance = course.get("distance_km")
    if place and isinstance(distance, int | float) and not isinstance(distance, bool):
        place += f" ({round(distance)} km)"
    where = ", ".join(p for p in (one_line(course.get("provider") or ""), place) if p)
    parts = [head]
    if where:
        parts.append(where)
    if course.get("duration_weeks"):
        parts.append(f"{course['duration_weeks']} weken")
    price = course.get("price_eur")
    parts.append("prijs: vraag de school" if price is None else euros(price))
    if course.get("is_sample"):
        parts.append("voorbeeld")
    return " · ".join(parts)


def _course_list(custom: Json) -> list[str]:
    courses = _dicts(custom.get("courses"))
    total = custom.get("total")
    count = f"{total} found, {len(courses)} shown" if isinstance(total, int) else len(courses)
    return [f"  courses: {count}", *(f"  - {course_line(c)}" for c in courses)]


def _path(custom: Json) -> list[str]:
    steps = _dicts(custom.get("steps"))
    title = one_line(custom.get("title") or "path")
    lines = [f"  path: {title} ({len(steps)} step{'' if len(steps) == 1 else 's'})"]
    for number, step in enumerate(steps, start=1):
        kind = f" [{step['kind']}]" if step.get("kind") else ""
        lines.append(f"  {number}. {one_line(step.get('title') or '')}{kind}")
        if step.get("why"):
            lines.append(f"     why: {one_line(step['why'])}")
        course = step.get("course")
        if isinstance(course, dict):
            lines.append(f"     course: {course_line(course)}")
        funding = [one_line(f.get("title")) for f in _dicts(step.get("funding")) if f.get("title")]
        if funding:
            more = len(funding) - SHOWN_STEP_FUNDING
            shown = ", ".join(funding[:SHOWN_STEP_FUNDING])
            if more > 0:
                shown += f" (+{more} more)"
            lines.append(f"     funding: {shown}")
    totals = []
    if custom.get("cost_eur"):
        totals.append(f"cost {euros(custom['cost_eur'])}")
    if custom.get("weeks"):
        totals.append(f"about {custom['weeks']} weeks")
    if totals:
        lines.append(f"  total: {' · '.join(totals)}")
    lines += [f"  note: {one_line(note)}" for note in _strings(custom.get("notes"))]
    return lines


def _eligibility(custom: Json) -> list[str]:
    result = custom.get("result")
    if not isinstance(result, dict):
        return ["  eligibility: (no result)"]
    scheme = str(result.get("scheme") or "?")
    if result.get("scheme_name") and result["scheme_name"] != scheme:
        scheme += f" ({one_line(result['scheme_name'])})"
    head = f"  eligibility {scheme}: {result.get('outcome') or '?'}"
    if result.get("amount_eur") is not None:
        head += f" · {euros(result['amount_eur'])}"
    if result.get("scheme_active") is False:
        head += " · scheme closed"
    lines = [head]
    reasons = _dicts(result.get("reasons"))
    for reason in reasons[:SHOWN_REASONS]:
        status = reason.get("status") or "?"
        lines.append(f"    - {status}: {one_line(reason.get('explanation') or reason.get('rule'))}")
    if len(reasons) > SHOWN_REASONS:
        lines.append(f"    (+{len(reasons) - SHOWN_REASONS} more reasons)")
    missing = _strings(result.get("missing"))
    if missing:
        lines.append(f"    missing: {', '.join(missing)}")
    return lines


def _handoff(custom: Json) -> list[str]:
    line = f"  handoff: {custom.get('status') or '?'}"
    if custom.get("ticket"):
        line += f" · ticket {custom['ticket']}"
    return [line]


def _erased(custom: Json) -> list[str]:
    return ["  (conversation erased)"]


_RENDERERS: dict[str, Callable[[Json], list[str]]] = {
    "course_list": _course_list,
    "path": _path,
    "eligibility": _eligibility,
    "handoff": _handoff,
    "erased": _erased,
}


def render_custom(custom: Json) -> list[str]:
    """A structured result as lines; an unknown type shows its type and keys."""
    kind = str(custom.get("type"))
    renderer = _RENDERERS.get(kind)
    if renderer is None:
        keys = ", ".join(sorted(k for k in custom if k != "type"))
        return [f"  [{kind}] {keys}".rstrip()]
    return renderer(custom)


def buttons_of(raw: object) -> list[Button]:
    found = []
    for item in _dicts(raw):
        title, payload = item.get("title"), item.get("payload")
        if isinstance(title, str) and isinstance(payload, str) and payload:
            found.append(Button(title=title or payload, payload=payload))
    return found


def render_buttons(buttons: Sequence[Button], *, first: int = 1) -> str:
    return "  " + "  ".join(
        f"[{number}] {one_line(b.title)}" for number, b in enumerate(buttons, start=first)
    )


def render_messages(messages: Iterable[Json]) -> Rendered:
    """The whole answer; buttons are numbered across it, in order."""
    lines: list[str] = []
    buttons: list[Button] = []
    for message in messages:
        text = message.get("text")
        if isinstance(text, str) and text.strip():
            first, *rest = text.strip().splitlines()
            lines.append(BOT + first)
            lines += [INDENT + line if line.strip() else "" for line in rest]
        if isinstance(message.get("image"), str) and message["image"]:
            lines.append(f"  image: {message['image']}")
        custom = message.get("custom")
        if isinstance(custom, dict):
            lines += render_custom(custom)
        own = buttons_of(message.get("buttons"))
        if own:
            lines.append(render_buttons(own, first=len(buttons) + 1))
            buttons += own
    if not lines:
        lines.append(BOT + "(no answer)")
    return Rendered(lines=tuple(lines), buttons=tuple(buttons))


# --- input (pure) ----------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    kind: Literal["send", "quit", "new", "raw", "help", "nothing"]
    text: str = ""


def interpret(line: str, buttons: Sequence[Button]) -> Action:
    """What a typed line means: a command, a button's payload, or text to send."""
    text = line.strip()
    if not text:
        return Action("nothing")
    command = text.lower()
    if command in ("/quit", "/exit", "/q"):
        return Action("quit")
    if command == "/new":
        return Action("new")
    if command == "/raw":
        return Action("raw")
    if command in ("/help", "/?"):
        return Action("help")
    if command.startswith("/say "):
        return Action("send", text[len("/say ") :].strip())
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        return Action("send", buttons[int(text) - 1].payload)
    return Action("send", text)


def new_sender_id() -> str:
    return f"cli-{uuid.uuid4().hex}"


# --- HTTP --------------------------------------------------------------------------


class ChatError(Exception):
    """The gateway gave no usable answer; the text says why, for the developer."""


def error_detail(status: int, body: object) -> str:
    """A 4xx/5xx answer as one line: the status and the gateway's detail."""
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, list):
        parts = []
        for item in detail:
            if isinstance(item, dict):
                where = ".".join(str(p) for p in item.get("loc") or [])
                parts.append(f"{where}: {item.get('msg')}" if where else str(item.get("msg")))
            else:
                parts.append(str(item))
        text = "; ".join(parts)
    elif detail is not None:
        text = str(detail)
    else:
        text = ""
    return f"gateway answered {status}" + (f": {text}" if text else "")


def _json(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None


def post_chat(client: httpx.Client, *, sender_id: str, message: str) -> Json:
    """POST /api/chat; the answer's JSON, or ChatError with a clear reason."""
    body = {"sender_id": sender_id, "message": message, "metadata": {"channel": CHANNEL}}
    try:
        response = client.post("/api/chat", json=body)
    except httpx.ConnectError as error:
        raise ChatError(
            f"cannot reach the gateway at {client.base_url} ({type(error).__name__}); "
            "is the stack running? Start it with `make run`."
        ) from error
    except httpx.TimeoutException as error:
        raise ChatError(f"the gateway did not answer in time ({type(error).__name__})") from error
    except httpx.HTTPError as error:
        raise ChatError(f"request to the gateway failed ({type(error).__name__})") from error
    data = _json(response)
    if response.status_code != httpx.codes.OK:
        text = error_detail(response.status_code, data)
        if response.status_code == httpx.codes.NOT_FOUND and data is None:
            text += f" (is {client.base_url} the gateway?)"
        retry = response.headers.get("Retry-After")
        if retry:
            text += f" (retry after {retry} s)"
        raise ChatError(text)
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise ChatError("the gateway answered 200 without a messages list")
    return data


def health_note(client: httpx.Client) -> str | None:
    """None when /healthz says ok, else a line on what is down or unreachable."""
    try:
        response = client.get("/healthz")
    except httpx.HTTPError as error:
        return (
            f"cannot reach the gateway at {client.base_url} ({type(error).__name__}); "
            "start the stack with `make run` (messages are sent anyway)."
        )
    data = _json(response)
    if response.status_code == httpx.codes.OK:
        return None
    dependencies = data.get("dependencies") if isinstance(data, dict) else None
    if isinstance(dependencies, dict):
        down = [f"{name}={state}" for name, state in dependencies.items() if state != "ok"]
        if down:
            return f"the stack is degraded: {', '.join(down)}"
    return f"/healthz answered {response.status_code}"


# --- the loop ----------------------------------------------------------------------


def chat_loop(
    client: httpx.Client,
    *,
    read: Callable[[str], str] | None = None,
    write: Callable[[str], None] | None = None,
    sender_id: str | None = None,
    raw: bool = False,
) -> int:
    """Read, send, print until /quit or end of input; always 0 (errors are printed).

    ``read`` and ``write`` default to input() and print(), looked up per call.
    """
    read = read or input
    write = write or print
    sender = sender_id or new_sender_id()
    buttons: tuple[Button, ...] = ()
    write(f"Chatting with {client.base_url} as {sender}. /help lists the commands.")
    note = health_note(client)
    if note:
        write(f"! {note}")
    while True:
        try:
            line = read(PROMPT)
        except EOFError:
            write("")
            return 0
        except KeyboardInterrupt:
            write("")
            return 0
        action = interpret(line, buttons)
        if action.kind == "quit":
            return 0
        if action.kind == "nothing":
            continue
        if action.kind == "help":
            write(HELP)
            continue
        if action.kind == "new":
            sender, buttons = new_sender_id(), ()
            write(f"New conversation as {sender}.")
            continue
        if action.kind == "raw":
            raw = not raw
            write(f"Raw JSON {'on' if raw else 'off'}.")
            continue
        try:
            answer = post_chat(client, sender_id=sender, message=action.text)
        except ChatError as error:
            write(f"! {error}")
            continue
        except KeyboardInterrupt:
            write("! interrupted (the gateway may still answer this turn)")
            continue
        if raw:
            write(json.dumps(answer, ensure_ascii=False, indent=2))
        rendered = render_messages(_dicts(answer["messages"]))
        for out in rendered.lines:
            write(out)
        buttons = rendered.buttons


def default_url() -> str:
    """LEERWIJZER_GATEWAY_URL (core.settings), else the local gateway of `make run`."""
    try:
        from core.settings import get_settings

        return get_settings().gateway_url
    except Exception:  # a broken .env must not stop a developer tool
        return "http://127.0.0.1:8000"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", help="the gateway (default: LEERWIJZER_GATEWAY_URL or :8000)")
    parser.add_argument("--raw", action="store_true", help="print the raw JSON answers too")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a turn")
    args = parser.parse_args(argv)
    url = str(args.url or default_url()).rstrip("/")
    if "://" not in url:
        url = f"http://{url}"
    if not url.startswith(("http://", "https://")):
        print(f"! the gateway URL must be http:// or https://, not {url}", file=sys.stderr)
        return 2
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401 - line editing and history for input()
    timeout = httpx.Timeout(args.timeout, connect=2.0)
    try:
        with httpx.Client(base_url=url, timeout=timeout) as client:
            return chat_loop(client, raw=args.raw)
    except httpx.InvalidURL as error:
        print(f"! not a usable gateway URL: {url} ({error})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
