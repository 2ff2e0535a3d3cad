"""The About sequence (stories/about.yaml): one function per scene, drawn from the scene's English alt text."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def coin_stack(c: Canvas, x, y_bottom, n=14, r=46, h=9):
    for i in range(n):
        y = y_bottom - i * h
        c.rect(x - r, y - h, 2 * r, h, P["amber"] if i % 2 else P["amber2"], op=0.95)
        c.rect(x - r, y - h, 2 * r, 2, P["ink"], op=0.25)
    c.ellipse(x, y_bottom - n * h, r, r * 0.28, P["amber2"])
    c.ellipse(x, y_bottom - n * h, r * 0.7, r * 0.18, P["glow"], op=0.4)
    c.ellipse(x, y_bottom, r, r * 0.28, P["amber"], op=0.95)


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


def office_phone(c: Canvas, x, y_table, s=1.0):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.path("M-110 0 L-90 -70 L90 -70 L110 0 Z", P["ink"])
    c.rect(-60, -60, 120, 40, P["indigo2"], rx=4)
    for r in range(3):
        for k in range(3):
            c.rect(-48 + k * 34, -56 + r * 12, 24, 7, P["mist"], op=0.35, rx=2)
    c.path("M-120 -84 C -120 -110 120 -110 120 -84 L110 -70 L80 -70 C 80 -86 -80 -86 -80 -70 L-110 -70 Z", P["ink"])
    c.end()


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


def speaker(c: Canvas, x, y, s=1.0, color=P["mist"]):
    c.group(f"translate({f(x)} {f(y)}) scale({f(s)})")
    c.rect(-40, -24, 28, 48, color, rx=4)
    c.path("M-12 -24 L24 -56 L24 56 L-12 24 Z", color)
    for i, r in enumerate((44, 74, 104)):
        c.path(f"M{f(24 + r * 0.55)} {f(-r * 0.75)} C {f(24 + r * 0.95)} {f(-r * 0.3)} {f(24 + r * 0.95)} {f(r * 0.3)} {f(24 + r * 0.55)} {f(r * 0.75)}",
               "none", stroke=color, sw=7, op=round(0.8 - i * 0.22, 2), cap="round")
    c.end()


def money():
    """An old-fashioned balance scale on a plain table, one pan holding a tall, neat stack of coins and the other pan empty."""
    c = Canvas(1138)
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
    return c


def the_18():
    """A map of Canada on a wall, with a few small pins placed from Vancouver in the west to Ontario in the east."""
    c = Canvas(1057)
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
    return c


def status():
    """Several closed passports of different colours laid in a neat row on a wooden table."""
    c = Canvas(1262)
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
    return c


def butterfly():
    """A small visiting room with a table and two chairs, a notebook and a cup of tea on the table, soft light from a high window."""
    c = Canvas(1579)
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
    return c


def harms():
    """An apartment door seen from a quiet hallway, a doormat and a pair of slippers in front of it, light showing beneath the door."""
    c = Canvas(1125)
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
    return c


def liberty():
    """A long institutional corridor with a row of closed doors and a single bench against the wall, in soft, even light."""
    c = Canvas(1349)
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
    return c


def treatment():
    """A high window in a plain wall, a narrow beam of daylight falling across an empty floor."""
    c = Canvas(1566)
    back_wall(c, 560, P["night"], P["teal"], P["teal"], P["ink"])
    glow(c, 800, 170, 600, P["mist"], 0.18)
    high_window(c, 720, 110, 160, 110, bars=2)
    # the narrow beam falling into the room and the patch it makes on the floor
    soft_beam(c, [(720, 220), (880, 220), (1200, 720), (1010, 720)], P["paper"], op=0.12)
    c.poly([(1000, 690), (1190, 690), (1240, 760), (1020, 760)], P["paper"], op=0.16)
    c.rect(1075, 690, 6, 70, P["ink"], op=0.4); c.rect(1128, 690, 6, 70, P["ink"], op=0.4)
    motif(c, 940, 250, 0.38, rot=20, op=0.5)
    finish(c, floor=0.85, vig=0.55)
    return c


def rights():
    """A stack of letters and envelopes tied with string on a desk, beside a telephone and a small lamp."""
    c = Canvas(1243)
    back_wall(c, 640, P["night"], P["indigo"], P["indigo"], P["ink"])
    ty0, ty1 = 620, 790
    c.poly([(300, ty0), (1620, ty0), (1760, ty1), (160, ty1)], vgrad(c, [(0, P["indigo"]), (1, P["indigo2"])], ty0, ty1))
    c.rect(160, ty1, 1600, 24, P["ink"])
    desk_lamp(c, 1380, 680, 0.9, facing=-1, r=560, op=0.45)
    flat_glow(c, 960, 720, 460, 0.3, P["amber2"], 0.3)
    office_phone(c, 640, 720, 1.0)
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
    return c


def conclusion():
    """A neat stack of handwritten letters on a table by a window, a small paper butterfly resting on top."""
    c = Canvas(1671)
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
    return c


def credits_scene():
    """A plain end card: a small speaker symbol beside a stack of printed report pages, on a dark background."""
    c = Canvas(1336)
    c.rect(0, 0, W, H, vgrad(c, [(0, P["bg"]), (0.6, P["night"]), (1, P["ink"])], 0, H))
    glow(c, 960, 520, 700, P["indigo2"], 0.5)
    # a stack of printed pages, slightly fanned
    px, py = 1060, 540
    for i, rot in enumerate((-5, 3, -1)):
        paper(c, px + i * 6, py - i * 4, 300, 390, rot=rot, lines=10, op=0.5 + i * 0.2, ink=P["blue"])
    speaker(c, 760, 540, 1.2, P["mist"])
    motif(c, 1250, 340, 0.5, rot=14, op=0.75)
    finish(c, floor=0.8, vig=0.55)
    return c


SCENES = {"money": money, "the-18": the_18, "status": status, "butterfly": butterfly, "harms": harms,
          "liberty": liberty, "treatment": treatment, "rights": rights, "conclusion": conclusion,
          "credits": credits_scene}

if __name__ == "__main__":
    write_scenes(SCENES, "about", sys.argv[1:])
