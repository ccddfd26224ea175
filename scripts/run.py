"""Run the whole product on the embedded default until Ctrl-C (`make run`)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from scripts.stack import Stack, StackConfig, embedded_rasa_instances


def main() -> int:
    model_path = Path(sys.argv[1])
    rasa_port = int(os.environ.get("LEERWIJZER_RASA_PORT", "5005"))
    config = StackConfig(
        model_path=model_path,
        gateway_port=int(os.environ.get("LEERWIJZER_GATEWAY_PORT", "8000")),
        rasa_port=rasa_port,
        # Further instances on the ports after the first (5006, ...).
        extra_rasa_ports=tuple(rasa_port + n for n in range(1, embedded_rasa_instances())),
        action_port=int(os.environ.get("LEERWIJZER_ACTION_PORT", "5055")),
        database_url=os.environ.get("LEERWIJZER_DATABASE_URL", ""),
    )
    stack = Stack(config)
    stopping = False

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    started = time.perf_counter()
    print("Starting Rasa, the action server and the gateway (Rasa takes about a minute)...")
    stack.start()
    try:
        stack.wait_ready()
    except (RuntimeError, TimeoutError) as error:
        print(f"Start-up failed: {error}", file=sys.stderr)
        stack.stop()
        return 1
    print(f"\nLeerwijzer is running (ready in {time.perf_counter() - started:.0f} s):")
    print(f"  chat page    {config.gateway_url}/")
    print(f"  chat API     POST {config.gateway_url}/api/chat")
    print(f"  courses API  {config.gateway_url}/api/courses?q=zorg&place=Utrecht")
    print(f"  health       {config.gateway_url}/healthz")
    print(f"  API docs     {config.gateway_url}/docs")
    print(f"  Rasa         {', '.join(config.rasa_urls)}  (action server {config.action_url})")
    print(f"  logs         {config.log_dir}")
    print("Press Ctrl-C to stop.")
    while not stopping:
        crashed = stack.first_exited()
        if crashed:
            print(
                f"{crashed} stopped unexpectedly; see {config.log_dir}/{crashed}.log",
                file=sys.stderr,
            )
            stack.stop()
            return 1
        time.sleep(0.5)
    print("\nStopping...")
    stack.stop()
    print("Stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
