"""Scene illustrations for the short accounts (voices) and the About sequence.

Second illustrator's generator, built on svgkit (palette, glows, motif, finish) and following
media/STYLE.md. Each scene is one function registered under "<story>/<scene>"; its docstring is the
scene's alt text (the brief).

usage: python media/tools/voices_art.py                 # every scene
       python media/tools/voices_art.py lulu dorothy    # only those stories
       python media/tools/voices_art.py dorothy/robbed  # one scene
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import (P, W, H, Canvas, f, finish, glow, moth, moth_trail, plane, rain,  # noqa: E402
                    skyline, sky, stars, figure_back, phone, paper)

OUT = os.path.join(os.path.dirname(__file__), "..", "images")
SCENES: dict[str, callable] = {}


def scene(key):
    def deco(fn):
        SCENES[key] = fn
        return fn
    return deco


# ============================================================================ local vocabulary

def lerp(a, b, t):
    return a + (b - a) * t


def vgrad(c: Canvas, stops, y0, y1):
    return c.lin(stops, 0, y0, 0, y1, user=True)


def hgrad(c: Canvas, stops, x0, x1):
    return c.lin(stops, x0, 0, x1, 0, user=True)


def back_wall(c: Canvas, floor_y=760, top=P["night"], low=P["indigo"], floor_top=P["indigo"], floor_low=P["ink"]):
    c.rect(0, 0, W, floor_y, vgrad(c, [(0, top), (1, low)], 0, floor_y))
    c.rect(0, floor_y, W, H - floor_y, vgrad(c, [(0, floor_top), (1, floor_low)], floor_y, H))
    c.rect(0, floor_y - 6, W, 10, P["ink"], op=0.55)


def corridor(c: Canvas, vp=(960, 450), far=(820, 300, 1100, 560), wall=P["teal"], floor=P["indigo"],
             ceil=P["night"], light=P["mist"], wall_op=1.0):
    """One-point-perspective corridor. far = (x0, y0, x1, y1) of the far end rectangle."""
    x0, y0, x1, y1 = far
    c.rect(0, 0, W, H, P["ink"])
    # ceiling, floor, walls (trapezoids from the canvas edges to the far rectangle)
    c.poly([(0, 0), (W, 0), (x1, y0), (x0, y0)], vgrad(c, [(0, P["ink"]), (1, ceil)], 0, y0))
    c.poly([(0, H), (W, H), (x1, y1), (x0, y1)], vgrad(c, [(0, floor), (1, P["ink"])], y1, H))
    c.poly([(0, 0), (x0, y0), (x0, y1), (0, H)], hgrad(c, [(0, P["ink"]), (1, wall)], 0, x0), op=wall_op)
    c.poly([(W, 0), (x1, y0), (x1, y1), (W, H)], hgrad(c, [(0, wall), (1, P["ink"])], x1, W), op=wall_op)
    # far wall
    c.rect(x0, y0, x1 - x0, y1 - y0, vgrad(c, [(0, P["indigo"]), (1, wall)], y0, y1))
    # a faint even wash of institutional light down the middle
    glow(c, vp[0], vp[1] - 40, 700, light, 0.14)


def persp(vp, p, t):
    """Point on the line from p towards the vanishing point vp, t in 0..1."""
    return (lerp(p[0], vp[0], t), lerp(p[1], vp[1], t))


def side_door(c: Canvas, vp, edge_x, t0, t1, y_top_at_edge, y_floor_at_edge, color=P["indigo"], frame=P["ink"], knob=True):
    """A door on a side wall of a corridor, between depths t0 and t1 (0 = viewer, 1 = vanishing point)."""
    a = persp(vp, (edge_x, y_top_at_edge), t0)
    b = persp(vp, (edge_x, y_top_at_edge), t1)
    cc = persp(vp, (edge_x, y_floor_at_edge), t1)
    d = persp(vp, (edge_x, y_floor_at_edge), t0)
    c.poly([a, b, cc, d], frame, op=0.85)
    # inner panel slightly inset
    ia = persp(vp, (edge_x, y_top_at_edge + 14), t0 + (t1 - t0) * 0.08)
    ib = persp(vp, (edge_x, y_top_at_edge + 14), t1 - (t1 - t0) * 0.08)
    ic = persp(vp, (edge_x, y_floor_at_edge), t1 - (t1 - t0) * 0.08)
    idd = persp(vp, (edge_x, y_floor_at_edge), t0 + (t1 - t0) * 0.08)
    c.poly([ia, ib, ic, idd], color)
    if knob:
        k = persp(vp, (edge_x, lerp(y_top_at_edge, y_floor_at_edge, 0.55)), t1 - (t1 - t0) * 0.2)
        c.circle(k[0], k[1], max(2.5, 9 * (1 - t1)), P["amber"], op=0.55)


def strip(c: Canvas, x, y, w, h=12, op=0.8, glow_r=None):
    if glow_r:
        glow(c, x + w / 2, y + h, glow_r, P["mist"], 0.18)
    c.rect(x, y, w, h, P["paper"], op=op, rx=h / 2)


def table_persp(c: Canvas, x0, x1, y_back, y_front, inset=60, top=P["indigo2"], edge=P["ink"], legs=True, leg_to=None,
                top_op=None):
    """A table seen slightly from above: trapezoid top + front edge (+ legs)."""
    c.poly([(x0 + inset, y_back), (x1 - inset, y_back), (x1, y_front), (x0, y_front)], top, op=top_op)
    c.rect(x0, y_front, x1 - x0, 22, edge)
    if legs:
        lt = leg_to or y_front + 260
        c.rect(x0 + 20, y_front + 20, 18, lt - y_front - 20, edge)
        c.rect(x1 - 38, y_front + 20, 18, lt - y_front - 20, edge)


def chair_side(c: Canvas, x, y_floor, s=1.0, color=P["ink"], op=None, facing=1):
    """A plain chair seen from the side; facing=1: seat extends to the right of the back."""
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s * facing)} {f(s)})")
    c.rect(0, -340, 14, 340, color, op=op)           # back leg + back post
    c.rect(0, -180, 130, 16, color, op=op)           # seat
    c.rect(116, -170, 14, 170, color, op=op)         # front leg
    c.rect(6, -330, 10, 20, color, op=op)
    c.path("M0 -340 L18 -340 L22 -200 L8 -200 Z", color, op=op)
    c.end()


def chair_front(c: Canvas, x, y_floor, s=1.0, color=P["ink"], op=None, back=True):
    """A plain chair seen from the front (its back behind the seat)."""
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s)})")
    if back:
        c.rect(-56, -330, 12, 180, color, op=op)
        c.rect(44, -330, 12, 180, color, op=op)
        c.rect(-56, -330, 112, 70, color, op=op, rx=6)
    c.rect(-66, -160, 132, 18, color, op=op, rx=4)
    c.rect(-64, -146, 12, 146, color, op=op)
    c.rect(52, -146, 12, 146, color, op=op)
    c.end()


def chair_back(c: Canvas, x, y_floor, s=1.0, color=P["ink"], op=None, pushed_in=False):
    """A chair seen from behind (its back towards the viewer)."""
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s)})")
    c.rect(-60, -340, 14, 340, color, op=op)
    c.rect(46, -340, 14, 340, color, op=op)
    c.rect(-60, -340, 120, 26, color, op=op, rx=4)
    c.rect(-60, -280, 120, 12, color, op=op)
    if not pushed_in:
        c.rect(-66, -168, 132, 16, color, op=op)
    c.end()


def plastic_chair(c: Canvas, x, y_floor, s=1.0, color=P["blue"], shade=P["ink"], op=None):
    """A moulded plastic waiting-room chair, front view."""
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s)})")
    c.rect(-50, -150, 8, 150, shade, op=op)
    c.rect(42, -150, 8, 150, shade, op=op)
    c.path("M-52 -300 C -52 -320 52 -320 52 -300 L56 -176 C 56 -166 -56 -166 -56 -176 Z", color, op=op)
    c.path("M-64 -176 C -64 -186 64 -186 64 -176 L62 -150 C 62 -142 -62 -142 -62 -150 Z", color, op=op)
    c.path("M-64 -176 C -64 -186 64 -186 64 -176 L62 -164 C 40 -170 -40 -170 -62 -164 Z", P["paper"], op=0.08)
    c.path("M-44 -300 C -44 -312 44 -312 44 -300", "none", stroke=P["paper"], sw=3, op=0.12)
    c.end()


def paper_cup(c: Canvas, x, y_table, s=1.0, color=P["paper"]):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.ellipse(0, 0, 42, 8, P["ink"], op=0.45)
    c.path("M-30 -92 L30 -92 L22 0 L-22 0 Z", color, op=0.9)
    c.ellipse(0, -92, 30, 6, P["dusk"], op=0.9)
    c.rect(-26, -62, 50, 3, P["mist"], op=0.5)
    c.end()


def teacup(c: Canvas, x, y_table, s=1.0, steam=True):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.ellipse(0, -2, 80, 14, P["paper"], op=0.55)     # saucer
    c.ellipse(0, -4, 58, 9, P["paper"], op=0.8)
    c.path("M-46 -78 L46 -78 C 46 -30 30 -8 0 -8 C -30 -8 -46 -30 -46 -78 Z", P["paper"], op=0.92)
    c.path("M44 -66 C 70 -66 70 -32 36 -28", "none", stroke=P["paper"], sw=7, op=0.9, cap="round")
    c.ellipse(0, -78, 46, 8, P["amber"], op=0.85)
    if steam:
        for dx in (-12, 12):
            c.path(f"M{dx} -96 C {dx-12} -114 {dx+12} -132 {dx} -150 C {dx-10} -164 {dx+6} -176 {dx} -188",
                   "none", stroke=P["paper"], sw=4, op=0.22, cap="round")
    c.end()


def soft_beam(c: Canvas, pts, color=P["paper"], op=0.1, layers=3):
    """A beam of light: the polygon drawn a few times, each a little narrower, for a soft edge."""
    cx = sum(p[0] for p in pts) / len(pts)
    cy = sum(p[1] for p in pts) / len(pts)
    for i in range(layers):
        k = 1 - i * 0.12
        c.poly([(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in pts], color, op=round(op / layers * 1.6, 3))


def high_window(c: Canvas, x, y, w, h, glass=P["mist"], bars=3, frame=P["ink"], glass_op=0.7):
    c.rect(x, y, w, h, glass, op=glass_op)
    c.rect(x, y, w, h * 0.45, P["paper"], op=0.12)
    for i in range(1, bars + 1):
        c.rect(x + w * i / (bars + 1) - 3, y, 6, h, frame, op=0.85)
    c.rect(x - 10, y - 10, w + 20, 10, frame)
    c.rect(x - 10, y + h, w + 20, 12, frame)
    c.rect(x - 10, y - 10, 10, h + 20, frame)
    c.rect(x + w, y - 10, 10, h + 20, frame)


def airliner_side(c: Canvas, x, y_ground, s=1.0, color=P["ink"], lit=True):
    """A passenger plane seen from the side, standing on its wheels (nose to the right)."""
    c.group(f"translate({f(x)} {f(y_ground)}) scale({f(s)})")
    # landing gear
    for gx in (-40, 40):
        c.rect(gx - 3, -40, 6, 28, color)
        c.circle(gx, -10, 10, color)
    c.rect(225, -40, 5, 28, color)
    c.circle(227, -10, 9, color)
    # fuselage
    c.path("M-300 -64 C -300 -80 -280 -88 -250 -88 L240 -88 C 290 -88 318 -70 322 -58 C 318 -44 296 -36 250 -36 "
           "L-220 -36 C -260 -36 -290 -50 -300 -64 Z", color)
    # tail fin and stabiliser
    c.path("M-240 -86 L-300 -190 L-262 -190 L-170 -86 Z", color)
    c.path("M-280 -62 L-330 -56 L-320 -48 L-240 -52 Z", color)
    # wing (far side, foreshortened) and engine
    c.path("M-40 -52 L-130 -20 L-100 -20 L60 -50 Z", color)
    c.path("M-10 -44 C -10 -56 60 -56 60 -44 C 60 -30 -10 -30 -10 -44 Z", color)
    if lit:
        for i in range(22):
            c.rect(-200 + i * 19, -72, 7, 9, P["amber2"], op=0.55, rx=2)
        c.path("M282 -76 L300 -76 L306 -66 L286 -66 Z", P["mist"], op=0.5)
    c.end()


def flat_glow(c: Canvas, cx, cy, r, squash=0.35, color=P["amber2"], op=0.4):
    """A radial glow squashed vertically: a pool of light on the ground."""
    c.group(f"translate({f(cx)} {f(cy)}) scale(1 {squash:.3f})")
    glow(c, 0, 0, r, color, op)
    c.end()


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


# ============================================================================ Chen Chen

@scene("chen-chen/letter")
def chen_chen_letter(c: Canvas):
    """A folded letter rests on a narrow table beneath a small, high window. Soft grey light falls across the paper."""
    back_wall(c, 700, P["night"], P["teal"], P["teal"], P["ink"])
    # cold daylight through the small high window
    glow(c, 960, 230, 760, P["mist"], 0.2)
    high_window(c, 850, 160, 220, 120, bars=3)
    soft_beam(c, [(850, 280), (1070, 280), (1180, 668), (860, 668)], P["paper"], op=0.14)
    # narrow table against the wall
    table_persp(c, 560, 1360, 640, 690, inset=40, top=P["indigo2"], leg_to=960)
    # light pool on the table top
    c.poly([(880, 644), (1150, 644), (1170, 686), (870, 686)], P["paper"], op=0.12)
    # the folded letter (tri-fold, lying slightly open)
    c.group("translate(1000 662) rotate(-6)")
    c.ellipse(6, 18, 118, 10, P["ink"], op=0.35)
    c.poly([(-100, -10), (100, -10), (108, 14), (-108, 14)], P["paper"], op=0.95)
    c.poly([(-100, -10), (100, -10), (92, -30), (-92, -30)], P["paper"], op=0.8)    # the raised third
    c.line(-100, -10, 100, -10, P["mist"], 2, op=0.7)
    c.rect(-70, 0, 120, 2.5, P["blue"], op=0.35)
    c.rect(-70, 6, 90, 2.5, P["blue"], op=0.35)
    c.end()
    motif(c, 1140, 214, 0.55, rot=18, op=0.6)
    finish(c, floor=0.9, vig=0.55)


@scene("chen-chen/waiting")
def chen_chen_waiting(c: Canvas):
    """A long, empty corridor with a closed door at the far end. A thin strip of daylight lies across the floor."""
    vp = (960, 470)
    far = (880, 360, 1040, 560)
    corridor(c, vp, far, wall=P["teal"], floor=P["indigo2"])
    # ceiling strip lights receding
    for t in (0.25, 0.5, 0.68, 0.8, 0.88):
        y = lerp(0, far[1], t)
        w = lerp(360, 40, t)
        strip(c, 960 - w / 2, y + 10 * (1 - t), w, max(3, 12 * (1 - t)), op=round(0.75 - 0.35 * t, 2))
    # two closed side doors, far apart; the walls otherwise bare
    side_door(c, vp, 0, 0.2, 0.36, 170, 1080, color=P["indigo"])
    side_door(c, vp, W, 0.5, 0.6, 170, 1080, color=P["indigo"])
    # the closed door at the far end
    c.rect(928, 430, 64, 130, P["ink"])
    c.rect(934, 436, 52, 124, P["indigo"])
    c.circle(978, 500, 2.5, P["amber"], op=0.6)
    # a thin strip of daylight across the floor, from an unseen window on the left
    def fx(y, side):
        x = far[0] * (H - y) / (H - far[3])
        return x if side < 0 else W - x
    ya, yb = 700, 668
    c.poly([(fx(ya, -1), ya), (fx(yb, 1), yb), (fx(yb + 14, 1), yb + 14), (fx(ya + 22, -1), ya + 22)], P["paper"], op=0.16)
    c.poly([(fx(ya + 4, -1), ya + 4), (fx(yb + 3, 1), yb + 3), (fx(yb + 9, 1), yb + 9), (fx(ya + 14, -1), ya + 14)], P["paper"], op=0.14)
    glow(c, 960, 690, 420, P["mist"], 0.08)
    motif(c, 1010, 410, 0.38, rot=10, op=0.5)
    finish(c, floor=0.75, vig=0.55)


# ============================================================================ Lulu

@scene("lulu/parlour")
def lulu_parlour(c: Canvas):
    """A small shopfront at dusk with its blinds drawn and its glass door closed. A street lamp is reflected in the glass."""
    c.rect(0, 0, W, H, vgrad(c, [(0, P["night"]), (0.35, P["indigo"]), (0.7, P["dusk"]), (1, P["rose"])], 0, 360))
    stars(c, 18, 160, op=0.3)
    ground = 790
    # neighbouring buildings
    c.rect(0, 250, 520, ground - 250, P["ink"])
    c.rect(1440, 210, 480, ground - 210, P["ink"])
    for (x, y) in ((120, 300), (300, 300), (120, 420), (1540, 270), (1720, 390), (1540, 390)):
        c.rect(x, y, 70, 96, P["indigo2"], op=0.9)
    c.rect(300, 420, 70, 96, P["amber2"], op=0.45)
    # the shop's building
    c.rect(500, 330, 960, ground - 330, P["indigo"])
    c.rect(500, 330, 960, 22, P["ink"], op=0.6)
    for x in (600, 920, 1240):
        c.rect(x, 370, 110, 70, P["night"])
        c.rect(x, 370, 110, 6, P["ink"])
    # a blank sign band (no text)
    c.rect(560, 460, 840, 56, P["ink"], op=0.8)
    c.rect(570, 470, 820, 36, P["indigo2"], op=0.7)
    # display window with blinds drawn: faint warmth leaking between slats
    wx, wy, ww, wh = 580, 540, 420, 230
    c.rect(wx - 14, wy - 14, ww + 28, wh + 24, P["ink"])
    c.rect(wx, wy, ww, wh, P["amber"], op=0.35)
    for i in range(16):
        y = wy + i * (wh / 16)
        c.rect(wx, y, ww, wh / 16 - 3, P["dusk"], op=0.92)
        c.rect(wx, y, ww, 2, P["paper"], op=0.12)
    c.line(wx + ww - 30, wy, wx + ww - 30, wy + wh * 0.8, P["ink"], 2, op=0.6)
    # glass door, closed, with the street lamp reflected
    dx, dy, dw, dh = 1060, 536, 190, 254
    c.rect(dx - 14, dy - 14, dw + 28, dh + 14, P["ink"])
    c.rect(dx, dy, dw, dh, vgrad(c, [(0, P["blue"]), (1, P["indigo"])], dy, dy + dh))
    c.rect(dx + 14, dy + 14, dw - 28, dh - 28, P["night"], op=0.35)
    # reflection: a small blurred lamp and its pole, offset, faint
    glow(c, dx + 58, dy + 70, 80, P["amber2"], 0.55)
    c.ellipse(dx + 58, dy + 70, 10, 4, P["glow"], op=0.7)
    c.rect(dx + 42, dy + 74, 4, dh - 80, P["ink"], op=0.5)
    c.poly([(dx + 110, dy + 10), (dx + 150, dy + 10), (dx + 100, dy + dh - 10), (dx + 70, dy + dh - 10)], P["paper"], op=0.05)
    c.rect(dx + dw - 36, dy + 120, 8, 50, P["paper"], op=0.35, rx=4)   # door handle
    # sidewalk
    c.rect(0, ground, W, H - ground, vgrad(c, [(0, P["indigo"]), (1, P["ink"])], ground, H))
    c.rect(0, ground, W, 6, P["dusk"], op=0.3)
    # the street lamp, standing at the kerb on the left of the door
    lx = 1330
    glow(c, lx + 60, 372, 360, P["amber2"], 0.5)
    c.rect(lx - 6, 380, 12, ground + 40 - 380, P["ink"])
    c.path(f"M{lx} 380 C {lx} 350 {lx+50} 350 {lx+60} 370", "none", stroke=P["ink"], sw=8)
    c.path(f"M{lx+38} 368 L{lx+82} 368 L{lx+70} 386 L{lx+50} 386 Z", P["ink"])
    c.ellipse(lx + 60, 388, 14, 5, P["glow"])
    c.ellipse(lx + 60, ground + 50, 190, 16, P["amber2"], op=0.12)
    motif(c, 1240, 300, 0.6, rot=-14, op=0.75, trail=arc_trail(1390, 360, 1266, 306, 7, 16), trail_op=0.25)
    finish(c, floor=0.85, vig=0.5)


# ============================================================================ Shan Yin

@scene("shan-yin/questions")
def shan_yin_questions(c: Canvas):
    """A small, bare room with a table and two empty chairs. A paper cup stands on the table, lit by cold light from a high window."""
    back_wall(c, 730, P["night"], P["teal"], P["teal"], P["ink"])
    glow(c, 1160, 200, 700, P["mist"], 0.18)
    high_window(c, 1060, 130, 200, 100, bars=2)
    soft_beam(c, [(1060, 230), (1260, 230), (1100, 690), (820, 690)], P["paper"], op=0.14)
    # chairs on either side, facing each other across the table
    chair_side(c, 560, 840, 0.95, P["ink"], facing=1)
    chair_side(c, 1360, 840, 0.95, P["ink"], facing=-1)
    # the table
    c.rect(690, 660, 540, 20, P["indigo2"])
    c.rect(690, 680, 540, 10, P["ink"])
    c.rect(720, 690, 16, 150, P["ink"]); c.rect(1184, 690, 16, 150, P["ink"])
    c.poly([(880, 660), (1080, 660), (1060, 664), (890, 664)], P["paper"], op=0.2)
    paper_cup(c, 960, 660, 0.85)
    motif(c, 1300, 280, 0.45, rot=20, op=0.55)
    finish(c, floor=0.85, vig=0.55)


@scene("shan-yin/boyfriend")
def shan_yin_boyfriend(c: Canvas):
    """A student's backpack and a stack of textbooks on a chair by a window, in late afternoon light."""
    back_wall(c, 760, P["indigo"], P["indigo2"], P["indigo"], P["ink"])
    # the window: late afternoon sky, low warm sun
    wx, wy, ww, wh = 1040, 170, 520, 440
    c.rect(wx, wy, ww, wh, vgrad(c, [(0, P["blue"]), (0.6, P["dusk"]), (1, P["rose"])], wy, wy + wh))
    glow(c, wx + 360, wy + wh - 70, 300, P["amber2"], 0.5)
    c.rng.seed(21)
    base = wy + wh
    bx = wx
    while bx < wx + ww:
        bw = min(c.rng.uniform(50, 110), wx + ww - bx)
        bh = c.rng.uniform(40, 120)
        c.rect(bx, base - bh, bw, bh, P["indigo"], op=0.9)
        bx += bw
    for (x, y, w, h) in ((wx, wy, ww, 14), (wx, wy + wh - 4, ww, 28), (wx, wy, 14, wh), (wx + ww - 14, wy, 14, wh),
                         (wx + ww / 2 - 7, wy, 14, wh), (wx, wy + wh * 0.45, ww, 10)):
        c.rect(x, y, w, h, P["ink"])
    glow(c, wx + ww / 2, wy + wh / 2, 1000, P["amber"], 0.3)
    # the window's warm light thrown on the wall to the left
    c.poly([(360, 210), (640, 230), (640, 560), (360, 560)], P["amber2"], op=0.06)
    c.rect(497, 222, 6, 338, P["indigo"], op=0.25); c.rect(360, 380, 280, 6, P["indigo"], op=0.25)
    glow(c, 900, 700, 420, P["amber"], 0.14)
    # the chair by the window, seen from the side, facing the window
    cx, fy, sc = 800, 880, 1.25
    chair_side(c, cx, fy, sc, P["ink"], facing=1)
    seat_y = fy - 180 * sc
    # the backpack hanging from the chair's back post
    bx = cx - 8
    c.path(f"M{bx+10} {fy-330*sc} C {bx-20} {fy-330*sc} {bx-30} {fy-300*sc} {bx-28} {fy-280*sc}", "none",
           stroke=P["ink"], sw=9, cap="round")
    c.path(f"M{bx-6} {fy-290*sc} C {bx-80} {fy-292*sc} {bx-96} {fy-240*sc} {bx-96} {fy-170*sc} "
           f"C {bx-96} {fy-120*sc} {bx-70} {fy-104*sc} {bx-30} {fy-104*sc} C {bx-8} {fy-104*sc} {bx} {fy-120*sc} {bx} {fy-150*sc} Z",
           P["blue"])
    c.path(f"M{bx-20} {fy-200*sc} C {bx-78} {fy-200*sc} {bx-86} {fy-170*sc} {bx-86} {fy-140*sc} "
           f"C {bx-86} {fy-118*sc} {bx-66} {fy-110*sc} {bx-30} {fy-110*sc} C {bx-16} {fy-110*sc} {bx-10} {fy-120*sc} {bx-10} {fy-140*sc} Z",
           P["dusk"], op=0.7)
    c.line(bx - 84, fy - 200 * sc, bx - 12, fy - 200 * sc, P["ink"], 3, op=0.5)
    # a stack of textbooks on the seat, lit from the window
    books = [(P["indigo2"], 120, 24), (P["rose"], 112, 20), (P["paper"], 104, 16), (P["blue"], 116, 22), (P["dusk"], 96, 18)]
    y = seat_y
    for i, (col, w, h) in enumerate(books):
        x0 = cx + 86 * sc - w / 2 + (-5, 4, -2, 6, 0)[i]
        c.rect(x0, y - h, w, h, col, op=0.95 if col != P["paper"] else 0.75, rx=3)
        c.rect(x0 + w - 12, y - h + 3, 8, h - 6, P["paper"], op=0.28)
        y -= h
    glow(c, cx + 110 * sc, y + 30, 170, P["amber2"], 0.22)
    motif(c, 1190, 320, 0.6, rot=-10, op=0.8)
    finish(c, floor=0.85, vig=0.5)


