"""One validated settings object for the app runtime (gateway, actions, catalogue).

Values come from environment variables prefixed ``LEERWIJZER_`` (or a ``.env``
file); see ``.env.example`` for every key.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.console.office_hours import OfficeHours

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SECRET_FILE_NAME = "secret.key"  # noqa: S105 - a file name, not a secret


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEERWIJZER_", env_file=".env", extra="ignore")

    data_dir: Path = PROJECT_ROOT / "var"
    # Empty means the embedded default: a SQLite file in data_dir.
    database_url: str = ""
    # Rasa's tracker store, which erasure deletes from. Empty: data_dir/tracker.db.
    tracker_database_url: str = ""
    # The console's accounts, audit log and (later) handoffs and plans. Its own
    # database because the catalogue file is rebuilt at will. Empty: data_dir/app.db.
    app_database_url: str = ""
    # When counsellors answer handoffs, Dutch time ("ma-vr 09:00-17:00"); outside
    # these hours the bot says when an answer comes and asks for a phone or e-mail.
    office_hours: str = "ma-vr 09:00-17:00"
    # Conversations untouched for this many days are erased by `make purge`
    # (python -m bot.console.cli purge), which a daily cron job should run.
    retention_days: int = Field(default=90, ge=1, le=3650)
    # Console cookies are Secure (HTTPS only); browsers treat http://127.0.0.1 as secure too.
    console_cookie_secure: bool = True

    rasa_url: str = "http://127.0.0.1:5005"
    # Several Rasa instances (production, with the Redis lock store), comma-
    # separated; empty means the one at rasa_url.
    rasa_urls: str = ""
    action_server_url: str = "http://127.0.0.1:5055"
    # Requests one Rasa instance gets from this gateway at once; the rest wait
    # in the gateway, first come first served (bot/gateway/rasa_client.py says
    # why). 0: no limit.
    rasa_turns_in_flight: int = Field(default=1, ge=0)
    # A turn still running after this long gives its slot back and goes on
    # (bot/gateway/rasa_slots.py says why). Under `make load`, p99 is 0.2-0.4 s.
    rasa_slot_lease_s: float = Field(default=2.0, gt=0)

    # Every outbound call has a deadline so that a dead dependency turns into
    # a 503 within seconds instead of a hanging request.
    connect_timeout_s: float = 2.0
    rasa_timeout_s: float = 15.0
    health_timeout_s: float = 2.0

    max_message_chars: int = 2000
    # Where people reach the gateway (the Telegram webhook URL is built from it).
    public_url: str = "http://127.0.0.1:8000"
    # Where the Telegram adapter in polling mode reaches the gateway.
    gateway_url: str = "http://127.0.0.1:8000"

    # Signs derived ids (Telegram sender ids). Empty: a random key is created
    # once in data_dir, so every process of one installation shares it.
    secret_key: SecretStr = SecretStr("")

    # Websites allowed to embed the chat widget (CORS), comma-separated
    # origins such as "https://www.roc.nl,https://leerwerkloket.nl". Empty:
    # only pages served by the gateway itself.
    widget_allowed_origins: str = ""

    # Telegram: the adapter runs only when a token is set.
    telegram_token: SecretStr | None = None
    # polling: a separate process asks Telegram for updates (no public URL
    # needed). webhook: Telegram posts updates to the gateway at public_url.
    telegram_mode: Literal["polling", "webhook"] = "polling"
    # Telegram sends it in X-Telegram-Bot-Api-Secret-Token; required for webhook mode.
    telegram_webhook_secret: SecretStr | None = None
    # The Bot API base URL; tests point it at a local fake server.
    telegram_api_url: str = "https://api.telegram.org/bot"

    @model_validator(mode="after")
    def _default_to_embedded_files(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'catalogue.db'}"
        if not self.tracker_database_url:
            self.tracker_database_url = f"sqlite:///{self.data_dir / 'tracker.db'}"
        if not self.app_database_url:
            self.app_database_url = f"sqlite:///{self.data_dir / 'app.db'}"
        return self

    @field_validator("telegram_token", "telegram_webhook_secret", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # `LEERWIJZER_TELEGRAM_TOKEN=` in a copied .env.example means "no Telegram".
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("office_hours")
    @classmethod
    def _office_hours_parse(cls, value: str) -> str:
        OfficeHours.parse(value)
        return value

    @property
    def rasa_instances(self) -> list[str]:
        listed = [u.strip() for u in self.rasa_urls.split(",") if u.strip()]
        return listed or [self.rasa_url]

    @property
    def allowed_origins(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.widget_allowed_origins.split(",") if o.strip()]

    def secret(self) -> str:
        """The configured secret, or the installation's own from data_dir (made once)."""
        configured = self.secret_key.get_secret_value()
        if configured:
            return configured
        path = self.data_dir / SECRET_FILE_NAME
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            candidate = secrets.token_hex(32)
            try:
                # Exclusive create: two processes starting at once keep one key.
                with path.open("x") as handle:
                    handle.write(candidate)
                path.chmod(0o600)
            except FileExistsError:
                pass
        return path.read_text().strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
