"""Niki & Lucy's story (stories/niki-lucy.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa



def shelter():
    """A small apartment living room in afternoon light, a folded blanket and pillow on the sofa, two cups side by side on a low table."""
    c = Canvas(401)
    room(c, wall=P["dusk"], wall2=P["indigo2"], floor_y=780, light=(1500, 260))
    c.poly([(1420, 120), (1700, 120), (1700, 560), (1420, 560)], P["paper"], op=0.12)
    c.poly([(1300, 200), (1420, 180), (1420, 620), (1300, 640)], P["amber2"], op=0.1)
    glow(c, 1200, 420, 800, P["amber2"], 0.2)
    sofa(c, 900, 760, 760, P["blue"])
    c.rect(620, 540, 170, 60, P["paper"], op=0.85, rx=24)               # pillow
    c.rect(1010, 560, 230, 34, P["rose"], rx=10)                        # folded blanket
    c.rect(1016, 532, 218, 32, P["amber"], op=0.8, rx=10)
    c.rect(700, 760, 420, 20, P["indigo2"])                             # low table (in front)
    c.rect(720, 780, 14, 60, P["ink"]); c.rect(1086, 780, 14, 60, P["ink"])
    mug(c, 870, 760, 0.9); mug(c, 960, 760, 0.9, P["amber2"])
    moth(c, 1400, 300, 0.5, op=0.85)
    finish(c, floor=0.75)
    return c


def hesitation():
    """A telephone lying untouched on a kitchen counter beside a window at dusk."""
    c = Canvas(402)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=820, light=None)
    night_window_view(c, 980, 150, 460, 400, dawn=True, city=True)
    window(c, 980, 150, 460, 400, bars=(1, 0))
    glow(c, 1210, 500, 600, P["rose"], 0.2)
    c.rect(300, 600, 1320, 22, P["mist"], op=0.5)
    c.rect(300, 622, 1320, 300, P["ink"])
    for k in range(4):
        c.rect(320 + k * 330, 650, 310, 220, P["indigo"], op=0.4, rx=4)
    glow(c, 860, 590, 260, P["mist"], 0.25)
    phone_flat(c, 860, 600, 2.6, face_down=False)
    moth(c, 1340, 260, 0.45, op=0.8)
    finish(c)
    return c


def neighbour():
    """An apartment building hallway seen from a distance, one neighbour's door slightly open with warm light spilling out."""
    c = Canvas(403)
    co = Corridor(c, wall=P["indigo2"], wall_far=P["indigo"], floor=P["indigo"], ceiling=P["night"], end=P["indigo"], D=10)
    co.floor_bands(0.8, (P["indigo"], P["indigo2"]), 0.3)
    co.ceiling_lights(2.2, 0.8, warm=False, w=200)
    for d in (0.6, 2.2, 4.6):
        co.door("L", d, d + 0.5 * (1 + d * 0.2), fill=P["indigo"])
    for d in (0.6, 2.0, 6.8):
        co.door("R", d, d + 0.5 * (1 + d * 0.2), fill=P["indigo"])
    # the neighbour's door, slightly open, warm light spilling out
    d1, d2 = 3.8, 3.8 + 0.5 * (1 + 3.8 * 0.2)
    co.wall_quad("R", d1 - 0.04, d2 + 0.04, 200, co.F, P["ink"])
    co.wall_quad("R", d1, d2, 240, co.F, P["amber2"])
    co.wall_quad("R", d1, d2 - 0.16, 240, co.F, P["indigo"])
    a, b = co.p(co.R, co.F, d2 - 0.1), co.p(co.R, co.F, d2)
    c.poly([a, b, (b[0] - 320, b[1] + 40), (a[0] - 360, a[1] + 20)], P["amber2"], op=0.25)
    gx, gy = co.p(co.R, 700, d2)
    glow(c, gx, gy, 420, P["amber2"], 0.4)
    moth(c, gx - 80, gy - 140, 0.4, op=0.8)
    finish(c)
    return c


def stay_inside():
    """The closed front door of an apartment seen from inside, two pairs of shoes side by side on the mat."""
    c = Canvas(404)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=760, light=(600, 300))
    glow(c, 560, 260, 600, P["amber2"], 0.2)
    door(c, 820, 760, 300, 560, color=P["indigo"], frame=P["ink"])
    c.rect(790, 760, 360, 28, P["rose"], op=0.55)
    shoe_pair(c, 870, 776, 1.1, P["rose"], kind="flat")
    shoe_pair(c, 1070, 778, 1.1, P["mist"], kind="sneaker")
    c.rect(1250, 430, 70, 12, P["ink"])                     # a key hook
    c.line(1270, 442, 1270, 480, P["amber"], 3)
    moth(c, 600, 330, 0.45, op=0.8)
    finish(c, floor=0.7)
    return c


def friends():
    """Two mugs side by side on the windowsill of an empty apartment, a city street below under a pale sky."""
    c = Canvas(405)
    room(c, wall=P["indigo"], wall2=P["indigo2"], floor_y=900, light=None)
    x, y, w, h = 460, 110, 1000, 500
    c.rect(x, y, w, h, c.lin([(0, P["mist"]), (1, P["paper"])], 0, y, 0, y + h, user=True))
    # street below: rooftops and a road seen from above
    c.rng.seed(405)
    bx = x
    while bx < x + w - 20:
        bw = min(c.rng.uniform(80, 160), x + w - bx)
        bh = c.rng.uniform(80, 220)
        c.rect(bx, y + h - 110 - bh, bw, bh, P["dusk"], op=0.8)
        for r in range(int(bh // 40)):
            c.rect(bx + 12, y + h - 110 - bh + 14 + r * 40, bw - 24, 10, P["mist"], op=0.45)
        bx += bw + 8
    c.rect(x, y + h - 110, w, 30, P["mist"], op=0.7)          # far sidewalk
    c.rect(x, y + h - 80, w, 80, P["indigo2"], op=0.7)        # the street below
    for k in range(6):
        c.rect(x + 40 + k * 170, y + h - 44, 90, 6, P["paper"], op=0.5)
    tree(c, x + 200, y + h - 96, 150, P["teal"]); tree(c, x + 760, y + h - 96, 130, P["teal"])
    window(c, x, y, w, h, bars=(1, 0), fw=18)
    c.rect(x - 40, y + h + 6, w + 80, 26, P["indigo2"])
    mug(c, 900, y + h + 6, 1.1); mug(c, 1020, y + h + 6, 1.1, P["amber2"])
    moth(c, 1250, 260, 0.5, op=0.8)
    finish(c)
    return c


SCENES = {"shelter": shelter, "hesitation": hesitation, "neighbour": neighbour, "stay-inside": stay_inside, "friends": friends}

if __name__ == "__main__":
    write_scenes(SCENES, "niki-lucy", sys.argv[1:])