@scene("shan-yin/deported")
def shan_yin_deported(c: Canvas):
    """A wide airport window at dawn with a plane waiting on the tarmac. Far off, a lone figure is seen from behind."""
    floor_y = 800
    c.rect(0, 0, W, 640, vgrad(c, [(0, P["indigo"]), (0.65, P["blue"]), (1, P["rose"])], 0, 640))
    glow(c, 1480, 640, 700, P["amber2"], 0.3)
    stars(c, 18, 220, op=0.25)
    c.rect(0, 640, W, floor_y - 640, vgrad(c, [(0, P["indigo2"]), (1, P["indigo"])], 640, floor_y))
    for i in range(14):
        c.rect(i * 150 + 20, 690, 80, 5, P["amber2"], op=0.3)
    airliner_side(c, 1320, 700, 0.95)
    c.ellipse(1320, 700, 310, 8, P["ink"], op=0.4)
    # glass wall mullions and transom
    for x in range(0, W + 1, 320):
        c.rect(x - 9, 0, 18, floor_y, P["ink"])
    c.rect(0, 0, W, 40, P["ink"])
    c.rect(0, 300, W, 10, P["ink"], op=0.9)
    # polished floor catching the dawn
    c.rect(0, floor_y, W, H - floor_y, vgrad(c, [(0, P["indigo"]), (1, P["ink"])], floor_y, H))
    c.ellipse(1300, floor_y + 30, 500, 24, P["rose"], op=0.12)
    # a row of seats on the left, empty
    for i in range(5):
        x = 300 + i * 100
        c.rect(x, floor_y - 110, 88, 62, P["ink"], rx=8)
        c.rect(x, floor_y - 52, 88, 12, P["ink"], rx=4)
    c.rect(300, floor_y - 44, 500, 8, P["ink"])
    c.rect(320, floor_y - 44, 8, 44, P["ink"]); c.rect(770, floor_y - 44, 8, 44, P["ink"])
    # the lone figure, far off, from behind, looking out
    figure_back(c, 880, floor_y + 4, 190, P["ink"], hair="long")
    c.ellipse(880, floor_y + 8, 60, 6, P["ink"], op=0.5)
    motif(c, 1420, 380, 0.5, rot=16, op=0.65, trail=arc_trail(1200, 470, 1396, 390, 8, 24), trail_op=0.22)
    finish(c, floor=0.85, vig=0.45)


