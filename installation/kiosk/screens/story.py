"""Playback: the illustration with slow pan/zoom and crossfade, captions in sync, and the controls."""

from __future__ import annotations

import dataclasses

import pygame

from ...content.linebreak import LINE_CHARS
from ...show.machine import CROSSFADE
from ...show.preferences import VOLUME_STEP
from ..layout import Button, Rect, row
from ..memory import let_go, trim
from ..motion import MARGIN
from ..strings import t
from ..view import View
from ..widgets import button, label_width, rounded, vertical_shade

def control_rows(view: View) -> list[list[tuple[int, dict]]]:
    m, lang, settings = view.metrics, view.language, view.state.settings
    paused = view.state.paused_at is not None
    tt = m.target
    playback = [
        (tt, dict(command="previous", icon="previous")),
        (tt, dict(command="toggle_pause", icon="play" if paused else "pause", active=paused)),
        (tt, dict(command="next", icon="next")),
        (tt, dict(command="replay", icon="replay")),
    ]
    fit = lambda least, label: max(m.px(least), label_width(view, label))  # noqa: E731 - wide enough for its label
    described = t("description_button", lang)
    options = [
        (fit(88, "CC"), dict(command="toggle_captions", label="CC", active=settings.captions)),
        (fit(88, described), dict(command="toggle_description", label=described, active=settings.description)),
        (fit(120, "A 200%"), dict(command="cycle_text_size", label=f"A {round(settings.text_size * 100)}%")),
        (tt, dict(command="toggle_contrast", icon="contrast", active=settings.contrast)),
    ]
    if len(view.library.exhibition.languages) > 1:
        language = t("language_button", lang)
        options.append((fit(150, language), dict(command="cycle_language", label=language)))
    volume = t("muted", lang) if settings.muted else f"{round(settings.volume * 100)}%"
    sound = [
        (tt, dict(command="volume_step", args=(-VOLUME_STEP,), icon="volume_down")),
        (fit(96, "100%"), dict(command="toggle_mute", label=volume, active=settings.muted)),
        (tt, dict(command="volume_step", args=(VOLUME_STEP,), icon="volume_up")),
    ]
    groups = [playback, options, sound]
    width = lambda specs: sum(w for w, _ in specs) + m.gap * (len(specs) - 1)
    total = sum(width(g) for g in groups) + m.gap * 2 * (len(groups) - 1)
    if total <= m.width - 2 * m.margin:
        return [playback + [(0, {})] + options + [(0, {})] + sound]
    return [playback + [(0, {})] + sound, options]


def bar_top(view: View) -> int:
    m = view.metrics
    rows = len(control_rows(view))
    return m.height - m.margin // 2 - rows * m.target - (rows - 1) * m.px(16)


