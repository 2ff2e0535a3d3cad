"""Small helpers for the exhibition's SVG illustrations (see media/STYLE.md).

Only features nanosvg renders: paths, basic shapes, fill/stroke, opacity,
linear/radial gradients in <defs>. No text, filters, masks, clipPath, patterns.
"""
from __future__ import annotations

import math
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


# ============================================================================
# Shared vocabulary
# ============================================================================

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


def figure_back(c: Canvas, x, y_feet, h=300, color=P["ink"], op=None, hair="long", coat=True):
    """A standing person seen from behind; anonymous silhouette. h = full height."""
    s = h / 300
    c.group(f"translate({f(x)} {f(y_feet - h)}) scale({s:.4f})")
    fill = color
    # legs
    c.path("M-26 228 L-24 298 L-8 298 L-5 228 Z", fill, op=op)
    c.path("M26 228 L24 298 L8 298 L5 228 Z", fill, op=op)
    # coat/body
    if coat:
        c.path("M-13 52 C -32 56 -42 64 -44 84 L-48 178 L-42 238 L42 238 L48 178 L44 84 C 42 64 32 56 13 52 Z", fill, op=op)
    else:
        c.path("M-13 52 C -30 56 -38 64 -40 84 L-42 150 L-34 230 L34 230 L42 150 L40 84 C 38 64 30 56 13 52 Z", fill, op=op)
    # arms
    c.path("M-40 74 C -50 100 -52 150 -48 186 L-38 186 C -40 150 -36 110 -32 86 Z", fill, op=op)
    c.path("M40 74 C 50 100 52 150 48 186 L38 186 C 40 150 36 110 32 86 Z", fill, op=op)
    # head and hair (seen from behind)
    c.ellipse(0, 26, 16, 19, fill, op=op)
    if hair == "long":
        c.path("M-17 22 C -19 -2 19 -2 17 22 L20 66 C 8 72 -8 72 -20 66 Z", fill, op=op)
    elif hair == "bun":
        c.circle(0, 6, 9, fill, op=op)
    c.end()


def figure_seated_back(c: Canvas, x, y_seat, h=220, color=P["ink"], op=None):
    """Seated person seen from behind (head+shoulders+back), y_seat = seat level."""
    s = h / 220
    c.group(f"translate({f(x)} {f(y_seat - h)}) scale({s:.4f})")
    c.ellipse(0, 26, 17, 20, color, op=op)
    c.path("M-18 22 C -20 -2 20 -2 18 22 L21 70 C 8 76 -8 76 -21 70 Z", color, op=op)
    c.path("M-14 56 C -40 60 -52 72 -54 98 L-56 220 L56 220 L54 98 C 52 72 40 60 14 56 Z", color, op=op)
    c.end()


def window(c: Canvas, x, y, w, h, frame=P["ink"], inside=None, bars=(1, 1), fw=14):
    """Window frame; draw what is outside before calling this (inside = glass tint)."""
    if inside:
        c.rect(x, y, w, h, inside)
    # frame
    c.rect(x - fw, y - fw, w + 2 * fw, fw, frame)
    c.rect(x - fw, y + h, w + 2 * fw, fw * 1.6, frame)
    c.rect(x - fw, y - fw, fw, h + 2 * fw, frame)
    c.rect(x + w, y - fw, fw, h + 2 * fw, frame)
    nx, ny = bars
    for i in range(1, nx + 1):
        c.rect(x + w * i / (nx + 1) - fw / 4, y, fw / 2, h, frame)
    for j in range(1, ny + 1):
        c.rect(x, y + h * j / (ny + 1) - fw / 4, w, fw / 2, frame)


def lamp_table(c: Canvas, x, y_table, color=P["ink"], lit=True, r=420):
    """A small table lamp standing at y_table with its pool of light."""
    if lit:
        glow(c, x, y_table - 110, r, P["amber2"], 0.5)
    c.path(f"M{f(x-55)} {f(y_table-90)} L{f(x+55)} {f(y_table-90)} L{f(x+35)} {f(y_table-160)} L{f(x-35)} {f(y_table-160)} Z",
           P["amber"] if lit else color)
    if lit:
        c.path(f"M{f(x-50)} {f(y_table-94)} L{f(x+50)} {f(y_table-94)} L{f(x+32)} {f(y_table-156)} L{f(x-32)} {f(y_table-156)} Z",
               P["glow"], op=0.55)
    c.rect(x - 4, y_table - 90, 8, 80, color)
    c.ellipse(x, y_table - 8, 30, 8, color)