# ============================================================================ Dorothy

def panel_door(c: Canvas, x, y_floor, w=280, h=540, color=P["indigo"], frame=P["ink"], knob=True):
    """A closed flat-panel apartment door, frontal."""
    c.rect(x - 18, y_floor - h - 18, w + 36, h + 18, frame)
    c.rect(x, y_floor - h, w, h, color)
    c.rect(x + 30, y_floor - h + 34, w - 60, h * 0.36, frame, op=0.22, rx=4)
    c.rect(x + 30, y_floor - h * 0.52, w - 60, h * 0.44, frame, op=0.22, rx=4)
    if knob:
        c.circle(x + w - 36, y_floor - h * 0.48, 9, P["amber"], op=0.7)


@scene("dorothy/robbed")
def dorothy_robbed(c: Canvas):
    """A closed apartment door seen from inside at night. Its chain lock is fastened, and a thin line of hallway light shows beneath it."""
    back_wall(c, 790, P["ink"], P["indigo"], P["indigo"], P["ink"])
    glow(c, 960, 800, 700, P["amber"], 0.1)
    # a small window on the left wall onto the night, far from the door
    wx, wy = 300, 250
    c.rect(wx, wy, 200, 260, vgrad(c, [(0, P["night"]), (1, P["blue"])], wy, wy + 260))
    for (x, y) in ((330, 420), (380, 400), (440, 440)):
        c.rect(x, y, 40, 90, P["ink"], op=0.9)
    c.rect(392, 430, 6, 8, P["amber2"], op=0.6)
    for (x, y, w, h) in ((wx - 14, wy - 14, 228, 14), (wx - 14, wy + 260, 228, 22), (wx - 14, wy, 14, 260), (wx + 200, wy, 14, 260), (wx + 97, wy, 6, 260)):
        c.rect(x, y, w, h, P["ink"])
    # the door
    dx, dw, dh, fy = 820, 280, 560, 790
    panel_door(c, dx, fy, dw, dh, P["indigo"])
    # the thin line of hallway light beneath it, and its spill on the floor
    glow(c, dx + dw / 2, fy + 4, 260, P["amber2"], 0.35)
    c.rect(dx + 4, fy - 5, dw - 8, 5, P["glow"], op=0.9)
    c.poly([(dx, fy + 4), (dx + dw, fy + 4), (dx + dw + 80, fy + 40), (dx - 80, fy + 40)], P["amber2"], op=0.1)
    # locks: a deadbolt, a second bolt, and the fastened chain
    lx = dx + dw - 40
    c.rect(lx - 12, fy - 380, 24, 36, P["ink"], rx=4); c.rect(lx - 4, fy - 372, 8, 20, P["amber"], op=0.5)
    c.rect(lx - 12, fy - 316, 24, 36, P["ink"], rx=4); c.rect(lx - 4, fy - 308, 8, 20, P["amber"], op=0.5)
    # chain: track on the door, a few links hanging in a short curve to the slide on the frame
    c.rect(dx + dw - 110, fy - 452, 58, 12, P["ink"], rx=4)
    c.rect(dx + dw + 2, fy - 458, 14, 24, P["ink"], rx=3)
    for i in range(7):
        t = i / 6
        x = lerp(dx + dw - 60, dx + dw + 8, t)
        y = fy - 446 + 26 * 4 * t * (1 - t)
        c.ellipse(x, y, 6, 3.5, "none", stroke=P["mist"], sw=2, rot=(30 if i % 2 else -30))
    # the motif: dim and small, high on the wall
    motif(c, 1340, 330, 0.4, rot=14, op=0.45)
    finish(c, floor=0.85, vig=0.6)


@scene("dorothy/no-police")
def dorothy_no_police(c: Canvas):
    """A long, quiet corridor lined with closed doors and a single empty bench, under flat overhead light."""
    vp = (960, 460)
    far = (880, 380, 1040, 540)
    corridor(c, vp, far, wall=P["indigo2"], floor=P["teal"], light=P["mist"])
    # flat overhead light: square ceiling panels receding
    for t in (0.18, 0.42, 0.6, 0.73, 0.82, 0.88):
        a = persp(vp, (620, 0), t); b = persp(vp, (1300, 0), t)
        a2 = persp(vp, (620, 0), t + 0.05); b2 = persp(vp, (1300, 0), t + 0.05)
        c.poly([a, b, b2, a2], P["paper"], op=round(0.55 - 0.3 * t, 2))
    glow(c, 960, 300, 800, P["mist"], 0.12)
    # rows of closed doors on both sides
    for t0 in (0.04, 0.3, 0.5, 0.64, 0.74, 0.81):
        t1 = t0 + (0.5 - t0 * 0.55) * 0.36
        side_door(c, vp, 0, t0, t1, 140, 1080, color=P["indigo"])
        side_door(c, vp, W, t0 + 0.08, t1 + 0.05, 140, 1080, color=P["indigo"])
    # far end: a closed door
    c.rect(936, 450, 48, 90, P["ink"]); c.rect(940, 454, 40, 86, P["indigo"])
    # a single empty bench along the right wall, between two doors
    def p3(t, d, h):
        return persp(vp, (W - d, H - h), t)
    s0, s1, sh, sd = 0.475, 0.57, 150, 100
    for t in (s0 + 0.012, s1 - 0.012):
        c.poly([p3(t, sd - 14, sh - 20), p3(t + 0.006, sd - 14, sh - 20), p3(t + 0.006, sd - 14, 0), p3(t, sd - 14, 0)], P["ink"])
        c.poly([p3(t, 12, sh - 20), p3(t + 0.006, 12, sh - 20), p3(t + 0.006, 12, 0), p3(t, 12, 0)], P["ink"], op=0.8)
    c.poly([p3(s0, 0, sh), p3(s1, 0, sh), p3(s1, sd, sh), p3(s0, sd, sh)], P["dusk"])
    c.poly([p3(s0, sd, sh), p3(s1, sd, sh), p3(s1, sd, sh - 20), p3(s0, sd, sh - 20)], P["ink"])
    c.poly([p3(s0, 0, 0), p3(s1, 0, 0), p3(s1, sd, 0), p3(s0, sd, 0)], P["ink"], op=0.3)
    motif(c, 1010, 420, 0.34, rot=10, op=0.45)
    finish(c, floor=0.85, vig=0.55)


# ============================================================================ Stone

@scene("stone/status")
def stone_status(c: Canvas):
    """A quiet apartment doorway seen from inside. The door stands half open onto a bright, empty hallway."""
    back_wall(c, 800, P["night"], P["indigo"], P["indigo"], P["ink"])
    # the doorway (opening) and the bright hallway beyond
    dx, dw, dh, fy = 800, 300, 560, 800
    hall_top, hall_floor = fy - dh, fy
    c.rect(dx, hall_top, dw, dh, vgrad(c, [(0, P["mist"]), (0.7, P["paper"]), (1, P["paper"])], hall_top, fy))
    # the far wall of the hallway and its floor line
    c.rect(dx, fy - 110, dw, 110, P["mist"], op=0.5)
    c.rect(dx, fy - 112, dw, 4, P["dusk"], op=0.4)
    c.rect(dx + 190, hall_top + 140, 90, 310, P["dusk"], op=0.25)   # a neighbour's door across the hall, closed
    glow(c, dx + dw / 2, hall_top + 180, 700, P["paper"], 0.25)
    # frame
    c.rect(dx - 22, hall_top - 22, dw + 44, 22, P["ink"])
    c.rect(dx - 22, hall_top - 22, 22, dh + 22, P["ink"])
    c.rect(dx + dw, hall_top - 22, 22, dh + 22, P["ink"])
    # the door, half open inwards (hinged on the left), seen edge-on in perspective
    c.poly([(dx, hall_top), (dx + 120, hall_top - 40), (dx + 120, fy + 60), (dx, fy)], P["indigo2"])
    c.poly([(dx + 120, hall_top - 40), (dx + 134, hall_top - 38), (dx + 134, fy + 58), (dx + 120, fy + 60)], P["ink"])
    c.circle(dx + 104, fy - dh * 0.47, 8, P["amber"], op=0.6)
    # the wedge of light across the floor
    c.poly([(dx + 120, fy + 60), (dx + dw, fy), (dx + dw + 260, H), (dx + 170, H)], P["paper"], op=0.14)
    c.poly([(dx + 130, fy + 64), (dx + dw - 10, fy + 6), (dx + dw + 190, H), (dx + 190, H)], P["paper"], op=0.08)
    # a pair of shoes by the door, and a low shelf with a key dish
    c.ellipse(dx - 120, fy + 26, 34, 10, P["ink"]); c.ellipse(dx - 60, fy + 30, 34, 10, P["ink"])
    c.rect(dx + dw + 120, fy - 220, 200, 14, P["ink"]); c.rect(dx + dw + 130, fy - 206, 10, 206, P["ink"])
    c.rect(dx + dw + 300, fy - 206, 10, 206, P["ink"])
    c.ellipse(dx + dw + 220, fy - 226, 36, 8, P["dusk"], op=0.8)
    motif(c, 1060, 330, 0.5, rot=-16, op=0.7)
    finish(c, floor=0.85, vig=0.55)


