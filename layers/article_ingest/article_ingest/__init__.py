"""article-ingest: extraction of clean articles and the AWS adapters around it."""

__version__ = "0.1.0"
