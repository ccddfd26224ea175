"""Start the embedded stack and print start-up time, latency and memory figures.

    make bench

Numbers, not pass/fail: compare runs side by side. Requests go to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import urllib.request
from pathlib import Path

from scripts.stack import Stack, StackConfig

CHAT_MESSAGES = (
    "hoi",
    "Ik zoek een opleiding in de zorg in Utrecht",
    "cursus warmtepomp in Enschede",
    "wat is het verschil tussen bol en bbl?",
)
COURSE_QUERIES = (
    "q=verzorgende&place=Utrecht",
    "sector=techniek&level=3&mode=bbl",
    "place=Twente&limit=50",
    "q=pedagogisch%20medewerker&place=Tilburg&radius_km=40",
)
ROUNDS = 10


def _timed(request: urllib.request.Request | str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local URL
        response.read()
    return (time.perf_counter() - started) * 1000


def _post_chat(url: str, sender: str, message: str) -> float:
    body = json.dumps({"sender_id": sender, "message": message}).encode()
    request = urllib.request.Request(  # noqa: S310 - local URL
        f"{url}/api/chat", data=body, headers={"Content-Type": "application/json"}
    )
    return _timed(request)


def _summary(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(
        f"  {label:<32} median {statistics.median(samples):7.1f} ms"
        f"   p95 {p95:7.1f} ms   n={len(samples)}"
    )


def main() -> int:
    stack = Stack(StackConfig(model_path=Path(sys.argv[1])))
    started = time.perf_counter()
    stack.start()
    try:
        stack.wait_ready()
        print(f"start-up until all healthy: {time.perf_counter() - started:.1f} s")
        url = stack.config.gateway_url
        for message in CHAT_MESSAGES:  # warm-up
            _post_chat(url, "bench-warmup", message)
        print("latency (sequential, loopback):")
        for message in CHAT_MESSAGES:
            samples = [_post_chat(url, f"bench-{i}", message) for i in range(ROUNDS)]
            _summary(f"chat: {message[:28]}", samples)
        for query in COURSE_QUERIES:
            samples = [_timed(f"{url}/api/courses?{query}") for _ in range(ROUNDS)]
            _summary(f"courses: {query[:26]}", samples)
        print("resident memory after the run:")
        for name, mib in stack.resident_mib().items():
            print(f"  {name:<10} {mib:7.0f} MiB")
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
