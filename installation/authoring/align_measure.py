"""How exact is the alignment? Real synthetic "recordings" with known sentence starts, aligned like a narrator's.

English: piper's joe voice speaks each caption, placed with pauses of varying length (as a narrator breathes),
then it is aligned with eSpeak NG (align.py), a different voice. Cantonese: eSpeak NG's `yue` with a higher voice
variant at a slower rate, resampled to 44.1 kHz, against the standard `yue` rendering (no second Cantonese engine is
installable). Both get a faint noise floor. The truth is where each sentence was placed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Measurement:
    errors: list[float] = field(default_factory=list)  # seconds, |aligned start - true start|, every cue
    scenes: int = 0

    @property
    def median(self) -> float:
        import numpy as np

        return float(np.median(self.errors)) if self.errors else 0.0

    @property
    def worst(self) -> float:
        return max(self.errors, default=0.0)

    def line(self, what: str) -> str:
        return (f"{what}: {self.scenes} scenes, {len(self.errors)} cues: cue start error median "
                f"{self.median * 1000:.0f} ms, worst {self.worst * 1000:.0f} ms")


def recording(texts: list[str], language: str, seed: int, deterministic: bool = True):
    """(float samples, rate, true start of each text in s) of a synthetic recording of `texts`."""
    import numpy as np

    from .recordings import resample
    from .voices import load

    chance = random.Random(seed)
    if language == "en":
        speaker, rate, say = load("piper", deterministic), 22050, lambda text: speaker.synthesise(text, "en")
    else:
        speaker = load("espeak")
        rate = speaker.sample_rate

        def say(text):
            return speaker.synthesise(text, language, 125, variant="f2")
    at = chance.uniform(0.3, 1.0)
    parts, truth = [np.zeros(int(at * rate))], []
    for text in texts:
        samples = say(text).samples.astype(np.float64) / 32768.0
        pause = chance.uniform(0.3, 0.9)
        truth.append(at)
        parts += [samples, np.zeros(int(pause * rate))]
        at += (len(samples) + int(pause * rate)) / rate
    audio = np.concatenate(parts) * 0.7
    audio += np.random.default_rng(seed).normal(0.0, 10 ** (-60 / 20), len(audio))  # a quiet room's floor
    if language != "en":
        audio, rate = resample(audio, rate, 44100), 44100
    return audio, rate, truth


def measure(root: Path, stories: list[str], language: str, scenes: int | None = None,
            deterministic: bool = True) -> Measurement:
    """Align every scene (or the first `scenes`) of the stories in one language and collect the errors."""
    from installation.content.load import load_story

    from .align import align

    result = Measurement()
    for story_id in stories:
        story, _ = load_story(root / "stories" / f"{story_id}.yaml", root)
        for index, scene in enumerate(story.scenes[:scenes]):
            texts = [item if isinstance(item, str) else item.text for item in scene.captions[language]]
            audio, rate, truth = recording(texts, language, seed=index, deterministic=deterministic)
            cues = align(audio, rate, texts, language)
            result.errors += [abs(cue.start - start) for cue, start in zip(cues, truth)]
            result.scenes += 1
    return result
