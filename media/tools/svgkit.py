"""Small helpers for the exhibition's SVG illustrations (see media/STYLE.md).

Only features nanosvg renders: paths, basic shapes, fill/stroke, opacity,
linear/radial gradients in <defs>. No text, filters, masks, clipPath, patterns.
"""
from __future__ import annotations

import os
import random


W, H = 1920, 1080


# Palette (keep in sync with media/STYLE.md)
P = {
    "ink": "#0a0b14",        # deepest shadow, silhouettes
    "night": "#0f1222",      # night sky top
    "bg": "#15171c",         # kiosk background
    "indigo": "#1c2140",
    "indigo2": "#262d57",
    "blue": "#34427c",
    "dusk": "#4d5c9c",
    "mist": "#8290c0",
    "amber": "#d8a25e",      # kiosk accent, lamp light
    "amber2": "#eebf7c",
    "glow": "#ffe4b3",
    "paper": "#f3efe6",      # kiosk text, paper white
    "rose": "#a8706a",       # muted warm dusk, used sparingly
    "teal": "#2b4a5a",       # cold daylight / institutional rooms
}


def f(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


class Canvas:
    def __init__(self, seed: int = 1):
        self.defs: list[str] = []
        self.body: list[str] = []
        self.n = 0
        self.rng = random.Random(seed)

    # -- definitions -------------------------------------------------------
    def _id(self, p="g"):
        self.n += 1
        return f"{p}{self.n}"

    def lin(self, stops, x1=0, y1=0, x2=0, y2=1, user=False):
        gid = self._id()
        units = ' gradientUnits="userSpaceOnUse"' if user else ""
        s = "".join(
            f'<stop offset="{o}" stop-color="{c}" stop-opacity="{a}"/>' for o, c, a in _stops(stops)
        )
        self.defs.append(
            f'<linearGradient id="{gid}" x1="{f(x1)}" y1="{f(y1)}" x2="{f(x2)}" y2="{f(y2)}"{units}>{s}</linearGradient>'
        )
        return f"url(#{gid})"

    def rad(self, stops, cx, cy, r):
        gid = self._id()
        s = "".join(
            f'<stop offset="{o}" stop-color="{c}" stop-opacity="{a}"/>' for o, c, a in _stops(stops)
        )
        self.defs.append(
            f'<radialGradient id="{gid}" cx="{f(cx)}" cy="{f(cy)}" r="{f(r)}" gradientUnits="userSpaceOnUse">{s}</radialGradient>'
        )
        return f"url(#{gid})"

    # -- primitives --------------------------------------------------------
    def add(self, s: str):
        self.body.append(s)

    def rect(self, x, y, w, h, fill, op=None, rx=0, stroke=None, sw=None):
        a = _attrs(fill, op, stroke, sw)
        r = f' rx="{f(rx)}"' if rx else ""
        self.add(f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}"{r}{a}/>')

    def circle(self, cx, cy, r, fill, op=None, stroke=None, sw=None):
        self.add(f'<circle cx="{f(cx)}" cy="{f(cy)}" r="{f(r)}"{_attrs(fill, op, stroke, sw)}/>')

    def ellipse(self, cx, cy, rx, ry, fill, op=None, stroke=None, sw=None, rot=0):
        t = f' transform="rotate({f(rot)} {f(cx)} {f(cy)})"' if rot else ""
        self.add(
            f'<ellipse cx="{f(cx)}" cy="{f(cy)}" rx="{f(rx)}" ry="{f(ry)}"{t}{_attrs(fill, op, stroke, sw)}/>'
        )

    def path(self, d, fill="none", op=None, stroke=None, sw=None, tf=None, cap=None):
        t = f' transform="{tf}"' if tf else ""
        c = f' stroke-linecap="{cap}" stroke-linejoin="round"' if cap else ""
        self.add(f'<path d="{d}"{t}{_attrs(fill, op, stroke, sw)}{c}/>')

    def poly(self, pts, fill, op=None, stroke=None, sw=None):
        d = "M" + " L".join(f"{f(x)} {f(y)}" for x, y in pts) + " Z"
        self.path(d, fill, op, stroke, sw)

    def line(self, x1, y1, x2, y2, stroke, sw=2, op=None, cap="round"):
        o = f' opacity="{op}"' if op is not None else ""
        self.add(
            f'<path d="M{f(x1)} {f(y1)} L{f(x2)} {f(y2)}" fill="none" stroke="{stroke}" stroke-width="{f(sw)}" stroke-linecap="{cap}"{o}/>'
        )

    def group(self, tf: str):
        self.add(f'<g transform="{tf}">')

    def end(self):
        self.add("</g>")

    # -- output ------------------------------------------------------------
    def svg(self) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">'
            f'<defs>{"".join(self.defs)}</defs>' + "\n".join(self.body) + "</svg>\n"
        )

    def save(self, path: str):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.svg())


