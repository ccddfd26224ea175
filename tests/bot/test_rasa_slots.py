"""The gateway's queue for Rasa instance slots: who gets a freed slot, and when."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from bot.gateway.rasa_slots import Instance, InstanceSlots, NoSlotInTimeError


async def _hold_until(
    slots: InstanceSlots,
    order: Sequence[Instance],
    done: asyncio.Event,
    got: list[str],
    label: str = "",
) -> None:
    """Hold a slot until `done`; note the instance taken (or the label) on getting it."""
    async with slots.hold(order) as instance:
        got.append(label or instance.url)
        await done.wait()


async def test_freed_slots_go_to_the_waiters_in_arrival_order() -> None:
    slots = InstanceSlots(["a"], per_instance=1, wait_s=5)
    got: list[str] = []
    releases = [asyncio.Event() for _ in range(4)]
    tasks = []
    for number, release in enumerate(releases):
        tasks.append(
            asyncio.create_task(_hold_until(slots, slots.instances, release, got, str(number)))
        )
        await asyncio.sleep(0)
    assert got == ["0"]
    for release in releases:
        release.set()
        await asyncio.sleep(0.01)
    await asyncio.gather(*tasks)
    assert got == ["0", "1", "2", "3"]
    assert slots.instances[0].in_flight == 0


async def test_a_waiter_takes_whichever_instance_frees_first() -> None:
    slots = InstanceSlots(["a", "b"], per_instance=1, wait_s=5)
    a, b = slots.instances
    hold_a, hold_b, hold_waiter = asyncio.Event(), asyncio.Event(), asyncio.Event()
    got: list[str] = []
    first = asyncio.create_task(_hold_until(slots, [a, b], hold_a, got))
    second = asyncio.create_task(_hold_until(slots, [a, b], hold_b, got))
    await asyncio.sleep(0)
    waiter = asyncio.create_task(_hold_until(slots, [a, b], hold_waiter, got))
    await asyncio.sleep(0)
    hold_b.set()  # "a" stays busy (a slow or starting instance)
    await asyncio.sleep(0.01)
    assert got == ["a", "b", "b"]
    hold_a.set()
    hold_waiter.set()
    await asyncio.gather(first, second, waiter)


async def test_a_waiter_is_not_given_an_instance_it_already_tried() -> None:
    slots = InstanceSlots(["a", "b"], per_instance=1, wait_s=5)
    a, b = slots.instances
    events = [asyncio.Event() for _ in range(4)]
    got: list[str] = []
    busy = [
        asyncio.create_task(_hold_until(slots, [x], e, got))
        for x, e in zip([a, b], events[:2], strict=True)
    ]
    await asyncio.sleep(0)
    only_a = asyncio.create_task(_hold_until(slots, [a], events[2], got))
    either = asyncio.create_task(_hold_until(slots, [b, a], events[3], got))
    await asyncio.sleep(0)
    events[1].set()  # "b" frees: the first waiter may not use it, the second takes it
    await asyncio.sleep(0.01)
    assert got == ["a", "b", "b"]
    events[0].set()
    await asyncio.sleep(0.01)
    assert got == ["a", "b", "b", "a"]
    for event in events:
        event.set()
    await asyncio.gather(*busy, only_a, either)


async def test_a_free_instance_is_taken_while_others_wait_for_another() -> None:
    # The waiters tried "b" already (it failed them); a new turn may use it.
    slots = InstanceSlots(["a", "b"], per_instance=1, wait_s=0.2)
    a, b = slots.instances
    release, waiting = asyncio.Event(), asyncio.Event()
    got: list[str] = []
    holder = asyncio.create_task(_hold_until(slots, [a], release, got))
    await asyncio.sleep(0)
    waiter = asyncio.create_task(_hold_until(slots, [a], waiting, got, "waiter"))
    await asyncio.sleep(0)
    async with slots.hold([b, a]) as instance:
        assert instance is b
    release.set()
    waiting.set()
    await asyncio.gather(holder, waiter)
    assert got == ["a", "waiter"]


async def test_a_wait_that_runs_out_leaves_the_queue_and_loses_no_slot() -> None:
    slots = InstanceSlots(["a"], per_instance=1, wait_s=0.05)
    release = asyncio.Event()
    got: list[str] = []
    holder = asyncio.create_task(_hold_until(slots, slots.instances, release, got))
    await asyncio.sleep(0)
    with pytest.raises(NoSlotInTimeError):
        async with slots.hold(slots.instances):
            pass
    release.set()
    await holder
    assert slots.instances[0].in_flight == 0
    async with slots.hold(slots.instances) as instance:  # the slot is free again
        assert instance.url == "a"


async def test_a_cancelled_waiter_loses_no_slot() -> None:
    slots = InstanceSlots(["a"], per_instance=1, wait_s=5)
    release, never = asyncio.Event(), asyncio.Event()
    got: list[str] = []
    holder = asyncio.create_task(_hold_until(slots, slots.instances, release, got))
    await asyncio.sleep(0)
    waiter = asyncio.create_task(_hold_until(slots, slots.instances, never, got))
    await asyncio.sleep(0)
    release.set()  # the slot is handed to the waiter...
    waiter.cancel()  # ...which gives up before it runs again
    await holder
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert slots.instances[0].in_flight == 0


async def test_without_a_limit_nobody_waits() -> None:
    slots = InstanceSlots(["a"], per_instance=0, wait_s=0.01)
    async with slots.hold(slots.instances), slots.hold(slots.instances):
        assert slots.instances[0].in_flight == 2


async def test_a_request_past_its_lease_lets_the_next_one_in() -> None:
    # The first request waits (a conversation lock left by a dead instance);
    # the second one need not wait behind it.
    slots = InstanceSlots(["a"], per_instance=1, wait_s=5, lease_s=0.05)
    got: list[str] = []
    first_done, second_done = asyncio.Event(), asyncio.Event()
    first = asyncio.create_task(_hold_until(slots, slots.instances, first_done, got, "first"))
    await asyncio.sleep(0)
    second = asyncio.create_task(_hold_until(slots, slots.instances, second_done, got, "second"))
    await asyncio.sleep(0.02)
    assert got == ["first"]  # within the lease the slot is the first one's
    await asyncio.sleep(0.06)
    assert got == ["first", "second"]
    second_done.set()
    first_done.set()
    await asyncio.gather(first, second)
    instance = slots.instances[0]
    assert (instance.in_flight, instance.parked) == (0, False)


async def test_only_one_request_per_instance_runs_past_its_lease_without_a_slot() -> None:
    # An instance that hangs on every request keeps the slot of the second one.
    slots = InstanceSlots(["a"], per_instance=1, wait_s=5, lease_s=0.03)
    got: list[str] = []
    done = asyncio.Event()
    tasks = []
    for label in ("first", "second", "third"):
        tasks.append(asyncio.create_task(_hold_until(slots, slots.instances, done, got, label)))
        await asyncio.sleep(0)
    await asyncio.sleep(0.2)
    assert got == ["first", "second"]
    done.set()
    await asyncio.gather(*tasks)
    assert got == ["first", "second", "third"]
    instance = slots.instances[0]
    assert (instance.in_flight, instance.parked) == (0, False)
