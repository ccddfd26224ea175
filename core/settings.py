"""One validated settings object for the app runtime (gateway, actions, catalogue).

Values come from environment variables prefixed ``LEERWIJZER_`` (or a ``.env``
file); see ``.env.example`` for every key.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEERWIJZER_", env_file=".env", extra="ignore")

    data_dir: Path = PROJECT_ROOT / "var"
    # Empty means the embedded default: a SQLite file in data_dir.
    database_url: str = ""

    rasa_url: str = "http://127.0.0.1:5005"
    action_server_url: str = "http://127.0.0.1:5055"

    # Every outbound call has a deadline so that a dead dependency turns into
    # a 503 within seconds instead of a hanging request.
    connect_timeout_s: float = 2.0
    rasa_timeout_s: float = 15.0
    health_timeout_s: float = 2.0

    max_message_chars: int = 2000
    public_url: str = "http://127.0.0.1:8000"

    @model_validator(mode="after")
    def _default_to_embedded_sqlite(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'catalogue.db'}"
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
