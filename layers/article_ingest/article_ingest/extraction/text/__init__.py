"""The plain-text path: text saved from a page, its headline, byline and article lines."""
