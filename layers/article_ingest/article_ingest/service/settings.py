"""Configuration: the environment read once into a typed, validated settings object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from article_ingest.errors import ArticleIngestError

# Idempotency records outlive S3's redelivery window (hours) by a wide margin.
DEFAULT_IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600
DEFAULT_MAX_OBJECT_BYTES = 20_000_000


class SettingsError(ArticleIngestError):
    """Raised by Settings.from_env at cold start when a required environment variable is missing
    or malformed: the invocation fails before any record is touched, and its message names the
    variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the ingest function is configured with (see template.yaml, IngestFunction)."""

    articles_table: str
    idempotency_table: str
    topic_arn: str
    bodies_bucket: str
    bodies_prefix: str = "bodies/"
    max_object_bytes: int = DEFAULT_MAX_OBJECT_BYTES
    idempotency_ttl_seconds: int = DEFAULT_IDEMPOTENCY_TTL_SECONDS

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read and validate the environment; the message names every missing variable."""
        required = {
            "articles_table": "ARTICLES_TABLE",
            "idempotency_table": "IDEMPOTENCY_TABLE",
            "topic_arn": "ARTICLES_TOPIC_ARN",
            "bodies_bucket": "BODIES_BUCKET",
        }
        missing = [name for name in required.values() if not env.get(name)]
        if missing:
            raise SettingsError(f"missing environment variable(s): {', '.join(missing)}")
        return cls(
            **{field: env[name] for field, name in required.items()},
            bodies_prefix=env.get("BODIES_PREFIX", "bodies/"),
            max_object_bytes=_positive_int(env, "MAX_OBJECT_BYTES", DEFAULT_MAX_OBJECT_BYTES),
            idempotency_ttl_seconds=_positive_int(
                env, "IDEMPOTENCY_TTL_SECONDS", DEFAULT_IDEMPOTENCY_TTL_SECONDS
            ),
        )


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from exc
    if value <= 0:
        raise SettingsError(f"{name} must be positive, got {value}")
    return value
