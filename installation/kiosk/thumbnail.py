"""A small picture of the screen for the fleet console, made in memory (never a file): JPEG, at most `width` px
wide and LIMIT bytes, sent back over the kiosk's own OSC connection (docs/fleet.md)."""

from __future__ import annotations

import io

import pygame

LIMIT = 100_000  # bytes: a blob this size travels in one OSC reply (the console's SLIP frames allow 1 MB)
WIDEST = 640
NARROWEST = 16


def thumbnail(surface: pygame.Surface, width: int, limit: int = LIMIT) -> bytes:
    """The surface scaled to `width` px (never wider than it is) as JPEG, halved again until it fits `limit`."""
    width = max(NARROWEST, min(width, surface.get_width()))
    while True:
        height = max(1, round(surface.get_height() * width / surface.get_width()))
        small = pygame.transform.smoothscale(surface, (width, height))
        out = io.BytesIO()
        pygame.image.save(small, out, "thumbnail.jpg")
        data = out.getvalue()
        if len(data) <= limit or width <= NARROWEST:
            return data
        width //= 2
