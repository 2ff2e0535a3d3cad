"""Touch, mouse and keys → commands. Taps go to the button under the finger; swipes move between scenes."""

from __future__ import annotations

import logging

import pygame

from ..show.commands import Command, make
from ..show.preferences import VOLUME_STEP
from .layout import Button, hit
from .screens import chooser

log = logging.getLogger(__name__)

SWIPE = 120  # px at 1080p


def quit_request(event: pygame.event.Event, kiosk_mode: bool) -> tuple[bool, Command | None]:
    """Whether `event` asks to quit (a window close, Esc, the technician's Ctrl+Shift+Q), and the command it gets:
    none for a window close or Esc in kiosk mode, where a visitor could send them."""
    if event.type == pygame.KEYDOWN and event.key == pygame.K_q and event.mod & pygame.KMOD_CTRL \
            and event.mod & pygame.KMOD_SHIFT:
        log.info("technician exit (Ctrl+Shift+Q)")
        return True, make("quit", source="technician")
    if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
        return True, None if kiosk_mode else make("quit", source="window")
    return False, None


class Input:
    def __init__(self):
        self.pressed: tuple[float, float] | None = None

    def handle(self, event: pygame.event.Event, view, buttons: list[Button]) -> list[Command]:
        m = view.metrics
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not getattr(event, "touch", False):
            self.pressed = event.pos
        elif event.type == pygame.FINGERDOWN:
            self.pressed = (event.x * m.width, event.y * m.height)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not getattr(event, "touch", False):
            return self._release(event.pos, view, buttons, "mouse")
        elif event.type == pygame.FINGERUP:
            return self._release((event.x * m.width, event.y * m.height), view, buttons, "touch")
        elif event.type == pygame.KEYDOWN:
            return [make(name, *args, source="key") for name, args in key_commands(event.key, view)]
        return []

    def _release(self, pos: tuple[float, float], view, buttons: list[Button], source: str) -> list[Command]:
        start, self.pressed = self.pressed, None
        if start is None:
            return []
        dx, dy = pos[0] - start[0], pos[1] - start[1]
        limit = view.metrics.px(SWIPE)
        screen = view.state.screen
        overlay = view.state.help or view.state.warning_since is not None or view.state.blackout
        if not overlay and max(abs(dx), abs(dy)) >= limit:
            if screen == "story" and abs(dx) > abs(dy):
                return [make("next" if dx < 0 else "previous", source=source)]
            if screen == "chooser" and abs(dy) > abs(dx):
                first = chooser.scroll_row(view) + (1 if dy < 0 else -1)
                return [make("scroll_to", max(0, first), source=source)]
            return [make("extend", source=source)]
        target = hit(buttons, *start)
        if target is None or not target.command:
            return [make("extend", source=source)]
        return [make(target.command, *target.args, source=source)]


def key_commands(key: int, view) -> list[tuple[str, tuple]]:
    """The keypad vocabulary: arrows, Enter, Backspace, Home, +/−, H, and letters for settings."""
    state = view.state
    common = {
        pygame.K_BACKSPACE: ("back", ()),
        pygame.K_HOME: ("home", ()),
        pygame.K_h: ("help", ()),
        pygame.K_PLUS: ("volume_step", (VOLUME_STEP,)), pygame.K_EQUALS: ("volume_step", (VOLUME_STEP,)),
        pygame.K_KP_PLUS: ("volume_step", (VOLUME_STEP,)),
        pygame.K_MINUS: ("volume_step", (-VOLUME_STEP,)), pygame.K_KP_MINUS: ("volume_step", (-VOLUME_STEP,)),
        pygame.K_m: ("toggle_mute", ()),
        pygame.K_c: ("toggle_captions", ()),
        pygame.K_d: ("toggle_description", ()),
        pygame.K_l: ("cycle_language", ()),
        pygame.K_t: ("cycle_text_size", ()),
        pygame.K_k: ("toggle_contrast", ()),
        pygame.K_RETURN: ("select", ()), pygame.K_KP_ENTER: ("select", ()), pygame.K_SPACE: ("select", ()),
    }
    if state.warning_since is not None:
        return [("extend", ())]
    if key == pygame.K_v:  # before the attract screen's "any key begins": a blind visitor turns speech on first
        return [("toggle_voice", ())]
    if state.help:
        return [("help", (False,))]
    screen = state.screen
    if screen == "attract":
        return [("begin", ())]
    if screen == "story":
        story_keys = {pygame.K_LEFT: ("previous", ()), pygame.K_RIGHT: ("next", ()), pygame.K_r: ("replay", ()),
                      pygame.K_UP: ("volume_step", (VOLUME_STEP,)), pygame.K_DOWN: ("volume_step", (-VOLUME_STEP,))}
        if key in story_keys:
            return [story_keys[key]]
    elif screen == "chooser" and key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
        columns = chooser.grid(view)[0]
        step = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1, pygame.K_UP: -columns, pygame.K_DOWN: columns}[key]
        focus = max(0, min(len(view.show.playlist) - 1, state.focus + step))
        return [("focus", (focus,)), ("scroll_to", (chooser.row_for_focus(view, focus),))]
    elif screen == "note" and key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
        return [("focus", (1 - state.focus,))]
    return [common[key]] if key in common else []
