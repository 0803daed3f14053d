"""The local stack reads names, keys and settings from template.yaml (one source of truth)."""

from __future__ import annotations

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