def banknote(c: Canvas, x, y, w=170, h=84, rot=0, color=P["dusk"]):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, color, rx=4)
    c.rect(-w / 2 + 10, -h / 2 + 10, w - 20, h - 20, "none", rx=3, stroke=P["paper"], sw=2)
    c.circle(w / 2 - 38, 0, h * 0.22, P["paper"], op=0.25)
    c.rect(-w / 2 + 22, -6, w * 0.35, 4, P["paper"], op=0.3)
    c.end()


@scene("stone/ticket")
def stone_ticket(c: Canvas):
    """A folded paper ticket and a few banknotes lie on a kitchen table beside a cup of tea, in morning light."""
    back_wall(c, 640, P["indigo"], P["indigo2"], P["indigo2"], P["ink"])
    # morning window behind the table
    wx, wy, ww, wh = 700, 110, 520, 400
    c.rect(wx, wy, ww, wh, vgrad(c, [(0, P["dusk"]), (0.6, P["mist"]), (1, P["amber2"])], wy, wy + wh))
    glow(c, wx + ww * 0.6, wy + wh, 380, P["glow"], 0.45)
    c.rng.seed(31)
    bx = wx
    while bx < wx + ww:
        bw = min(c.rng.uniform(40, 90), wx + ww - bx)
        bh = c.rng.uniform(30, 90)
        c.rect(bx, wy + wh - bh, bw, bh, P["dusk"], op=0.8)
        bx += bw
    for (x, y, w, h) in ((wx - 16, wy - 16, ww + 32, 16), (wx - 16, wy + wh, ww + 32, 26), (wx - 16, wy, 16, wh),
                         (wx + ww, wy, 16, wh), (wx + ww / 2 - 6, wy, 12, wh)):
        c.rect(x, y, w, h, P["ink"])
    glow(c, 960, 420, 1000, P["amber2"], 0.22)
    # the kitchen table, seen from a little above
    ty0, ty1 = 600, 790
    c.poly([(300, ty0), (1620, ty0), (1780, ty1), (140, ty1)], vgrad(c, [(0, P["indigo2"]), (1, P["blue"])], ty0, ty1))
    c.rect(140, ty1, 1640, 24, P["ink"])
    # morning light on the table
    flat_glow(c, 1000, 700, 520, 0.3, P["amber2"], 0.25)
    # banknotes, fanned
    banknote(c, 836, 716, rot=-10, color=P["teal"])
    banknote(c, 862, 704, rot=4, color=P["dusk"])
    banknote(c, 888, 710, rot=14, color=P["rose"])
    # the folded ticket (a narrow slip folded once, lying on its side)
    c.group("translate(1056 706) rotate(-4)")
    c.ellipse(0, 34, 92, 10, P["ink"], op=0.35)
    c.poly([(-78, -8), (78, -8), (82, 30), (-82, 30)], P["paper"], op=0.95)
    c.poly([(-78, -8), (78, -8), (72, -28), (-72, -28)], P["paper"], op=0.78)
    c.line(-78, -8, 78, -8, P["mist"], 2, op=0.6)
    c.rect(-56, 6, 70, 3, P["blue"], op=0.35); c.rect(-56, 15, 100, 3, P["blue"], op=0.35)
    c.end()
    teacup(c, 1206, 738, 0.9)
    motif(c, 1110, 250, 0.55, rot=10, op=0.85)
    finish(c, floor=0.85, vig=0.5)


def curtain(c: Canvas, x0, x1, y0, y1, side=1, color=P["blue"], folds=5):
    """A gathered curtain hanging between x0 and x1 (side: which way the gathers lean)."""
    c.rect(x0, y0, x1 - x0, y1 - y0, color)
    w = (x1 - x0) / folds
    for i in range(folds):
        x = x0 + i * w
        c.path(f"M{f(x + w * 0.3)} {f(y0)} C {f(x + w * 0.2)} {f(lerp(y0, y1, 0.4))} {f(x + w * 0.45)} {f(lerp(y0, y1, 0.7))} {f(x + w * 0.35)} {f(y1)}",
               "none", stroke=P["ink"], sw=w * 0.28, op=0.35)
        c.path(f"M{f(x + w * 0.75)} {f(y0)} C {f(x + w * 0.7)} {f(lerp(y0, y1, 0.5))} {f(x + w * 0.8)} {f(lerp(y0, y1, 0.8))} {f(x + w * 0.78)} {f(y1)}",
               "none", stroke=P["paper"], sw=w * 0.1, op=0.06)


@scene("stone/fear")
def stone_fear(c: Canvas):
    """A window with half-drawn curtains at dusk. The street below is empty under a single lamp."""
    back_wall(c, 900, P["ink"], P["night"], P["night"], P["ink"])
    wx, wy, ww, wh = 560, 150, 800, 560
    # outside: dusk sky over the roofs opposite
    c.rect(wx, wy, ww, 200, vgrad(c, [(0, P["indigo"]), (0.6, P["dusk"]), (1, P["rose"])], wy, wy + 200))
    c.rect(wx, wy + 180, ww, 110, P["ink"])
    c.rect(wx + 260, wy + 150, 180, 40, P["ink"])
    for x in (620, 700, 860, 1120, 1240):
        c.rect(x, wy + 200, 24, 32, P["indigo2"], op=0.9)
    c.rect(1000, wy + 200, 24, 32, P["amber2"], op=0.5)
    # the street seen from above: pavement, then the empty road
    c.rect(wx, wy + 290, ww, 40, P["indigo2"])
    c.rect(wx, wy + 330, ww, wh - 330, vgrad(c, [(0, P["indigo"]), (1, P["night"])], wy + 330, wy + wh))
    for i in range(5):
        c.rect(wx + 30 + i * 170, wy + 450, 100, 7, P["paper"], op=0.1)
    # the single lamp and its soft pool
    lx, base = 960, wy + 320
    flat_glow(c, lx, base + 20, 240, 0.33, P["amber2"], 0.4)
    c.rect(lx - 4, base - 140, 8, 150, P["ink"])
    c.path(f"M{lx} {base-140} C {lx} {base-160} {lx+26} {base-162} {lx+34} {base-150}", "none", stroke=P["ink"], sw=6)
    glow(c, lx + 34, base - 146, 130, P["amber2"], 0.6)
    c.ellipse(lx + 34, base - 146, 10, 5, P["glow"])
    # the window frame
    for (x, y, w, h) in ((wx - 22, wy - 22, ww + 44, 22), (wx - 22, wy + wh, ww + 44, 40), (wx - 22, wy, 22, wh),
                         (wx + ww, wy, 22, wh)):
        c.rect(x, y, w, h, P["ink"])
    c.rect(wx - 40, wy + wh + 14, ww + 80, 20, P["indigo"], op=0.7)   # sill catching a little light
    # curtain rail and the two half-drawn curtains
    c.rect(wx - 140, wy - 62, ww + 280, 12, P["ink"], rx=6)
    curtain(c, wx - 110, wx + 140, wy - 50, wy + wh + 110, color=P["night"], folds=4)
    curtain(c, wx + ww - 140, wx + ww + 110, wy - 50, wy + wh + 110, color=P["night"], folds=4)
    c.rect(wx + 124, wy - 50, 16, wh + 160, P["dusk"], op=0.3)       # inner edges catch the dusk
    c.rect(wx + ww - 140, wy - 50, 16, wh + 160, P["dusk"], op=0.3)
    glow(c, 960, 400, 800, P["dusk"], 0.1)
    motif(c, 1120, 250, 0.45, rot=-12, op=0.65)
    finish(c, floor=0.85, vig=0.55)


# ============================================================================ Little Fish

def fluorescent_ceiling(c: Canvas, y=60, xs=(420, 1120), w=380):
    for x in xs:
        strip(c, x, y, w, 16, op=0.85, glow_r=w * 1.5)


@scene("little-fish/office")
def little_fish_office(c: Canvas):
    """A plain waiting room with a row of plastic chairs and a closed door, under flat fluorescent light."""
    back_wall(c, 780, P["indigo"], P["teal"], P["teal"], P["ink"])
    fluorescent_ceiling(c, 70, (380, 1160), 380)
    glow(c, 960, 300, 1100, P["mist"], 0.12)
    c.rect(0, 520, W, 8, P["ink"], op=0.3)   # a dado rail
    # the closed door, right of centre
    dx, dw, dh, fy = 1190, 240, 500, 780
    c.rect(dx - 14, fy - dh - 14, dw + 28, dh + 14, P["ink"])
    c.rect(dx, fy - dh, dw, dh, P["indigo2"])
    c.rect(dx + 70, fy - dh + 60, dw - 140, 110, P["mist"], op=0.25)   # a small wired glass pane, dark
    c.rect(dx + 26, fy - dh * 0.5, 40, 10, P["paper"], op=0.4, rx=4)
    # the row of plastic chairs, joined on a beam
    for i in range(5):
        plastic_chair(c, 470 + i * 150, fy + 20, 0.95, P["blue"])
    c.rect(400, fy + 20 - 140, 760, 12, P["ink"], op=0.8)
    c.poly([(380, fy + 26), (1180, fy + 26), (1220, fy + 60), (340, fy + 60)], P["ink"], op=0.3)
    motif(c, 1030, 380, 0.42, rot=12, op=0.55)
    finish(c, floor=0.85, vig=0.5)


@scene("little-fish/husband")
def little_fish_husband(c: Canvas):
    """A mobile phone rests on an empty plastic chair in a waiting room, its screen dark."""
    back_wall(c, 560, P["indigo"], P["teal"], P["teal"], P["ink"])
    strip(c, 760, 60, 400, 16, op=0.8, glow_r=700)
    glow(c, 960, 400, 900, P["mist"], 0.1)
    c.rect(0, 360, W, 8, P["ink"], op=0.3)
    # three moulded chairs close up, seen a little from above; the middle one holds the phone
    def seat_chair(x, op=1.0):
        c.path(f"M{x-170} 560 L{x-178} 300 C {x-178} 250 {x+178} 250 {x+178} 300 L{x+170} 560 Z", P["blue"], op=op)
        c.path(f"M{x-150} 300 C {x-150} 270 {x+150} 270 {x+150} 300", "none", stroke=P["paper"], sw=4, op=0.1)
        c.path(f"M{x-176} 556 L{x+176} 556 L{x+214} 716 C {x+214} 736 {x-214} 736 {x-214} 716 Z", P["dusk"], op=op)
        c.path(f"M{x-176} 556 L{x+176} 556 L{x+184} 590 L{x-184} 590 Z", P["blue"], op=0.6 * op)
        c.path(f"M{x-214} 716 C {x-214} 736 {x+214} 736 {x+214} 716 L{x+212} 748 C {x+212} 766 {x-212} 766 {x-212} 748 Z", P["indigo2"], op=op)
        c.rect(x - 150, 766, 16, 260, P["ink"], op=op); c.rect(x + 134, 766, 16, 260, P["ink"], op=op)
    seat_chair(440); seat_chair(1480); seat_chair(960)
    c.rect(180, 800, 1560, 24, P["ink"], op=0.8)
    # the phone lying on the seat, screen dark, a faint reflection of the ceiling light along its glass
    c.group("translate(960 650) rotate(-8)")
    c.ellipse(6, 14, 118, 24, P["ink"], op=0.35)
    c.path("M-96 -34 L92 -38 C 104 -38 110 -32 108 -22 L100 30 C 98 38 92 42 82 42 L-104 40 C -114 40 -118 34 -116 26 L-108 -26 C -106 -32 -102 -34 -96 -34 Z", P["ink"])
    c.path("M-90 -26 L86 -30 L80 32 L-98 30 Z", P["night"])
    c.path("M-70 -22 L-20 -23 L-44 26 L-92 24 Z", P["mist"], op=0.12)
    c.path("M-96 -34 L92 -38", "none", stroke=P["mist"], sw=2, op=0.35)
    c.end()
    motif(c, 1240, 300, 0.42, rot=-14, op=0.55)
    finish(c, floor=0.85, vig=0.55)


