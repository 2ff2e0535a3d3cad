"""Probes of media files that need nothing but the file: can it be decoded, does it carry metadata or tags that
could identify a place or a person. Each returns phrases that follow the file's name in a problem line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterable

from ..mediafiles import HEADER_BYTES, ImageTooLarge, check_pixels, image_size
from .findings import ERROR, WARNING

MAX_SVG_BYTES = 8 * 1024 * 1024  # an illustration drawn in SVG is a few hundred KB


def image_problems(path: Path) -> list[str]:
    """Decoding and privacy problems of one image file (each a phrase following the file's name). The size is read
    from the header before anything is decoded: an image beyond the kiosk's pixel budget is never decoded here."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(HEADER_BYTES)
    except OSError as exc:
        return [f"cannot be read ({exc.strerror})"]
    if size == 0:
        return ["is empty (0 bytes)"]
    suffix = path.suffix.lower()
    if suffix == ".svg":
        if size > MAX_SVG_BYTES:
            return [f"is {size / 1048576:.0f} MB, larger than the {MAX_SVG_BYTES // 1048576} MB an SVG may be"]
        return svg_problems(path, path.read_bytes())
    kind = "PNG" if head.startswith(b"\x89PNG\r\n\x1a\n") else "JPEG" if head.startswith(b"\xff\xd8") else None
    expected = "PNG" if suffix == ".png" else "JPEG"
    if kind is None:
        return [f"is not a {expected} image (it starts with {_magic(head)}; cannot be decoded)"]
    problems = [] if kind == expected else [f"is a {kind} image named .{suffix[1:]}"]
    natural = image_size(path, head)
    if natural is None:
        return problems + [f"cannot be decoded (a damaged {kind} image: no size in its header)"]
    try:
        check_pixels(natural)
    except ImageTooLarge as exc:
        return problems + [str(exc)]
    try:
        import pygame

        pygame.image.load(str(path))
    except Exception as exc:  # noqa: BLE001 - pygame.error and anything SDL_image raises
        return problems + [f"cannot be decoded ({exc or 'truncated or damaged'})"]
    try:
        return problems + raster_metadata_problems(path)
    except Exception as exc:  # noqa: BLE001 - Pillow on a file SDL_image could decode
        return problems + [f"metadata cannot be read ({type(exc).__name__}: {exc})"]


LOW_RATE = 22050  # Hz; a recording below it sounds muffled however it is converted


def recording_problems(path: Path, decode: Callable[[Path], tuple[Any, int]] | None) -> list[tuple[str, str]]:
    """A curator's recording decoded whole (by `decode`, as `media build` will): empty, undecodable or truncated
    (fewer seconds decode than its header promises), or recorded at a telephone-like rate."""
    from .instruments import Unmeasurable

    if path.stat().st_size == 0:
        return [("recording is empty (0 bytes)", ERROR)]
    try:
        import mutagen

        info = getattr(mutagen.File(str(path)), "info", None)
    except Exception:  # noqa: BLE001 - mutagen on a damaged file: the decoder says why
        info = None
    problems = []
    if decode is not None:
        try:
            samples, rate = decode(path)
        except Unmeasurable as exc:
            return [(f"recording cannot be decoded ({exc.message}); `installation media build` cannot use it", ERROR)]
        except Exception as exc:  # noqa: BLE001 - a decoder library on a damaged file
            return [(f"recording cannot be decoded ({type(exc).__name__}: {exc}); `installation media build` cannot "
                     f"use it", ERROR)]
        decoded = len(samples) / float(rate)
        declared = float(getattr(info, "length", 0.0) or 0.0)
        if declared and decoded < declared * 0.98 - 0.05:
            problems.append((f"recording is truncated: its header promises {declared:.2f} s, only {decoded:.2f} s "
                             f"decode; export it again", ERROR))
    source_rate = int(getattr(info, "sample_rate", 0) or 0)
    if 0 < source_rate < LOW_RATE:
        problems.append((f"recording is sampled at {source_rate} Hz (telephone quality); the build converts it to "
                         f"{LOW_RATE} Hz but it stays muffled: record at 44100 Hz if you can", WARNING))
    return problems


def wav_reason(path: Path, exc: BaseException) -> str:
    """Why a WAV file cannot be read, in words: empty, truncated, another container, an unsupported encoding."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    if not head:
        return "the file is empty (0 bytes)"
    if not head.startswith(b"RIFF") or head[8:12] != b"WAVE":
        container = _container(head)
        return f"not a WAV file: {container}" if container else f"not a WAV file (it starts with {_magic(head)})"
    if isinstance(exc, EOFError):
        return "truncated: the file ends inside its header"
    text = str(exc)
    if text.startswith("unknown format"):
        return f"not PCM ({text}; e.g. floating point or compressed)"
    return text or type(exc).__name__


def _container(head: bytes) -> str | None:
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "it is an MP3"
    for magic, name in ((b"OggS", "an Ogg"), (b"fLaC", "a FLAC"), (b"FORM", "an AIFF"), (b"RIFX", "a big-endian RIFF")):
        if head.startswith(magic):
            return f"it is {name} file"
    return None


def _magic(head: bytes) -> str:
    """The first bytes of a file, for a message ("RIFF", "GIF8", or hex)."""
    first = head[:4]
    if not first:
        return "nothing"
    if all(32 <= b < 127 for b in first):
        return f"'{first.decode('ascii')}'"
    return " ".join(f"{b:02x}" for b in first)


_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_ENTITY = re.compile(rb"<!ENTITY", re.I)
_EXTERNAL_DTD = re.compile(rb"<!DOCTYPE[^>\[]*\b(SYSTEM|PUBLIC)\b", re.I)


def svg_problems(path: Path, data: bytes) -> list[str]:
    import xml.etree.ElementTree as ET

    if _ENTITY.search(data) or _EXTERNAL_DTD.search(data):
        return ["declares XML entities or an external DTD (which could read other files or expand without "
                "bound); remove the <!DOCTYPE …> and export it again"]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"is not valid SVG ({exc})"]
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return ["is not an SVG image (its root element is not <svg>)"]
    problems = [f"refers to {ref[:60]} outside itself ({how}); embed it (or remove it) instead"
                for how, ref in dict.fromkeys(svg_external_references(root))]
    try:
        import pygame

        pygame.image.load_sized_svg(str(path), (96, 54))  # a small size decodes the same, ~100× faster
    except Exception as exc:  # noqa: BLE001
        problems.append(f"cannot be decoded ({exc})")
    return problems


def svg_external_references(root: Any) -> Iterable[tuple[str, str]]:
    """(how, reference) for everything an SVG would fetch from outside itself: href and xlink:href on any element,
    CSS url() in attributes and <style>, and @import. References inside the file (#id) and data: URIs are fine."""
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else "?"
        for key, value in element.attrib.items():
            name = key.rsplit("}", 1)[-1]
            if name == "href" and _external(value):
                yield f"<{tag} {'xlink:' if key.startswith('{') else ''}href>", value.strip()
            for ref in _CSS_URL.findall(value):
                if _external(ref[1]):
                    yield f"url() in <{tag} {name}>", ref[1].strip()
            if name == "style" and "@import" in value.lower():
                yield f"@import in <{tag} style>", value.strip()
        if tag == "style" and element.text:
            css = element.text
            for ref in _CSS_URL.findall(css):
                if _external(ref[1]):
                    yield "url() in <style>", ref[1].strip()
            for found in re.findall(r"@import\s+([^;]*)", css, re.I):
                yield "@import in <style>", found.strip()


def _external(reference: str) -> bool:
    reference = reference.strip()
    return bool(reference) and not reference.startswith("#") and not reference.lower().startswith("data:")


    try:
        import pygame

        pygame.image.load_sized_svg(str(path), (96, 54))  # a small size decodes the same, ~100× faster
    except Exception as exc:  # noqa: BLE001
        problems.append(f"cannot be decoded ({exc})")
    return problems


# EXIF tags that locate a picture or identify a camera or a person.
_EXIF_TAGS = {
    0x010F: "camera make", 0x0110: "camera model", 0x013B: "artist", 0x8298: "copyright",
    0x9003: "date taken", 0x9004: "date digitised", 0xA430: "camera owner", 0xA431: "camera serial number",
    0xA433: "lens make", 0xA434: "lens model", 0xA435: "lens serial number", 0x9C9D: "author (Windows)",
    0x9286: "user comment", 0x010E: "image description",
}
_GPS_IFD, _EXIF_IFD = 0x8825, 0x8769
_PNG_TEXT_KEYS = {"author", "artist", "copyright", "comment", "description", "source", "location", "gps",
                  "disclaimer", "warning", "title"}
_XMP_MARKERS = (b"exif:GPS", b"GPSLatitude", b"GPSLongitude", b"tiff:Make", b"tiff:Model", b"dc:creator",
                b"photoshop:City", b"Iptc4xmpCore:Location", b"aux:SerialNumber")


def raster_metadata_problems(path: Path) -> list[str]:
    """EXIF (JPEG APP1 or PNG eXIf), PNG text chunks and XMP that give a place, a camera or a person."""
    from PIL import Image

    found: list[str] = []
    with Image.open(path) as image:
        exif = image.getexif()
        info = dict(image.info)
    if exif:
        try:
            gps = exif.get_ifd(_GPS_IFD)
        except Exception:  # noqa: BLE001 - a malformed GPS directory still counts as one
            gps = {1: None}
        if gps or _GPS_IFD in exif:
            found.append("GPS location")
        tags = dict(exif)
        try:
            tags.update(exif.get_ifd(_EXIF_IFD))
        except Exception:  # noqa: BLE001
            pass
        found += [name for tag, name in _EXIF_TAGS.items() if tag in tags and _meaningful(tags[tag])]
    for key, value in info.items():
        if isinstance(key, str) and key.lower() in _PNG_TEXT_KEYS and _meaningful(value):
            found.append(f"text '{key}'")
    xmp = info.get("xmp") or info.get("XML:com.adobe.xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    if any(marker in xmp for marker in _XMP_MARKERS):
        found.append("XMP location/camera/creator")
    if not found:
        return []
    unique = list(dict.fromkeys(found))
    return [f"carries metadata that could identify a place, a camera or a person ({', '.join(unique)}); "
            f"strip it (e.g. re-export without metadata)"]


def _meaningful(value: Any) -> bool:
    if isinstance(value, bytes):
        return bool(value.strip(b"\x00 "))
    if isinstance(value, str):
        return bool(value.strip("\x00 "))
    return value is not None


# Audio tags that may name people (RIFF INFO ids, ID3 frame ids, Vorbis comment fields).
_INFO_TAGS = {"IART": "artist", "ICMS": "commissioned by", "ICOP": "copyright", "IENG": "engineer",
              "ITCH": "technician", "ISRC": "source", "ICMT": "comment", "INAM": "title", "ISBJ": "subject",
              "IKEY": "keywords", "IPRD": "product", "IWRI": "written by", "ISTR": "starring", "IDIR": "director"}
_ID3_FRAMES = {"TPE1": "artist", "TPE2": "album artist", "TPE3": "conductor", "TPE4": "remixer",
               "TCOM": "composer", "TEXT": "lyricist", "TOLY": "original lyricist", "TOPE": "original artist",
               "TENC": "encoded by", "TIPL": "involved people", "TMCL": "musicians", "IPLS": "involved people",
               "COMM": "comment", "TIT1": "grouping", "TIT2": "title", "TIT3": "subtitle", "USLT": "lyrics",
               "TOWN": "owner", "TCOP": "copyright", "WOAR": "artist web page", "PRIV": "private data",
               "TXXX": "custom text", "TALB": "album"}
_VORBIS_FIELDS = {"artist", "albumartist", "performer", "composer", "lyricist", "author", "comment",
                  "description", "title", "album", "copyright", "contact", "encoded-by", "encodedby", "organization",
                  "location", "conductor"}


def audio_tag_problems(path: Path) -> list[str]:
    """Tags in an audio file that may name people: RIFF INFO and ID3 chunks in WAV, ID3 in MP3, Vorbis comments in
    FLAC/OGG. Only the tag names are reported, never their values (they may be a real name)."""
    names: list[str] = []
    suffix = path.suffix.lower()
    if suffix == ".wav":
        names += wav_info_tags(path)
    try:
        import mutagen

        tagged = mutagen.File(str(path))
    except Exception:  # noqa: BLE001 - undecodable files are reported elsewhere
        tagged = None
    tags = getattr(tagged, "tags", None) if tagged is not None else None
    if tags:
        for key in list(tags.keys()):
            key_text = str(key)
            frame = key_text.split(":", 1)[0].upper()
            if frame in _ID3_FRAMES:
                names.append(f"ID3 {frame} ({_ID3_FRAMES[frame]})")
            elif key_text.lower() in _VORBIS_FIELDS:
                names.append(f"{key_text.upper()}")
    if not names:
        return []
    return [f"has tags that may name people: {', '.join(dict.fromkeys(names))}; remove them "
            f"(values not shown here)"]


def wav_info_tags(path: Path) -> list[str]:
    """Person-naming ids in a WAV file's RIFF `LIST INFO` chunk (read directly: no library reads it)."""
    found: list[str] = []
    with open(path, "rb") as handle:
        head = handle.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return found
        while True:
            chunk = handle.read(8)
            if len(chunk) < 8:
                break
            kind, size = chunk[:4], int.from_bytes(chunk[4:], "little")
            if kind == b"LIST" and size <= 1 << 20:
                body = handle.read(size)
                if body[:4] == b"INFO":
                    offset = 4
                    while offset + 8 <= len(body):
                        tag = body[offset:offset + 4].decode("latin-1")
                        length = int.from_bytes(body[offset + 4:offset + 8], "little")
                        value = body[offset + 8:offset + 8 + length]
                        if tag in _INFO_TAGS and value.strip(b"\x00 "):
                            found.append(f"INFO {tag} ({_INFO_TAGS[tag]})")
                        offset += 8 + length + (length & 1)
                if size & 1:
                    handle.read(1)
            else:
                handle.seek(size + (size & 1), 1)
    return found
