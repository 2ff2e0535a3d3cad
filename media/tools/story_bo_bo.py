"""Bo Bo's story (stories/bo-bo.yaml): one function per scene, drawn from the scene's English alt text."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def pen(c: Canvas, x, y, length=170, rot=-20, color=P["ink"]):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-length / 2, -5, length, 10, color, rx=5)
    c.path(f"M{f(length/2)} -5 L{f(length/2+22)} 0 L{f(length/2)} 5 Z", color)
    c.rect(-length / 2 + 10, -8, 50, 4, color)
    c.rect(-length / 2, -5, length, 3, P["paper"], op=0.15)
    c.end()


def wall_clock(c: Canvas, x, y, r=70, hour=4.0, minute=0.0):
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


def promise():
    """A bare table with a single sheet of paper and a pen, lit by a desk lamp in an otherwise dim room."""
    c = Canvas(1277)
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
    return c


def arrest():
    """A plain wall clock hangs above a closed door in a pale, quiet institutional hallway."""
    c = Canvas(1167)
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
    return c


SCENES = {"promise": promise, "arrest": arrest}

if __name__ == "__main__":
    write_scenes(SCENES, "bo-bo", sys.argv[1:])
