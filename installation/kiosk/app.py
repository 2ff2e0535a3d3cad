"""The kiosk: wires the pure show to the screen, sound, input and any outside command source, and runs its loop."""

from __future__ import annotations

import gc
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pygame

from ..content.load import Library
from ..hooks import call_each
from ..show.clock import SimClock
from ..show.commands import Command, Outcome, make
from ..show.machine import CROSSFADE, Show
from ..show.state import Effect
from ..threads import lower_priority
from .audio import Narration
from .display import handle_stop_signals, image_budget_mib, open_display, restore_signals
from .effects import Effects
from .frames import SCREENS, Frames
from .images import ImageStore
from .inbox import Inbox, Reply
from .input import Input, quit_request
from .layout import Button, Metrics
from .motion import KenBurns
from .loop import WAKE, Loop
from . import memory
from .pacing import HAND_OVER
from .published import Published
from .screens import attract, chooser, overlays
from .text import TextCache
from .view import View
from .voice import Voice

log = logging.getLogger(__name__)

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
        self.ahead = 0.0 if options.simulated else HAND_OVER  # timetagged commands may come this early
        self.pinned: float | None = None  # while a due frame is prepared, the show's clock reads its due time
        memory.return_freed_memory()
        self.started = time.monotonic()
        self.show = Show(library, self.now)
        self.surface, self.kiosk_mode = open_display(options.size, options.windowed, options.headless,
                                                     options.display,
                                                     library.exhibition.title.get("en", "Exhibition"))
        self.metrics = Metrics(*self.surface.get_size())
        threaded = not options.simulated if options.threads is None else options.threads
        self.images = ImageStore(budget_mib=image_budget_mib(self.metrics), threaded=threaded)
        self.motion = KenBurns(self.clock, threaded=threaded)
        self.loop = Loop(self, options.simulated)
        self.motion.on_frame = lambda: self.loop.sleeping and self.wake()  # a new Ken Burns frame is shown at once
        self.memo: dict = {}  # what screens prepare and reuse while drawing (View.memo)
        self.entered: tuple | None = None  # (screen, story) whose on_enter ran last
        self.narration = Narration(enabled=options.audio)
        self.voice = Voice(audio=self.narration.enabled, speech=options.speech)
        self.text = TextCache()
        self.input = Input()
        self.inbox = Inbox(self.clock)
        self.effects = Effects(self)
        self.frames = Frames(self)
        self.effect_listeners: list[Callable[[Effect], None]] = []
        self.change_listeners: list[Callable[[dict], None]] = []
        # ops hooks (installation.ops: live reload, opening hours, statistics, watchdog); see ops/__init__.py
        self.step_hooks: list[Callable[[], None]] = []  # once per loop turn, after drawing
        self.draw_hooks: list[Callable[[pygame.Surface, View], None]] = []  # over the finished picture
        self.close_hooks: list[Callable[[], None]] = []
        self.frame_listeners: list[Callable[[float], None]] = []  # seconds each drawn frame took (metrics)
        self.frame_times: list[float] | None = None
        self.release: str | None = None  # id of the loaded content (installation.ops.release)
        self.running = True
        self.published = Published(self)
        self.narration.set_volume(self.show.state.settings.volume, False)
        self.preload_story_cards()
        self._previous_handlers = handle_stop_signals(lambda: self.post(make("quit", source="signal")))
        gc.freeze()  # content loaded at start-up never needs collecting; keeps collections short mid-show

    @property
    def library(self) -> Library:
        """The show's library (live reload swaps it inside the show)."""
        return self.show.library

    @property
    def first_frame(self) -> dict | None:
        return self.frames.first_frame

    def now(self) -> float:
        """The show's clock: the kiosk's, except while a due frame is prepared (then that frame's due time)."""
        return self.clock() if self.pinned is None else self.pinned

    def view(self) -> View:
        return View(self.metrics, self.show, self.library, self.text, self.images, self.motion, self.now(),
                    self.memo)

    def preload_story_cards(self) -> None:
        """The chooser's cards and artwork and the attract loop's artwork, decoded while nothing else is."""
        view = self.view()
        chooser.prepare(view)
        attract.prepare(view)
        self.lengths_due = self.images.threaded  # read once the next frame is on screen (`warm_lengths`)

    def warm_lengths(self) -> None:
        """Read every story's length (the chooser and the notes show it; each scene's recording header is opened)
        on a helper thread, after a frame is presented: neither the first frame nor a visitor's first tap waits
        for it."""
        self.lengths_due = False
        library = self.library

        def read() -> None:
            lower_priority(10)
            for story_id in list(library.stories):
                for language in library.exhibition.languages:
                    library.story_length(story_id, language)

        threading.Thread(target=read, name="story-lengths", daemon=True).start()

    # ---------------------------------------------------------------- commands
    def post(self, commands: Command | tuple[Command, ...] | list[Command], reply: Reply | None = None,
             states: frozenset[int] | set[int] = frozenset()) -> None:
        """Thread-safe: queue commands from anywhere (OSC, schedule, live reload). They run in order in one loop
        turn (commands timetagged ahead, `meta["at"]`, at that time on the show clock); `reply` then gets each
        one's outcome and the show's snapshot after `i` of them for each i in `states` (0: before the first)."""
        batch = (commands,) if isinstance(commands, Command) else tuple(commands)
        if self.inbox.put((batch, reply, frozenset(states))):
            self.wake()

    def wake(self) -> None:
        """Thread-safe: a sleeping loop takes its next turn at once."""
        self.loop.wake()

    def dispatch(self, command: Command) -> Outcome:
        """Hand a command to the show and carry out what it asks; returns the show's verdict (or `failed` if
        carrying it out went wrong)."""
        outcome, effects = self.show.dispatch(command)
        self.result: Any = None  # what an effect made for the one who asked (a thumbnail)
        failure = self.carry_out(effects)
        return failure or (outcome if self.result is None else Outcome(outcome.code, outcome.message, self.result))

    def carry_out(self, effects: list[Effect]) -> Outcome | None:
        return self.effects.carry_out(effects)

    def snapshot(self) -> dict:
        """Thread-safe: the state as of the last loop turn (OSC /state)."""
        return self.published.snapshot()

    def run_batch(self, batch: tuple[Command, ...], reply: Reply | None, states: frozenset) -> None:
        """Run posted commands in order and tell the poster the show's verdicts."""
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

    def drain_inbox(self) -> None:
        """Run what other threads posted, and what was timetagged for now or earlier."""
        for batch in self.inbox.ready():
            self.run_batch(*batch)
        for batch in self.inbox.due(self.now()):
            self.run_batch(*batch)

    # ---------------------------------------------------------------- input
    def buttons(self, view: View) -> list[Button]:
        if overlays.active(view) and overlays.buttons(view):
            return overlays.buttons(view)
        return SCREENS[self.show.state.screen].buttons(view)

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == WAKE:
            return
        asked, quit = quit_request(event, self.kiosk_mode)
        if asked:
            if quit is not None:
                self.dispatch(quit)
            return
        if event.type == pygame.VIDEORESIZE or event.type == pygame.WINDOWSIZECHANGED:
            self.metrics = Metrics(*self.surface.get_size())
            self.frames.drawn = None
            return
        view = self.view()
        for command in self.input.handle(event, view, self.buttons(view)):
            self.dispatch(command)
            self.frames.answer_now = True

    # ---------------------------------------------------------------- loop
    def step(self, force: bool = False, draw: bool = True) -> bool:
        """One turn of the loop; returns True if a frame was drawn (`force`: draw even if nothing changed;
        not `draw`: handle everything but draw nothing)."""
        self.handle_events()
        self.drain_inbox()
        self.carry_out(self.show.update())
        self.before_drawing()
        drawn = self.frames.draw_if_needed(force) if draw or force else False
        self.after_drawing()
        return drawn

    def handle_events(self) -> None:
        for event in pygame.event.get():
            self.handle_event(event)

    def before_drawing(self) -> None:
        """What the frame needs before it is drawn: moving layers frozen or not, decoding held during a crossfade,
        the screen's on_enter and prepare."""
        self.motion.frozen = self.show.state.paused_at is not None
        self.hold_background()
        self.prepare(self.view())

    def hold_background(self) -> None:
        """While a crossfade plays, no picture is decoded or let go (either holds the GIL for milliseconds)."""
        state = self.show.state
        fading = state.screen == "story" and state.previous_scene is not None and \
            self.now() - state.transition_started < CROSSFADE
        self.images.hold(fading)
        memory.hold(fading)

    def after_drawing(self) -> None:
        self.voice.update(self.view())
        self.published.publish()
        call_each(self.step_hooks, what="loop hook")

    def prepare(self, view: View) -> None:
        """The screen's on_enter when it is shown (or shows another story), then its prepare: outside drawing."""
        state = view.state
        screen = SCREENS[state.screen]
        if self.entered != (state.screen, state.story):
            self.entered = (state.screen, state.story)
            screen.on_enter(view)
        if not state.blackout:
            screen.prepare(view)

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
        """One loop turn (`Loop.turn`): True if a frame was presented."""
        return self.loop.turn()

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
        if not self.inbox.empty():
            return True
        return not state.blackout and SCREENS[state.screen].moving(self.view())

    def screenshot(self, path: Path) -> Path:
        self.draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(path))
        return path

    def close(self) -> None:
        call_each(self.close_hooks, what="close hook")
        restore_signals(self._previous_handlers)
        self.narration.stop()
        self.voice.close()
        self.images.close()
        self.motion.close()
        self.effects.close()
        memory.hold(False)  # a kiosk closed during a crossfade leaves nothing waiting to be let go
        from .text import face, font

        face.cache_clear()
        font.cache_clear()
        pygame.quit()
