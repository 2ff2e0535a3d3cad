"""The show as a pure state machine: (state, command, now) → new state, the show's verdict and effects.
No pygame here.

Every source of intent (touch, keys, OSC, opening hours, live reload, scripts) posts commands; `dispatch` answers
each with an `Outcome` (ok, or refused with a code and a message) and the effects adapters carry out.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from ..content.load import Library
from .commands import OK, Command, Outcome
from .preferences import Preferences
from .state import Effect, Settings, State
from .swap import adjust_state, safe_to_swap

CROSSFADE = 1.2  # seconds
FADE_OUT = 2.0


class Dispatched(NamedTuple):
    outcome: Outcome
    effects: list[Effect]


class Show(Preferences):
    def __init__(self, library: Library, clock: Callable[[], float]):
        self.library = library
        self.clock = clock
        exhibition = library.exhibition
        self.state = State(screen="attract", settings=Settings(language=exhibition.default_language))
        self.state.last_activity = self.state.screen_since = clock()
        self.effects: list[Effect] = []
        self.waiting: tuple[Library, frozenset] | None = None  # a reloaded library and its changed files

    # ----------------------------------------------------------------- queries
    @property
    def playlist(self) -> list[str]:
        return list(self.library.stories)

    @property
    def now(self) -> float:
        return self.clock()

    def position(self, now: float | None = None) -> float:
        """Seconds into the current scene's narration (frozen while paused)."""
        state = self.state
        if state.screen != "story":
            return 0.0
        now = self.now if now is None else now
        end = state.paused_at if state.paused_at is not None else now
        return max(0.0, end - state.scene_started - state.paused_total)

    def timing(self, scene: int | None = None):
        state = self.state
        index = state.scene if scene is None else scene
        return self.library.timing(state.story, index, state.settings.language,  # type: ignore[arg-type]
                                   state.settings.description)

    def scene_count(self) -> int:
        return len(self.library.stories[self.state.story].scenes) if self.state.story else 0

    def narration_playing(self, now: float) -> bool:
        state = self.state
        return (
            state.screen == "story"
            and state.paused_at is None
            and not state.blackout
            and self.position(now) < self.timing().length
        )

    def scene_end(self) -> float:
        """Show-clock time the current scene ends (its narration and hold), counted from its planned start."""
        state = self.state
        return state.scene_started + state.paused_total + self.timing().length + self._scene().hold

    def next_boundary(self) -> float | None:
        """When the picture must next change by itself (a scene boundary), or None."""
        state = self.state
        if state.screen != "story" or state.paused_at is not None or state.blackout:
            return None
        return self.scene_end()

    def idle_left(self, now: float | None = None) -> float | None:
        """Seconds until the idle reset while the warning shows, else None."""
        if self.state.warning_since is None:
            return None
        now = self.now if now is None else now
        return max(0.0, self.library.exhibition.idle.warning - (now - self.state.warning_since))

    def snapshot(self) -> dict:
        state, settings, now = self.state, self.state.settings, self.now
        in_story = state.screen in ("note", "story", "end") and state.story is not None
        return {
            "screen": state.screen,
            "story": state.story if in_story else None,
            "scene": state.scene + 1 if state.screen == "story" else None,
            "scenes": self.scene_count() if in_story else None,
            "position": round(self.position(now), 3),
            "paused": state.paused_at is not None,
            "language": settings.language,
            "captions": settings.captions,
            "text_size": settings.text_size,
            "contrast": settings.contrast,
            "description": settings.description,
            "voice": settings.voice,
            "volume": round(settings.volume, 3),
            "muted": settings.muted,
            "help": state.help,
            "idle_warning": None if state.warning_since is None else round(self.idle_left(now) or 0.0, 1),
            "blackout": state.blackout,
            "early_exit": state.early_exit if state.screen == "end" else None,
            "focus": state.focus,
        }

    # ----------------------------------------------------------------- driving
    def dispatch(self, command: Command) -> Dispatched:
        now = self.now
        at = command.meta.get("at")
        if at is not None:  # scheduled on the show clock (a timetagged bundle): it took effect then, not now
            now = min(now, float(at))
        self.update(now)
        state = self.state
        if command.from_visitor:
            state.last_activity = now
            if state.warning_since is not None:
                state.warning_since = None
                self._changed()
                if command.name not in ("volume_step", "toggle_mute", "mute", "volume"):
                    return Dispatched(OK, self._take())  # the touch that dismisses the warning does only that
        handler = getattr(self, "_do_" + command.name, None)
        if handler is None:
            return Dispatched(Outcome.rejected("not_found", f"unknown command '{command.name}'"), self._take())
        outcome = handler(now, *command.args) or OK
        self._swap_if_safe(now)
        return Dispatched(outcome, self._take())

    def update(self, now: float | None = None) -> list[Effect]:
        """Advance time-driven behaviour: scene ends, idle warning and reset, a reloaded library at a safe point."""
        now = self.now if now is None else now
        state = self.state
        while state.screen == "story" and state.paused_at is None and not state.blackout:
            boundary = self.scene_end()
            if now < boundary:
                break
            self._advance(boundary)  # at the planned boundary: screens started together stay together
        if state.screen != "attract" and not state.blackout:
            if self.narration_playing(now):
                state.last_activity = max(state.last_activity, now)
            idle = self.library.exhibition.idle
            if state.warning_since is None and now - state.last_activity >= idle.timeout:
                state.warning_since = now
                self._changed()
            elif state.warning_since is not None and now - state.warning_since >= idle.warning:
                self._emit("stat", event="idle_reset", screen=state.screen, story=state.story)
                self._reset(now)
        self._swap_if_safe(now)
        return self._take()

    # ----------------------------------------------------------------- helpers
    def _take(self) -> list[Effect]:
        effects, self.effects = self.effects, []
        return effects

    def _emit(self, kind: str, **data) -> None:
        self.effects.append(Effect(kind, data))

    def _changed(self, seen: bool = True) -> None:
        self.state.version += 1
        if seen:
            self.state.picture += 1

    def _scene(self):
        return self.library.stories[self.state.story].scenes[self.state.scene]  # type: ignore[index]

    def _go_screen(self, now: float, screen: str) -> None:
        state = self.state
        state.screen, state.screen_since, state.focus, state.help = screen, now, 0, False
        self._changed()

    def _reset(self, now: float) -> None:
        state = self.state
        if state.screen == "story":
            self._emit("narration.stop", fade=FADE_OUT)
        keep_volume = state.settings.volume
        state.settings = Settings(language=self.library.exhibition.default_language, volume=keep_volume)
        self._emit("volume", level=keep_volume, muted=False)
        state.story, state.warning_since, state.early_exit, state.scroll_row = None, None, False, 0
        state.paused_at = None
        self._go_screen(now, "attract")

    def _start_scene(self, now: float, index: int, crossfade: bool = True, again: bool = False) -> None:
        """Play scene `index` from its start; `again`: the same scene restarted (replay, language, description),
        which the statistics do not count as reached a second time."""
        state = self.state
        if crossfade and state.screen == "story" and index != state.scene:
            state.previous_scene, state.transition_started = state.scene, now
            state.previous_started = state.scene_started + state.paused_total
        else:
            state.previous_scene = None
        state.scene, state.scene_started, state.paused_at, state.paused_total = index, now, None, 0.0
        story = state.story
        self._emit("narration.play", story=story, scene=index, language=state.settings.language,
                   described=state.settings.description, at=now)  # at: when it is due on the show clock
        self._emit("preload", story=story, scenes=[i for i in (index, index + 1, index - 1) if 0 <= i < self.scene_count()])
        if not again:
            self._emit("stat", event="scene_reached", story=story, scene=index + 1, language=state.settings.language)
        self._changed()

    def _start_story(self, now: float, story_id: str) -> None:
        state = self.state
        state.story, state.early_exit = story_id, False
        self._emit("stat", event="story_started", story=story_id, language=state.settings.language,
                    text_size=state.settings.text_size)
        self._go_screen(now, "story")
        self._start_scene(now, 0, crossfade=False)

    def _advance(self, now: float) -> None:
        if self.state.scene + 1 < self.scene_count():
            self._start_scene(now, self.state.scene + 1)
        else:
            self._finish(now, early=False)

    def _finish(self, now: float, early: bool) -> None:
        state = self.state
        if early:
            self._emit("narration.stop", fade=FADE_OUT / 2)
            self._emit("stat", event="left_early", story=state.story, scene=state.scene + 1)
        else:
            self._emit("stat", event="story_completed", story=state.story)
        state.early_exit, state.paused_at = early, None
        self._go_screen(now, "end")

    def _unknown_story(self, story_id: str) -> Outcome | None:
        if story_id in self.library.stories:
            return None
        return Outcome.rejected("unknown_story", f"no playable story '{story_id}'", data=list(self.library.stories))

    def _swap_if_safe(self, now: float) -> None:
        """Live reload: swap in the waiting library once the visitor is at a safe point (show/swap.py)."""
        if self.waiting is None or not safe_to_swap(self.state, self.waiting[0]):
            return
        (library, stale), self.waiting = self.waiting, None
        self.library = library
        adjust_state(self.state, library)
        self._emit("content", library=library, stale=stale)

    # ----------------------------------------------------------------- commands
    def _do_begin(self, now: float) -> None:
        if self.state.screen == "attract":
            self._emit("stat", event="session_started")
            self._go_screen(now, "chooser")

    def _do_open(self, now: float, story_id: str) -> Outcome | None:
        if unknown := self._unknown_story(story_id):
            return unknown
        if self.state.screen == "story":
            self._emit("narration.stop", fade=FADE_OUT / 2)
        self.state.story = story_id
        first = [i for i in (0, 1) if i < len(self.library.stories[story_id].scenes)]
        self._emit("preload", story=story_id, scenes=first)  # read while the note is
        self._go_screen(now, "note")
        return None

    def _do_go(self, now: float, story_id: str) -> Outcome | None:
        if unknown := self._unknown_story(story_id):
            return unknown
        if self.state.screen == "story":
            self._emit("narration.stop", fade=0.3)
        self._start_story(now, story_id)
        return None

    def _do_continue(self, now: float) -> None:
        screen = self.state.screen
        if screen == "note" and self.state.story:
            self._start_story(now, self.state.story)
        elif screen == "end":
            self._go_screen(now, "chooser")
        elif screen == "attract":
            self._do_begin(now)

    def _do_decline(self, now: float) -> None:
        if self.state.screen == "note":
            self._emit("stat", event="note_declined", story=self.state.story)
            self._go_screen(now, "chooser")

    def _do_home(self, now: float) -> None:
        screen = self.state.screen
        if screen == "story":
            self._finish(now, early=True)
        elif screen in ("note", "end"):
            self._go_screen(now, "chooser")
        elif screen == "attract":
            self._do_begin(now)

    def _do_back(self, now: float) -> None:
        state = self.state
        if state.help:
            state.help = False
            self._changed()
        elif state.screen == "note":
            self._do_decline(now)
        elif state.screen == "chooser":
            self._go_screen(now, "attract")
        else:
            self._do_home(now)

    def _do_stop(self, now: float) -> None:
        if self.state.screen != "attract":
            self._reset(now)

    def _do_select(self, now: float) -> None:
        state = self.state
        if state.help:
            state.help = False
            self._changed()
        elif state.screen == "attract":
            self._do_begin(now)
        elif state.screen == "chooser":
            playlist = self.playlist
            if playlist:
                self._do_open(now, playlist[min(state.focus, len(playlist) - 1)])
        elif state.screen == "note":
            (self._do_continue if state.focus == 0 else self._do_decline)(now)
        elif state.screen == "end":
            self._do_continue(now)
        elif state.screen == "story":
            self._do_toggle_pause(now)

    def _do_focus(self, now: float, index: int) -> None:
        limit = {"chooser": len(self.playlist), "note": 2}.get(self.state.screen, 1)
        self.state.focus = max(0, min(index, limit - 1))
        self._changed()

    def _do_scroll_to(self, now: float, row: int) -> None:
        self.state.scroll_row = max(0, row)
        self._changed()

    def _do_extend(self, now: float) -> None:
        self.state.last_activity = now

    def _do_pause(self, now: float) -> None:
        state = self.state
        if state.screen == "story" and state.paused_at is None:
            state.paused_at = now
            self._emit("narration.pause")
            self._changed()

    def _do_resume(self, now: float) -> None:
        state = self.state
        if state.screen == "story" and state.paused_at is not None:
            state.paused_total += now - state.paused_at
            state.paused_at = None
            self._emit("narration.resume")
            self._changed()

    def _do_toggle_pause(self, now: float) -> None:
        (self._do_resume if self.state.paused_at is not None else self._do_pause)(now)

    def _do_next(self, now: float) -> None:
        if self.state.screen == "story":
            self._advance(now)

    def _do_previous(self, now: float) -> None:
        if self.state.screen == "story":
            self._start_scene(now, max(0, self.state.scene - 1))

    def _do_replay(self, now: float) -> None:
        if self.state.screen == "story":
            self._start_scene(now, self.state.scene, crossfade=False, again=True)

    def _do_scene(self, now: float, number: int) -> Outcome | None:
        if self.state.screen != "story":
            return Outcome.rejected("bad_args", "a scene can be chosen while a story plays")
        if not 1 <= number <= self.scene_count():
            return Outcome.rejected("bad_args", f"this story has scenes 1–{self.scene_count()}")
        self._start_scene(now, number - 1)
        return None

    # ----------------------------------------------------------------- the kiosk itself
    def _do_quit(self, now: float) -> None:
        self._emit("quit")

    def _do_reload(self, now: float) -> None:
        self._emit("reload")

    def _do_screenshot(self, now: float, path: str) -> Outcome:
        if not path.lower().endswith(".png"):
            return Outcome.rejected("bad_args", "a screenshot needs a path ending in .png")
        self._emit("screenshot", path=path)
        return Outcome(data=path)

    def _do_thumbnail(self, now: float, width: int = 320) -> Outcome | None:
        if not 16 <= width <= 640:
            return Outcome.rejected("bad_args", "a thumbnail is 16–640 px wide")
        self._emit("thumbnail", width=width)
        return None

    def _do_new_content(self, now: float, library: Library | None, stale: frozenset, problems: tuple) -> None:
        """Live reload's result (ops/reload.py): `library` waits for a safe point; None means it was refused, and
        `problems` are shown to curators until a later reload succeeds."""
        if problems != self.state.problems:
            self.state.problems = problems
            self._changed()
        if library is not None:
            earlier = self.waiting[1] if self.waiting else frozenset()
            self.waiting = (library, stale | earlier)
