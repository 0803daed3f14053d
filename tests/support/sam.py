"""template.yaml as CloudFormation: translated offline by aws-sam-translator, as `sam deploy` would."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
PACKAGED_CODE = "s3://packaged-code/article-ingest.zip"  # what `sam package` puts in CodeUri


class _NoManagedPolicies:
    """The translator's managed-policy lookup, offline: the template names no managed policy."""

    def load(self) -> dict[str, str]:
        return {}


def sam_document(path: Path = TEMPLATE) -> dict[str, Any]:
    """The template as written (SAM), with CloudFormation's short tags as dicts."""
    document: dict[str, Any] = yaml_parse(path.read_text(encoding="utf-8"))
    return document


def translate(path: Path = TEMPLATE) -> dict[str, Any]:
    """The CloudFormation template SAM turns the template into (code URIs as after packaging)."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # the translator names ARNs by region
    document = sam_document(path)
    for resource in document["Resources"].values():
        for uri in ("CodeUri", "ContentUri"):
            if uri in resource.get("Properties", {}):
                resource["Properties"][uri] = PACKAGED_CODE
    translated: dict[str, Any] = transform(document, {}, _NoManagedPolicies())
    return translated


def of_type(template: dict[str, Any], resource_type: str) -> dict[str, dict[str, Any]]:
    """Logical id -> resource, for every resource of one type."""
    return {
        logical: resource
        for logical, resource in template["Resources"].items()
        if resource.get("Type") == resource_type
    }


def render(value: Any) -> str:
    """An intrinsic as a readable string: {"Fn::GetAtt": ["Bucket", "Arn"]} -> "Bucket.Arn"."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        ((name, argument),) = value.items()
        if name == "Ref":
            return str(argument)
        if name == "Fn::GetAtt":
            return ".".join(argument) if isinstance(argument, list) else str(argument)
        if name == "Fn::Sub":
            text = argument if isinstance(argument, str) else argument[0]
            return text.replace("${", "").replace("}", "")
    raise ValueError(f"cannot render {value!r}")
