"""Rules for the images and recordings a story names: present, inside media/, decodable, free of identifying
metadata."""

from __future__ import annotations

from pathlib import Path

from . import probes
from .findings import WARNING, Recorder, _target

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
AUTOMATIC = "NOTE Timed automatically"  # the header of a .vtt that the narration build aligned to a recording
DOUBTFUL = 0.5  # confidence below which an aligned cue is reported


class MediaRules(Recorder):
    _images: dict[Path, list[str]]

    def check_image(self, relative: str, shown: str, line: int, what: str) -> None:
        from ..schema import _check_media_path

        try:
            _check_media_path(relative)
        except ValueError:
            return  # the schema reports it
        path = self.root / "media" / relative
        if not path.exists():
            broken = " (a broken link)" if path.is_symlink() else ""
            self.add(shown, line, f"{what}: media/{relative} not found{broken}")
            return
        if not self._inside(path, self.media_root):
            self.add(shown, line, f"{what}: media/{relative} is a link to a file outside media/ ({_target(path)})")
            return
        if not path.is_file():
            self.add(shown, line, f"{what}: media/{relative} is not a file")
            return
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            self.add(shown, line, f"{what}: media/{relative} is not an SVG, PNG or JPEG image")
            return
        key = path.resolve()
        if key not in self._images:
            self._images[key] = probes.image_problems(key)
        for message in self._images[key]:
            self.add(shown, line, f"{what}: media/{relative} {message}")

    def check_recordings(self, story_id: str, shown: str) -> None:
        """Curators' recordings are kept with the project: decoded whole, as the build will; their tags must not
        name anyone."""
        folder = self.root / "media" / "recordings" / story_id
        if not folder.is_dir():
            return
        for path in sorted(folder.iterdir()):
            suffix = path.suffix.lower()
            if suffix not in (".wav", ".flac", ".ogg", ".mp3", ".vtt"):
                continue
            if not self._inside(path, self.media_root) or not path.is_file():
                self.add(self.shown(path), 1, f"recording is a link to a file outside media/ ({_target(path)}), or "
                                              f"not a file; it is not read")
                continue
            if suffix == ".vtt":
                self.check_alignment(path)
                continue
            for message, level in probes.recording_problems(path, self.instruments.decode_audio):
                self.add(self.shown(path), 1, message, level)
            for message in probes.audio_tag_problems(path):
                self.add(self.shown(path), 1, message)

    def check_alignment(self, path: Path) -> None:
        """Captions the build timed to a recording by itself: say where it was unsure (the curator listens there)."""
        from .captions import MIN_CUE

        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return  # a subtitle file that cannot be read is reported by the narration build
        if not any(line.startswith(AUTOMATIC) for line in lines[:4]):
            return
        confidence, why = 1.0, ""
        for number, line in enumerate(lines, 1):
            if line.startswith("NOTE confidence "):
                value, _, why = line[len("NOTE confidence "):].partition(" ")
                try:
                    confidence = float(value)
                except ValueError:
                    confidence = 1.0
                why = why.strip("() ")
            elif "-->" in line:
                start, end = (_seconds(part.split()[0]) if part.split() else None for part in line.split("-->", 1))
                if confidence < DOUBTFUL:
                    self.add(self.shown(path), number, f"caption timed automatically with low confidence "
                             f"({confidence:.2f}{': ' + why if why else ''}): listen and correct its time", WARNING)
                elif start is not None and end is not None and end - start < MIN_CUE - 0.01:
                    self.add(self.shown(path), number, f"caption timed automatically is squeezed to "
                             f"{end - start:.2f} s on screen (at least {MIN_CUE:.2f} s)", WARNING)
                confidence, why = 1.0, ""


def _seconds(stamp: str) -> float | None:
    try:
        parts = [float(part) for part in stamp.split(":")]
    except ValueError:
        return None
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total
