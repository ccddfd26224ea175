"""Which Rasa instance takes a request, and when: one queue for all instances.

Each instance gets at most `per_instance` requests at once. A request that
finds every instance it may use full waits in one queue, first come first
served, and takes whichever of its instances frees a slot first. A slot is
handed straight to the first waiter that may use it, so a newcomer cannot
jump the queue, and no request waits behind a slow or starting instance while
another one is free.

The limit is there for the CPU: Rasa runs the turns it holds interleaved.
A turn that takes much longer than turns do (`lease_s`) is waiting, not
computing: above all for its conversation's lock in Redis, which an
instance killed mid-turn leaves held for Rasa's lock lifetime (60 s). It
then gives its slot back while it goes on waiting, so the other
conversations do not wait behind it (the "one Rasa instance killed" drill:
19 turns found no slot within 15 s). Only one such turn per instance: an
instance that hangs on every request keeps its slot on the next one, as
before, instead of drawing a new request every `lease_s`.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass


class NoSlotInTimeError(Exception):
    """No instance had a free slot within the wait."""


@dataclass(eq=False)
class Instance:
    url: str
    # Requests of this gateway it is working on, but for a parked one.
    in_flight: int = 0
    # A request past its lease, running without a slot (at most one).
    parked: bool = False


@dataclass(eq=False)
class _Waiter:
    # The instances the request may take (not those that failed it already).
    allowed: Sequence[Instance]
    granted: asyncio.Future[Instance]


class InstanceSlots:
    def __init__(
        self, urls: Sequence[str], *, per_instance: int, wait_s: float, lease_s: float = 2.0
    ) -> None:
        """per_instance: requests one instance gets at once, 0 for no limit;
        lease_s: after that long a request's slot is free again, its request still running."""
        self.instances = [Instance(url) for url in urls]
        self._per_instance = per_instance
        self._wait_s = wait_s
        self._lease_s = lease_s
        self._waiters: deque[_Waiter] = deque()

    def _has_room(self, instance: Instance) -> bool:
        return not self._per_instance or instance.in_flight < self._per_instance

    @asynccontextmanager
    async def hold(self, order: Sequence[Instance]) -> AsyncIterator[Instance]:
        """A slot on the first instance in `order` with room, or the first one freed."""
        instance = await self._take(order)
        parked = False

        def park() -> None:
            nonlocal parked
            if not instance.parked:
                instance.parked = parked = True
                self._give_back(instance)

        lease = asyncio.get_running_loop().call_later(self._lease_s, park)
        try:
            yield instance
        finally:
            lease.cancel()
            if parked:
                instance.parked = False
            else:
                self._give_back(instance)

    async def _take(self, order: Sequence[Instance]) -> Instance:
        # A slot is only ever free on an instance no waiter may use (_give_back
        # hands each freed one on), so taking it jumps nobody's turn.
        for instance in order:
            if self._has_room(instance):
                instance.in_flight += 1
                return instance
        waiter = _Waiter(order, asyncio.get_running_loop().create_future())
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(self._wait_s):
                # Shielded: only _give_back settles it, so "granted" is never lost.
                return await asyncio.shield(waiter.granted)
        except BaseException as error:
            self._leave(waiter)
            if isinstance(error, TimeoutError):
                raise NoSlotInTimeError from error
            raise

    def _leave(self, waiter: _Waiter) -> None:
        """Out of the queue; a slot granted just as the wait ended goes on."""
        if waiter in self._waiters:
            self._waiters.remove(waiter)
        else:
            self._give_back(waiter.granted.result())

    def _give_back(self, instance: Instance) -> None:
        instance.in_flight -= 1
        for waiter in self._waiters:
            if instance in waiter.allowed:
                self._waiters.remove(waiter)
                instance.in_flight += 1
                waiter.granted.set_result(instance)
                return
