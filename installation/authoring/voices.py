"""Which synthetic voice speaks which language, and what identifies it (for the build's input hashes).

English: piper's en_US-joe-medium (neural.py) when it is installed, eSpeak NG otherwise. Traditional Chinese:
eSpeak NG's Cantonese `yue` (no natural Cantonese voice is installable offline). Identities are cheap: nothing
is loaded.
"""

from __future__ import annotations

from . import neural
from .speech import RATES, VOICES, SpeechError, engine_version

PIPER, ESPEAK = "piper", "espeak"


def preferred(language: str) -> str:
    return PIPER if language in neural.LANGUAGES and neural.available() else ESPEAK


def identity(language: str, engine: str) -> list:
    if engine == PIPER:
        return [PIPER, neural.VOICE, neural.RATE, neural.BREATH, neural.version()]
    return [list(VOICES.get(language, ())), RATES.get(language), engine_version()]


def label(engine: str) -> str:
    """The engine as the manifest names it."""
    return neural.version() if engine == PIPER else engine_version().replace("espeakng-loader", "espeak-ng (espeakng-loader)")


def load(engine: str, deterministic: bool = False):
    """The process's engine of that name; SpeechError if it cannot be loaded."""
    if engine == PIPER:
        return neural.engine(deterministic)
    if engine == ESPEAK:
        from .speech import engine as espeak

        return espeak()
    raise SpeechError(f"no speech engine {engine!r}")
