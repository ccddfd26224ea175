"""Privacy in the widget: the notice up front; forget_me erases everything (database checks)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from bot.console.models import AuditEntry, ConsoleBase
from scripts.stack import Stack
from tests.browser.test_widget import WARMTEPOMP, open_widget, say, sender_id, wait_idle

pytestmark = pytest.mark.slow


def test_notice_is_shown_before_the_first_message(page: Page, host_site: Any, stack: Stack) -> None:
    root = open_widget(page, host_site[1])
    expect(root.locator(".privacy")).to_contain_text("Nieuw gesprek")


def test_forget_me_erases_the_conversation_everywhere(
    page: Page, host_site: Any, stack: Stack
) -> None:
    root = open_widget(page, host_site[1])
    say(root, "ik woon in Tilburg en ik ben 45")
    wait_idle(root)
    say(root, WARMTEPOMP)
    expect(root.locator(".card").first).to_be_visible(timeout=30_000)
    wait_idle(root)
    first = sender_id(page)
    say(root, "verwijder mijn gegevens")
    confirm = root.get_by_role("button", name="Ja, wis alles")
    expect(confirm).to_be_visible(timeout=30_000)
    confirm.click()
    expect(root.locator(".msg.bot").last).to_contain_text("gewist")
    # The page forgot too: a new conversation with a new id, nothing of the old one shown.
    expect(root.locator(".card")).to_have_count(0)
    assert sender_id(page) != first

    tracker = create_engine(f"sqlite:///{stack.config.data_dir / 'tracker.db'}")
    with tracker.connect() as connection:
        events = connection.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": first}
        ).scalar_one()
    tracker.dispose()
    assert events == 0
    app = create_engine(f"sqlite:///{stack.config.data_dir / 'app.db'}")
    with Session(app) as session:
        for table in ConsoleBase.metadata.sorted_tables:
            if "sender_id" in table.c and table.name != "audit_log":
                count = session.execute(
                    select(func.count()).select_from(table).where(table.c.sender_id == first)
                ).scalar_one()
                assert count == 0, table.name
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.sender_id == first)
        ).all()
        assert actions == ["erased"]
    app.dispose()