@scene("little-fish/after")
def little_fish_after(c: Canvas):
    """An empty kitchen table with two chairs pushed in, in the grey light of early morning."""
    back_wall(c, 720, P["indigo"], P["indigo2"], P["indigo2"], P["ink"])
    # early-morning window: grey, with the faintest rose low down
    wx, wy, ww, wh = 760, 130, 400, 360
    c.rect(wx, wy, ww, wh, vgrad(c, [(0, P["blue"]), (0.7, P["mist"]), (1, P["rose"])], wy, wy + wh))
    for (x, y, w, h) in ((wx - 14, wy - 14, ww + 28, 14), (wx - 14, wy + wh, ww + 28, 24), (wx - 14, wy, 14, wh),
                         (wx + ww, wy, 14, wh), (wx + ww / 2 - 6, wy, 12, wh), (wx, wy + wh / 2 - 5, ww, 10)):
        c.rect(x, y, w, h, P["ink"])
    glow(c, 960, 320, 900, P["mist"], 0.2)
    # the table
    c.rect(560, 600, 800, 22, P["dusk"], op=0.9)
    c.rect(560, 622, 800, 14, P["ink"])
    c.rect(590, 636, 20, 220, P["ink"]); c.rect(1310, 636, 20, 220, P["ink"])
    c.poly([(760, 600), (1160, 600), (1180, 610), (740, 610)], P["paper"], op=0.15)
    # two chairs pushed in, their backs to us
    chair_back(c, 780, 860, 1.0, P["ink"], pushed_in=True)
    chair_back(c, 1140, 860, 1.0, P["ink"], pushed_in=True)
    motif(c, 1090, 230, 0.45, rot=10, op=0.7)
    finish(c, floor=0.85, vig=0.5)


# ============================================================================ Bo Bo

def desk_lamp(c: Canvas, x, y_table, s=1.0, facing=1, r=520, op=0.5):
    """An angled desk lamp standing on a table, its head bowed towards x + facing*…"""
    hx, hy = x + facing * 150 * s, y_table - 250 * s
    glow(c, hx + facing * 30 * s, hy + 60 * s, r, P["amber2"], op)
    c.ellipse(x, y_table - 6 * s, 60 * s, 12 * s, P["ink"])
    c.path(f"M{f(x)} {f(y_table-10*s)} L{f(x+facing*40*s)} {f(y_table-170*s)} L{f(hx)} {f(hy)}", "none",
           stroke=P["ink"], sw=9 * s, cap="round")
    c.group(f"translate({f(hx)} {f(hy)}) rotate({f(-facing*22)}) scale({f(facing*s)} {f(s)})")
    c.path("M-20 -24 L30 -24 L66 40 L-40 40 Z", P["ink"])
    c.ellipse(13, 40, 53, 9, P["glow"], op=0.95)
    c.end()


def pen(c: Canvas, x, y, length=170, rot=-20, color=P["ink"]):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-length / 2, -5, length, 10, color, rx=5)
    c.path(f"M{f(length/2)} -5 L{f(length/2+22)} 0 L{f(length/2)} 5 Z", color)
    c.rect(-length / 2 + 10, -8, 50, 4, color)
    c.rect(-length / 2, -5, length, 3, P["paper"], op=0.15)
    c.end()


@scene("bo-bo/promise")
def bo_bo_promise(c: Canvas):
    """A bare table with a single sheet of paper and a pen, lit by a desk lamp in an otherwise dim room."""
    back_wall(c, 640, P["ink"], P["night"], P["night"], P["ink"])
    ty0, ty1 = 600, 780
    # table top seen from a little above
    c.poly([(420, ty0), (1500, ty0), (1640, ty1), (280, ty1)], vgrad(c, [(0, P["indigo"]), (1, P["indigo2"])], ty0, ty1))
    c.rect(280, ty1, 1360, 26, P["ink"])
    c.rect(320, ty1 + 26, 26, 300, P["ink"]); c.rect(1574, ty1 + 26, 26, 300, P["ink"])
    desk_lamp(c, 1330, 660, 1.0, facing=-1, r=620, op=0.5)
    flat_glow(c, 1030, 700, 420, 0.3, P["amber2"], 0.35)
    # the single sheet of paper, lying in the light
    c.poly([(880, 640), (1090, 636), (1130, 748), (870, 754)], P["ink"], op=0.3)
    c.poly([(872, 630), (1084, 626), (1122, 738), (856, 744)], P["paper"], op=0.95)
    for i in range(6):
        y0 = 648 + i * 14
        c.poly([(888 - i * 3, y0), (1060 + i * 4 - (40 if i == 5 else 0), y0 - 1), (1060 + i * 4 - (40 if i == 5 else 0), y0 + 3), (888 - i * 3, y0 + 4)], P["blue"], op=0.3)
    c.poly([(900, 726), (990, 725), (990, 728), (900, 729)], P["blue"], op=0.3)   # a line left empty for a signature
    pen(c, 1000, 770, 150, rot=-12)
    motif(c, 1200, 330, 0.55, rot=14, op=0.75)
    finish(c, floor=0.85, vig=0.6)


def wall_clock(c: Canvas, x, y, r=70, hour=4.0, minute=0.0):
    import math
    c.circle(x, y + 6, r + 4, P["ink"], op=0.3)
    c.circle(x, y, r + 8, P["ink"])
    c.circle(x, y, r, P["paper"], op=0.92)
    for i in range(12):
        a = math.radians(i * 30)
        L = 12 if i % 3 == 0 else 6
        c.line(x + math.sin(a) * (r - 6), y - math.cos(a) * (r - 6), x + math.sin(a) * (r - 6 - L), y - math.cos(a) * (r - 6 - L),
               P["ink"], 3 if i % 3 == 0 else 2)
    ah = math.radians((hour % 12 + minute / 60) * 30)
    am = math.radians(minute * 6)
    c.line(x, y, x + math.sin(ah) * r * 0.5, y - math.cos(ah) * r * 0.5, P["ink"], 6)
    c.line(x, y, x + math.sin(am) * r * 0.78, y - math.cos(am) * r * 0.78, P["ink"], 4)
    c.circle(x, y, 5, P["ink"])


@scene("bo-bo/arrest")
def bo_bo_arrest(c: Canvas):
    """A plain wall clock hangs above a closed door in a pale, quiet institutional hallway."""
    back_wall(c, 790, P["indigo2"], P["teal"], P["teal"], P["ink"])
    strip(c, 780, 40, 360, 14, op=0.85, glow_r=900)
    glow(c, 960, 360, 1100, P["mist"], 0.22)
    c.rect(0, 560, W, 10, P["ink"], op=0.2)
    c.rect(0, 770, W, 20, P["ink"], op=0.4)     # skirting
    # the closed door, centred
    dx, dw, dh, fy = 830, 260, 480, 790
    c.rect(dx - 16, fy - dh - 16, dw + 32, dh + 16, P["ink"])
    c.rect(dx, fy - dh, dw, dh, P["dusk"])
    c.rect(dx, fy - dh, dw, 40, P["paper"], op=0.06)
    c.rect(dx + 30, fy - dh * 0.52, 46, 12, P["ink"], op=0.8, rx=5)
    c.rect(dx + 30, fy - dh * 0.52 + 40, 24, 30, P["ink"], op=0.5, rx=3)
    # the plain wall clock above it
    wall_clock(c, 960, 200, 64, hour=10.0, minute=5)
    # a soft shadow of the door on the pale floor
    flat_glow(c, 960, 800, 300, 0.2, P["ink"], 0.5)
    motif(c, 1180, 250, 0.45, rot=12, op=0.6)
    finish(c, floor=0.85, vig=0.5)


# ============================================================================ Angel

def passport(c: Canvas, x, y, w=150, h=200, skew=18, color=P["blue"]):
    """A closed passport lying flat, seen from a little above (a slightly tapered rectangle). No text."""
    c.poly([(x - w / 2 + skew, y - h / 2), (x + w / 2 - skew, y - h / 2), (x + w / 2 + 8, y + h / 2 + 6),
            (x - w / 2 - 8, y + h / 2 + 6)], P["ink"], op=0.35)
    c.poly([(x - w / 2 + skew, y - h / 2), (x + w / 2 - skew, y - h / 2), (x + w / 2, y + h / 2), (x - w / 2, y + h / 2)], color)
    c.poly([(x - w / 2, y + h / 2), (x + w / 2, y + h / 2), (x + w / 2, y + h / 2 + 7), (x - w / 2, y + h / 2 + 7)], P["paper"], op=0.5)
    c.ellipse(x, y - h * 0.06, w * 0.2, h * 0.13, "none", stroke=P["amber2"], sw=2.5)
    c.ellipse(x, y - h * 0.06, w * 0.08, h * 0.05, P["amber2"], op=0.55)
    c.rect(x - w * 0.22, y + h * 0.2, w * 0.44, 3, P["amber2"], op=0.5)


def angel_room(c: Canvas, ajar: bool):
    back_wall(c, 560, P["night"], P["indigo"], P["indigo"], P["ink"])
    # the door in the back wall
    dx, dw, dh, fy = 1040, 200, 420, 560
    c.rect(dx - 14, fy - dh - 14, dw + 28, dh + 14, P["ink"])
    if ajar:
        c.rect(dx, fy - dh, dw, dh, vgrad(c, [(0, P["mist"]), (1, P["paper"])], fy - dh, fy))
        c.rect(dx, fy - 60, dw, 60, P["dusk"], op=0.5)
        glow(c, dx + dw / 2, fy - dh / 2, 420, P["mist"], 0.3)
        c.poly([(dx, fy - dh), (dx + 90, fy - dh - 20), (dx + 90, fy + 16), (dx, fy)], P["indigo2"])
        c.poly([(dx, fy), (dx + dw, fy), (dx + dw + 120, fy + 60), (dx + 60, fy + 60)], P["paper"], op=0.1)
    else:
        c.rect(dx, fy - dh, dw, dh, P["indigo2"])
        c.rect(dx + 24, fy - dh + 28, dw - 48, dh * 0.38, P["ink"], op=0.2)
        c.rect(dx + 24, fy - dh * 0.52, dw - 48, dh * 0.42, P["ink"], op=0.2)
        c.circle(dx + 28, fy - dh * 0.48, 7, P["amber"], op=0.6)
        c.rect(dx, fy - 4, dw, 4, P["mist"], op=0.5)
    # the desk, seen from a little above
    ty0, ty1 = 610, 790
    c.poly([(460, ty0), (1460, ty0), (1580, ty1), (340, ty1)], vgrad(c, [(0, P["indigo2"]), (1, P["blue"])], ty0, ty1))
    c.rect(340, ty1, 1240, 26, P["ink"])
    desk_lamp(c, 600, 660, 1.0, facing=1, r=560, op=0.48)
    flat_glow(c, 900, 700, 420, 0.3, P["amber2"], 0.3)


