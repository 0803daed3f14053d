"""Stage 3: metadata from the page's evidence (JSON-LD, meta tags, markup, URL) and language."""