def _stops(stops):
    out = []
    for st in stops:
        if len(st) == 2:
            o, c = st
            a = 1
        else:
            o, c, a = st
        out.append((o, c, a))
    return out


def _attrs(fill, op, stroke, sw):
    s = f' fill="{fill}"'
    if op is not None:
        s += f' opacity="{op}"'
    if stroke:
        s += f' stroke="{stroke}"'
        if sw is not None:
            s += f' stroke-width="{f(sw)}"'
    return s


# ---------------------------------------------------------------- gradients

def lerp(a, b, t):
    return a + (b - a) * t


def vgrad(c: Canvas, stops, y0, y1):
    return c.lin(stops, 0, y0, 0, y1, user=True)


def hgrad(c: Canvas, stops, x0, x1):
    return c.lin(stops, x0, 0, x1, 0, user=True)


# ---------------------------------------------------------------- sky and light

def sky(c: Canvas, top=P["night"], mid=P["indigo"], low=P["indigo2"], horizon=None, y0=0, y1=H):
    stops = [(0, top), (0.55, mid), (1, low)]
    if horizon:
        stops = [(0, top), (0.5, mid), (0.85, low), (1, horizon)]
    c.rect(0, y0, W, y1 - y0, c.lin(stops, 0, y0, 0, y1, user=True))


def glow(c: Canvas, cx, cy, r, color=P["amber2"], op=0.55):
    c.circle(cx, cy, r, c.rad([(0, color, op), (0.35, color, op * 0.45), (1, color, 0)], cx, cy, r))


def stars(c: Canvas, n=60, y_max=500, x0=0, x1=W, op=0.5):
    for _ in range(n):
        x = c.rng.uniform(x0, x1)
        y = c.rng.uniform(20, y_max)
        r = c.rng.choice([1.2, 1.5, 2, 2.5])
        c.circle(x, y, r, P["paper"], op=round(c.rng.uniform(op * 0.4, op), 2))


def moon(c: Canvas, cx, cy, r=38):
    glow(c, cx, cy, r * 5, P["paper"], 0.16)
    c.circle(cx, cy, r, P["paper"], op=0.92)


def caption_floor(c: Canvas, strength=0.85):
    """Darken the lower quarter where captions sit (always call last)."""
    c.rect(0, 760, W, 320, c.lin([(0, P["ink"], 0), (0.55, P["ink"], strength * 0.7), (1, P["ink"], strength)], 0, 760, 0, H, user=True))


def vignette(c: Canvas, op=0.55):
    c.rect(0, 0, W, H, c.rad([(0, P["ink"], 0), (0.62, P["ink"], 0), (1, P["ink"], op)], W / 2, H / 2, 1150))


def finish(c: Canvas, floor=0.85, vig=0.5):
    vignette(c, vig)
    caption_floor(c, floor)


# ---------------------------------------------------------------- the moth (the exhibition's motif)

