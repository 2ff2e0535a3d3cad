"""Self-voicing for blind visitors (key V, or the `voice` command): what is on screen is spoken when it changes:
the focused story card, the content note and its buttons, the end card with its resources, help, the idle warning.
Nothing is said over a story's narration (turn on audio description for the pictures).

Speech comes from eSpeak NG (the narration's Cantonese engine; it answers in ~10 ms, where the neural English
voice needs a few hundred), on a worker thread, and plays on a mixer channel of its own at the visitor's volume. Whatever is newer interrupts what is still being said.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable

from .strings import pick, t
from .view import View

log = logging.getLogger(__name__)

VOICE_CHANNEL = 0  # reserved for speech, so narration never takes it
SAID_KEPT = 64


def spoken(view: View, before: tuple | None) -> tuple[tuple, str]:
    """(what is on screen, as a key; what to say about it). `before` is the key last spoken for: entering a screen
    says more than moving the focus inside it."""
    state, lang = view.state, view.language
    space = "" if lang.startswith("zh") else " "

    def say(*parts: str) -> str:
        return sentences(parts, lang)

    if state.blackout:
        return ("blackout",), ""
    if state.warning_since is not None:
        seconds = round(view.library.exhibition.idle.warning)
        return ("warning", lang), say(t("still_there", lang), t("still_there_body", lang, s=seconds))
    if state.help:
        return ("help", lang), say(t("help_title", lang), *t("help_lines", lang).splitlines())
    screen = state.screen
    entering = before is None or before[0] != screen or before[-1] != lang
    if screen == "attract":
        return ("attract", lang), say(pick(view.library.exhibition.title, lang), t("voice_attract", lang))
    if screen == "chooser":
        playlist = view.show.playlist
        if not playlist:
            return ("chooser", lang), t("no_stories", lang)
        focus = min(state.focus, len(playlist) - 1)
        card = card_parts(view, playlist[focus])
        if entering:
            card = [t("choose", lang), t("voice_chooser", lang, n=len(playlist)), *card]
        return ("chooser", focus, lang), say(*card)
    item = view.library.stories.get(state.story or "")
    if item is None:
        return (screen, lang), ""
    name = pick(item.name, lang)
    if screen == "note":
        button = t("continue", lang) if state.focus == 0 else t("choose_another", lang)
        if entering or before[1] != state.story:  # type: ignore[index]
            notes = ("、" if space == "" else "; ").join(pick_list(item.content_notes, lang))
            intro = t("note_intro", lang, name=name) + space + notes
            text = say(t("note_title", lang), *card_parts(view, item.id), intro, t("voice_note", lang)) + space + button
        else:
            text = button
        return ("note", state.story, state.focus, lang), text
    if screen == "end":
        title = t("left_title", lang, name=name) if state.early_exit else t("next_title", lang)
        resources = view.library.exhibition.resources
        return ("end", state.story, lang), say(title, *pick_list(item.epilogue, lang), pick(resources.title, lang),
                                               *pick_list(resources.lines, lang), t("voice_end", lang))
    if screen == "story" and state.paused_at is not None:
        return ("paused", state.story, lang), t("paused", lang)
    return ("story", state.story, lang), ""  # the narration speaks


def card_parts(view: View, story_id: str) -> list[str]:
    lang = view.language
    item = view.library.stories[story_id]
    minutes = view.minutes(story_id)
    return [pick(item.name, lang), pick(item.place, lang),
            t("voice_minute" if minutes == 1 else "voice_minutes", lang, n=minutes)]


def pick_list(texts: dict[str, list[str]] | None, language: str) -> list[str]:
    if not texts:
        return []
    return texts.get(language) or texts.get("en") or next(iter(texts.values()))


def sentences(parts, language: str) -> str:
    """Parts joined as sentences, each ending in a full stop unless it has its own punctuation ("Sun. Canada.",
    「Sun。加拿大。」), so the speech pauses between them."""
    chinese = language.startswith("zh")
    out = []
    for part in parts:
        part = part.strip()
        if part:
            out.append(part if part[-1] in ".!?:。！？：;；" else part + ("。" if chinese else "."))
    return ("" if chinese else " ").join(out)


class Voice:
    """The adapter: call `update(view)` once per loop turn; it speaks when what is on screen changes."""

    def __init__(self, audio: bool, speech: Callable[[], Any] | None = None):
        self.audio = audio and speech is not None
        self.speech = speech  # makes the speech engine (wired by installation.kiosk.play)
        self.key: tuple | None = None
        self.version: int | None = None  # the show's state version last looked at
        self.said: list[str] = []  # the last SAID_KEPT things spoken, in order (tests, logs)
        self.level, self.muted = 0.8, False
        self.generation = 0
        self.requests: queue.SimpleQueue[tuple[int, str, str] | None] = queue.SimpleQueue()
        self.channel = None
        self.thread: threading.Thread | None = None
        self.playing = threading.Event()  # set once a sentence has started on the channel (tests wait on it)
        if self.audio:
            try:
                import pygame

                pygame.mixer.set_reserved(VOICE_CHANNEL + 1)
                self.channel = pygame.mixer.Channel(VOICE_CHANNEL)
            except Exception as exc:  # no mixer: the kiosk still shows everything
                log.warning("spoken guidance unavailable (%s)", exc)
                self.audio = False

    def update(self, view: View) -> None:
        if view.state.version == self.version:
            return
        self.version = view.state.version
        settings = view.state.settings
        self.level, self.muted = settings.volume, settings.muted
        if self.channel is not None:
            self.channel.set_volume(0.0 if self.muted else self.level)
        if not settings.voice:
            if self.key is not None:
                self.key = None
                self.stop()
            return
        key, text = spoken(view, self.key)
        if key == self.key:
            return
        self.key = key
        if text:
            self.say(text, view.language)
        else:
            self.stop()

    def say(self, text: str, language: str) -> None:
        self.said.append(text)
        del self.said[:-SAID_KEPT]  # a day of it is not kept
        log.debug("saying: %s", text)
        if not self.audio:
            return
        self.generation += 1
        if self.thread is None:
            self.thread = threading.Thread(target=self._work, name="voice", daemon=True)
            self.thread.start()
        self.requests.put((self.generation, text, language))

    def stop(self) -> None:
        self.generation += 1
        if self.channel is not None:
            self.channel.stop()

    def close(self) -> None:
        self.stop()
        if self.thread is not None:
            self.requests.put(None)

    # ------------------------------------------------------------- worker thread
    def _work(self) -> None:
        while True:
            request = self.requests.get()
            if request is None:
                return
            generation, text, language = request
            if generation != self.generation:
                continue  # something newer is waiting
            try:
                sound = self._synthesise(text, language)
            except Exception as exc:  # never let speech take the kiosk down
                log.warning("spoken guidance failed (%s)", exc)
                continue
            if generation == self.generation and self.channel is not None:
                self.channel.set_volume(0.0 if self.muted else self.level)
                self.channel.play(sound)
                self.playing.set()

    def _synthesise(self, text: str, language: str):
        import numpy as np
        import pygame

        speech = self.speech().synthesise(text, language)
        frequency, _, channels = pygame.mixer.get_init()
        samples = np.asarray(speech.samples, dtype=np.int16)
        if frequency != speech.sample_rate:
            positions = np.arange(0, len(samples), speech.sample_rate / frequency)
            samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)
        if channels > 1:
            samples = np.repeat(samples[:, None], channels, axis=1)
        return pygame.sndarray.make_sound(np.ascontiguousarray(samples))
