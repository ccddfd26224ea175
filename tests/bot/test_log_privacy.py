"""The gateway's access log keeps neither client addresses nor conversation ids."""

from __future__ import annotations

import logging

from bot.gateway.log_privacy import AccessLogPrivacy


def access_record(path: str) -> logging.LogRecord:
    return logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1,
        '%s - "%s %s HTTP/%s" %d', ("203.0.113.7:5123", "GET", path, "1.1", 200), None,
    )  # fmt: skip


def test_ids_and_addresses_are_masked() -> None:
    privacy = AccessLogPrivacy()
    for path, shown in [
        ("/api/conversations/web-1234abcd/messages", "/api/conversations/…/messages"),
        ("/console/api/conversations/tg-99ff/take", "/console/api/conversations/…/take"),
        ("/c/K7M2PQ", "/c/…"),
        ("/api/courses?q=zorg", "/api/courses?q=zorg"),
    ]:
        record = access_record(path)
        assert privacy.filter(record)
        line = record.getMessage()
        assert "203.0.113.7" not in line
        assert shown in line
