"""Every screen holds at every supported size: landscape and portrait, 100/150/200 % text, normal and high contrast,
English and Chinese. No rendered text leaves its box: the ink of every text drawn on the screen is measured (its
non-transparent pixels) against the button, card or panel it starts in, or else the screen; every button's label
against its button."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pygame
import pytest

from installation.content.load import load_library
from installation.kiosk import widgets
from installation.kiosk.layout import Rect
from installation.kiosk.screens import chooser, end, note, overlays
from installation.kiosk.text import TextCache
from installation.show.commands import make

REPO = Path(__file__).resolve().parents[2]
SIZES = [(1920, 1080), (1080, 1920)]
TEXT_SIZES = [1, 1.5, 2]
# (name, commands): the stories with the longest names, content notes, captions and epilogue of the show
SCREENS = [
    ("attract", []),
    ("chooser", ["begin"]),
    ("note-mi", ["begin", "open mi"]),
    ("note-about", ["begin", "open about"]),
    ("story", ["go niki-lucy", "pause"]),
    ("end-about", ["go about", "next", "next", "next", "next", "next", "next", "next", "next", "next", "next",
                   "next", "next"]),
    ("end-early", ["go niki-lucy", "home"]),
    ("help", ["begin", "help"]),
]
pytestmark = pytest.mark.usefixtures("decode_once")  # 48 screens at each size and language: the same pictures


class Recorder(pygame.Surface):
    """The kiosk's screen, noting where each rendered text lands."""

    texts: dict[int, tuple[str, pygame.Surface]] = {}

    def __init__(self, size):
        super().__init__(size)
        self.placed: list[tuple[str, pygame.Rect]] = []
        self.panels: list[tuple[int, Rect]] = []  # (texts placed before it, where): a box only for later texts

    def blit(self, source, dest, area=None, special_flags=0):
        known = self.texts.get(id(source))
        if known is not None and known[1] is source and area is None:
            x, y = (dest.x, dest.y) if isinstance(dest, (pygame.Rect, Rect)) else dest
            ink = source.get_bounding_rect()
            if ink.w and ink.h:
                self.placed.append((known[0], ink.move(round(x), round(y))))
        return super().blit(source, dest, area, special_flags)


@pytest.fixture(scope="module")
def show():
    library, problems = load_library(REPO / "config" / "viminal-space.yaml")
    assert not [p for p in problems if p.level == "error"], problems
    return library


@pytest.fixture
def recording(monkeypatch):
    """Texts as they are rendered, and the panels the screens draw (boxes that text must stay in)."""
    render = TextCache.render

    def tagged(self, text, size, colour):
        surface = render(self, text, size, colour)
        Recorder.texts[id(surface)] = (text, surface)
        return surface

    monkeypatch.setattr(TextCache, "render", tagged)

    def noted(surface, view, rect, *args, **kwargs):
        if isinstance(surface, Recorder):
            surface.panels.append((len(surface.placed), rect))
        return widgets.panel(surface, view, rect, *args, **kwargs)

    for module in (end, note, overlays):
        monkeypatch.setattr(module, "panel", noted)
    yield
    Recorder.texts.clear()


def inside(inner: pygame.Rect, outer: Rect) -> bool:
    return (inner.x >= outer.x and inner.y >= outer.y and inner.right <= outer.right
            and inner.bottom <= outer.bottom)


def box_of(ink: pygame.Rect, boxes: list[tuple[int, Rect]]) -> Rect:
    """The box the text starts in: the one drawn last (an overlay's panel over the cards), else the smallest."""
    holding = [(drawn, b) for drawn, b in boxes if b.contains(ink.x, ink.y)]
    return max(holding, key=lambda item: (item[0], -item[1].w * item[1].h))[1]


