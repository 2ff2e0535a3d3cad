"""What may be opened, and how big it may be, before anything decodes it.

`confined` keeps every media path inside the project's media/ folder (symbolic links resolved); `image_size` reads an
image's size from its header (PNG IHDR, JPEG SOFn, SVG viewBox or width/height) without decoding it, so an image
that would decode to more than MAX_PIXELS is refused before it costs any memory.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_SIDE = 8192
MAX_PIXELS = MAX_SIDE * MAX_SIDE  # 67 megapixels: 256 MiB decoded; a 4K screen needs 8.3
HEADER_BYTES = 64 * 1024  # how far into a JPEG its size may be (after EXIF and other segments)

_SVG_VIEWBOX = re.compile(rb'viewBox\s*=\s*["\']\s*[-+\d.eE]+[\s,]+[-+\d.eE]+[\s,]+([-+\d.eE]+)[\s,]+([-+\d.eE]+)')
_SVG_SIDE = re.compile(rb'<svg\b[^>]*?\b(width|height)\s*=\s*["\']\s*([\d.eE+]+)\s*(px)?\s*["\']', re.S)


class ImageTooLarge(ValueError):
    pass


def inside(path: Path, folder: Path) -> bool:
    """Does `path`, with every symbolic link resolved, lie inside `folder`? (A loop of links does not.)"""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def confined(folder: Path, relative: str | Path) -> Path | None:
    """`folder/relative` if it stays inside `folder` once resolved, else None (never open what is outside)."""
    path = folder / relative
    return path if inside(path, folder) else None


def image_size(path: Path, head: bytes | None = None) -> tuple[int, int] | None:
    """(width, height) from the header of a PNG, JPEG or SVG file; None if the header does not say."""
    if head is None:
        with open(path, "rb") as handle:
            head = handle.read(HEADER_BYTES)
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24 and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(head)
    if path.suffix.lower() == ".svg":
        return svg_size(head)
    return None


def svg_size(head: bytes) -> tuple[int, int] | None:
    match = _SVG_VIEWBOX.search(head)
    try:
        if match:
            return round(abs(float(match.group(1)))), round(abs(float(match.group(2))))
        sides = {name.decode(): float(value) for name, value, _ in _SVG_SIDE.findall(head)}
        if "width" in sides and "height" in sides:
            return round(sides["width"]), round(sides["height"])
    except (ValueError, OverflowError):
        return None
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and at + 9 <= len(data):
            return int.from_bytes(data[at + 7:at + 9], "big"), int.from_bytes(data[at + 5:at + 7], "big")
        if marker == 0xDA:  # the image data starts and no frame header was found
            return None
        at += 2 + length
    return None


def check_pixels(size: tuple[int, int]) -> None:
    """Raise ImageTooLarge if an image of this size would decode beyond the budget."""
    width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ImageTooLarge(f"is {width}×{height} pixels, larger than the {MAX_SIDE}×{MAX_SIDE} the kiosk decodes; "
                            f"export it smaller (the screen shows at most 3840×2160)")
