"""Quality and speed benchmarks of article-ingest against its peers."""
