"""Angel's story (stories/angel.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


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


def passport_scene():
    """A closed passport lies on a bare desk under a lamp. A hand rests flat on the desk beside it."""
    c = Canvas(1458)
    angel_room(c, ajar=False)
    passport(c, 930, 690, 150, 130, skew=16, color=P["blue"])
    # a hand resting flat beside it, fingers towards the back of the desk (sleeve in ink)
    hand_flat(c, 1170, 690, 1.2, rot=-28)
    motif(c, 1110, 330, 0.5, rot=-10, op=0.7)
    finish(c, floor=0.85, vig=0.55)
    return c


def handed_over():
    """The same desk with the lamp still on and the passport gone. Beyond it, a door stands ajar onto a corridor."""
    c = Canvas(1667)
    angel_room(c, ajar=True)
    # only the faintest trace where the passport lay
    c.poly([(871, 625), (989, 625), (1005, 755), (855, 755)], P["ink"], op=0.06)
    motif(c, 1360, 350, 0.42, rot=14, op=0.55)
    finish(c, floor=0.85, vig=0.55)
    return c


SCENES = {"passport": passport_scene, "handed-over": handed_over}

if __name__ == "__main__":
    write_scenes(SCENES, "angel", sys.argv[1:])
