"""The kiosk: wires the pure show to the screen, sound, input and any outside command source."""

from __future__ import annotations

import gc
import logging
import math
import os
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pygame

from ..content.load import Library
from ..hooks import call_each
from ..show.commands import Command, Outcome, make
from ..show.clock import SimClock
from ..show.machine import CROSSFADE, Show
from ..show.state import Effect
from .audio import Narration
from .images import ImageStore
from .input import Input
from .layout import Button, Metrics
from .motion import MARGIN, KenBurns
from .screens import attract, chooser, end, note, overlays, story
from .text import TextCache
from .view import View
from .voice import Voice

log = logging.getLogger(__name__)

SCREENS = {"attract": attract, "chooser": chooser, "note": note, "story": story, "end": end}
IDLE_WAIT_MS = 250  # how long the loop sleeps when nothing moves
BUSY_WAIT_MS = 4  # between frames of a moving scene
MIN_FRAME = 1 / 60  # never draw faster than the display shows; commands keep being handled in between
WAKE = pygame.event.custom_type()  # posted by other threads so a sleeping loop handles their commands at once

Reply = Callable[[list[Outcome], dict[int, dict]], None]  # (each command's outcome, {index: snapshot}) on the loop


@dataclass
class Options:
    size: tuple[int, int] | None = None  # None: the display's own size
    windowed: bool = False
    headless: bool = False
    display: int = 0
    simulated: bool = False  # drive time with a SimClock (scripts, tests)
    audio: bool = True
    speech: Callable[[], Any] | None = None  # makes the speech engine for spoken guidance (wired by kiosk.play)