@scene("angel/passport")
def angel_passport(c: Canvas):
    """A closed passport lies on a bare desk under a lamp. A hand rests flat on the desk beside it."""
    angel_room(c, ajar=False)
    passport(c, 930, 690, 150, 130, skew=16, color=P["blue"])
    # a hand resting flat beside it, fingers towards the back of the desk (sleeve in ink)
    hand_flat(c, 1170, 690, 1.2, rot=-28)
    motif(c, 1110, 330, 0.5, rot=-10, op=0.7)
    finish(c, floor=0.85, vig=0.55)


def hand_flat(c: Canvas, x, y, s=1.0, rot=0, sleeve=True):
    """A hand lying flat on a table, seen from above at a low angle: back of the hand, fingers together, pointing away.
    The sleeve (ink) comes in from the viewer's side."""
    c.group(f"translate({f(x)} {f(y)}) scale({f(s)} {f(s * 0.62)}) rotate({f(rot)})")
    if sleeve:
        c.path("M-50 60 C -20 52 30 52 52 60 L80 700 L-70 700 Z", P["ink"])
    c.path("M-40 70 C -44 30 -46 0 -40 -30 C -36 -60 -28 -96 -16 -104 C -4 -110 14 -108 24 -100 "
           "C 34 -90 38 -60 40 -30 C 54 -34 70 -30 74 -18 C 76 -8 60 4 48 22 C 44 40 42 56 42 70 Z", P["rose"])
    c.path("M-20 -102 L-22 -52 M-2 -108 L-3 -54 M16 -104 L15 -54", "none", stroke=P["ink"], sw=2.5, op=0.22, cap="round")
    c.path("M-40 70 C -44 30 -46 0 -40 -30", "none", stroke=P["amber2"], sw=4, op=0.25, cap="round")
    c.end()


@scene("angel/handed-over")
def angel_handed_over(c: Canvas):
    """The same desk with the lamp still on and the passport gone. Beyond it, a door stands ajar onto a corridor."""
    angel_room(c, ajar=True)
    # only the faintest trace where the passport lay
    c.poly([(871, 625), (989, 625), (1005, 755), (855, 755)], P["ink"], op=0.06)
    motif(c, 1360, 350, 0.42, rot=14, op=0.55)
    finish(c, floor=0.85, vig=0.55)


# ============================================================================ Sue

def microphone(c: Canvas, x, y_table, s=1.0):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.ellipse(0, -6, 46, 10, P["ink"])
    c.rect(-30, -16, 60, 12, P["ink"], rx=4)
    c.path("M0 -16 L0 -60 C 0 -110 -10 -140 -40 -160", "none", stroke=P["ink"], sw=6, cap="round")
    c.path("M-40 -160 C -46 -164 -64 -178 -72 -186", "none", stroke=P["ink"], sw=16, cap="round")
    c.circle(-40, -28, 4, P["amber"], op=0.0)
    c.end()


@scene("sue/hearing")
def sue_hearing(c: Canvas):
    """A small hearing room in pale daylight: a long table, a microphone and one empty chair."""
    back_wall(c, 700, P["indigo2"], P["teal"], P["teal"], P["ink"])
    # two tall windows of pale daylight on the left, their light across the room
    for wx in (260, 520):
        c.rect(wx, 120, 170, 420, vgrad(c, [(0, P["mist"]), (1, P["paper"])], 120, 540), op=0.75)
        c.rect(wx + 80, 120, 10, 420, P["ink"], op=0.7)
        c.rect(wx, 320, 170, 8, P["ink"], op=0.7)
        c.rect(wx - 12, 108, 194, 12, P["ink"]); c.rect(wx - 12, 540, 194, 16, P["ink"])
        c.rect(wx - 12, 108, 12, 440, P["ink"]); c.rect(wx + 170, 108, 12, 440, P["ink"])
        c.poly([(wx, 556), (wx + 170, 556), (wx + 480, 860), (wx + 200, 860)], P["paper"], op=0.05)
    glow(c, 500, 330, 900, P["mist"], 0.22)
    # the long table across the room (a panel front, no sign, no emblem)
    c.rect(560, 520, 1000, 20, P["dusk"])
    c.rect(560, 540, 1000, 200, P["indigo"])
    c.rect(560, 540, 1000, 8, P["ink"], op=0.5)
    for i in range(1, 4):
        c.rect(560 + i * 250 - 2, 548, 4, 192, P["ink"], op=0.25)
    microphone(c, 1000, 520, 1.0)
    c.rect(700, 506, 120, 14, P["paper"], op=0.6)   # a closed folder, blank
    # the one empty chair, in front of the table, facing it (its back to us)
    chair_back(c, 1000, 860, 1.05, P["ink"], pushed_in=False)
    motif(c, 1320, 300, 0.45, rot=-14, op=0.6)
    finish(c, floor=0.85, vig=0.5)


@scene("sue/the-way")
def sue_the_way(c: Canvas):
    """A city street at dusk seen from a distance, with a lit restaurant window on the corner and a side street leading away."""
    c.rect(0, 0, W, H, vgrad(c, [(0, P["night"]), (0.4, P["indigo"]), (0.75, P["dusk"]), (1, P["rose"])], 0, 600))
    stars(c, 24, 240, op=0.3)
    ground, vp, cut = 760, (1250, 540), 0.62

    def toward(p, t):
        return persp(vp, p, t)

    # far buildings at the end of the side street
    c.rng.seed(77)
    skyline(c, 660, x0=1120, x1=1420, hmin=60, hmax=150, color=P["indigo2"], lit=0.15, wmin=30, wmax=60, towers=False, win_op=0.5)
    # low buildings to the left
    c.rng.seed(78)
    skyline(c, ground, x0=-20, x1=450, hmin=220, hmax=380, color=P["ink"], lit=0.12, wmin=120, wmax=200, towers=False)
    # the corner building: front facade and its side receding into the side street
    bx0, bx1, top = 440, 1080, 250
    st, sb = toward((bx1, top), cut), toward((bx1, ground), cut)
    c.poly([(bx1, top), st, sb, (bx1, ground)], P["indigo"])
    c.rect(bx0, top, bx1 - bx0, ground - top, P["ink"])
    for k in range(4):      # side-wall windows receding
        t0 = 0.08 + k * 0.14
        t1 = t0 + 0.07
        for row in (0, 1, 2):
            y0, y1 = 300 + row * 100, 360 + row * 100
            pa, pb = toward((bx1, y0), t0), toward((bx1, y0), t1)
            pc, pd = toward((bx1, y1), t1), toward((bx1, y1), t0)
            lit = (k, row) in ((1, 0), (2, 2))
            c.poly([pa, pb, pc, pd], P["amber2"] if lit else P["indigo2"], op=0.6 if lit else 0.8)
    for r in range(3):
        for k in range(6):
            lit = (r, k) in ((0, 2), (1, 4), (2, 1))
            c.rect(490 + k * 96, 290 + r * 96, 42, 58, P["amber2"] if lit else P["indigo2"], op=0.6 if lit else 0.8)
    # the building across the side street (right)
    rx0, rtop = 1560, 200
    rt, rb = toward((rx0, rtop), cut), toward((rx0, ground), cut)
    c.poly([(rx0, rtop), rt, rb, (rx0, ground)], P["indigo"])
    c.rect(rx0, rtop, W - rx0 + 20, ground - rtop, P["ink"])
    for k in range(3):
        for r in range(3):
            lit = (k, r) in ((0, 1), (2, 0))
            c.rect(1610 + k * 100, 260 + r * 110, 46, 64, P["amber2"] if lit else P["indigo2"], op=0.6 if lit else 0.8)
    # the side street leading away
    c.poly([(bx1, ground), (rx0, ground), rb, sb], vgrad(c, [(0, P["indigo2"]), (1, P["blue"])], sb[1], ground))
    c.poly([toward((1300, ground), 0), toward((1340, ground), 0), toward((1340, ground), cut), toward((1300, ground), cut)], P["dusk"], op=0.3)
    for t in (0.0, 0.25, 0.45, 0.58):
        base = toward((rx0 - 40, ground), t)
        tip = toward((rx0 - 40, ground - 300), t)
        k = 1 - t
        c.rect(base[0] - 3 * k, tip[1], 6 * k + 1, base[1] - tip[1], P["ink"])
        glow(c, tip[0], tip[1], 130 * k, P["amber2"], 0.55)
        c.circle(tip[0], tip[1], 7 * k + 1, P["glow"])
    # the restaurant on the corner: a wide warm window under an awning, no sign
    glow(c, 850, 660, 520, P["amber"], 0.35)
    c.rect(620, 600, 440, 160, P["amber"], op=0.85)
    c.rect(620, 600, 440, 56, P["amber2"], op=0.5)
    for i in range(1, 4):
        c.rect(620 + i * 110 - 4, 600, 8, 160, P["ink"])
    for i in range(5):
        c.rect(642 + i * 86, 704, 46, 56, P["ink"], op=0.55)
        c.circle(665 + i * 86, 634, 9, P["glow"], op=0.8)
    c.path("M604 600 L1076 600 L1092 566 L588 566 Z", P["rose"])
    c.rect(588, 566, 504, 6, P["ink"], op=0.3)
    # the main street in front, with the window's reflection
    c.rect(0, ground, W, H - ground, vgrad(c, [(0, P["indigo"]), (1, P["ink"])], ground, H))
    c.rect(0, ground, W, 5, P["dusk"], op=0.35)
    flat_glow(c, 850, 790, 300, 0.16, P["amber2"], 0.35)
    # the motif, drifting into the side street: the way she knew
    motif(c, 1262, 492, 0.42, rot=20, op=0.8, trail=arc_trail(1060, 560, 1242, 500, 9, 30), trail_op=0.28)
    finish(c, floor=0.85, vig=0.5)


# ============================================================================ About

def coin_stack(c: Canvas, x, y_bottom, n=14, r=46, h=9):
    for i in range(n):
        y = y_bottom - i * h
        c.rect(x - r, y - h, 2 * r, h, P["amber"] if i % 2 else P["amber2"], op=0.95)
        c.rect(x - r, y - h, 2 * r, 2, P["ink"], op=0.25)
    c.ellipse(x, y_bottom - n * h, r, r * 0.28, P["amber2"])
    c.ellipse(x, y_bottom - n * h, r * 0.7, r * 0.18, P["glow"], op=0.4)
    c.ellipse(x, y_bottom, r, r * 0.28, P["amber"], op=0.95)


@scene("about/money")
def about_money(c: Canvas):
    """An old-fashioned balance scale on a plain table, one pan holding a tall, neat stack of coins and the other pan empty."""
    import math
    back_wall(c, 700, P["night"], P["indigo"], P["indigo"], P["ink"])
    glow(c, 960, 300, 900, P["amber"], 0.18)
    c.rect(0, 700, W, 22, P["indigo2"]); c.rect(0, 722, W, H - 722, P["ink"])
    # the scale: base, post, tilted beam (the full pan hangs lower, on the left)
    cx, base_y, top_y = 960, 700, 260
    c.ellipse(cx, base_y - 6, 150, 20, P["ink"])
    c.rect(cx - 110, base_y - 30, 220, 26, P["ink"], rx=8)
    c.rect(cx - 12, top_y, 24, base_y - 30 - top_y, P["ink"])
    c.circle(cx, top_y, 20, P["ink"])
    c.circle(cx, top_y, 7, P["amber"], op=0.8)
    ang = math.radians(-9)     # negative: left end down
    L = 235
    lx, ly = cx - L * math.cos(ang), top_y - L * math.sin(ang)
    rx, ry = cx + L * math.cos(ang), top_y + L * math.sin(ang)
    c.line(lx, ly, rx, ry, P["ink"], 12)
    c.line(cx, top_y - 20, cx, top_y - 70, P["ink"], 8)      # the pointer
    for (ex, ey, full) in ((lx, ly, True), (rx, ry, False)):
        drop = 260
        py = ey + drop
        c.circle(ex, ey, 9, P["ink"])
        c.line(ex, ey, ex - 90, py, P["ink"], 3, op=0.9)
        c.line(ex, ey, ex + 90, py, P["ink"], 3, op=0.9)
        c.path(f"M{f(ex-106)} {f(py)} C {f(ex-90)} {f(py+40)} {f(ex+90)} {f(py+40)} {f(ex+106)} {f(py)} Z", P["ink"])
        c.ellipse(ex, py, 106, 12, P["indigo2"])
        if full:
            coin_stack(c, ex, py + 6, n=22, r=48, h=10)
    glow(c, lx, ly + 120, 260, P["amber2"], 0.2)
    motif(c, 1340, 300, 0.5, rot=12, op=0.6)
    finish(c, floor=0.85, vig=0.55)