def buttons(view: View) -> list[Button]:
    m, lang = view.metrics, view.language
    leave = t("leave", lang)
    leave_w = max(m.px(190), label_width(view, leave, icon=True))
    out = [Button(Rect(m.margin, m.margin // 2, leave_w, m.target), "home", icon="close+label", label=leave),
           Button(Rect(m.width - m.margin - m.target, m.margin // 2, m.target, m.target), "help", label="?")]
    y = bar_top(view)
    for specs in control_rows(view):
        for rect, spec in row(m, specs, y, align="center"):
            if spec:
                out.append(Button(rect, **spec))
        y += m.target + m.px(16)
    return out


def box(view: View) -> tuple[int, int]:
    m = view.metrics
    return (round(m.width * MARGIN), round(m.height * MARGIN))


def illustration(view: View, story_id: str, scene_index: int):
    return view.library.media(view.library.stories[story_id].scenes[scene_index].illustration)


def prime(view: View, story_id: str, scene_index: int) -> None:
    """Have a scene's first frame ready before it starts: its illustration asked for, and once decoded, its
    first Ken Burns frame rendered on the worker."""
    path = illustration(view, story_id, scene_index)
    view.images.request(path, box(view))
    image = view.images.get(path, box(view))
    if image is not None:
        view.motion.prime((story_id, scene_index), image, scene_index, view.size)


def on_enter(view: View) -> None:
    """A story starts, from its note or straight from another story (a remote /go): the last one's caption box goes
    and the heaps' free pages are handed back."""
    view.memo.pop("caption_box", None)
    trim()


def leave_story(view: View) -> None:
    """After a story: its moving layers, its bars (and the shades they were made from), its caption's box and its
    scenes' pictures are let go, and the heaps' free pages handed back."""
    view.motion.keep(set())
    view.memo.pop("chrome", None)
    view.memo.pop("caption_box", None)
    vertical_shade.cache_clear()  # the bars' are screen-wide (~5 MiB at 1080p); the other screens keep shaded copies
    view.images.release(box(view))
    trim()


def fading(view: View) -> bool:
    state = view.state
    return state.previous_scene is not None and view.now - state.transition_started < CROSSFADE


def prepare(view: View) -> None:
    """The moving layers of the scene (and of the one fading out) and, outside a transition, the next scene primed."""
    state = view.state
    keep = {(state.story, state.scene)}
    _layer(view, state.scene, state.scene_started + state.paused_total)
    if fading(view):
        _layer(view, state.previous_scene, state.previous_started, moving=False)
        keep.add((state.story, state.previous_scene))
    view.motion.keep(keep, primed={(state.story, state.scene + 1)})
    if not fading(view) and state.scene + 1 < view.show.scene_count():
        prime(view, state.story, state.scene + 1)
    near = {state.scene - 1, state.scene, state.scene + 1} | {index for _, index in keep}
    view.images.only(box(view), [illustration(view, state.story, i) for i in near if 0 <= i < view.show.scene_count()])
    prepare_chrome(view)


def prepare_chrome(view: View) -> None:
    """The bars for this state, and on a later turn the bars in the next language, so that neither the story's
    first frame (the content note makes its bars) nor the language button waits for them to be made."""
    made = view.memo.setdefault("chrome", {})
    key = _chrome_key(view)
    keep = {key}
    if key not in made:
        made[key] = make_chrome(view)
    elif (ahead := view.in_next_language()) is not None:
        ahead_key = _chrome_key(ahead)
        keep.add(ahead_key)
        if ahead_key not in made:
            made[ahead_key] = make_chrome(ahead)
    let_go(*[made.pop(old) for old in [k for k in made if k not in keep]])


def _layer(view: View, scene_index: int, started: float, moving: bool = True):
    story = view.library.stories[view.state.story]
    path = illustration(view, story.id, scene_index)
    view.images.request(path, box(view))
    image = view.images.get(path, box(view))
    if image is None:
        return None
    duration = view.show.timing(scene_index).length + story.scenes[scene_index].hold + CROSSFADE
    return view.motion.set((story.id, scene_index), image, started, duration, scene_index, view.size, moving)


def moving(view: View) -> bool:
    return view.state.paused_at is None or fading(view)


def changes(view: View):
    state, now = view.state, view.now
    layers = tuple(layer.serial for layer in view.motion.layers.values())
    fade = round(now, 2) if state.previous_scene is not None and now - state.transition_started < CROSSFADE + 0.1 else 0
    return (current_cue(view), layers, fade, round(view.show.position(now) * 4))


def draw(surface: pygame.Surface, view: View) -> None:
    draw_picture(surface, view)
    draw_chrome(surface, view)
    if view.state.settings.captions:
        draw_caption(surface, view)


def draw_picture(surface: pygame.Surface, view: View) -> None:
    """The scene's moving picture, fading in over the last one's during a crossfade."""
    state = view.state
    fade = (view.now - state.transition_started) / CROSSFADE
    current = view.motion.layers.get((state.story, state.scene))
    previous = None
    if state.previous_scene is not None and fade < 1:
        previous = view.motion.layers.get((state.story, state.previous_scene))
    ready = current is not None and current.front is not None
    if previous is not None and previous.front is not None:
        with previous.lock:
            surface.blit(previous.front, (0, 0))
        alpha = max(0, min(255, round(255 * fade))) if ready else 0
    elif not ready:
        surface.fill((0, 0, 0))
    else:
        alpha = 255
    if ready and (previous is None or alpha > 0):
        with current.lock:
            current.front.set_alpha(alpha if alpha < 255 else None)
            surface.blit(current.front, (0, 0))
            current.front.set_alpha(None)


def _chrome_key(view: View) -> tuple:
    state, settings = view.state, view.state.settings
    # the volume button and "scene k of n" are drawn every frame instead, so a fader moved over OSC or a tap on
    # Next never rebuilds the bars
    return (view.size, state.story, state.paused_at is not None, view.language, settings.captions,
            settings.description, settings.text_size, settings.contrast)


def chrome(view: View) -> tuple[pygame.Surface, pygame.Surface, int]:
    """The top and bottom bars (shade, buttons, labels) for this state: made by `prepare_chrome`, blitted every
    frame."""
    kept = view.memo.get("chrome", {}).get(_chrome_key(view))
    return kept if kept is not None else make_chrome(view)


def make_chrome(view: View) -> tuple[pygame.Surface, pygame.Surface, int]:
    m, paused = view.metrics, view.state.paused_at is not None
    top_h = m.margin // 2 + m.target + m.px(24) + (m.px(80) if paused else 0)
    bottom = bar_top(view) - m.px(24)
    top = vertical_shade((m.width, top_h), 150, 0).copy()
    low = vertical_shade((m.width, m.height - bottom), 0, 190).copy()
    draw_bars(top, low, bottom, view)
    return top, low, bottom


LIVE_BUTTON = "toggle_mute"  # shows the volume level


def live(view: View):
    """A change of volume (a fader on a technician's console sends dozens a second) redraws its button alone."""
    return view.state.settings.volume, view.state.settings.muted


def draw_live(surface: pygame.Surface, view: View) -> list[tuple]:
    item = next(item for item in buttons(view) if item.command == LIVE_BUTTON)
    surface.set_clip(item.rect.tuple)  # the picture and the bottom bar under the button, clipped to it
    try:
        draw_picture(surface, view)
        _, low, bottom = chrome(view)
        surface.blit(low, (0, bottom))
        button(surface, view, item)
    finally:
        surface.set_clip(None)
    return [item.rect.tuple]


def draw_chrome(surface: pygame.Surface, view: View) -> None:
    state, m, palette = view.state, view.metrics, view.palette
    top, low, bottom = chrome(view)
    surface.blit(top, (0, 0))
    surface.blit(low, (0, bottom))
    for item in buttons(view):
        if item.command == LIVE_BUTTON:
            button(surface, view, item)
    count = view.show.scene_count()
    label = view.text.render(t("scene_of", view.language, k=state.scene + 1, n=count), view.font_px(28, cap=1.5),
                             palette.text)
    surface.blit(label, ((m.width - label.get_width()) // 2, m.margin // 2 + (m.target - label.get_height()) // 2))
    # progress: one segment per scene
    seg_gap, y, h = m.px(6), m.px(8), max(3, m.px(6))
    seg_w = (m.width - 2 * m.margin - seg_gap * (count - 1)) / max(1, count)
    timing = view.show.timing()
    within = min(1.0, view.show.position(view.now) / max(0.1, timing.length))
    for i in range(count):
        x = round(m.margin + i * (seg_w + seg_gap))
        pygame.draw.rect(surface, palette.outline, (x, y, round(seg_w), h))
        done = 1.0 if i < state.scene else within if i == state.scene else 0.0
        if done:
            pygame.draw.rect(surface, palette.accent, (x, y, round(seg_w * done), h))


def draw_bars(top: pygame.Surface, low: pygame.Surface, bottom: int, view: View) -> None:
    state, m, palette, lang = view.state, view.metrics, view.palette, view.language
    for item in buttons(view):
        if item.command == LIVE_BUTTON:
            continue
        on_top = item.rect.y < bottom
        target = top if on_top else low
        shifted = item if on_top else dataclasses.replace(item, rect=Rect(item.rect.x, item.rect.y - bottom,
                                                                          item.rect.w, item.rect.h))
        button(target, view, shifted)
    if state.paused_at is not None:
        text = view.text.render(t("paused", lang), view.font_px(34, cap=1.5), palette.text)
        pad = m.px(16)
        box = (text.get_width() + 2 * pad, text.get_height() + pad)
        x, y = (m.width - box[0]) // 2, m.margin // 2 + m.target + m.px(36)
        top.blit(rounded(box, tuple(palette.panel), m.px(12)), (x, y))
        top.blit(text, (x + pad, y + pad // 2))


def caption_width(view: View) -> int:
    m = view.metrics
    if m.portrait:
        return round(m.width * 0.9)
    share = {1.0: 0.68, 1.5: 0.84, 2.0: 0.94}.get(view.state.settings.text_size, 0.68)
    return round(m.width * share)


LEAD_IN = 0.3  # show a caption this early rather than leave the screen blank while the voice draws breath


def current_cue(view: View):
    position = view.show.position(view.now)
    for cue in view.show.timing().cues:
        if cue.start - LEAD_IN <= position < cue.end:
            return cue
    return None


def caption_box(view: View, size: tuple[int, int]) -> pygame.Surface:
    """The panel behind the caption, made once per cue and kept in the memo (every cue has a size of its own, so
    kept among the shared widgets they would fill that cache with boxes never shown again)."""
    key = (size, tuple(view.palette.caption_box), view.metrics.px(10))
    kept = view.memo.get("caption_box")
    if kept is None or kept[0] != key:
        kept = view.memo["caption_box"] = (key, rounded.__wrapped__(*key))
    return kept[1]


def draw_caption(surface: pygame.Surface, view: View) -> None:
    cue = current_cue(view)
    if cue is None:
        return
    describing = cue.end <= view.show.timing().description_end
    m, palette = view.metrics, view.palette
    size = view.font_px(40)
    width = caption_width(view)
    pad = m.px(18)
    lines = view.text.block(cue.text, size, palette.caption_text, width - 2 * pad,
                             LINE_CHARS.get(view.language), view.language)
    line_h = round(size * 1.3)
    box_w = max(line.get_width() for line in lines) + 2 * pad
    box_h = len(lines) * line_h + pad
    x = (m.width - box_w) // 2
    y = bar_top(view) - m.px(28) - box_h
    surface.blit(caption_box(view, (box_w, box_h)), (x, y))
    if describing:  # the picture's description, not the story: framed in the accent colour
        pygame.draw.rect(surface, palette.accent, (x, y, box_w, box_h), max(2, m.px(3)), m.px(10))
    ty = y + pad // 2 + (line_h - size * 1.3) // 2
    for line in lines:
        surface.blit(line, ((m.width - line.get_width()) // 2, round(ty)))
        ty += line_h
