"""The documented JSON Schemas match what the code writes (no drift between docs and code)."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from article_ingest.errors import RejectionReason
from article_ingest.extraction import Article
from article_ingest.extraction.metadata.sources import Source
from article_ingest.models.items import SourceFacts, rejected_item, stored_item
from article_ingest.models.notices import notice_for
from article_ingest.models.refs import ObjectRef

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
FACTS = SourceFacts(ref=ObjectRef(bucket="inbox", key="a.html", version_id="v", etag="e"), order_key="t:1")
ARTICLE = Article(
    title="Title",
    text="Body text",
    html="<p>Body text</p>",
    authors=("Ada",),
    language="en",
    site_name="Site",
)


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / name).read_text()))


def test_stored_and_rejected_items_match_the_item_schema() -> None:
    # Given one item of each status / Then both validate
    validator = _validator("article-item.schema.json")
    for item in (
        stored_item(FACTS, ARTICLE),
        rejected_item(FACTS, RejectionReason.EMPTY, "no content", "x/1"),
    ):
        validator.validate(item.to_attributes())


def test_stored_and_rejected_notices_match_the_notice_schema() -> None:
    # Given one notice of each type / Then both validate
    validator = _validator("notice.schema.json")
    for item in (stored_item(FACTS, ARTICLE), rejected_item(FACTS, RejectionReason.BINARY, "PNG", "x/1")):
        validator.validate(json.loads(notice_for(item, table="articles").to_json()))


def test_the_item_schema_names_every_item_attribute() -> None:
    # Given the item model's fields / Then each is documented in the schema
    documented = set(json.loads((SCHEMAS / "article-item.schema.json").read_text())["properties"])
    attributes = set(stored_item(FACTS, ARTICLE).__dataclass_fields__)
    assert attributes <= documented


def _documented_reasons(schema: str) -> set[str]:
    description = json.loads((SCHEMAS / schema).read_text())["properties"]["reason"]["description"]
    return {code.strip() for code in description.split(":", 1)[1].split("|")}


def test_the_schemas_list_exactly_the_rejection_reasons_the_code_can_write() -> None:
    # Given the one enum of reasons / When each schema's list of reason codes is read
    codes = {reason.value for reason in RejectionReason}
    # Then neither documents a code the code lacks, nor misses one it writes
    assert _documented_reasons("article-item.schema.json") == codes
    assert _documented_reasons("notice.schema.json") == codes


def test_the_item_schema_lists_exactly_the_metadata_sources_the_code_can_write() -> None:
    # Given the one vocabulary of sources / When the item schema's list of source values is read
    sources = json.loads((SCHEMAS / "article-item.schema.json").read_text())["properties"]["sources"]
    # Then it is that vocabulary, no more and no less
    assert set(sources["additionalProperties"]["enum"]) == {source.value for source in Source}