class App:
    def __init__(self, library: Library, options: Options):
        self.options = options
        self.clock: Callable[[], float] = SimClock() if options.simulated else time.monotonic
        self.started = time.monotonic()
        self.show = Show(library, self.clock)
        self._open_display()
        threaded = not options.simulated
        self.images = ImageStore(threaded=threaded)
        self.motion = KenBurns(self.clock, threaded=threaded)
        self.narration = Narration(enabled=options.audio)
        self.voice = Voice(audio=self.narration.enabled, speech=options.speech)
        self.text = TextCache()
        self.input = Input()
        self.inbox: queue.SimpleQueue[tuple[tuple[Command, ...], Reply | None, frozenset]] = queue.SimpleQueue()
        self.effect_listeners: list[Callable[[Effect], None]] = []
        self.change_listeners: list[Callable[[dict], None]] = []
        # ops hooks (installation.ops: live reload, opening hours, statistics, watchdog); see ops/__init__.py
        self.step_hooks: list[Callable[[], None]] = []  # once per loop turn, after drawing
        self.draw_hooks: list[Callable[[pygame.Surface, View], None]] = []  # over the finished picture
        self.close_hooks: list[Callable[[], None]] = []
        self.frame_listeners: list[Callable[[float], None]] = []  # seconds each drawn frame took (metrics)
        self.release: str | None = None  # id of the loaded content (installation.ops.release)
        self.running = True
        self.drawn: tuple | None = None
        self.last_frame = 0.0
        self.answer_now = False
        self.frame_times: list[float] | None = None
        self.first_frame: dict | None = None  # the current scene's first presented frame and audio start (/state)
        self._stamped: tuple | None = None
        self._audio_started: float | None = None
        self._snapshot = self.show.snapshot()
        self._snapshot_lock = threading.Lock()
        self._published_version: int | None = None  # the first turn always publishes
        self.narration.set_volume(self.show.state.settings.volume, False)
        self.preload_story_cards()
        sys.setswitchinterval(0.001)  # hand the GIL to the network and worker threads promptly
        self._handle_stop_signals()
        gc.freeze()  # content loaded at start-up never needs collecting; keeps collections short mid-show

    @property
    def library(self) -> Library:
        """The show's library (live reload swaps it inside the show)."""
        return self.show.library

    # ---------------------------------------------------------------- display
    def _open_display(self) -> None:
        if self.options.headless:
            os.environ["SDL_VIDEODRIVER"] = "dummy"
            os.environ["SDL_AUDIODRIVER"] = "dummy"
        # SDL would turn SIGTERM into a window-close event, which kiosk mode ignores: systemd could not stop us
        os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
        pygame.display.init()
        pygame.font.init()
        kiosk = not self.options.windowed and not self.options.headless
        flags = pygame.FULLSCREEN if kiosk else 0
        size = self.options.size or ((0, 0) if kiosk else (1280, 720))
        self.surface = pygame.display.set_mode(size, flags, display=self.options.display)
        pygame.display.set_caption(self.library.exhibition.title.get("en", "Exhibition"))
        pygame.mouse.set_visible(not kiosk)
        self.metrics = Metrics(*self.surface.get_size())
        self.kiosk_mode = kiosk

    def _handle_stop_signals(self) -> None:
        """SIGTERM (systemd, kill) and SIGINT (Ctrl+C) end the loop cleanly: sound stops, statistics are flushed."""
        self._previous_handlers: dict[int, object] = {}
        if threading.current_thread() is not threading.main_thread():
            return

        def stop(number: int, _frame) -> None:
            log.info("stopping on %s", signal.Signals(number).name)
            self.post(make("quit", source="signal"))

        for number in (signal.SIGTERM, signal.SIGINT):
            self._previous_handlers[number] = signal.signal(number, stop)

    def view(self) -> View:
        return View(self.metrics, self.show, self.library, self.text, self.images, self.motion, self.clock())

    def preload_story_cards(self) -> None:
        view = self.view()
        m = self.metrics
        _, card_w, _, _, _ = chooser.grid(view)
        for story_id, item in self.library.stories.items():
            self.images.request(self.library.media(item.thumbnail_path), (card_w, card_w * 9 // 16))
        theme = self.library.exhibition.theme
        if theme.chooser_image:
            self.images.request(self.library.media(theme.chooser_image), (m.width, m.height))
        if theme.attract_image:
            box = (round(m.width * MARGIN), round(m.height * MARGIN))
            self.images.request(self.library.media(theme.attract_image), box)

    # ---------------------------------------------------------------- commands
    def post(self, commands: Command | tuple[Command, ...] | list[Command], reply: Reply | None = None,
             states: frozenset[int] | set[int] = frozenset()) -> None:
        """Thread-safe: queue commands from anywhere (OSC, schedule, live reload). They run in order in one loop
        turn; `reply` then gets each one's outcome and the show's snapshot after `i` of them for each i in `states`
        (0: before the first)."""
        batch = (commands,) if isinstance(commands, Command) else tuple(commands)
        idle = self.inbox.empty()
        self.inbox.put((batch, reply, frozenset(states)))
        if idle:
            try:
                pygame.event.post(pygame.event.Event(WAKE))
            except pygame.error:
                pass  # the loop still drains the inbox on its next turn

    def dispatch(self, command: Command) -> Outcome:
        """Hand a command to the show and carry out what it asks; returns the show's verdict (or `failed` if
        carrying it out went wrong)."""
        outcome, effects = self.show.dispatch(command)
        failure = self.carry_out(effects)
        return failure or outcome

    def snapshot(self) -> dict:
        with self._snapshot_lock:
            return dict(self._snapshot)

    def carry_out(self, effects: list[Effect]) -> Outcome | None:
        """Do what the show asked; the first effect that failed, as an outcome (logged), else None."""
        failure = None
        for effect in effects:
            try:
                self._carry_out(effect)
            except Exception as exc:
                log.exception("carrying out %s failed", effect.kind)
                failure = failure or Outcome.rejected("failed", f"{type(exc).__name__}: {exc}")
            call_each(self.effect_listeners, effect, what=f"effect listener for {effect.kind}")
        return failure

    def _carry_out(self, effect: Effect) -> None:
        kind, data = effect.kind, effect.data
        if kind == "narration.play":
            timing = self.library.timing(data["story"], data["scene"], data["language"], data["described"])
            self.narration.play(timing.narration)
            self._audio_started = time.monotonic()
        elif kind == "narration.pause":
            self.narration.pause()
        elif kind == "narration.resume":
            self.narration.resume()
        elif kind == "narration.stop":
            self.narration.stop(data.get("fade", 0.0))
        elif kind == "volume":
            self.narration.set_volume(data["level"], data["muted"])
        elif kind == "preload":
            self.preload(data["story"], data["scenes"])
        elif kind == "content":
            self.images.forget(data["stale"])
            self.narration.forget(data["stale"])
            self.drawn = None
            self.preload_story_cards()
        elif kind == "screenshot":
            self.screenshot(Path(data["path"]).expanduser())
        elif kind == "quit":
            self.running = False

    def preload(self, story_id: str, scenes: list[int]) -> None:
        item = self.library.stories.get(story_id)
        if item is None:
            return
        m = self.metrics
        box = (round(m.width * MARGIN), round(m.height * MARGIN))
        settings = self.show.state.settings
        for index in scenes:
            self.images.request(self.library.media(item.scenes[index].illustration), box)
            self.narration.preload(self.library.timing(story_id, index, settings.language, settings.description).narration)

    # ---------------------------------------------------------------- loop
    def buttons(self, view: View) -> list[Button]:
        if overlays.active(view) and overlays.buttons(view):
            return overlays.buttons(view)
        return SCREENS[self.show.state.screen].buttons(view)

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == WAKE:
            return
        if event.type == pygame.QUIT:
            if not self.kiosk_mode:
                self.dispatch(make("quit", source="window"))
            return
        if event.type == pygame.KEYDOWN:
            if self._technician_exit(event):
                return
            if event.key == pygame.K_ESCAPE:
                if not self.kiosk_mode:
                    self.dispatch(make("quit", source="window"))
                return
        if event.type == pygame.VIDEORESIZE or event.type == pygame.WINDOWSIZECHANGED:
            self.metrics = Metrics(*self.surface.get_size())
            self.drawn = None
            return
        view = self.view()
        for command in self.input.handle(event, view, self.buttons(view)):
            self.dispatch(command)
            self.answer_now = True  # a visitor's touch is shown at once, not at the next 60 Hz slot

    def _technician_exit(self, event: pygame.event.Event) -> bool:
        mods = event.mod
        if event.key == pygame.K_q and mods & pygame.KMOD_CTRL and mods & pygame.KMOD_SHIFT:
            log.info("technician exit (Ctrl+Shift+Q)")
            self.dispatch(make("quit", source="technician"))
            return True
        return False

    def drain_inbox(self) -> None:
        """Run what other threads posted, each batch in order, and tell them the show's verdicts."""
        while True:
            try:
                batch, reply, states = self.inbox.get_nowait()
            except queue.Empty:
                return
            outcomes: list[Outcome] = []
            snapshots: dict[int, dict] = {}
            for index, command in enumerate(batch):
                if index in states:
                    snapshots[index] = self.show.snapshot()
                try:
                    outcomes.append(self.dispatch(command))
                except Exception as exc:  # never let a posted command break the render loop
                    log.exception("%s (from %s) failed", command.name, command.source)
                    outcomes.append(Outcome.rejected("failed", f"{type(exc).__name__}: {exc}"))
            if len(batch) in states:
                snapshots[len(batch)] = self.show.snapshot()
            if reply is not None:
                call_each([reply], outcomes, snapshots, what="reply to posted commands")

    def step(self, force: bool = False) -> bool:
        """One turn of the loop; returns True if a frame was drawn (`force`: draw even if nothing changed)."""
        for event in pygame.event.get():
            self.handle_event(event)
        self.drain_inbox()
        self.carry_out(self.show.update())
        state = self.show.state
        self.motion.frozen = state.paused_at is not None
        fading = state.screen == "story" and state.previous_scene is not None and self.clock() - state.transition_started < CROSSFADE
        self.images.hold(fading)
        if state.screen == "story" and not fading:
            story.prime_next(self.view())
        elif state.screen == "note" and state.story:
            story.prime(self.view(), 0)  # a synchronised start's first frame must not wait for its picture
        drawn = self.draw_if_needed(force)
        self.voice.update(self.view())
        self.publish()
        call_each(self.step_hooks, what="loop hook")
        return drawn

    def publish(self) -> None:
        version = self.show.state.version
        if self._published_version == version:
            with self._snapshot_lock:
                self._snapshot["position"] = round(self.show.position(), 3)
            return
        self._published_version = version
        snap = self.show.snapshot()
        snap["started"] = self.first_frame if snap["screen"] == "story" else None
        with self._snapshot_lock:
            self._snapshot = snap
        call_each(self.change_listeners, snap, what="state listener")

    def frame_key(self, view: View) -> tuple:
        """Everything that changes the picture; when it is unchanged, nothing is redrawn."""
        state, now = view.state, view.now
        key: tuple = (state.version, self.metrics, self.images.idle())
        if state.screen == "story" and not state.blackout:
            cue = story.current_cue(view)
            layers = tuple(layer.serial for layer in self.motion.layers.values())
            fading = state.previous_scene is not None and now - state.transition_started < CROSSFADE + 0.1
            key += (cue, layers, round(now, 2) if fading else 0, round(self.show.position(now) * 4))
        elif state.screen == "attract" and not state.blackout:
            key += (round(now * 8), tuple(layer.serial for layer in self.motion.layers.values()))
        if state.warning_since is not None:
            key += (round(self.show.idle_left(now) or 0),)
        if now < state.identify_until:
            key += ("identify",)
        return key

    def draw_if_needed(self, force: bool = False) -> bool:
        started = time.perf_counter()
        new_scene = self._scene_key() != self._stamped
        if not force and not self.answer_now and not new_scene and started - self.last_frame < MIN_FRAME:
            return False
        self.answer_now = False
        view = self.view()
        key = self.frame_key(view)
        if not force and key == self.drawn:
            return False
        self.draw(view)
        pygame.display.flip()
        if new_scene:
            self._stamp_started()
        took = time.perf_counter() - started
        if self.frame_times is not None:
            self.frame_times.append(took)
        call_each(self.frame_listeners, took, what="frame listener")
        self.drawn, self.last_frame = key, started
        return True

    def _scene_key(self) -> tuple | None:
        state = self.show.state
        return (state.story, state.scene, state.scene_started) if state.screen == "story" else None

    def _stamp_started(self) -> None:
        """Record when this scene's first frame was presented (CLOCK_MONOTONIC and wall clock), next to when it was
        due on the show clock; synchronised screens are compared on these (docs/fleet.md)."""
        monotonic, wall = time.monotonic(), time.time()
        self._stamped = key = self._scene_key()
        if key is None:
            return
        state = self.show.state
        real = self.clock is time.monotonic
        self.first_frame = {"scene": state.scene + 1, "wall": wall, "monotonic": monotonic,
                            "target": state.scene_started + state.paused_total if real else None,
                            "audio": self._audio_started if real else None}
        self._published_version = None  # publish (and push) the stamp at once

    def draw(self, view: View | None = None) -> None:
        view = view or self.view()
        SCREENS[view.state.screen].draw(self.surface, view)
        if overlays.active(view):
            overlays.draw(self.surface, view)
        call_each(self.draw_hooks, self.surface, view, what="draw hook")

    def turn(self) -> bool:
        """One loop turn: step, then, if nothing was drawn, wait (without spinning) for an event or the next frame."""
        drew = self.step()
        if not drew:
            wait = BUSY_WAIT_MS if self.animating() else IDLE_WAIT_MS
            boundary = self.show.next_boundary()
            if boundary is not None:  # wake for the scene boundary itself, not the next 4 ms slot after it
                wait = max(1, min(wait, math.ceil((boundary - self.clock()) * 1000)))  # 0 would wait forever
            event = pygame.event.wait(wait)
            if event.type not in (pygame.NOEVENT, WAKE):
                pygame.event.post(event)
        return drew

    def run(self) -> None:
        while self.running:
            self.turn()
        self.close()

    def idle(self) -> bool:
        """Nothing left to do for the picture to be complete: no event or command waiting, no image being decoded,
        every moving picture's frame drawn. (The signal `kiosk.driver.Driver.wait_until_idle` waits for.)"""
        return self.inbox.empty() and not pygame.event.peek() and self.images.idle() and self.motion.drawn()

    def animating(self) -> bool:
        state = self.show.state
        return not state.blackout and (state.screen in ("story", "attract") or self.inbox.qsize() > 0)

    def screenshot(self, path: Path) -> Path:
        self.draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(path))
        return path

    def close(self) -> None:
        call_each(self.close_hooks, what="close hook")
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler)
        self.narration.stop()
        self.voice.close()
        self.images.close()
        self.motion.close()
        from .text import face, font

        face.cache_clear()
        font.cache_clear()
        pygame.quit()
