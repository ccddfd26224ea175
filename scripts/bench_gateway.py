"""The gateway's own CPU per /api/chat turn, without Rasa's cost in the way.

    make bench-gateway
    .venvs/app/bin/python -m scripts.bench_gateway [--requests 3000]

A stand-in answers for Rasa with a fixed two-message reply, so the figure is
the gateway alone: HTTP in, app-data check, the call to Rasa, HTTP out. Also
prints what one request costs the calling side with httpx and with aiohttp
(the gateway uses aiohttp for Rasa). Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import httpx
from aiohttp import web

from scripts.stack import APP_PYTHON, ROOT, StackConfig, free_port, tree_cpu_s, wait_http

REPLY = [
    {"recipient_id": "x", "text": "Welke opleiding zoek je? Ik help je graag verder."},
    {
        "recipient_id": "x",
        "text": "Kies een onderwerp.",
        "buttons": [{"title": "Zorg", "payload": "/inform"}],
    },
]


def serve_stand_in(port: int) -> None:
    """Run in a child process: answer every turn at once with REPLY."""

    async def webhook(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response(REPLY)

    async def root(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    app.router.add_get("/", root)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


def own_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def post_turns(url: str, *, requests: int, concurrency: int) -> None:
    async with httpx.AsyncClient() as http:

        async def person(number: int) -> None:
            for turn in range(requests // concurrency):
                body = {"sender_id": f"b{number}-{turn % 5}", "message": "ik wil verder"}
                response = await http.post(f"{url}/api/chat", json=body)
                response.raise_for_status()

        await asyncio.gather(*(person(n) for n in range(concurrency)))


async def client_cost(library: str, url: str, requests: int) -> float:
    """Microseconds of this process's CPU per request to the stand-in."""
    body = {"sender": "b", "message": "ik wil verder", "metadata": {}}
    started = own_cpu_s()
    if library == "httpx":
        async with httpx.AsyncClient() as http:
            for _ in range(requests):
                (await http.post(url, json=body)).json()
    else:
        async with aiohttp.ClientSession() as session:
            for _ in range(requests):
                async with session.post(url, json=body) as response:
                    await response.json()
    return (own_cpu_s() - started) / requests * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_gateway")
    parser.add_argument("--requests", type=int, default=3000)
    args = parser.parse_args()

    rasa_port, gateway_port = free_port(), free_port()
    data_dir = Path(tempfile.mkdtemp(prefix="bench-gateway-"))
    config = StackConfig(
        model_path=data_dir / "unused",
        data_dir=data_dir,
        gateway_port=gateway_port,
        rasa_port=rasa_port,
        action_port=free_port(),
        database_url=f"sqlite:///{data_dir / 'catalogue.db'}",
        log_dir=data_dir,
    )
    serve = f"from scripts.bench_gateway import serve_stand_in; serve_stand_in({rasa_port})"
    stand_in = subprocess.Popen([sys.executable, "-c", serve], cwd=ROOT)
    gateway = subprocess.Popen(
        [str(APP_PYTHON), "-m", "uvicorn", "bot.gateway.main:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(gateway_port)],
        cwd=ROOT, env=config.environment(), stdout=(data_dir / "gateway.log").open("ab"),
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_http(f"http://127.0.0.1:{rasa_port}/", timeout_s=30)
        wait_http(f"{config.gateway_url}/openapi.json", timeout_s=60)
        asyncio.run(post_turns(config.gateway_url, requests=200, concurrency=4))  # warm
        print(f"gateway CPU per /api/chat turn, {args.requests} turns, 4 at a time:")
        for _ in range(3):
            before, started = 1000 * tree_cpu_s(gateway.pid), time.perf_counter()
            asyncio.run(post_turns(config.gateway_url, requests=args.requests, concurrency=4))
            seconds = time.perf_counter() - started
            per_turn = (1000 * tree_cpu_s(gateway.pid) - before) / args.requests * 1000
            print(f"  {per_turn:5.0f} us per turn   {args.requests / seconds:5.0f} turns/s")
        print("one request to Rasa, CPU of the calling side:")
        webhook = f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
        for library in ("httpx", "aiohttp"):
            asyncio.run(client_cost(library, webhook, 200))
            cost = asyncio.run(client_cost(library, webhook, args.requests))
            print(f"  {library:<8} {cost:5.0f} us")
    finally:
        gateway.terminate()
        stand_in.terminate()
        gateway.wait(timeout=30)
        stand_in.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
