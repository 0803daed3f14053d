"""Finding one item by its id or by the start of it, as `show` is given either."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from article_ingest.models.items import ArticleItem
from article_ingest_local.errors import UserError

ID_CHARS = 32  # an article id's length (models/items.article_id): anything shorter is a prefix


class ItemStore(Protocol):
    """What the lookup reads (ArticleStore)."""

    def scan(self) -> Iterable[ArticleItem]: ...

    def get(self, article_id: str) -> ArticleItem | None: ...


class ItemNotFoundError(UserError):
    """Raised by `find_item` when no item, or more than one, answers to the id or prefix."""


def find_item(store: ItemStore, id_or_prefix: str) -> ArticleItem:
    """The item with this id, or the only one whose id starts with this prefix."""
    article_id = id_or_prefix
    if len(id_or_prefix) < ID_CHARS:
        matches = [item.id for item in store.scan() if item.id.startswith(id_or_prefix)]
        if len(matches) != 1:
            raise ItemNotFoundError(f"{len(matches)} items match {id_or_prefix!r}")
        article_id = matches[0]
    item = store.get(article_id)
    if item is None:
        raise ItemNotFoundError(f"no article {article_id}")
    return item