def lonlat(lon, lat, ox, oy, k):
    return (ox + (lon + 141) * 11 * k, oy + (74 - lat) * 18 * k)


CANADA = [(-141, 69.6), (-136, 69), (-131, 69.8), (-128, 70.2), (-124, 69.4), (-120, 69.4), (-114, 68.2), (-108, 68.3),
          (-101, 67.8), (-96, 68.3), (-94, 66.6), (-90, 64.2), (-93.5, 61.6), (-94.6, 59), (-92.4, 57.1), (-88.5, 56.4),
          (-85, 55.2), (-82.2, 55), (-82, 52.8), (-79.5, 51.4), (-78.8, 52.6), (-79, 54.6), (-76.8, 56.8), (-77.4, 60.2),
          (-78, 62.3), (-73.5, 62.2), (-70, 61), (-69.4, 59), (-67, 58.4), (-64.4, 60.4), (-61.5, 56.6), (-60, 55),
          (-57.2, 52.4), (-60, 50.2), (-64, 50.2), (-66.6, 50), (-68.6, 49.2), (-64.4, 48.8), (-64.8, 47.6), (-64, 46.2),
          (-61, 45.6), (-60.4, 46.2), (-61.2, 45.2), (-66, 43.6), (-64.6, 45.3), (-66.2, 45.2), (-67.2, 45.2), (-67.8, 47.2),
          (-69.2, 47.4), (-71, 45), (-74.7, 45), (-76.4, 44.1), (-79.4, 43.2), (-79.1, 42.9), (-82.5, 41.9), (-83.1, 42.3),
          (-82.4, 43), (-81.7, 45.2), (-83.4, 46.1), (-84.6, 46.5), (-84.8, 47.5), (-88.4, 48.4), (-89.6, 48), (-95.2, 49),
          (-123.2, 49), (-123.9, 48.4), (-125.5, 48.9), (-128.2, 50.6), (-128, 51.8), (-130.2, 54.6), (-130, 55.9),
          (-132.2, 57.2), (-133.6, 58.6), (-135.4, 59.6), (-137.6, 59.2), (-139, 60.3), (-141, 60.3)]
ISLANDS = [
    [(-59.3, 47.6), (-56, 47.6), (-53.6, 46.6), (-52.6, 47.7), (-53.5, 49.3), (-55.4, 51.6), (-57.4, 50.7), (-59.4, 48.4)],
    [(-89, 71), (-82, 70.6), (-76, 72.5), (-70, 71), (-66, 68.5), (-62, 66.6), (-64.6, 63.4), (-68.4, 62.6), (-72, 64),
     (-77.6, 65.4), (-73.4, 67.2), (-80, 69.6)],
    [(-119, 73.6), (-114, 73.4), (-105, 73), (-101.5, 70), (-107, 68.6), (-114, 68.8), (-118, 70.4)],
    [(-125, 73.6), (-120, 73.6), (-122, 71.4), (-125, 72)],
    [(-100, 73.8), (-92, 73.8), (-90.5, 72.5), (-96, 71.8), (-100, 72.6)],
    [(-86, 66.2), (-81, 65.5), (-82.5, 63.6), (-86.4, 64.2)],
    [(-132, 54), (-131, 52.8), (-131.8, 52.1), (-132.7, 53.2)],
]


@scene("about/the-18")
def about_the_18(c: Canvas):
    """A map of Canada on a wall, with a few small pins placed from Vancouver in the west to Ontario in the east."""
    back_wall(c, 860, P["night"], P["indigo"], P["indigo"], P["ink"])
    glow(c, 960, 360, 1000, P["amber"], 0.16)
    # the map sheet pinned to the wall (no names, no borders)
    mx, my, mw, mh = 430, 150, 1060, 600
    c.rect(mx + 10, my + 14, mw, mh, P["ink"], op=0.4)
    c.rect(mx, my, mw, mh, vgrad(c, [(0, P["indigo2"]), (1, P["blue"])], my, my + mh), rx=4)
    c.rect(mx + 14, my + 14, mw - 28, mh - 28, "none", stroke=P["dusk"], sw=2, op=0.5)
    for i in range(1, 5):     # faint graticule
        c.line(mx + 14, my + mh * i / 5, mx + mw - 14, my + mh * i / 5, P["dusk"], 1.2, op=0.25)
        c.line(mx + mw * i / 5, my + 14, mx + mw * i / 5, my + mh - 14, P["dusk"], 1.2, op=0.25)
    k, ox, oy = 0.92, mx + 80, my + 50
    for shape in [CANADA] + ISLANDS:
        pts = [lonlat(lo, la, ox, oy, k) for lo, la in shape]
        d = "M" + " L".join(f"{f(x)} {f(y)}" for x, y in pts) + " Z"
        c.path(d, P["mist"], op=0.55)
    # pins: Vancouver, Calgary, Edmonton, Saskatoon, Regina, Winnipeg, Toronto, Ottawa
    pins = [(-123.1, 49.3), (-114.1, 51.0), (-113.5, 53.5), (-106.7, 52.1), (-104.6, 50.4), (-97.1, 49.9), (-79.4, 43.7), (-75.7, 45.4)]
    for lo, la in pins:
        x, y = lonlat(lo, la, ox, oy, k)
        c.line(x, y, x + 6, y - 16, P["ink"], 3)
        glow(c, x + 6, y - 18, 26, P["amber2"], 0.5)
        c.circle(x + 6, y - 18, 7, P["amber"])
        c.circle(x + 4, y - 20, 2.5, P["glow"], op=0.9)
    # the sheet's own pins at its corners
    for (x, y) in ((mx + 20, my + 20), (mx + mw - 20, my + 20)):
        c.circle(x, y, 6, P["paper"], op=0.7)
    tx, ty = lonlat(-79.4, 43.7, ox, oy, k)
    motif(c, tx + 40, ty - 110, 0.5, rot=-12, op=0.8, trail=arc_trail(tx + 8, ty - 24, tx + 30, ty - 96, 6, 10), trail_op=0.3)
    finish(c, floor=0.85, vig=0.55)


@scene("about/status")
def about_status(c: Canvas):
    """Several closed passports of different colours laid in a neat row on a wooden table."""
    back_wall(c, 560, P["night"], P["indigo"], P["indigo"], P["ink"])
    # the wooden table, seen from a little above: warm, with a few long grain lines
    ty0, ty1 = 540, 800
    c.poly([(220, ty0), (1700, ty0), (1880, ty1), (40, ty1)], vgrad(c, [(0, P["rose"]), (1, P["indigo2"])], ty0, ty1), op=0.9)
    c.poly([(220, ty0), (1700, ty0), (1880, ty1), (40, ty1)], P["ink"], op=0.35)
    for i in range(7):
        y = lerp(ty0 + 16, ty1 - 14, i / 6)
        xa = lerp(220, 40, (y - ty0) / (ty1 - ty0)); xb = lerp(1700, 1880, (y - ty0) / (ty1 - ty0))
        c.line(xa + 30, y, xb - 30, y + (4 if i % 2 else -3), P["ink"], 2, op=0.18)
    c.rect(40, ty1, 1840, 26, P["ink"])
    glow(c, 960, 520, 900, P["amber2"], 0.22)
    # the row of passports
    cols = [P["blue"], P["rose"], P["teal"], P["indigo2"], P["dusk"], P["amber"]]
    n = len(cols)
    for i, col in enumerate(cols):
        x = 960 + (i - (n - 1) / 2) * 170
        passport(c, x, 676, 134, 112, skew=10, color=col)
    motif(c, 1200, 330, 0.5, rot=10, op=0.7)
    finish(c, floor=0.85, vig=0.55)


def notebook_open(c: Canvas, x, y, w=260, h=120):
    """An open notebook lying on a table in perspective."""
    c.poly([(x - w / 2 + 20, y - h / 2), (x + w / 2 - 20, y - h / 2), (x + w / 2, y + h / 2), (x - w / 2, y + h / 2)], P["ink"], op=0.4)
    c.poly([(x - w / 2 + 22, y - h / 2 - 4), (x, y - h / 2), (x, y + h / 2 - 4), (x - w / 2 + 2, y + h / 2 - 6)], P["paper"], op=0.92)
    c.poly([(x, y - h / 2), (x + w / 2 - 22, y - h / 2 - 4), (x + w / 2 - 2, y + h / 2 - 6), (x, y + h / 2 - 4)], P["paper"], op=0.85)
    for i in range(5):
        yy = y - h / 2 + 18 + i * 18
        c.line(x - w / 2 + 30 - i * 3, yy, x - 14, yy, P["blue"], 2, op=0.35)
        if i < 3:
            c.line(x + 14, yy, x + w / 2 - 40 + i * 3, yy, P["blue"], 2, op=0.35)
    c.line(x, y - h / 2, x, y + h / 2 - 4, P["dusk"], 2, op=0.6)


@scene("about/butterfly")
def about_butterfly(c: Canvas):
    """A small visiting room with a table and two chairs, a notebook and a cup of tea on the table, soft light from a high window."""
    back_wall(c, 730, P["night"], P["teal"], P["teal"], P["ink"])
    glow(c, 960, 220, 760, P["mist"], 0.16)
    high_window(c, 860, 130, 200, 100, bars=2)
    soft_beam(c, [(860, 230), (1060, 230), (1140, 640), (840, 640)], P["paper"], op=0.1)
    # warmth gathered at the table
    glow(c, 960, 620, 520, P["amber2"], 0.2)
    chair_side(c, 560, 860, 0.95, P["ink"], facing=1)
    chair_side(c, 1360, 860, 0.95, P["ink"], facing=-1)
    c.rect(690, 640, 540, 20, P["indigo2"])
    c.rect(690, 660, 540, 10, P["ink"])
    c.rect(720, 670, 16, 180, P["ink"]); c.rect(1184, 670, 16, 180, P["ink"])
    # notebook and the cup of tea on the table top (drawn as if seen from a little above)
    c.poly([(700, 626), (1220, 626), (1230, 642), (690, 642)], P["indigo2"])
    notebook_open(c, 880, 632, 220, 22)
    teacup(c, 1090, 642, 0.7)
    motif(c, 1100, 280, 0.7, rot=-12, op=0.9, trail=arc_trail(960, 200, 1076, 284, 7, 20), trail_op=0.3)
    finish(c, floor=0.85, vig=0.55)


@scene("about/harms")
def about_harms(c: Canvas):
    """An apartment door seen from a quiet hallway, a doormat and a pair of slippers in front of it, light showing beneath the door."""
    back_wall(c, 780, P["night"], P["indigo"], P["indigo"], P["ink"])
    glow(c, 960, 60, 800, P["mist"], 0.12)
    c.path("M900 0 L1020 0 L1010 26 C 990 34 930 34 910 26 Z", P["paper"], op=0.3)   # a dim hallway ceiling light
    dx, dw, dh, fy = 820, 280, 560, 780
    panel_door(c, dx, fy, dw, dh, P["indigo2"])
    c.circle(dx + dw / 2, fy - dh + 150, 6, P["ink"], op=0.9)     # the peephole
    # the warm light of the home, showing beneath the door
    glow(c, dx + dw / 2, fy, 300, P["amber2"], 0.35)
    c.rect(dx + 4, fy - 5, dw - 8, 5, P["glow"], op=0.9)
    # doormat and slippers
    c.poly([(dx - 10, fy + 10), (dx + dw + 10, fy + 10), (dx + dw + 50, fy + 70), (dx - 50, fy + 70)], P["rose"], op=0.55)
    c.poly([(dx + 6, fy + 20), (dx + dw - 6, fy + 20), (dx + dw + 26, fy + 60), (dx - 26, fy + 60)], "none", stroke=P["ink"], sw=3)
    for sx in (dx + dw / 2 - 44, dx + dw / 2 + 44):
        c.ellipse(sx, fy + 44, 24, 12, P["paper"], op=0.7)
        c.ellipse(sx, fy + 36, 20, 6, P["dusk"], op=0.8)
    motif(c, 1200, 360, 0.5, rot=16, op=0.7)
    finish(c, floor=0.8, vig=0.55)


