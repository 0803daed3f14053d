"""The pure extraction core: `extract(bytes) -> Article`, no AWS."""

from article_ingest.extraction.errors import RejectedDocumentError, RejectionReason
from article_ingest.extraction.models import Article, ExtractionLimits
from article_ingest.extraction.pipeline import EXTRACTOR, extract

__all__ = ["EXTRACTOR", "Article", "ExtractionLimits", "RejectedDocumentError", "RejectionReason", "extract"]
