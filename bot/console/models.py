"""App data of the console, in its own database (the catalogue file is rebuilt at will).

The schema itself lives in Alembic (migrations/), like the catalogue's.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

Role = Literal["counsellor", "admin"]
ROLES: tuple[Role, ...] = ("counsellor", "admin")


class ConsoleBase(DeclarativeBase):
    pass


class Organisation(ConsoleBase):
    """A college or leerwerkloket; counsellors see only their own organisation's clients."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Labour-market regions served, comma-separated: conversations are routed by place.
    regions: Mapped[str] = mapped_column(Text, default="")

    @property
    def region_names(self) -> list[str]:
        return [r.strip() for r in self.regions.split(",") if r.strip()]


class Account(ConsoleBase):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    # argon2id encoded hash: algorithm, parameters and salt travel with it.
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    organisation: Mapped[Organisation] = relationship()


class LoginSession(ConsoleBase):
    """A signed-in browser. Only a hash of the cookie's token is stored."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    account: Mapped[Account] = relationship()


class AuditEntry(ConsoleBase):
    """Who did what, when; never the content of a conversation."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    action: Mapped[str] = mapped_column(String(40))
    sender_id: Mapped[str | None] = mapped_column(String(128), index=True)


HandoffStatus = Literal["queued", "assigned", "closed"]


class Handoff(ConsoleBase):
    """A conversation waiting for, or with, a counsellor of one organisation."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket: Mapped[str] = mapped_column(String(20), unique=True)
    sender_id: Mapped[str] = mapped_column(String(128), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    channel: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    contact_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    contact: Mapped[str | None] = mapped_column(String(254))

    organisation: Mapped[Organisation] = relationship()
    account: Mapped[Account | None] = relationship()


class ConsoleMessage(ConsoleBase):
    """A message of the taken-over part of a conversation (Rasa does not see it)."""

    __tablename__ = "console_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(128), index=True)
    role: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AssistedSession(ConsoleBase):
    """A conversation a counsellor started with a client next to them or on the phone."""

    __tablename__ = "assisted_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(128), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    code: Mapped[str | None] = mapped_column(String(12), unique=True)
    code_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Note(ConsoleBase):
    """A counsellor's note on a conversation (erased with it)."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(128), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    account: Mapped[Account | None] = relationship()


class ChannelAddress(ConsoleBase):
    """A Telegram chat id for a conversation, so a counsellor's reply reaches it."""

    __tablename__ = "channel_addresses"

    sender_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
