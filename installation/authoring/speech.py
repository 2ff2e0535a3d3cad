"""Offline placeholder speech: espeak-ng from the PyPI package `espeakng-loader`, called through ctypes.

espeak-ng keeps global state, so there is one engine per process (`engine()`); the narration builder runs
separate processes when it works in parallel. Every call's return code is checked: a synthesis call after a
failed voice change can crash the library, so a voice is only used once espeak has accepted it.
"""

from __future__ import annotations

import ctypes
import functools
import threading
from dataclasses import dataclass

# Voice names to try, in order, per language. espeak-ng 1.52 (as bundled) knows "en-us" and "en" but reports
# "en-gb" as not found; the first name that espeak accepts is used.
VOICES: dict[str, tuple[str, ...]] = {
    "en": ("en-us", "en-gb", "en-gb-x-rp", "en"),
    "zh-Hant": ("yue",),  # Cantonese, read from Traditional characters
}
# Calm speaking rates in espeak's words per minute (its default is 175).
RATES: dict[str, int] = {"en": 140, "zh-Hant": 150}
MIN_RATE, MAX_RATE = 80, 450

# espeak-ng constants (speak_lib.h)
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_EE_OK = 0

_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class SpeechError(Exception):
    """espeak-ng could not be loaded, or refused a voice, a parameter or a text."""


@dataclass(frozen=True)
class Speech:
    """One synthesised text: 16-bit mono samples (numpy int16) at `sample_rate`."""

    samples: object  # numpy.ndarray[int16]
    sample_rate: int
    voice: str
    rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / float(self.sample_rate)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=None)
def engine_version() -> str:
    """The version of the bundled espeak-ng package, without loading the library (cheap)."""
    from importlib import metadata

    try:
        return "espeakng-loader " + metadata.version("espeakng-loader")
    except metadata.PackageNotFoundError:
        return "espeakng-loader (not installed)"


class Engine:
    """The process's espeak-ng library in synchronous mode, collecting samples through a callback."""

    name = "espeak"

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:  # pragma: no cover - a broken install
            raise SpeechError("the Python package espeakng-loader is not installed") from exc
        try:
            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (OSError, RuntimeError) as exc:
            raise SpeechError(f"cannot load espeak-ng from espeakng-loader: {exc}") from exc
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_Synchronize.argtypes = []
        lib.espeak_Synchronize.restype = ctypes.c_int
        lib.espeak_Info.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
        lib.espeak_Info.restype = ctypes.c_char_p

        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(), _INITIALIZE_DONT_EXIT)
        if rate <= 0:
            raise SpeechError(f"espeak-ng failed to initialise with its data at {data}")
        self.sample_rate = int(rate)
        self.version = (lib.espeak_Info(None) or b"?").decode()
        self._lib = lib
        self._chunks: list[bytes] = []
        self._callback = _SYNTH_CALLBACK(self._collect)  # keep a reference: espeak holds the pointer
        lib.espeak_SetSynthCallback(self._callback)
        self._voice: str | None = None
        self._voices: dict[str, str] = {}
        self._lock = threading.Lock()

    def _collect(self, wav, count, _events) -> int:  # called by espeak-ng from inside espeak_Synth
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0  # 0 = go on

    def voice_for(self, language: str) -> str:
        """The first voice espeak accepts for `language` (remembered); SpeechError if none."""
        if language in self._voices:
            return self._voices[language]
        candidates = VOICES.get(language)
        if not candidates:
            raise SpeechError(f"no voice for language {language!r}")
        for name in candidates:
            if self._lib.espeak_SetVoiceByName(name.encode()) == _EE_OK:
                self._voice = name
                self._voices[language] = name
                return name
        self._voice = None
        raise SpeechError(f"espeak-ng has none of the voices {', '.join(candidates)} for {language}")

    def _select(self, name: str) -> None:
        if self._voice == name:
            return
        self._voice = None
        if self._lib.espeak_SetVoiceByName(name.encode()) != _EE_OK:
            raise SpeechError(f"espeak-ng refused the voice {name!r}")
        self._voice = name

    def synthesise(self, text: str, language: str, rate: int | None = None, variant: str = "") -> Speech:
        """Speak `text` in `language` at `rate` words per minute; returns the samples with edge silence trimmed.
        `variant`: one of espeak's voice variants (e.g. "f2", a higher voice), for a second, different speaker."""
        import numpy as np

        text = " ".join(text.split())
        if not text:
            raise SpeechError("nothing to say (empty text)")
        rate = int(min(MAX_RATE, max(MIN_RATE, rate or RATES.get(language, 150))))
        with self._lock:
            voice = self.voice_for(language) + (f"+{variant}" if variant else "")
            self._select(voice)  # never synthesise unless this succeeded
            if self._lib.espeak_SetParameter(_PARAM_RATE, rate, 0) != _EE_OK:
                raise SpeechError(f"espeak-ng refused the rate {rate}")
            data = text.encode("utf-8") + b"\0"
            self._chunks = []
            status = self._lib.espeak_Synth(data, len(data), 0, 0, 0, _CHARS_UTF8, None, None)
            if status != _EE_OK:
                raise SpeechError(f"espeak-ng could not synthesise the text (error {status})")
            if self._lib.espeak_Synchronize() != _EE_OK:
                raise SpeechError("espeak-ng did not finish synthesising")
            raw = b"".join(self._chunks)
            self._chunks = []
        samples = trim_silence(np.frombuffer(raw, dtype=np.int16), self.sample_rate)
        if len(samples) == 0:
            raise SpeechError(f"espeak-ng produced no audio for {text[:40]!r}")
        return Speech(samples, self.sample_rate, voice, rate)


def trim_silence(samples, sample_rate: int, threshold: int = 100, margin: float = 0.01):
    """Cut near-silence (below `threshold` of 32767, about -50 dBFS) from both ends, keeping `margin` seconds."""
    import numpy as np

    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > threshold)
    if len(loud) == 0:
        return samples[:0]
    keep = int(margin * sample_rate)
    return samples[max(0, loud[0] - keep): min(len(samples), loud[-1] + 1 + keep)]


_ENGINE: Engine | None = None


def engine() -> Engine:
    """This process's espeak-ng engine (loaded on first use)."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Engine()
    return _ENGINE
