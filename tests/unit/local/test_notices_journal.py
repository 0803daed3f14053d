"""`notices --follow` prints the notices received so far, then each new one as it arrives."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import boto3
from botocore.stub import Stubber

from article_ingest_local.notices_journal import FOLLOW_WAIT_SECONDS, NoticeJournal

QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/local-5000-watch"
OLD = {"type": "article.stored", "article_id": "old"}
NEW = {"type": "article.rejected", "article_id": "new"}


def _receive(wait_seconds: int) -> dict[str, object]:
    return {
        "QueueUrl": QUEUE_URL,
        "MaxNumberOfMessages": 10,
        "WaitTimeSeconds": wait_seconds,
        "MessageAttributeNames": ["All"],
    }


def test_following_gives_the_journal_first_then_what_a_long_poll_brings(tmp_path: Path) -> None:
    # Given a journal holding one notice, and a watch queue where one more arrives
    sqs = boto3.client("sqs", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")
    journal = NoticeJournal(sqs, QUEUE_URL, tmp_path)
    journal.path.write_text(json.dumps(OLD) + "\n")
    with Stubber(sqs) as stub:
        message = {"MessageId": "m1", "ReceiptHandle": "r1", "Body": json.dumps(NEW)}
        stub.add_response("receive_message", {"Messages": [message]}, _receive(FOLLOW_WAIT_SECONDS))
        stub.add_response(
            "delete_message_batch",
            {"Successful": [{"Id": "0"}], "Failed": []},
            {"QueueUrl": QUEUE_URL, "Entries": [{"Id": "0", "ReceiptHandle": "r1"}]},
        )
        stub.add_response("receive_message", {}, _receive(0))
        # When followed for two notices
        followed = list(islice(journal.follow(), 2))
        # Then the journaled one comes first, the new one after a long poll, and both are kept
        stub.assert_no_pending_responses()
    assert followed == [OLD, NEW]
    assert journal.read() == [OLD, NEW]
