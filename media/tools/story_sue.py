"""Sue's story (stories/sue.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def microphone(c: Canvas, x, y_table, s=1.0):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.ellipse(0, -6, 46, 10, P["ink"])
    c.rect(-30, -16, 60, 12, P["ink"], rx=4)
    c.path("M0 -16 L0 -60 C 0 -110 -10 -140 -40 -160", "none", stroke=P["ink"], sw=6, cap="round")
    c.path("M-40 -160 C -46 -164 -64 -178 -72 -186", "none", stroke=P["ink"], sw=16, cap="round")
    c.circle(-40, -28, 4, P["amber"], op=0.0)
    c.end()


def hearing():
    """A small hearing room in pale daylight: a long table, a microphone and one empty chair."""
    c = Canvas(1114)
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
    return c


def the_way():
    """A city street at dusk seen from a distance, with a lit restaurant window on the corner and a side street leading away."""
    c = Canvas(1083)
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
    return c


SCENES = {"hearing": hearing, "the-way": the_way}

if __name__ == "__main__":
    write_scenes(SCENES, "sue", sys.argv[1:])
