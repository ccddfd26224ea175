"""Time of one plan (advice.planner.plan_paths) on the sample catalogue, per profile.

    make bench-plan      # .venvs/app/bin/python -m scripts.bench_plan [--runs 20]

The plan is the heaviest turn of the dialogue: the action server answers one
turn at a time, so its time adds to every turn queued behind it. Figures, not
pass/fail.
"""

from __future__ import annotations

import argparse
import statistics
import time

from advice.fields import load_knowledge
from advice.offers import CatalogueOffers
from advice.planner import plan_paths
from advice.profile import Profile
from catalogue.db import make_engine, make_session_factory
from core.settings import get_settings
from funding.dates import today_in_nl

PROFILES = {
    "care worker, grow (Utrecht)": Profile(
        goal="doorgroeien", current_sector="zorg", employment="werkend", education="2",
        location="utrecht", payer="werkgever",
    ),
    "metal worker into heat pumps (Enschede)": Profile(
        goal="omscholen", current_sector="techniek", target_topic="warmtepomp",
        employment="werkend", education="vmbo", location="enschede", job_at_risk=True,
    ),
    "job seeker, any field (Zwolle)": Profile(
        goal="werk_vinden", employment="werkzoekend", education="2", location="zwolle",
        skipped=["target"],
    ),
    "doktersassistent, evenings, no BBL (Apeldoorn)": Profile(
        goal="omscholen", target_occupation="doktersassistent", target_sector="zorg",
        current_sector="retail", employment="werkend", education="2", location="apeldoorn",
        excluded_modes=["bbl"], times=["avond"],
    ),
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_plan")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    sessions = make_session_factory(make_engine(get_settings().database_url))
    knowledge, today = load_knowledge(), today_in_nl()
    print(f"plan_paths on {get_settings().database_url}, {args.runs} runs each:")
    for name, profile in PROFILES.items():
        times = []
        for _ in range(args.runs + 1):
            with sessions() as session:
                started = time.perf_counter()
                paths = plan_paths(
                    profile, knowledge=knowledge, finder=CatalogueOffers(session), today=today
                )
                times.append((time.perf_counter() - started) * 1000)
        runs = sorted(times[1:])  # the first run warms caches
        print(
            f"  {name:<48} p50 {statistics.median(runs):6.1f} ms  max {runs[-1]:6.1f} ms"
            f"  ({len(paths)} paths)"
        )


if __name__ == "__main__":
    main()
