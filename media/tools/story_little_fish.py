"""Little Fish's story (stories/little-fish.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def fluorescent_ceiling(c: Canvas, y=60, xs=(420, 1120), w=380):
    for x in xs:
        strip(c, x, y, w, 16, op=0.85, glow_r=w * 1.5)


def office():
    """A plain waiting room with a row of plastic chairs and a closed door, under flat fluorescent light."""
    c = Canvas(1792)
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
    return c


def husband():
    """A mobile phone rests on an empty plastic chair in a waiting room, its screen dark."""
    c = Canvas(1913)
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
    return c


def after():
    """An empty kitchen table with two chairs pushed in, in the grey light of early morning."""
    c = Canvas(1702)
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
    return c


SCENES = {"office": office, "husband": husband, "after": after}

if __name__ == "__main__":
    write_scenes(SCENES, "little-fish", sys.argv[1:])
