"""Calendar arithmetic the rules need: months, month ends and ages."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

# The schemes are Dutch: "today" is the date in the Netherlands, not on the server.
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")


def today_in_nl() -> dt.date:
    return dt.datetime.now(DUTCH_TIME).date()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; a day the month lacks becomes its last day.

    So 31 August + 1 month is 30 September, and someone born on 29 February
    reaches an age on 28 February in a year without 29 February.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def end_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def reaches_age_on(birth_date: dt.date, *, years: int, months: int = 0) -> dt.date:
    """The day someone born on ``birth_date`` is ``years`` years and ``months`` months old."""
    return add_months(birth_date, years * 12 + months)


def full_years(birth_date: dt.date, on: dt.date) -> int:
    """Age in whole years on a date (the usual way to say how old someone is)."""
    years = on.year - birth_date.year
    if reaches_age_on(birth_date, years=years) > on:
        years -= 1
    return years