def moth(c: Canvas, x, y, s=1.0, rot=0, op=1.0, halo=True, color=None):
    """The recurring motif: a small moth/butterfly of light (s=1 -> ~60 px span)."""
    col = color or P["glow"]
    if halo:
        glow(c, x, y, 70 * s, P["amber2"], 0.38 * op)
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({s:.3f})")
    # upper wings
    c.path("M0 0 C -8 -22 -30 -30 -32 -14 C -33 -4 -18 2 0 2 Z", col, op=round(0.9 * op, 2))
    c.path("M0 0 C 8 -22 30 -30 32 -14 C 33 -4 18 2 0 2 Z", col, op=round(0.9 * op, 2))
    # lower wings
    c.path("M0 2 C -14 4 -24 12 -20 22 C -16 28 -6 20 0 6 Z", P["amber2"], op=round(0.85 * op, 2))
    c.path("M0 2 C 14 4 24 12 20 22 C 16 28 6 20 0 6 Z", P["amber2"], op=round(0.85 * op, 2))
    # body and antennae
    c.ellipse(0, 4, 2.6, 11, P["paper"], op=op)
    c.path("M-1 -7 C -4 -16 -8 -20 -12 -22", "none", stroke=P["paper"], sw=1.2, op=round(0.8 * op, 2), cap="round")
    c.path("M1 -7 C 4 -16 8 -20 12 -22", "none", stroke=P["paper"], sw=1.2, op=round(0.8 * op, 2), cap="round")
    c.end()


def moth_trail(c: Canvas, pts, op=0.35):
    """A dotted path of light behind the moth."""
    for i, (x, y) in enumerate(pts):
        c.circle(x, y, 3.2, P["glow"], op=round(op * (0.25 + 0.75 * (i + 1) / len(pts)), 2))


def motif(c: Canvas, x, y, s=0.9, rot=12, op=0.85, trail=None, trail_op=0.3):
    if trail:
        moth_trail(c, trail, op=trail_op)
    moth(c, x, y, s, rot=rot, op=op)


def arc_trail(x0, y0, x1, y1, n=9, bow=30):
    pts = []
    for i in range(n):
        t = i / (n - 1)
        pts.append((lerp(x0, x1, t), lerp(y0, y1, t) - bow * 4 * t * (1 - t)))
    return pts


# ---------------------------------------------------------------- weather and city

def skyline(c: Canvas, base, x0=-20, x1=W + 20, hmin=120, hmax=420, color=P["ink"], lit=0.18,
            win=P["amber2"], wmin=70, wmax=190, towers=True, win_op=0.8):
    x = x0
    while x < x1:
        w = c.rng.uniform(wmin, wmax)
        h = c.rng.uniform(hmin, hmax)
        top = base - h
        c.rect(x, top, w + 1, h + 2, color)
        if towers and c.rng.random() < 0.12:
            c.rect(x + w / 2 - 2, top - 40, 4, 40, color)
        # windows
        cols = max(1, int((w - 16) // 22))
        rows = max(1, int((h - 20) // 30))
        for r in range(rows):
            for k in range(cols):
                if c.rng.random() < lit:
                    wx = x + 12 + k * 22
                    wy = top + 14 + r * 30
                    c.rect(wx, wy, 9, 13, win, op=round(c.rng.uniform(0.35, win_op), 2))
        x += w + c.rng.uniform(-4, 10)


def rain(c: Canvas, n=140, op=0.18, x0=0, x1=W, y0=0, y1=H):
    for _ in range(n):
        x = c.rng.uniform(x0, x1)
        y = c.rng.uniform(y0, y1)
        L = c.rng.uniform(18, 40)
        c.line(x, y, x - L * 0.18, y + L, P["mist"], sw=1.6, op=round(c.rng.uniform(op * 0.5, op), 2))


# ---------------------------------------------------------------- output

def write_scenes(scenes: dict, story: str, only: list[str]) -> None:
    """Write each scene of one story to media/images/<story>/<name>.svg (only the named ones, if any are named)."""
    out = os.path.join(os.path.dirname(__file__), "..", "images", story)
    os.makedirs(out, exist_ok=True)
    for name, fn in scenes.items():
        if not only or name in only:
            fn().save(os.path.join(out, name + ".svg"))
