"""MkDocs hooks for the guidebook: the same offline machinery ``dxkit site`` uses."""

from dxkit.render.site_hooks import on_post_build, on_post_page  # noqa: F401
