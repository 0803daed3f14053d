"""The function's one Tracer, shared by the handler and the service's methods.

Powertools' Tracer instances share one configuration, but each new instance patches the modules
it is given, and every X-Ray-supported library when given none. Creating the Tracer here, once,
lets the service decorate its methods at import while only botocore is patched.
"""

from __future__ import annotations

from aws_lambda_powertools import Tracer

# The function's only outbound calls go through botocore: patching just it (not X-Ray's whole
# list: httplib, requests, sqlite3...) keeps every AWS call traced and saves cold-start time.
TRACED_MODULES = ("botocore",)

tracer = Tracer(patch_modules=TRACED_MODULES)
