"""The typed values that cross the boundaries between the service and the AWS adapters: the
object reference an event announces, the DynamoDB item, the SNS notice, the outcome of one
object. Dependencies run handler -> service -> adapters (aws/) -> models and extraction; nothing
here imports the service or the adapters (tests/unit/test_layering.py keeps it so)."""
