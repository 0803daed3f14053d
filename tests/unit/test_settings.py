"""The environment is read once into validated settings."""

from __future__ import annotations

import pytest

from article_ingest.service.settings import Settings, SettingsError

COMPLETE = {
    "ARTICLES_TABLE": "articles",
    "IDEMPOTENCY_TABLE": "idempotency",
    "ARTICLES_TOPIC_ARN": "arn:aws:sns:us-east-1:1:topic",
    "BODIES_BUCKET": "bodies",
}


def test_a_complete_environment_gives_settings_with_defaults() -> None:
    # Given the required variables / When read
    settings = Settings.from_env(COMPLETE)
    # Then optional values take their defaults
    assert settings.articles_table == "articles"
    assert settings.max_object_bytes == 20_000_000


def test_the_error_names_every_missing_variable() -> None:
    # Given an environment missing two variables / When read / Then both are named
    env = {k: v for k, v in COMPLETE.items() if k not in ("ARTICLES_TABLE", "BODIES_BUCKET")}
    with pytest.raises(SettingsError, match="ARTICLES_TABLE, BODIES_BUCKET"):
        Settings.from_env(env)


@pytest.mark.parametrize("value", ["ten", "-1", "0"])
def test_a_malformed_byte_limit_is_refused(value: str) -> None:
    # Given a bad MAX_OBJECT_BYTES / When read / Then it is refused by name
    with pytest.raises(SettingsError, match="MAX_OBJECT_BYTES"):
        Settings.from_env({**COMPLETE, "MAX_OBJECT_BYTES": value})
