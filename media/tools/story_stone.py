"""Stone's story (stories/stone.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def banknote(c: Canvas, x, y, w=170, h=84, rot=0, color=P["dusk"]):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, color, rx=4)
    c.rect(-w / 2 + 10, -h / 2 + 10, w - 20, h - 20, "none", rx=3, stroke=P["paper"], sw=2)
    c.circle(w / 2 - 38, 0, h * 0.22, P["paper"], op=0.25)
    c.rect(-w / 2 + 22, -6, w * 0.35, 4, P["paper"], op=0.3)
    c.end()


def drape(c: Canvas, x0, x1, y0, y1, side=1, color=P["blue"], folds=5):
    """A gathered curtain hanging between x0 and x1 (side: which way the gathers lean)."""
    c.rect(x0, y0, x1 - x0, y1 - y0, color)
    w = (x1 - x0) / folds
    for i in range(folds):
        x = x0 + i * w
        c.path(f"M{f(x + w * 0.3)} {f(y0)} C {f(x + w * 0.2)} {f(lerp(y0, y1, 0.4))} {f(x + w * 0.45)} {f(lerp(y0, y1, 0.7))} {f(x + w * 0.35)} {f(y1)}",
               "none", stroke=P["ink"], sw=w * 0.28, op=0.35)
        c.path(f"M{f(x + w * 0.75)} {f(y0)} C {f(x + w * 0.7)} {f(lerp(y0, y1, 0.5))} {f(x + w * 0.8)} {f(lerp(y0, y1, 0.8))} {f(x + w * 0.78)} {f(y1)}",
               "none", stroke=P["paper"], sw=w * 0.1, op=0.06)


def status():
    """A quiet apartment doorway seen from inside. The door stands half open onto a bright, empty hallway."""
    c = Canvas(1276)
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
    return c


def ticket():
    """A folded paper ticket and a few banknotes lie on a kitchen table beside a cup of tea, in morning light."""
    c = Canvas(1244)
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
    return c


def fear():
    """A window with half-drawn curtains at dusk. The street below is empty under a single lamp."""
    c = Canvas(1014)
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
    drape(c, wx - 110, wx + 140, wy - 50, wy + wh + 110, color=P["night"], folds=4)
    drape(c, wx + ww - 140, wx + ww + 110, wy - 50, wy + wh + 110, color=P["night"], folds=4)
    c.rect(wx + 124, wy - 50, 16, wh + 160, P["dusk"], op=0.3)       # inner edges catch the dusk
    c.rect(wx + ww - 140, wy - 50, 16, wh + 160, P["dusk"], op=0.3)
    glow(c, 960, 400, 800, P["dusk"], 0.1)
    motif(c, 1120, 250, 0.45, rot=-12, op=0.65)
    finish(c, floor=0.85, vig=0.55)
    return c


SCENES = {"status": status, "ticket": ticket, "fear": fear}

if __name__ == "__main__":
    write_scenes(SCENES, "stone", sys.argv[1:])
