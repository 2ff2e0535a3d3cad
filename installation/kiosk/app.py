"""The kiosk: wires the pure show to the screen, sound, input and any outside command source."""

from __future__ import annotations

import ctypes
import gc
import logging
import math
import os
import queue
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
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
from .images import ImageStore, cover_size
from .input import Input
from .layout import Button, Metrics
from .motion import MARGIN, KenBurns
from .screens import Screen, attract, chooser, end, note, overlays, story
from .text import TextCache
from .view import View
from .voice import Voice

log = logging.getLogger(__name__)

SCREENS: dict[str, Screen] = {"attract": attract, "chooser": chooser, "note": note, "story": story, "end": end}
IDLE_WAIT_MS = 250  # how long the loop sleeps when nothing moves
BUSY_WAIT_MS = 33  # at most, between turns while the picture moves (the Ken Burns worker wakes it for its frames)
MIN_FRAME = 1 / 60  # never draw faster than the display shows; commands keep being handled in between
WAKE = pygame.event.custom_type()  # posted by other threads so a sleeping loop handles their commands at once

Reply = Callable[[list[Outcome], dict[int, dict]], None]  # (each command's outcome, {index: snapshot}) on the loop


def image_budget_mib(metrics: Metrics) -> int:
    """Decoded pixels to keep: four illustrations at Ken Burns size (16:9, covering the screen with its margin:
    the scenes around the current one, the attract and chooser artwork) and the cards' thumbnails. A story's other
    scenes are decoded again when it comes back to them."""
    w, h = cover_size((16, 9), (round(metrics.width * MARGIN), round(metrics.height * MARGIN)))
    return round((4 * w * h * 4 + 8 * 1024 * 1024) / (1024 * 1024))