def suitcase(c: Canvas, x, y_bottom, w=150, h=110, color=P["indigo2"], edge=P["ink"]):
    c.rect(x - w / 2, y_bottom - h, w, h, color, rx=10)
    c.rect(x - w / 2, y_bottom - h, w, h, "none", rx=10, stroke=edge, sw=4)
    c.path(f"M{f(x-24)} {f(y_bottom-h)} L{f(x-24)} {f(y_bottom-h-22)} L{f(x+24)} {f(y_bottom-h-22)} L{f(x+24)} {f(y_bottom-h)}",
           "none", stroke=edge, sw=7, cap="round")
    c.rect(x - w / 2 + 18, y_bottom - h, 6, h, edge, op=0.5)
    c.rect(x + w / 2 - 24, y_bottom - h, 6, h, edge, op=0.5)


def door(c: Canvas, x, y_floor, w=230, h=480, color=P["indigo"], frame=P["ink"], ajar=0.0, light=P["amber2"]):
    """A door; ajar>0 opens a lit gap (0..1)."""
    c.rect(x - 14, y_floor - h - 14, w + 28, h + 14, frame)
    if ajar > 0:
        c.rect(x, y_floor - h, w, h, light)
        glow(c, x + w * 0.2, y_floor - h / 2, h * 0.8, light, 0.35)
        ww = w * (1 - ajar)
        c.rect(x + w - ww, y_floor - h, ww, h, color)
    else:
        c.rect(x, y_floor - h, w, h, color)
        c.rect(x + 24, y_floor - h + 30, w - 48, h * 0.38, frame, op=0.25)
        c.rect(x + 24, y_floor - h * 0.52, w - 48, h * 0.42, frame, op=0.25)
        c.circle(x + w - 30, y_floor - h * 0.5, 8, P["amber"], op=0.8)


def phone(c: Canvas, x, y, w=90, h=170, rot=0, screen_glow=True):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, P["ink"], rx=14)
    c.rect(-w / 2 + 7, -h / 2 + 14, w - 14, h - 28, P["mist"] if screen_glow else P["indigo"], rx=5)
    c.end()
    if screen_glow:
        glow(c, x, y, h * 1.4, P["mist"], 0.35)


def hand(c: Canvas, x, y, s=1.0, rot=0, color=P["rose"], op=None, side=1):
    """A simple flat hand (back of hand, fingers together), pointing up at rot=0."""
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({f(s*side)} {f(s)})")
    # wrist/sleeve enters from below
    c.path("M-34 60 C -36 20 -38 -10 -30 -40 C -26 -60 -18 -78 -8 -80 C 2 -82 14 -80 22 -70 C 30 -56 34 -30 34 -8 "
           "C 44 -16 56 -20 60 -12 C 62 -6 50 10 40 26 C 36 40 34 50 34 60 Z", color, op=op)
    # finger separations
    c.path("M-14 -78 L-14 -44 M2 -81 L2 -46 M17 -74 L17 -44", "none", stroke=P["ink"], sw=2, op=0.25, cap="round")
    c.end()


def rain(c: Canvas, n=140, op=0.18, x0=0, x1=W, y0=0, y1=H):
    for _ in range(n):
        x = c.rng.uniform(x0, x1)
        y = c.rng.uniform(y0, y1)
        L = c.rng.uniform(18, 40)
        c.line(x, y, x - L * 0.18, y + L, P["mist"], sw=1.6, op=round(c.rng.uniform(op * 0.5, op), 2))


def paper(c: Canvas, x, y, w=170, h=220, rot=0, lines=7, color=P["paper"], op=0.92, ink=P["blue"]):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, color, op=op, rx=3)
    for i in range(lines):
        ly = -h / 2 + 30 + i * (h - 50) / max(1, lines - 1)
        lw = (w - 40) * (0.55 if i == lines - 1 else 1)
        c.rect(-w / 2 + 20, ly, lw, 4, ink, op=0.45)
    c.end()


def plane(c: Canvas, x, y, s=1.0, rot=-8, color=P["paper"], op=0.85):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({s:.3f})")
    c.path("M-90 0 C -80 -8 60 -9 86 -4 C 96 -2 96 4 86 6 C 60 10 -80 9 -90 4 Z", color, op=op)
    c.path("M-10 -4 L-40 -52 L-22 -52 L26 -4 Z", color, op=op)
    c.path("M-10 6 L-30 44 L-16 44 L20 6 Z", color, op=op)
    c.path("M-80 -2 L-94 -30 L-82 -30 L-62 -2 Z", color, op=op)
    c.end()


# ---------------------------------------------------------------- hands (round-capped strokes)

SKIN = "#a8706a"
SKIN_LIT = "#c48c74"


def finger(c: Canvas, x1, y1, x2, y2, w=22, color=SKIN, op=None):
    o = f' opacity="{op}"' if op is not None else ""
    c.add(f'<path d="M{f(x1)} {f(y1)} L{f(x2)} {f(y2)}" fill="none" stroke="{color}" stroke-width="{f(w)}" stroke-linecap="round"{o}/>')


