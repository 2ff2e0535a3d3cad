"""Shan Yin's story (stories/shan-yin.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def questions():
    """A small, bare room with a table and two empty chairs. A paper cup stands on the table, lit by cold light from a high window."""
    c = Canvas(1857)
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
    return c


def boyfriend():
    """A student's backpack and a stack of textbooks on a chair by a window, in late afternoon light."""
    c = Canvas(1816)
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
    return c


def deported():
    """A wide airport window at dawn with a plane waiting on the tarmac. Far off, a lone figure is seen from behind."""
    c = Canvas(1709)
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
    return c


SCENES = {"questions": questions, "boyfriend": boyfriend, "deported": deported}

if __name__ == "__main__":
    write_scenes(SCENES, "shan-yin", sys.argv[1:])
