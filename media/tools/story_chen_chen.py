"""Chen Chen's story (stories/chen-chen.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def letter():
    """A folded letter rests on a narrow table beneath a small, high window. Soft grey light falls across the paper."""
    c = Canvas(1576)
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
    return c


def waiting():
    """A long, empty corridor with a closed door at the far end. A thin strip of daylight lies across the floor."""
    c = Canvas(1675)
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
    return c


SCENES = {"letter": letter, "waiting": waiting}

if __name__ == "__main__":
    write_scenes(SCENES, "chen-chen", sys.argv[1:])