def return_freed_memory() -> None:
    """Pixel buffers (images, Ken Burns frames) come and go all day. glibc raises its mmap threshold each time a
    big block is freed and then keeps such blocks in its heaps, so the process grows; a fixed threshold gives every
    block over 1 MiB its own mapping, handed back to the system when freed."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 1024 * 1024)  # M_MMAP_THRESHOLD
        libc.mallopt(-8, 2)  # M_ARENA_MAX: helper threads share the heaps
    except (OSError, AttributeError):
        pass  # not glibc


@dataclass
class Options:
    size: tuple[int, int] | None = None  # None: the display's own size
    windowed: bool = False
    headless: bool = False
    display: int = 0
    simulated: bool = False  # drive time with a SimClock (scripts, tests)
    audio: bool = True
    speech: Callable[[], Any] | None = None  # makes the speech engine for spoken guidance (wired by kiosk.play)
    threads: bool | None = None  # image and Ken Burns workers (default: on, unless simulated)


class App:
    def __init__(self, library: Library, options: Options):
        self.options = options
        self.clock: Callable[[], float] = SimClock() if options.simulated else time.monotonic
        return_freed_memory()
        self.started = time.monotonic()
        self.show = Show(library, self.clock)
        self._open_display()
        threaded = not options.simulated if options.threads is None else options.threads
        self.images = ImageStore(budget_mib=image_budget_mib(self.metrics), threaded=threaded)
        self.motion = KenBurns(self.clock, threaded=threaded)
        self.sleeping = False  # the loop waits for an event (turn)
        self.motion.on_frame = lambda: self.sleeping and self.wake()  # a new Ken Burns frame is shown at once
        self.memo: dict = {}  # what screens prepare and reuse while drawing (View.memo)
        self.readahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="captions")  # off the render thread
        self.entered: tuple | None = None  # (screen, story) whose on_enter ran last
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
        self.drawn_live: object = None
        self.last_frame = -1.0  # when the last frame was drawn (self.clock)
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
        return View(self.metrics, self.show, self.library, self.text, self.images, self.motion, self.clock(),
                    self.memo)

    def preload_story_cards(self) -> None:
        """The chooser's cards and artwork and the attract loop's artwork, decoded while nothing else is."""
        view = self.view()
        chooser.prepare(view)
        attract.prepare(view)

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
            self.wake()

    def wake(self) -> None:
        """Thread-safe: a sleeping loop takes its next turn at once."""
        try:
            pygame.event.post(pygame.event.Event(WAKE))
        except pygame.error:
            pass  # the loop still takes its turn after its wait

    def dispatch(self, command: Command) -> Outcome:
        """Hand a command to the show and carry out what it asks; returns the show's verdict (or `failed` if
        carrying it out went wrong)."""
        outcome, effects = self.show.dispatch(command)
        self.result: Any = None  # what an effect made for the one who asked (a thumbnail)
        failure = self.carry_out(effects)
        return failure or (outcome if self.result is None else Outcome(outcome.code, outcome.message, self.result))

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
            self.memo.clear()
            self.drawn = None
            self.preload_story_cards()
        elif kind == "screenshot":
            self.screenshot(Path(data["path"]).expanduser())
        elif kind == "thumbnail":
            from .thumbnail import thumbnail

            self.draw()
            self.result = thumbnail(self.surface, data["width"])
        elif kind == "quit":
            self.running = False

    def preload(self, story_id: str, scenes: list[int]) -> None:
        item = self.library.stories.get(story_id)
        if item is None:
            return
        m = self.metrics
        box = (round(m.width * MARGIN), round(m.height * MARGIN))
        for index in scenes:
            self.images.request(self.library.media(item.scenes[index].illustration), box)
        self.readahead.submit(self._read_timings, self.library, story_id, scenes)

    @staticmethod
    def _read_timings(library: Library, story_id: str, scenes: list[int]) -> None:
        """The scenes' captions and lengths in every language (a language switch then reads nothing)."""
        for index in scenes:
            for language in library.exhibition.languages:
                for described in (False, True):
                    library.timing(story_id, index, language, described)

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
        self.prepare(self.view())
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

    def prepare(self, view: View) -> None:
        """The screen's on_enter when it is shown (or shows another story), then its prepare: outside drawing."""
        state = view.state
        screen = SCREENS[state.screen]
        if self.entered != (state.screen, state.story):
            self.entered = (state.screen, state.story)
            screen.on_enter(view)
        if not state.blackout:
            screen.prepare(view)

    def frame_key(self, view: View) -> tuple:
        """Everything that changes the picture; when it is unchanged, nothing is redrawn."""
        state, now = view.state, view.now
        key: tuple = (state.version, self.metrics, self.images.idle())
        if not state.blackout:
            key += (SCREENS[state.screen].changes(view),)
        if state.warning_since is not None:
            key += (round(self.show.idle_left(now) or 0),)
        if now < state.identify_until:
            key += ("identify",)
        return key

    def live_key(self, view: View):
        """What changes only a screen's live part (LiveScreen), or None."""
        screen = SCREENS[view.state.screen]
        if view.state.blackout or overlays.active(view) or not hasattr(screen, "live"):
            return None
        return screen.live(view)

    def draw_if_needed(self, force: bool = False) -> bool:
        started, now = time.perf_counter(), self.clock()
        new_scene = self._scene_key() != self._stamped
        if not force and not self.answer_now and not new_scene and now - self.last_frame < MIN_FRAME:
            return False
        self.answer_now = False
        view = self.view()
        key, live = self.frame_key(view), self.live_key(view)
        if not force and key == self.drawn and live == self.drawn_live:
            return False
        if not force and key == self.drawn and live is not None and not self.draw_hooks:
            pygame.display.update(SCREENS[view.state.screen].draw_live(self.surface, view))
        else:
            self.render(view)
            pygame.display.flip()
        if new_scene:
            self._stamp_started()
        took = time.perf_counter() - started
        if self.frame_times is not None:
            self.frame_times.append(took)
        call_each(self.frame_listeners, took, what="frame listener")
        self.drawn, self.drawn_live, self.last_frame = key, live, now
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
        """Prepare and draw the whole picture (without presenting it)."""
        view = view or self.view()
        self.prepare(view)
        self.render(view)

    def render(self, view: View) -> None:
        SCREENS[view.state.screen].draw(self.surface, view)
        if overlays.active(view):
            overlays.draw(self.surface, view)
        call_each(self.draw_hooks, self.surface, view, what="draw hook")

    def turn(self) -> bool:
        """One loop turn: step, then, if nothing was drawn, wait (without spinning) for an event or the next frame."""
        drew = self.step()
        if not drew:
            wait = BUSY_WAIT_MS if self.moving() else IDLE_WAIT_MS
            boundary = self.show.next_boundary()
            if boundary is not None:  # wake for the scene boundary itself, not the next slot after it
                wait = max(1, min(wait, math.ceil((boundary - self.clock()) * 1000)))  # 0 would wait forever
            self.sleeping = True
            event = pygame.event.wait(wait)
            self.sleeping = False
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

    def moving(self) -> bool:
        """Whether the picture changes with time alone (or commands wait): the loop then wakes for frames."""
        state = self.show.state
        if self.inbox.qsize() > 0:
            return True
        return not state.blackout and SCREENS[state.screen].moving(self.view())

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
        self.readahead.shutdown(wait=False, cancel_futures=True)
        from .text import face, font

        face.cache_clear()
        font.cache_clear()
        pygame.quit()
