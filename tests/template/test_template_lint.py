"""template.yaml passes cfn-lint, both as SAM and as the CloudFormation SAM translates it into."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

from article_ingest_local.template import Template

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"


def _cfn_lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), "--format", "parseable", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_sam_template_has_no_cfn_lint_findings() -> None:
    # Given the template / When cfn-lint reads it / Then it reports nothing
    result = _cfn_lint(TEMPLATE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_translated_cloudformation_has_no_cfn_lint_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the template translated offline by aws-sam-translator (it wants a region to name ARNs)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")

    class _Plugins:  # no managed policy lookups: the template names no managed policies by ARN
        def load(self) -> dict[str, str]:
            return {}

    document = yaml_parse(TEMPLATE.read_text())
    for resource in document["Resources"].values():  # as `sam package` would after uploading code
        for uri in ("CodeUri", "ContentUri"):
            if uri in resource.get("Properties", {}):
                resource["Properties"][uri] = "s3://packaged-code/article-ingest.zip"
    translated = transform(document, {}, _Plugins())
    out = tmp_path / "translated.json"
    out.write_text(json.dumps(translated))
    # When cfn-lint reads it / Then it reports nothing
    result = _cfn_lint(out)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "resource_type", ["AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::DynamoDB::Table", "AWS::SNS::Topic"]
)
def test_every_data_resource_is_encrypted_at_rest(resource_type: str) -> None:
    # Given the template's resources of one type / Then each declares encryption at rest
    keys = {
        "AWS::S3::Bucket": "BucketEncryption",
        "AWS::SQS::Queue": "SqsManagedSseEnabled",
        "AWS::DynamoDB::Table": "SSESpecification",
        "AWS::SNS::Topic": "KmsMasterKeyId",
    }
    resources = Template.load(TEMPLATE).of_type(resource_type)
    assert resources
    for logical, props in resources.items():
        assert keys[resource_type] in props, logical
