"""Stage 4-5 for HTML: pick the article body (readability, the page's marked container, trafilatura's
opinion when unsure), clean it, and render it as sanitized HTML and plain text."""
