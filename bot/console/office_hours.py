"""When counsellors are in, and the Dutch promise the bot makes about an answer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from funding.dates import DUTCH_TIME

_DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
_DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
_SPEC = re.compile(
    r"^(ma|di|wo|do|vr|za|zo)-(ma|di|wo|do|vr|za|zo) (\d{2}):(\d{2})-(\d{2}):(\d{2})$"
)


@dataclass(frozen=True)
class OfficeHours:
    """Days first..last (0 = Monday) from `opens` to `closes`, Dutch time."""

    first_day: int
    last_day: int
    opens: dt.time
    closes: dt.time

    @classmethod
    def parse(cls, spec: str) -> OfficeHours:
        """ "ma-vr 09:00-17:00" (Dutch day abbreviations, as counsellors write them)."""
        match = _SPEC.match(spec.strip().lower())
        if not match:
            raise ValueError(f"office hours must look like 'ma-vr 09:00-17:00', not {spec!r}")
        first, last, oh, om, ch, cm = match.groups()
        try:
            opens = dt.time(int(oh), int(om))
            # "24:00" closes at midnight: open all day.
            closes = dt.time.max if (ch, cm) == ("24", "00") else dt.time(int(ch), int(cm))
        except ValueError as error:
            raise ValueError(f"office hours {spec!r}: {error}") from error
        hours = cls(
            first_day=_DAYS.index(first), last_day=_DAYS.index(last), opens=opens, closes=closes
        )
        if hours.first_day > hours.last_day or hours.opens >= hours.closes:
            raise ValueError(f"office hours {spec!r} are empty")
        return hours

    def is_open(self, moment: dt.datetime) -> bool:
        local = moment.astimezone(DUTCH_TIME)
        return (
            self.first_day <= local.weekday() <= self.last_day
            and self.opens <= local.time() < self.closes
        )

    def next_opening(self, moment: dt.datetime) -> dt.datetime:
        local = moment.astimezone(DUTCH_TIME)
        for offset in range(8):
            day = local.date() + dt.timedelta(days=offset)
            if not self.first_day <= day.weekday() <= self.last_day:
                continue
            opening = dt.datetime.combine(day, self.opens, tzinfo=DUTCH_TIME)
            if opening > local:
                return opening
        raise AssertionError("office hours open at least once a week")

    def describe(self) -> str:
        days = f"{_DAY_NAMES[self.first_day]} tot en met {_DAY_NAMES[self.last_day]}"
        closes = "24:00" if self.closes == dt.time.max else f"{self.closes:%H:%M}"
        return f"{days}, van {self.opens:%H:%M} tot {closes} uur"


def opening_phrase(opening: dt.datetime, now: dt.datetime) -> str:
    """'morgen om 09:00 uur' or 'maandag om 09:00 uur', from the person's point of view."""
    local_now = now.astimezone(DUTCH_TIME)
    days = (opening.date() - local_now.date()).days
    when = "vandaag" if days == 0 else "morgen" if days == 1 else _DAY_NAMES[opening.weekday()]
    return f"{when} om {opening:%H:%M} uur"
