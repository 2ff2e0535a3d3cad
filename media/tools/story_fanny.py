"""Fanny's story (stories/fanny.yaml): one function per scene, drawn from the scene's English alt text."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa



def corridor(c, D=10, lift=False):
    co = Corridor(c, wall=P["indigo2"], wall_far=P["indigo"], floor=P["indigo"], ceiling=P["night"], end=P["indigo2"], D=D)
    co.carpet(260, 1660, 0.45, P["rose"], P["indigo2"], 0.4)
    for d in (0.6, 2.2, 4.4, 7.2):
        co.wall_lamp("L", d + 0.5, 560)
        co.wall_lamp("R", d + 0.5, 560)
    if lift:
        a, b = co.p(co.L, co.C, D), co.p(co.R, co.F, D)
        lx0, lx1 = co.p(560, 300, D)[0], co.p(1360, 300, D)[0]
        ly0, ly1 = co.p(0, 180, D)[1], b[1]
        c.rect(lx0 - 6, ly0 - 6, lx1 - lx0 + 12, ly1 - ly0 + 6, P["ink"])
        c.rect(lx0, ly0, lx1 - lx0, ly1 - ly0, P["mist"], op=0.8)
        c.rect((lx0 + lx1) / 2 - 1, ly0, 2, ly1 - ly0, P["ink"], op=0.6)
        c.circle((lx0 + lx1) / 2, ly0 - 14, 4, P["amber"])
    return co


def plaque(co, side, d, y=330):
    x = co.L if side == "L" else co.R
    px, py = co.p(x, y, d)
    s = 1 / (1 + d)
    co.c.rect(px - 34 * s, py - 16 * s, 68 * s, 32 * s, P["amber"], op=0.75)


def knock():
    """A long, quiet hotel corridor with patterned carpet and a row of numbered doors; one door near the middle stands ajar."""
    c = Canvas(701)
    co = corridor(c)
    for i, d in enumerate((0.3, 1.6, 3.4, 5.8)):
        for side in ("L", "R"):
            d2 = d + 0.4 * (1 + d * 0.2)
            if side == "R" and i == 2:
                co.wall_quad("R", d - 0.04, d2 + 0.04, 200, co.F, P["ink"])
                co.wall_quad("R", d, d2, 240, co.F, P["amber2"])
                co.wall_quad("R", d, d2 - 0.12, 240, co.F, P["indigo"])
                a, b = co.p(co.R, co.F, d2 - 0.1), co.p(co.R, co.F, d2)
                c.poly([a, b, (b[0] - 200, b[1] + 20), (a[0] - 240, a[1] + 10)], P["amber2"], op=0.22)
                gx, gy = co.p(co.R, 640, d2)
                glow(c, gx, gy, 300, P["amber2"], 0.45)
            else:
                co.door(side, d, d2, fill=P["indigo"])
            plaque(co, side, (d + d2) / 2)
    moth(c, 960, 380, 0.35, op=0.6)
    finish(c, floor=0.95)
    return c


def questions():
    """A closed passport and a room key card side by side on a hotel bedside table, lit by a small lamp."""
    c = Canvas(702)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=860, light=None)
    lamp_table(c, 1260, 600, r=560)
    c.rect(560, 600, 860, 22, P["indigo2"]); c.rect(580, 622, 820, 200, P["ink"])
    c.rect(600, 660, 780, 4, P["indigo2"], op=0.6)
    # passport (closed booklet, generic: no country, no text)
    c.poly([(720, 600), (920, 600), (950, 570), (760, 570)], P["rose"])
    c.poly([(720, 600), (920, 600), (920, 606), (720, 606)], P["ink"], op=0.7)
    c.ellipse(838, 585, 20, 7, P["amber"], op=0.8)
    # key card
    c.poly([(980, 600), (1120, 600), (1140, 578), (1004, 578)], P["paper"], op=0.95)
    c.poly([(990, 598), (1050, 598), (1058, 590), (998, 590)], P["blue"], op=0.7)
    moth(c, 1420, 300, 0.45, op=0.75)
    finish(c)
    return c


def photo():
    """In a hotel doorway, an outstretched hand seen from the side holds up a phone; its screen shows a small, blurred photograph."""
    c = Canvas(703)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=820, light=None)
    # the doorway: warm corridor light behind the hand
    c.rect(760, 100, 480, 720, P["ink"])
    c.rect(782, 122, 436, 698, c.lin([(0, P["amber2"]), (1, P["rose"])], 0, 122, 0, 820, user=True), op=0.6)
    glow(c, 1000, 420, 560, P["amber2"], 0.2)
    # the outstretched arm comes in from the left edge
    c.poly([(0, 500), (760, 540), (770, 640), (0, 680)], P["ink"])
    c.poly([(0, 500), (760, 540), (762, 552), (0, 516)], P["dusk"], op=0.5)
    # palm behind the lower phone, wrist to the left
    c.ellipse(870, 560, 110, 80, SKIN, rot=-10)
    # the phone, screen towards us
    px, py, pw, ph = 880, 250, 220, 400
    c.rect(px, py, pw, ph, P["ink"], rx=26)
    c.rect(px + 14, py + 24, pw - 28, ph - 48, P["mist"], rx=10)
    glow(c, px + pw / 2, py + ph / 2, 320, P["mist"], 0.25)
    # the blurred photograph: soft overlapping shapes, nothing recognisable
    c.rect(px + 34, py + 110, pw - 68, 170, P["indigo2"], op=0.8)
    c.ellipse(px + 90, py + 190, 44, 60, P["rose"], op=0.3)
    c.ellipse(px + 130, py + 210, 50, 40, P["amber2"], op=0.25)
    c.ellipse(px + 110, py + 250, 66, 30, P["dusk"], op=0.4)
    c.rect(px + 34, py + 110, pw - 68, 170, P["mist"], op=0.25)
    # thumb along the near edge, fingertips curling round the far edge
    curl(c, f"M{px - 30} {py + 330} C {px - 10} {py + 300} {px + 4} {py + 260} {px + 14} {py + 220}", 40, SKIN_LIT)
    for k, yy in enumerate((300, 345, 390)):
        curl(c, f"M{px + pw - 2} {py + yy + 8} C {px + pw - 8} {py + yy + 4} {px + pw - 14} {py + yy + 1} {px + pw - 22} {py + yy}", 30, SKIN if k else SKIN_LIT)
    moth(c, 1120, 200, 0.4, op=0.75)
    finish(c, floor=0.8)
    return c


def taken():
    """The hotel corridor seen from far away: a few small figures, from behind, walk toward the lift; others stand still by their doors."""
    c = Canvas(704)
    co = corridor(c, D=8, lift=True)
    for d in (0.3, 1.6, 3.0, 4.8):
        co.door("L", d, d + 0.4 * (1 + d * 0.2), fill=P["indigo"])
        co.door("R", d, d + 0.4 * (1 + d * 0.2), fill=P["indigo"])
    # small figures walking towards the lift (from behind)
    for x, d in ((900, 5.6), (1060, 6.0), (980, 6.6), (840, 7.0)):
        fx, fy = co.p(x, co.F, d)
        figure_back(c, fx, fy, 720 / (1 + d), P["ink"], hair="long" if x % 20 == 0 else "short")
    # others standing still by their doors, further back along the walls
    for x, d in ((120, 4.2), (1800, 4.8)):
        fx, fy = co.p(x, co.F, d)
        figure_back(c, fx, fy, 720 / (1 + d), P["ink"], op=0.85)
    moth(c, 1150, 330, 0.3, op=0.5)
    finish(c, floor=0.95)
    return c


def station():
    """A police station waiting area late at night: a row of empty plastic chairs, a wall clock, a telephone on a counter."""
    c = Canvas(705)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=780, light=None, warm=False)
    strip_light(c, 760, 40, 400)
    # wall clock (no numerals), late
    c.circle(960, 240, 80, P["paper"], op=0.9)
    c.circle(960, 240, 80, "none", stroke=P["ink"], sw=8)
    for k in range(12):
        a = k * math.pi / 6
        c.line(960 + 62 * math.sin(a), 240 - 62 * math.cos(a), 960 + 70 * math.sin(a), 240 - 70 * math.cos(a), P["ink"], 4)
    c.line(960, 240, 960 + 36 * math.sin(math.radians(-30)), 240 - 36 * math.cos(math.radians(-30)), P["ink"], 7)   # ~11
    c.line(960, 240, 960 + 56 * math.sin(math.radians(60)), 240 - 56 * math.cos(math.radians(60)), P["ink"], 4)     # :10
    # counter with a telephone, right
    c.rect(1180, 540, 560, 22, P["dusk"]); c.rect(1200, 562, 520, 218, P["indigo"])
    c.rect(1180, 300, 560, 240, P["mist"], op=0.15)                      # glass screen above the counter
    desk_phone(c, 1420, 540, 0.8)
    # row of empty plastic chairs, left
    for k in range(4):
        x = 300 + k * 170
        c.path(f"M{x} 560 C {x} 520 {x+130} 520 {x+130} 560 L{x+124} 660 L{x+6} 660 Z", P["dusk"])
        c.rect(x - 4, 650, 138, 26, P["dusk"], rx=8)
        c.rect(x + 20, 676, 8, 104, P["ink"]); c.rect(x + 102, 676, 8, 104, P["ink"])
    c.rect(290, 700, 700, 10, P["ink"])
    moth(c, 1120, 360, 0.35, op=0.55)
    finish(c)
    return c


def valuables():
    """A small grey plastic tray on a counter under fluorescent light, holding a wristwatch, a bracelet and two rings."""
    c = Canvas(706)
    c.rect(0, 0, W, H, P["teal"])
    strip_light(c, 760, 30, 400)
    c.rect(0, 500, W, H - 500, P["indigo"])
    c.rect(0, 500, W, H - 500, c.lin([(0, P["mist"], 0.3), (1, P["ink"], 0.4)], 0, 500, 0, H, user=True))
    c.rect(0, 490, W, 14, P["dusk"])
    # tray (seen from above at an angle)
    c.poly([(600, 780), (1320, 780), (1240, 540), (680, 540)], P["dusk"])
    c.poly([(630, 760), (1290, 760), (1220, 560), (700, 560)], P["mist"], op=0.55)
    # wristwatch
    c.ellipse(800, 660, 60, 40, "none", stroke=P["ink"], sw=18)
    c.ellipse(840, 650, 40, 30, P["paper"]); c.ellipse(840, 650, 40, 30, "none", stroke=P["amber"], sw=5)
    c.line(840, 650, 840, 632, P["ink"], 3); c.line(840, 650, 856, 654, P["ink"], 3)
    # bracelet: a ring of small beads
    for k in range(18):
        a = k * 2 * math.pi / 18
        c.circle(1020 + 70 * math.cos(a), 680 + 34 * math.sin(a), 9, P["amber2"], op=0.9)
    # two rings
    c.ellipse(1120, 610, 26, 14, "none", stroke=P["amber"], sw=7)
    c.ellipse(1180, 630, 22, 12, "none", stroke=P["paper"], sw=6)
    moth(c, 1380, 300, 0.35, op=0.55)
    finish(c, floor=0.8)
    return c


def address():
    """A printed form on a counter with one empty line where an address should go, and a pen lying across it."""
    c = Canvas(707)
    c.rect(0, 0, W, H, P["indigo"])
    glow(c, 960, 300, 900, P["mist"], 0.2)
    c.group("translate(960 430) rotate(-3)")
    w, h = 620, 720
    c.rect(-w / 2 + 10, -h / 2 + 12, w, h, P["ink"], op=0.4)
    c.rect(-w / 2, -h / 2, w, h, P["paper"], op=0.96)
    c.rect(-w / 2 + 30, -h / 2 + 30, w * 0.5, 20, P["blue"], op=0.7)
    rows = [0.9, 0.7, 0.8, None, 0.6, 0.85, 0.5]      # None: the empty address line
    for r, fill in enumerate(rows):
        yy = -h / 2 + 110 + r * 70
        c.rect(-w / 2 + 30, yy, 90, 6, P["blue"], op=0.55)
        c.rect(-w / 2 + 140, yy + 22, w - 180, 2, P["ink"], op=0.6)
        if fill:
            c.rect(-w / 2 + 150, yy + 4, (w - 200) * fill, 6, P["ink"], op=0.45)
        else:
            c.rect(-w / 2 + 140, yy - 10, w - 180, 40, P["amber2"], op=0.2)
    c.end()
    c.line(700, 560, 1240, 420, P["ink"], 14)                     # pen across the form
    c.line(700, 560, 730, 552, P["amber"], 14)
    moth(c, 1380, 230, 0.4, op=0.6)
    finish(c, floor=0.85)
    return c


def court():
    """An empty courtroom seen from the public benches, a raised desk at the front and pale light from high windows."""
    c = Canvas(708)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=640, light=None, warm=False)
    for x in (460, 880, 1300):
        c.rect(x, 70, 160, 180, P["mist"], op=0.75)
        c.rect(x + 78, 70, 4, 180, P["ink"], op=0.6)
        c.poly([(x, 250), (x + 160, 250), (x + 300, 640), (x + 100, 640)], P["paper"], op=0.05)
    c.rect(640, 330, 640, 40, P["dusk"])                               # raised desk
    c.rect(660, 370, 600, 270, P["indigo"])
    c.rect(560, 520, 800, 120, P["indigo2"])
    for k in range(3):                                                 # public benches (backs)
        y = 1000 - k * 110
        s = 1 - k * 0.12
        c.rect(960 - 820 * s, y - 150 * s, 1640 * s, 60 * s, P["ink"], op=0.9 - k * 0.15, rx=10)
        c.rect(960 - 820 * s, y - 80 * s, 1640 * s, 14 * s, P["ink"], op=0.9 - k * 0.15)
    moth(c, 1380, 200, 0.35, op=0.55)
    finish(c, floor=0.8)
    return c


def hearing():
    """A pair of headphones on a wooden ledge in a courtroom, their cord coiled neatly beside a closed folder."""
    c = Canvas(709)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=900, light=None, warm=False)
    glow(c, 960, 300, 800, P["mist"], 0.18)
    wood = P["rose"]
    c.rect(200, 600, 1520, 30, wood, op=0.8); c.rect(200, 630, 1520, 300, P["indigo"])
    c.rect(200, 600, 1520, 30, P["ink"], op=0.2)
    # headphones lying on the ledge
    c.path("M700 596 C 700 470 900 470 900 596", "none", stroke=P["ink"], sw=16, cap="round")
    c.ellipse(700, 580, 34, 24, P["ink"]); c.ellipse(900, 580, 34, 24, P["ink"])
    c.ellipse(700, 578, 22, 14, P["dusk"]); c.ellipse(900, 578, 22, 14, P["dusk"])
    # the cord, coiled neatly
    for k, r in enumerate((36, 28, 20)):
        c.ellipse(1000, 590, r * 1.6, r * 0.5, "none", stroke=P["ink"], sw=5)
    c.path("M934 590 C 950 594 960 596 972 592", "none", stroke=P["ink"], sw=5)
    # closed folder
    c.poly([(1100, 600), (1400, 600), (1420, 578), (1120, 578)], P["blue"])
    c.poly([(1104, 590), (1404, 590), (1408, 584), (1108, 584)], P["paper"], op=0.6)
    moth(c, 1420, 300, 0.4, op=0.6)
    finish(c)
    return c


def home():
    """A printed plane ticket on a narrow metal shelf beside a folded blanket, in the pale light of early morning."""
    c = Canvas(710)
    room(c, wall=P["dusk"], wall2=P["indigo2"], floor_y=880, light=None, warm=False)
    high_window_beam(c, 640, 120, 220, 110, to_y=600, spread=380, op=0.08)
    glow(c, 750, 175, 400, P["rose"], 0.25)
    c.rect(540, 600, 840, 16, P["mist"]); c.rect(540, 616, 840, 6, P["ink"], op=0.5)
    c.poly([(560, 622), (600, 622), (560, 680)], P["ink"], op=0.6); c.poly([(1360, 622), (1320, 622), (1360, 680)], P["ink"], op=0.6)
    # folded blanket
    c.rect(620, 540, 300, 62, P["blue"], rx=14)
    c.rect(630, 520, 280, 30, P["teal"], rx=12)
    c.rect(620, 566, 300, 4, P["ink"], op=0.3)
    # printed plane ticket, flat, with a tiny plane mark
    c.poly([(1000, 600), (1280, 600), (1300, 570), (1030, 570)], P["paper"], op=0.95)
    c.poly([(1200, 598), (1204, 572), (1206, 572), (1202, 598)], P["ink"], op=0.4)
    for r in range(2):
        c.poly([(1040, 594 - r * 10), (1160, 594 - r * 10), (1162, 591 - r * 10), (1042, 591 - r * 10)], P["blue"], op=0.5)
    plane(c, 1250, 584, 0.22, rot=-6, color=P["blue"], op=0.9)
    moth(c, 800, 300, 0.4, op=0.7)
    finish(c)
    return c


def targeted():
    """A hotel's front entrance seen from across the street at dusk, its lobby lit and empty behind glass doors."""
    c = Canvas(711)
    sky(c, P["indigo"], P["blue"], P["rose"])
    c.rect(0, 320, 520, 400, P["ink"]); c.rect(1400, 280, 520, 440, P["ink"])
    hotel_facade(c, 520, 100, 880, 720)
    c.rect(0, 720, W, 30, P["dusk"], op=0.6)
    c.rect(0, 750, W, 330, P["ink"])
    c.ellipse(960, 780, 300, 20, P["amber2"], op=0.15)
    street_lamp(c, 1640, 740, 380)
    moth(c, 800, 260, 0.4, op=0.75)
    finish(c)
    return c


SCENES = {"knock": knock, "questions": questions, "photo": photo, "taken": taken, "station": station,
          "valuables": valuables, "address": address, "court": court, "hearing": hearing, "home": home,
          "targeted": targeted}

if __name__ == "__main__":
    write_scenes(SCENES, "fanny", sys.argv[1:])
