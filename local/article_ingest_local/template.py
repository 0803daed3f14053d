"""Reads template.yaml, the one source of names, keys and settings, and resolves it locally.

Only what the local stack needs is interpreted: resource properties of buckets, queues, tables
and topics, the function's environment, handler and SQS event source, and the Outputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from article_ingest.errors import ArticleIngestError

LOCAL_ACCOUNT = "123456789012"  # moto's default account
LOCAL_REGION = "us-east-1"
LOCAL_STACK_NAME = "article-ingest-local"
FUNCTION_TYPE = "AWS::Serverless::Function"


class TemplateError(ArticleIngestError):
    """Raised by Template (load, physical names, !Ref/!GetAtt resolution, the function's spec)
    when template.yaml is missing or uses something the local stack cannot resolve."""


class _CfnLoader(yaml.SafeLoader):
    """YAML loader that turns CloudFormation short tags (!Ref, !GetAtt, !Sub...) into dicts."""


def _construct_tag(loader: _CfnLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if tag_suffix == "Ref":
        return {"Ref": value}
    if tag_suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{tag_suffix}": value}


_CfnLoader.add_multi_constructor("!", _construct_tag)


def find_template(start: Path | None = None) -> Path:
    """template.yaml in the working directory or above, else the one beside this package's repo."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "template.yaml"
        if candidate.is_file():
            return candidate
    bundled = Path(__file__).resolve().parents[2] / "template.yaml"
    if bundled.is_file():
        return bundled
    raise TemplateError("template.yaml not found (run from the project, or pass --template)")


def kebab(name: str) -> str:
    """InboxBucket -> inbox-bucket."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


@dataclass(frozen=True, slots=True)
class EventSource:
    """The function's SQS event source mapping, as Lambda would run it."""

    queue_logical_id: str
    batch_size: int
    batching_window_seconds: int
    report_batch_item_failures: bool
    maximum_concurrency: int


@dataclass(frozen=True, slots=True)
class FunctionSpec:
    """What is needed to run the function in process: code, handler, environment, event source."""

    logical_id: str
    code_dir: Path
    handler: str
    timeout_seconds: int
    memory_mb: int
    environment: dict[str, str]
    event_source: EventSource


class Template:
    """A parsed SAM template with a resolver for local physical names."""

    def __init__(self, path: Path, stack_name: str = LOCAL_STACK_NAME) -> None:
        self.path = path
        self.root = path.parent
        self.stack_name = stack_name
        with path.open(encoding="utf-8") as handle:
            self.body: dict[str, Any] = yaml.load(handle, Loader=_CfnLoader)  # noqa: S506 - SafeLoader subclass
        self.resources: dict[str, dict[str, Any]] = self.body.get("Resources", {})

    @classmethod
    def load(cls, path: Path | None = None, stack_name: str = LOCAL_STACK_NAME) -> Template:
        return cls(path or find_template(), stack_name)

    def of_type(self, resource_type: str) -> dict[str, dict[str, Any]]:
        """Logical id -> properties of every resource of one type."""
        return {
            logical: resource.get("Properties", {})
            for logical, resource in self.resources.items()
            if resource.get("Type") == resource_type
        }

    # ------------------------------------------------------------ local names
    def physical_name(self, logical_id: str) -> str:
        """The local name of a resource: deterministic, so every command finds the same stack."""
        return f"{self.stack_name}-{kebab(logical_id)}"

    def arn(self, logical_id: str) -> str:
        resource_type = self.resources[logical_id]["Type"]
        name = self.physical_name(logical_id)
        service = {"AWS::S3::Bucket": "s3", "AWS::SQS::Queue": "sqs", "AWS::SNS::Topic": "sns"}.get(
            resource_type
        )
        if service == "s3":
            return f"arn:aws:s3:::{name}"
        if service in ("sqs", "sns"):
            return f"arn:aws:{service}:{LOCAL_REGION}:{LOCAL_ACCOUNT}:{name}"
        if resource_type == "AWS::DynamoDB::Table":
            return f"arn:aws:dynamodb:{LOCAL_REGION}:{LOCAL_ACCOUNT}:table/{name}"
        raise TemplateError(f"no local ARN for {logical_id} ({resource_type})")

    def ref(self, logical_id: str, queue_url_base: str) -> str:
        """What !Ref returns for a resource or parameter, as CloudFormation would."""
        if logical_id in self.body.get("Parameters", {}):
            return str(self.body["Parameters"][logical_id].get("Default", ""))
        pseudo = {
            "AWS::AccountId": LOCAL_ACCOUNT,
            "AWS::Region": LOCAL_REGION,
            "AWS::Partition": "aws",
            "AWS::StackName": self.stack_name,
            # CloudFormation's form, with a fixed local id
            "AWS::StackId": f"arn:aws:cloudformation:{LOCAL_REGION}:{LOCAL_ACCOUNT}"
            f":stack/{self.stack_name}/local",
        }
        if logical_id in pseudo:
            return pseudo[logical_id]
        resource_type = self.resources.get(logical_id, {}).get("Type")
        if resource_type == "AWS::SNS::Topic":
            return self.arn(logical_id)
        if resource_type == "AWS::SQS::Queue":
            return f"{queue_url_base}/{LOCAL_ACCOUNT}/{self.physical_name(logical_id)}"
        if resource_type is None:
            raise TemplateError(f"!Ref to unknown {logical_id}")
        return self.physical_name(logical_id)

    def resolve(self, value: Any, queue_url_base: str = "") -> Any:  # noqa: PLR0911 - one per function
        """Evaluate the intrinsic functions the local stack needs: Ref, GetAtt, Sub, Join, Select,
        Split."""
        if isinstance(value, list):
            return [self.resolve(item, queue_url_base) for item in value]
        if not isinstance(value, dict):
            return value
        if "Ref" in value:
            return self.ref(value["Ref"], queue_url_base)
        if "Fn::GetAtt" in value:
            logical_id, attribute = value["Fn::GetAtt"]
            if attribute == "Arn":
                return self.arn(logical_id)
            if attribute in ("QueueName", "TopicName"):
                return self.physical_name(logical_id)
            raise TemplateError(f"unsupported GetAtt {logical_id}.{attribute}")
        if "Fn::Sub" in value:
            text = value["Fn::Sub"]

            def substitute(match: re.Match[str]) -> str:
                name, _, attribute = match.group(1).partition(".")
                if attribute:
                    return str(self.resolve({"Fn::GetAtt": [name, attribute]}, queue_url_base))
                return self.ref(name, queue_url_base)

            return re.sub(r"\$\{([^}]+)\}", substitute, text)
        if "Fn::Join" in value:
            separator, parts = value["Fn::Join"]
            return str(separator).join(str(part) for part in self.resolve(parts, queue_url_base))
        if "Fn::Split" in value:
            separator, text = value["Fn::Split"]
            return str(self.resolve(text, queue_url_base)).split(separator)
        if "Fn::Select" in value:
            index, items = value["Fn::Select"]
            return self.resolve(items, queue_url_base)[int(index)]
        return {key: self.resolve(item, queue_url_base) for key, item in value.items()}

    def notifies_every_object(self) -> bool:
        """Whether every bucket that notifies the queue does so for every object (no key filter)."""
        configs = [
            config
            for props in self.of_type("AWS::S3::Bucket").values()
            for config in props.get("NotificationConfiguration", {}).get("QueueConfigurations", [])
        ]
        return bool(configs) and not any(config.get("Filter") for config in configs)

    # ------------------------------------------------------------ the function
    def function(self, logical_id: str | None = None) -> FunctionSpec:
        """The (only, or named) function, with Globals merged in and its environment resolved."""
        functions = self.of_type(FUNCTION_TYPE)
        if not functions:
            raise TemplateError("no AWS::Serverless::Function in the template")
        logical_id = logical_id or next(iter(functions))
        props = functions[logical_id]
        defaults = self.body.get("Globals", {}).get("Function", {})
        env_raw = {
            **defaults.get("Environment", {}).get("Variables", {}),
            **props.get("Environment", {}).get("Variables", {}),
        }
        sqs_events = [e["Properties"] for e in props.get("Events", {}).values() if e.get("Type") == "SQS"]
        if not sqs_events:
            raise TemplateError(f"{logical_id} has no SQS event source")
        source = sqs_events[0]
        return FunctionSpec(
            logical_id=logical_id,
            code_dir=self.root / props["CodeUri"],
            handler=props.get("Handler", defaults.get("Handler", "")),
            timeout_seconds=int(props.get("Timeout", defaults.get("Timeout", 3))),
            memory_mb=int(props.get("MemorySize", defaults.get("MemorySize", 128))),
            environment={name: str(self.resolve(value)) for name, value in env_raw.items()},
            event_source=EventSource(
                queue_logical_id=source["Queue"]["Fn::GetAtt"][0],
                batch_size=int(source.get("BatchSize", 10)),
                batching_window_seconds=int(source.get("MaximumBatchingWindowInSeconds", 0)),
                report_batch_item_failures="ReportBatchItemFailures"
                in source.get("FunctionResponseTypes", []),
                maximum_concurrency=int(
                    self.resolve(source.get("ScalingConfig", {}).get("MaximumConcurrency", 2))
                ),
            ),
        )

    def outputs(self, queue_url_base: str) -> dict[str, str]:
        """The stack outputs, resolved to local names (the same keys a deployed stack has)."""
        return {
            name: str(self.resolve(output["Value"], queue_url_base))
            for name, output in self.body.get("Outputs", {}).items()
        }