def overflows(app) -> list[str]:
    from installation.kiosk.app import SCREENS as DRAWN

    view = app.view()
    buttons = DRAWN[view.state.screen].buttons(view)
    screen = Rect(0, 0, *view.size)
    out = []
    for item in buttons:
        label = widgets.label_placement(view, item)
        if label is not None:
            surface, (x, y) = label
            ink = surface.get_bounding_rect().move(x, y)
            if not inside(ink, item.rect):
                out.append(f"label {item.label!r} {tuple(ink)} leaves its button {item.rect.tuple}")
    boxes = [(0, screen)] + [(0, b.rect) for b in buttons]
    for index, (text, ink) in enumerate(app.surface.placed):
        drawn = boxes + [(before, rect) for before, rect in app.surface.panels if before <= index]
        box = box_of(ink, drawn) if screen.contains(ink.x, ink.y) else screen
        if not inside(ink, box):
            out.append(f"{text!r} {tuple(ink)} leaves {box.tuple}")
        elif box == screen:  # text of the screen itself: no card or button drawn over it
            covered = [b.rect for b in buttons if b.rect != screen and pygame.Rect(b.rect.tuple).colliderect(ink)]
            if covered:
                out.append(f"{text!r} {tuple(ink)} is under {covered[0].tuple}")
    return out


@pytest.mark.timeout(400)  # 48 screens drawn and measured at each size and language
@pytest.mark.parametrize("language", ["en", "zh-Hant"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_text_leaves_its_box(show, size, language, recording):
    from installation.kiosk.app import App, Options

    app = App(show, Options(size=size, headless=True, simulated=True, audio=False))
    shots = os.environ.get("SCREENSHOT_DIR")
    try:
        app.surface = Recorder(size)
        found = []
        for contrast, text_size in itertools.product((False, True), TEXT_SIZES):
            for name, commands in SCREENS:
                app.dispatch(make("stop"))
                for command in ["language " + language, f"contrast {int(contrast)}", f"text_size {text_size}",
                                *commands]:
                    verb, *args = command.split()
                    app.dispatch(make(verb, *args))
                app.clock.advance(1.0)  # into the first caption of a story
                app.step()
                app.images.wait_all()
                app.surface.placed.clear()
                app.surface.panels.clear()
                app.draw()
                where = f"{name} {language} {'contrast' if contrast else 'normal'} {round(text_size * 100)}%"
                found += [f"{where}: {problem}" for problem in overflows(app)]
                if shots:
                    tag = f"{name}-{language}-{'hc' if contrast else 'n'}-{round(text_size * 100)}-{size[0]}x{size[1]}"
                    pygame.image.save(app.surface, str(Path(shots) / f"{tag}.png"))
        assert found == [], "\n".join(found)
    finally:
        app.images.close()
        app.motion.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_chooser_cards_use_the_width(show, size):
    """No wide empty band beside the cards: they reach the right margin, less the scroll arrows' gutter."""
    from installation.kiosk.app import App, Options
    from installation.kiosk.screens.chooser import buttons, gutter

    app = App(show, Options(size=size, headless=True, simulated=True, audio=False))
    try:
        for text_size in TEXT_SIZES:
            app.dispatch(make("text_size", str(text_size)))
            app.dispatch(make("begin"))
            view = app.view()
            cards = [b.rect for b in buttons(view) if b.extra.get("card")]
            assert cards
            edge = max(r.right for r in cards)
            assert size[0] - app.metrics.margin - gutter(view)[0] - edge < app.metrics.gap, (text_size, edge)
    finally:
        app.images.close()
        app.motion.close()


def test_the_measure_catches_a_label_too_long_for_its_button(show):
    from installation.kiosk.app import App, Options
    from installation.kiosk.layout import Button

    app = App(show, Options(size=(1080, 1920), headless=True, simulated=True, audio=False))
    try:
        view = app.view()
        narrow = Button(Rect(10, 10, 140, app.metrics.target), "home", label="Leave the story now")
        label = view.text.render(narrow.label, view.font_px(30), (255, 255, 255))
        assert not inside(label.get_bounding_rect().move(10, 10), narrow.rect)
        surface, (x, y) = widgets.label_placement(view, narrow)  # steps down until it fits
        assert inside(surface.get_bounding_rect().move(x, y), narrow.rect)
    finally:
        app.images.close()
        app.motion.close()