@scene("about/liberty")
def about_liberty(c: Canvas):
    """A long institutional corridor with a row of closed doors and a single bench against the wall, in soft, even light."""
    # seen side-on: one long wall running across the picture
    back_wall(c, 720, P["indigo"], P["teal"], P["teal"], P["ink"])
    c.rect(0, 0, W, 70, P["ink"], op=0.5)
    for x in range(140, W, 420):
        strip(c, x, 80, 240, 10, op=0.7)
    glow(c, 960, 300, 1300, P["mist"], 0.14)
    c.rect(0, 700, W, 20, P["ink"], op=0.5)
    for i, x in enumerate((80, 480, 1260, 1660)):
        c.rect(x - 12, 250, 204, 470, P["ink"])
        c.rect(x, 262, 180, 458, P["indigo2"])
        c.rect(x + 60, 310, 60, 90, P["mist"], op=0.2)
        c.rect(x + 20, 480, 34, 10, P["paper"], op=0.35, rx=4)
    # the bench, in the middle of the long wall
    c.rect(760, 580, 400, 24, P["dusk"])
    c.rect(760, 604, 400, 10, P["ink"])
    c.rect(780, 614, 14, 106, P["ink"]); c.rect(1126, 614, 14, 106, P["ink"])
    flat_glow(c, 960, 722, 320, 0.1, P["ink"], 0.5)
    motif(c, 1060, 420, 0.45, rot=-10, op=0.6)
    finish(c, floor=0.85, vig=0.5)


@scene("about/treatment")
def about_treatment(c: Canvas):
    """A high window in a plain wall, a narrow beam of daylight falling across an empty floor."""
    back_wall(c, 560, P["night"], P["teal"], P["teal"], P["ink"])
    glow(c, 800, 170, 600, P["mist"], 0.18)
    high_window(c, 720, 110, 160, 110, bars=2)
    # the narrow beam falling into the room and the patch it makes on the floor
    soft_beam(c, [(720, 220), (880, 220), (1200, 720), (1010, 720)], P["paper"], op=0.12)
    c.poly([(1000, 690), (1190, 690), (1240, 760), (1020, 760)], P["paper"], op=0.16)
    c.rect(1075, 690, 6, 70, P["ink"], op=0.4); c.rect(1128, 690, 6, 70, P["ink"], op=0.4)
    motif(c, 940, 250, 0.38, rot=20, op=0.5)
    finish(c, floor=0.85, vig=0.55)


def envelope(c: Canvas, x, y, w=260, h=150, rot=0, color=P["paper"], op=0.9):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, color, op=op, rx=3)
    c.path(f"M{-w/2} {-h/2} L0 {h*0.08} L{w/2} {-h/2}", "none", stroke=P["dusk"], sw=2, op=0.5)
    c.end()


def desk_phone(c: Canvas, x, y_table, s=1.0):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.path("M-110 0 L-90 -70 L90 -70 L110 0 Z", P["ink"])
    c.rect(-60, -60, 120, 40, P["indigo2"], rx=4)
    for r in range(3):
        for k in range(3):
            c.rect(-48 + k * 34, -56 + r * 12, 24, 7, P["mist"], op=0.35, rx=2)
    c.path("M-120 -84 C -120 -110 120 -110 120 -84 L110 -70 L80 -70 C 80 -86 -80 -86 -80 -70 L-110 -70 Z", P["ink"])
    c.end()


@scene("about/rights")
def about_rights(c: Canvas):
    """A stack of letters and envelopes tied with string on a desk, beside a telephone and a small lamp."""
    back_wall(c, 640, P["night"], P["indigo"], P["indigo"], P["ink"])
    ty0, ty1 = 620, 790
    c.poly([(300, ty0), (1620, ty0), (1760, ty1), (160, ty1)], vgrad(c, [(0, P["indigo"]), (1, P["indigo2"])], ty0, ty1))
    c.rect(160, ty1, 1600, 24, P["ink"])
    desk_lamp(c, 1380, 680, 0.9, facing=-1, r=560, op=0.45)
    flat_glow(c, 960, 720, 460, 0.3, P["amber2"], 0.3)
    desk_phone(c, 640, 720, 1.0)
    # the bundle of letters and envelopes, tied crosswise with string
    bx, by = 1000, 720
    layers = [(P["paper"], 0.85, 0), (P["mist"], 0.8, 3), (P["paper"], 0.9, -4), (P["amber2"], 0.7, 2), (P["paper"], 0.92, -2),
              (P["mist"], 0.85, 4), (P["paper"], 0.95, 0)]
    for i, (col, op, dx) in enumerate(layers):
        y = by - i * 16
        c.poly([(bx - 140 + dx, y - 40), (bx + 140 + dx, y - 40), (bx + 154 + dx, y), (bx - 154 + dx, y)], col, op=op)
        c.rect(bx - 154 + dx, y, 308, 6, P["ink"], op=0.25)
    top = by - (len(layers) - 1) * 16
    c.path(f"M{bx-147} {top-20} L{bx+147} {top-20}", "none", stroke=P["rose"], sw=4)
    c.path(f"M{bx-6} {top-40} L{bx+2} {top} L{bx+2} {by+6}", "none", stroke=P["rose"], sw=4)
    c.path(f"M{bx+2} {top-20} C {bx+30} {top-50} {bx+50} {top-30} {bx+2} {top-20} C {bx-30} {top-50} {bx-50} {top-30} {bx+2} {top-20}",
           "none", stroke=P["rose"], sw=3.5)
    motif(c, 1180, 360, 0.5, rot=12, op=0.75)
    finish(c, floor=0.85, vig=0.55)


def paper_butterfly(c: Canvas, x, y, s=1.0):
    """A small folded-paper butterfly resting with its wings raised (flat facets, no light of its own)."""
    c.group(f"translate({f(x)} {f(y)}) scale({f(s)})")
    c.poly([(0, 0), (-50, -64), (-82, -40), (-46, -4)], P["glow"], op=0.95, stroke=P["dusk"], sw=1.5)   # left upper wing
    c.poly([(0, 0), (-46, -4), (-50, 22), (-20, 24)], P["mist"], op=0.95)         # left lower wing
    c.poly([(0, 0), (44, -58), (72, -36), (40, -4)], P["mist"], op=0.9)           # right upper wing (in shade)
    c.poly([(0, 0), (40, -4), (44, 20), (18, 22)], P["dusk"], op=0.9)             # right lower wing
    c.line(-46, -4, 0, 0, P["dusk"], 1.5, op=0.6)
    c.line(0, -10, 0, 22, P["indigo"], 4)
    c.end()


@scene("about/conclusion")
def about_conclusion(c: Canvas):
    """A neat stack of handwritten letters on a table by a window, a small paper butterfly resting on top."""
    back_wall(c, 700, P["indigo"], P["indigo2"], P["indigo2"], P["ink"])
    # the window: first light, rose and amber on the horizon
    wx, wy, ww, wh = 1080, 120, 460, 470
    c.rect(wx, wy, ww, wh, vgrad(c, [(0, P["blue"]), (0.55, P["dusk"]), (0.85, P["rose"]), (1, P["amber2"])], wy, wy + wh))
    glow(c, wx + ww * 0.45, wy + wh, 300, P["glow"], 0.45)
    c.rng.seed(91)
    bx = wx
    while bx < wx + ww:
        bw = min(c.rng.uniform(40, 90), wx + ww - bx)
        bh = c.rng.uniform(30, 110)
        c.rect(bx, wy + wh - bh, bw, bh, P["indigo2"], op=0.9)
        bx += bw
    for (x, y, w, h) in ((wx - 16, wy - 16, ww + 32, 16), (wx - 16, wy + wh, ww + 32, 28), (wx - 16, wy, 16, wh),
                         (wx + ww, wy, 16, wh), (wx + ww / 2 - 6, wy, 12, wh), (wx, wy + wh * 0.45, ww, 10)):
        c.rect(x, y, w, h, P["ink"])
    glow(c, wx + ww / 2, wy + wh / 2, 1000, P["amber"], 0.22)
    # the table
    ty0, ty1 = 640, 790
    c.poly([(380, ty0), (1560, ty0), (1680, ty1), (260, ty1)], vgrad(c, [(0, P["indigo2"]), (1, P["blue"])], ty0, ty1))
    c.rect(260, ty1, 1420, 24, P["ink"])
    flat_glow(c, 1100, 700, 520, 0.3, P["amber2"], 0.2)
    # the neat stack of handwritten letters
    sx, sy = 960, 730
    for i in range(9):
        y = sy - i * 9
        c.poly([(sx - 150, y - 60), (sx + 150, y - 60), (sx + 164, y), (sx - 164, y)], P["paper"], op=0.92 if i % 2 else 0.8)
        c.rect(sx - 164, y, 328, 3, P["ink"], op=0.2)
    top = sy - 8 * 9
    for j in range(5):          # handwriting on the top sheet: soft wavy lines
        yy = top - 50 + j * 10
        xa, xb = sx - 132 + j * 2, sx + (100 if j < 4 else 10)
        d = f"M{f(xa)} {f(yy)}"
        for q in range(int((xb - xa) // 24)):
            x0 = xa + q * 24
            d += f" Q {f(x0 + 6)} {f(yy - 3)} {f(x0 + 12)} {f(yy)} T {f(x0 + 24)} {f(yy)}"
        c.path(d, "none", stroke=P["blue"], sw=1.8, op=0.45)
    glow(c, sx + 30, top - 60, 150, P["amber2"], 0.22)
    paper_butterfly(c, sx + 30, top - 36, 1.0)
    # the motif outside, coming towards the window
    motif(c, 1380, 260, 0.55, rot=-18, op=0.85, trail=arc_trail(1500, 200, 1400, 252, 6, 12), trail_op=0.3)
    finish(c, floor=0.85, vig=0.5)


def speaker(c: Canvas, x, y, s=1.0, color=P["mist"]):
    c.group(f"translate({f(x)} {f(y)}) scale({f(s)})")
    c.rect(-40, -24, 28, 48, color, rx=4)
    c.path("M-12 -24 L24 -56 L24 56 L-12 24 Z", color)
    for i, r in enumerate((44, 74, 104)):
        c.path(f"M{f(24 + r * 0.55)} {f(-r * 0.75)} C {f(24 + r * 0.95)} {f(-r * 0.3)} {f(24 + r * 0.95)} {f(r * 0.3)} {f(24 + r * 0.55)} {f(r * 0.75)}",
               "none", stroke=color, sw=7, op=round(0.8 - i * 0.22, 2), cap="round")
    c.end()


@scene("about/credits")
def about_credits(c: Canvas):
    """A plain end card: a small speaker symbol beside a stack of printed report pages, on a dark background."""
    c.rect(0, 0, W, H, vgrad(c, [(0, P["bg"]), (0.6, P["night"]), (1, P["ink"])], 0, H))
    glow(c, 960, 520, 700, P["indigo2"], 0.5)
    # a stack of printed pages, slightly fanned
    px, py = 1060, 540
    for i, rot in enumerate((-5, 3, -1)):
        paper(c, px + i * 6, py - i * 4, 300, 390, rot=rot, lines=10, op=0.5 + i * 0.2, ink=P["blue"])
    speaker(c, 760, 540, 1.2, P["mist"])
    motif(c, 1250, 340, 0.5, rot=14, op=0.75)
    finish(c, floor=0.8, vig=0.55)


# ============================================================================ main

def main(argv):
    keys = list(SCENES)
    if argv:
        keys = [k for k in keys if k in argv or k.split("/")[0] in argv]
    for k in keys:
        story, name = k.split("/")
        c = Canvas(seed=sum(map(ord, k)))
        SCENES[k](c)
        d = os.path.join(OUT, story)
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, f"{name}.svg")
        c.save(path)
        print(f"{path} {os.path.getsize(path) // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
