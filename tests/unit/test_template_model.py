"""The local stack reads names, keys and settings from template.yaml (one source of truth)."""

from __future__ import annotations

from article_ingest.models.items import ArticleItem
from article_ingest.service.settings import Settings
from article_ingest_local.template import Template


def test_the_functions_environment_resolves_to_valid_settings() -> None:
    # Given the template's function / When its environment is resolved locally
    spec = Template.load().function()
    # Then the function's settings validate
    settings = Settings.from_env(spec.environment)
    assert settings.articles_table.endswith("articles-table")
    assert settings.topic_arn.startswith("arn:aws:sns:")


def test_the_event_source_is_a_batched_sqs_queue_with_partial_failures() -> None:
    # Given the template / Then the function consumes batches and reports item failures
    source = Template.load().function().event_source
    assert source.batch_size > 1
    assert source.report_batch_item_failures
    assert source.queue_logical_id == "IngestQueue"


def test_the_dead_letter_redrive_points_at_the_dead_letter_queue() -> None:
    # Given the ingest queue's properties / When resolved
    template = Template.load()
    redrive = template.resolve(template.of_type("AWS::SQS::Queue")["IngestQueue"]["RedrivePolicy"])
    # Then messages move to the DLQ after a few receives
    assert redrive["deadLetterTargetArn"] == template.arn("IngestDeadLetterQueue")
    assert 1 < redrive["maxReceiveCount"] <= 10


def test_every_object_created_in_the_inbox_notifies_the_queue() -> None:
    # Given the inbox notifications / Then no key filter can let a file vanish unannounced
    assert Template.load().notifies_every_object()


def test_every_data_store_outlives_the_stack() -> None:
    # Given the buckets and tables that hold documents and articles
    template = Template.load()
    stores = ["InboxBucket", "BodiesBucket", "ArticlesTable"]
    # Then deleting or replacing the stack retains them
    for name in stores:
        resource = template.resources[name]
        assert (resource.get("DeletionPolicy"), resource.get("UpdateReplacePolicy")) == (
            "Retain",
            "Retain",
        ), name


def test_the_indexes_project_only_attributes_an_item_has() -> None:
    # Given the articles table's secondary indexes / Then every projected attribute is an item field
    table = Template.load().resources["ArticlesTable"]["Properties"]
    projected = {
        name
        for index in table["GlobalSecondaryIndexes"]
        for name in index["Projection"].get("NonKeyAttributes", [])
    }
    assert projected <= set(ArticleItem.__dataclass_fields__)


def test_the_layer_claims_only_the_runtime_and_architecture_the_function_uses() -> None:
    # Given the template's layer and function defaults
    template = Template.load()
    layer = template.resources["ExtractionLayer"]["Properties"]
    function = template.body["Globals"]["Function"]
    # Then the layer's compiled code is declared for exactly that runtime and architecture
    assert layer["CompatibleRuntimes"] == [function["Runtime"]]
    assert layer["CompatibleArchitectures"] == function["Architectures"]


def test_only_the_inbox_bucket_may_send_to_the_ingest_queue() -> None:
    # Given the inbox bucket's name and the queue policy's grant to S3
    template = Template.load()
    name = template.resources["InboxBucket"]["Properties"]["BucketName"]
    (grant,) = [
        statement
        for statement in template.resources["IngestQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"]
        if statement["Effect"] == "Allow"
    ]
    # Then the grant names that bucket exactly (no wildcard), by the same expression
    source = grant["Condition"]["ArnEquals"]["aws:SourceArn"]["Fn::Join"][1]
    assert source[1] == name
    assert "*" not in str(grant["Condition"])
