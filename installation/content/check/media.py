"""Rules for the images and recordings a story names: present, inside media/, decodable, free of identifying
metadata."""

from __future__ import annotations

from pathlib import Path

from . import probes
from .findings import Recorder, _target

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")


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
        """Curators' recordings are kept with the project: their tags must not name anyone."""
        folder = self.root / "media" / "recordings" / story_id
        if not folder.is_dir():
            return
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".wav", ".flac", ".ogg", ".mp3") and path.is_file():
                for message in probes.audio_tag_problems(path):
                    self.add(self.shown(path), 1, message)
