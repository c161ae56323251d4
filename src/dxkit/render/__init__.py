"""Renderers: turn loaded data into Markdown, HTML and other formats (no printing here)."""
