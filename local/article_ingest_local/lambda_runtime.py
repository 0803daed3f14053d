"""Runs the function's handler in process the way Lambda would: its code, environment and context."""

from __future__ import annotations

import importlib.util
import os
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from article_ingest_local.template import LOCAL_ACCOUNT, LOCAL_REGION, FunctionSpec

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@dataclass
class LocalLambdaContext:
    """The attributes of Lambda's context object that Powertools reads."""

    function_name: str
    memory_limit_in_mb: int
    timeout_seconds: int
    function_version: str = "$LATEST"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = "/aws/lambda/local"
    log_stream_name: str = "local"
    started: float = field(default_factory=time.monotonic)

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:{LOCAL_REGION}:{LOCAL_ACCOUNT}:function:{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        elapsed = time.monotonic() - self.started
        return max(0, int((self.timeout_seconds - elapsed) * 1000))


def load_handler(spec: FunctionSpec, extra_env: dict[str, str]) -> Handler:
    """Import the handler module from its CodeUri with the function's environment set."""
    os.environ.update({**spec.environment, **extra_env})
    module_name, _, function_name = spec.handler.rpartition(".")
    path = spec.code_dir / f"{module_name.replace('.', '/')}.py"
    module_spec = importlib.util.spec_from_file_location(f"local_lambda_{module_name}", path)
    if module_spec is None or module_spec.loader is None:
        raise ImportError(f"cannot load handler from {path}")
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_spec.name] = module
    module_spec.loader.exec_module(module)
    handler: Handler = getattr(module, function_name)
    return handler


def new_context(spec: FunctionSpec, function_name: str) -> LocalLambdaContext:
    """A fresh context for one invocation."""
    return LocalLambdaContext(
        function_name=function_name, memory_limit_in_mb=spec.memory_mb, timeout_seconds=spec.timeout_seconds
    )
