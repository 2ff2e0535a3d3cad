"""Lulu's story (stories/lulu.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def parlour():
    """A small shopfront at dusk with its blinds drawn and its glass door closed. A street lamp is reflected in the glass."""
    c = Canvas(1270)
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
    return c


SCENES = {"parlour": parlour}

if __name__ == "__main__":
    write_scenes(SCENES, "lulu", sys.argv[1:])
