"""Parse latency through Rasa's own HTTP API: p50/p95 over 500 messages.

    python -m scripts.bench_parse MODEL.tar.gz   (or: make bench-parse)

Starts only the Rasa server on a free port, warms it up, then sends 500
messages one after another to POST /model/parse: the held-out set and xSID
off-domain texts, cycled. Target from issue 5: p95 <= 30 ms on this machine.
"""

from __future__ import annotations

import json
import socket
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

from scripts.stack import ROOT, Stack, StackConfig

MESSAGES = 500
WARM_UP = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def sample_texts() -> list[str]:
    heldout = yaml.safe_load((ROOT / "tests/nlu/heldout.yml").read_text(encoding="utf-8"))
    texts: list[str] = []
    for block in heldout["nlu"]:
        for line in block.get("examples", "").splitlines():
            text = line.strip().removeprefix("- ")
            if text:
                # Strip the [text](entity) / [text]{...} markup to the plain words.
                plain = ""
                rest = text
                while "[" in rest and "]" in rest:
                    before, _, after = rest.partition("[")
                    words, _, after = after.partition("]")
                    closer = ")" if after.startswith("(") else "}"
                    plain += before + words
                    rest = after.partition(closer)[2]
                texts.append(plain + rest)
    xsid = (ROOT / "tests/nlu/offdomain/xsid_nl.test.txt").read_text(encoding="utf-8").splitlines()
    texts += [line for line in xsid if line.strip()]
    return [texts[i % len(texts)] for i in range(MESSAGES)]


def parse_ms(url: str, text: str) -> float:
    request = urllib.request.Request(  # noqa: S310 - local URL
        f"{url}/model/parse",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local URL
        response.read()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="leerwijzer-bench-parse-") as data_dir:
        config = StackConfig(
            model_path=Path(sys.argv[1]),
            data_dir=Path(data_dir),
            rasa_port=free_port(),
            action_port=free_port(),
            gateway_port=free_port(),
            log_dir=Path(data_dir) / "logs",
        )
        stack = Stack(config)
        started = time.perf_counter()
        stack.start("rasa")
        try:
            stack.wait_ready()
            print(f"Rasa ready in {time.perf_counter() - started:.1f} s")
            texts = sample_texts()
            for text in texts[:WARM_UP]:
                parse_ms(config.rasa_url, text)
            samples = sorted(parse_ms(config.rasa_url, text) for text in texts)
        finally:
            stack.stop()
    p95 = samples[int(len(samples) * 0.95) - 1]
    p99 = samples[int(len(samples) * 0.99) - 1]
    print(
        f"POST /model/parse, {len(samples)} messages, sequential, loopback: "
        f"p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms, "
        f"p99 {p99:.1f} ms, max {samples[-1]:.1f} ms (target p95 <= 30 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