def curl(c: Canvas, d, w=22, color=SKIN, op=None):
    o = f' opacity="{op}"' if op is not None else ""
    c.add(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{f(w)}" stroke-linecap="round" stroke-linejoin="round"{o}/>')


def sleeve(c: Canvas, pts, color=P["ink"]):
    c.poly(pts, color)


def hands_phone(c: Canvas, x, y, s=1.0, screen=P["mist"], typing=True):
    """Two hands holding a phone (seen over the shoulder), phone centred on (x, y)."""
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    glow(c, 0, -20, 420, P["mist"], 0.35)
    # sleeves from the lower corners
    c.poly([(-330, 420), (-150, 420), (-70, 190), (-150, 150), (-260, 230)], P["ink"])
    c.poly([(330, 420), (150, 420), (70, 190), (150, 150), (260, 230)], P["ink"])
    # palms behind the phone
    c.ellipse(-95, 150, 70, 90, SKIN, rot=-25)
    c.ellipse(95, 150, 70, 90, SKIN, rot=25)
    # fingers behind the phone edges
    for i, yy in enumerate((-10, 30, 70)):
        finger(c, -150, yy + 70, -96, yy, 24, SKIN)
        finger(c, 150, yy + 70, 96, yy, 24, SKIN)
    # the phone
    c.rect(-100, -190, 200, 380, P["ink"], rx=26)
    c.rect(-86, -170, 172, 330, screen, rx=10)
    c.rect(-86, -170, 172, 330, c.lin([(0, P["paper"], 0.35), (1, P["paper"], 0)], 0, -170, 0, 160, user=True), rx=10)
    if typing:
        # message bubbles, no legible text
        c.rect(-70, -150, 100, 30, P["indigo"], op=0.55, rx=12)
        c.rect(-30, -108, 100, 30, P["paper"], op=0.85, rx=12)
        c.rect(-70, -66, 120, 30, P["indigo"], op=0.55, rx=12)
        c.rect(-10, -24, 80, 30, P["paper"], op=0.85, rx=12)
        c.rect(-76, 100, 152, 44, P["paper"], op=0.9, rx=10)
        for k in range(6):
            c.rect(-66 + k * 14, 118, 8, 6, P["blue"], op=0.6)
    # thumbs over the screen
    finger(c, -112, 150, -56, 96, 36, SKIN_LIT)
    finger(c, 112, 160, 60, 112, 36, SKIN_LIT)
    c.end()


def hands_cup(c: Canvas, x, y_table, s=1.0, cup_col=P["paper"], steam=True):
    """Two hands around a cup on a table."""
    c.group(f"translate({f(x)} {f(y_table)}) scale({s:.3f})")
    c.ellipse(0, 0, 140, 18, P["ink"], op=0.5)
    # sleeves
    c.poly([(-420, 40), (-180, 40), (-120, -40), (-200, -80), (-430, -30)], P["ink"])
    c.poly([(420, 40), (180, 40), (120, -40), (200, -80), (430, -30)], P["ink"])
    # palms at the sides of the cup
    c.ellipse(-118, -60, 62, 46, SKIN, rot=-10)
    c.ellipse(118, -60, 62, 46, SKIN, rot=10)
    # cup
    c.path("M-80 -170 L80 -170 C 80 -70 60 -6 0 -6 C -60 -6 -80 -70 -80 -170 Z", cup_col, op=0.95)
    c.ellipse(0, -170, 80, 14, P["amber"], op=0.85)
    c.ellipse(0, -170, 80, 14, "none", stroke=cup_col, sw=4)
    # fingers wrapping the cup front
    for i, yy in enumerate((-120, -94, -68)):
        curl(c, f"M-150 {yy+20} C -110 {yy+6} -70 {yy} -36 {yy+4}", 22, SKIN_LIT if i == 0 else SKIN)
        curl(c, f"M150 {yy+26} C 110 {yy+12} 70 {yy+6} 40 {yy+10}", 22, SKIN if i else SKIN_LIT)
    curl(c, "M-160 -70 C -150 -120 -120 -150 -96 -150", 24, SKIN_LIT)
    curl(c, "M160 -70 C 150 -120 120 -150 96 -150", 24, SKIN_LIT)
    if steam:
        for dx in (-20, 18):
            c.path(f"M{dx} -196 C {dx-18} -226 {dx+18} -256 {dx} -286 C {dx-14} -306 {dx+8} -326 {dx} -346",
                   "none", stroke=P["paper"], sw=5, op=0.22, cap="round")
    c.end()


def write_scenes(scenes: dict, story: str, only: list[str]) -> None:
    """Write each scene of one story to media/images/<story>/<name>.svg (only the named ones, if any are named)."""
    out = os.path.join(os.path.dirname(__file__), "..", "images", story)
    os.makedirs(out, exist_ok=True)
    for name, fn in scenes.items():
        if not only or name in only:
            fn().save(os.path.join(out, name + ".svg"))
