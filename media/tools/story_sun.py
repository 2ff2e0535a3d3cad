"""Sun's story (stories/sun.yaml): one function per scene, drawn from the scene's English alt text."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa



def home():
    """A small apartment kitchen in warm evening light. Pots on the stove, a stack of lidded food containers on the counter."""
    c = Canvas(101)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=820, light=(960, 300))
    # window with evening sky, left of centre
    night_window_view(c, 300, 170, 300, 300, dawn=True, city=True)
    window(c, 300, 170, 300, 300, bars=(1, 0))
    moth(c, 520, 250, 0.55, rot=10, op=0.85)
    # upper cabinets and hood
    c.rect(700, 120, 820, 150, P["indigo"], rx=4)
    for k in range(4):
        c.rect(710 + k * 205, 130, 195, 130, P["ink"], op=0.25, rx=3)
    c.path("M760 270 L960 270 L1000 360 L720 360 Z", P["ink"])
    ceiling_lamp(c, 1320, 0, 260, r=520)
    # counter
    c.rect(180, 610, 1560, 24, P["amber"], op=0.55)
    c.rect(180, 634, 1560, 260, P["ink"])
    for k in range(5):
        c.rect(200 + k * 310, 660, 290, 200, P["indigo"], op=0.5, rx=4)
    # stove with pots
    c.rect(700, 600, 320, 12, P["ink"])
    pot(c, 780, 600, 130, 86, P["blue"], steam=True)
    pot(c, 940, 600, 110, 60, P["dusk"], lid=True)
    # food containers on the counter
    stack_of_boxes(c, 1130, 610, n=4, w=120, h=48)
    food_box(c, 1270, 610, 110, 48, P["amber"])
    food_box(c, 1270, 548, 110, 48, P["dusk"])
    finish(c)
    return c


def community():
    """A kitchen table seen from above with several cups of tea and a small notebook."""
    c = Canvas(102)
    c.rect(0, 0, W, H, P["indigo"])
    glow(c, 960, 440, 900, P["amber"], 0.3)
    # table top (from above)
    c.rect(360, 120, 1200, 720, P["indigo2"], rx=40)
    c.rect(360, 120, 1200, 720, c.rad([(0, P["amber"], 0.35), (1, P["amber"], 0)], 960, 440, 700), rx=40)
    for k in range(6):
        c.rect(360, 220 + k * 120, 1200, 3, P["ink"], op=0.2)
    # cups of tea: saucer, cup rim, tea, handle
    cups = [(640, 300), (1010, 250), (1320, 360), (1240, 600), (760, 590)]
    for i, (x, y) in enumerate(cups):
        c.circle(x + 6, y + 8, 78, P["ink"], op=0.35)
        c.circle(x, y, 74, P["paper"], op=0.85)
        c.circle(x, y, 50, P["paper"])
        c.circle(x, y, 40, P["amber"], op=0.9)
        c.circle(x - 10, y - 10, 12, P["glow"], op=0.35)
        ang = [0.4, 2.2, 3.5, 5.0, 1.2][i]
        c.path(f"M{f(x+48*math.cos(ang))} {f(y+48*math.sin(ang))} L{f(x+72*math.cos(ang))} {f(y+72*math.sin(ang))}",
               "none", stroke=P["paper"], sw=14, cap="round")
    # teapot from above
    c.circle(960, 450, 96, P["blue"])
    c.circle(960, 450, 40, P["dusk"])
    c.circle(960, 450, 14, P["ink"])
    c.path("M1046 420 L1120 400 L1126 420 L1052 470 Z", P["blue"])
    # small notebook and pen
    c.group("translate(1000 660) rotate(-8)")
    c.rect(-90, -60, 180, 120, P["rose"], rx=6)
    c.rect(-84, -54, 168, 108, P["paper"], op=0.95, rx=3)
    for r in range(5):
        c.rect(-70, -36 + r * 18, 110 if r < 4 else 60, 3, P["blue"], op=0.5)
    c.rect(-4, -60, 8, 120, P["ink"], op=0.15)
    c.end()
    curl(c, "M1150 640 L1260 700", 8, P["ink"])
    moth(c, 860, 180, 0.6, rot=-15)
    finish(c, floor=0.8)
    return c


def meals():
    """A hospital corridor in daylight. On a chair beside a closed ward door rests a cloth bag with a lunch box inside."""
    c = Canvas(103)
    c.rect(0, 0, W, 760, c.lin([(0, P["mist"]), (1, P["teal"])], 0, 0, 0, 760, user=True))
    c.rect(0, 0, W, 760, P["indigo"], op=0.35)
    c.rect(0, 760, W, 320, c.lin([(0, P["teal"]), (1, P["ink"])], 0, 760, 0, H, user=True))
    c.rect(0, 560, W, 14, P["dusk"], op=0.6)       # handrail
    c.rect(0, 748, W, 14, P["ink"], op=0.5)        # skirting
    # daylight patches from windows (off-frame left) on the floor and wall
    for k in range(3):
        c.poly([(120 + k * 420, 770), (300 + k * 420, 770), (420 + k * 420, 1000), (200 + k * 420, 1000)], P["paper"], op=0.06)
    for x in (120, 1600):
        strip_light(c, x, 40, 260)
    # closed ward door, right of centre
    door(c, 1080, 760, 250, 520, color=P["dusk"], frame=P["teal"])
    c.rect(1150, 320, 110, 90, P["mist"], op=0.55)
    # chair beside the door with a cloth bag
    chair(c, 860, 760, 0.95, color=P["ink"])
    c.path("M790 620 L930 620 L940 520 L780 520 Z", P["paper"], op=0.85)              # bag body
    c.path("M800 524 C 800 460 850 450 860 520", "none", stroke=P["paper"], sw=8, op=0.85)
    c.path("M860 524 C 870 460 920 460 920 524", "none", stroke=P["paper"], sw=8, op=0.85)
    c.rect(810, 500, 120, 30, P["amber"], rx=6)                                        # lunch box lid peeking out
    c.rect(806, 492, 128, 12, P["rose"], rx=5)
    moth(c, 700, 320, 0.5, rot=12, op=0.75)
    finish(c, floor=0.75)
    return c


def doorbell():
    """An apartment entrance at night, seen from inside. The front door stands open and a wedge of bright corridor light falls across the floor."""
    c = Canvas(104)
    room(c, wall=P["night"], wall2=P["ink"], floor_y=700, light=None)
    c.rect(0, 700, W, 380, P["ink"])
    # doorway with bright corridor behind
    x, w, top = 830, 260, 160
    c.rect(x - 24, top - 24, w + 48, 700 - top + 24, P["ink"])
    c.rect(x, top, w, 700 - top, c.lin([(0, P["paper"]), (1, P["amber2"])], 0, top, 0, 700, user=True))
    glow(c, x + w / 2, 420, 700, P["paper"], 0.18)
    c.rect(x, 640, w, 60, P["mist"], op=0.4)       # corridor floor beyond
    # the open door, swung inward to the right (in perspective)
    c.poly([(x + w, top), (x + w + 170, top - 50), (x + w + 170, 790), (x + w, 700)], P["indigo"])
    c.poly([(x + w + 150, 420), (x + w + 162, 416), (x + w + 162, 440), (x + w + 150, 444)], P["amber"])
    # wedge of light across the floor
    c.poly([(x, 700), (x + w, 700), (x + w + 500, H), (x - 420, H)], P["paper"], op=0.2)
    c.poly([(x + 30, 700), (x + w - 30, 700), (x + w + 260, H), (x - 200, H)], P["amber2"], op=0.12)
    # a coat hook and coat on the wall (home)
    c.rect(500, 350, 100, 10, P["indigo2"])
    c.path("M550 360 C 520 366 496 380 492 410 L484 640 L616 640 L608 410 C 604 380 580 366 550 360 Z", P["indigo2"], op=0.8)
    c.rect(548, 400, 4, 240, P["ink"], op=0.4)
    moth(c, 1500, 260, 0.4, op=0.5)
    finish(c, floor=0.7)
    return c


def questions():
    """A living room lit by a single ceiling lamp. Two empty chairs face each other, an identity card on a low table between them."""
    c = Canvas(105)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=740, light=None)
    ceiling_lamp(c, 960, 0, 240, r=760)
    c.ellipse(960, 800, 620, 90, P["amber2"], op=0.07)
    chair(c, 590, 810, 1.45, color=P["ink"], facing=-1)
    chair(c, 1330, 810, 1.45, color=P["ink"], facing=1)
    # low table
    c.rect(770, 680, 380, 22, P["indigo2"])
    c.rect(790, 702, 14, 108, P["ink"]); c.rect(1116, 702, 14, 108, P["ink"])
    # identity card lying flat (seen at a shallow angle), catching the lamp light
    glow(c, 960, 670, 160, P["glow"], 0.35)
    c.poly([(890, 680), (1030, 680), (1050, 660), (910, 660)], P["paper"], op=0.95)
    c.poly([(904, 677), (940, 677), (948, 665), (912, 665)], P["dusk"], op=0.8)
    c.rect(955, 667, 60, 3, P["blue"], op=0.6); c.rect(950, 673, 50, 3, P["blue"], op=0.6)
    moth(c, 1500, 300, 0.45, op=0.55)
    finish(c)
    return c


def messages():
    """Two hands, seen from behind, hold a phone glowing in a dim room; a message is being typed, too small to read."""
    c = Canvas(106)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=820, light=None)
    c.rect(1500, 180, 220, 300, P["blue"], op=0.3)   # faint window
    moth(c, 1600, 260, 0.4, op=0.5)
    hands_phone(c, 960, 450, 1.25)
    finish(c, floor=0.8)
    return c


def holding_cell():
    """A bare holding room with a metal bench along one wall and a heavy door with a small window, lit by flat white light."""
    c = Canvas(107)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=760, light=None, warm=False)
    c.rect(0, 0, W, 760, P["mist"], op=0.12)
    strip_light(c, 760, 50, 400)
    metal_bench(c, 360, 760, 620)
    heavy_door(c, 1180, 760, 270, 540)
    moth(c, 1315, 290, 0.32, op=0.55, halo=False)
    finish(c)
    return c


def holiday():
    """A stack of printed legal forms on a small table, dense with small type, beside a desk phone with its receiver resting in place."""
    c = Canvas(108)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=800, light=(760, 300))
    lamp_table(c, 560, 600, r=500)
    c.rect(380, 600, 1160, 18, P["indigo2"])
    c.rect(380, 618, 1160, 40, P["ink"])
    c.rect(420, 658, 22, 200, P["ink"]); c.rect(1478, 658, 22, 200, P["ink"])
    papers_stack(c, 880, 540, 360, 200, n=9, rot=-4)
    desk_phone(c, 1310, 600, 1.2)
    moth(c, 1480, 260, 0.45, op=0.6)
    finish(c)
    return c


def court():
    """An empty hearing room with rows of plain chairs. A wall calendar: one date circled, crossed out, the day before circled instead."""
    c = Canvas(109)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=720, light=None, warm=False)
    strip_light(c, 300, 40, 300); strip_light(c, 1320, 40, 300)
    # front bench (hearing table) and calendar
    c.rect(560, 520, 800, 160, P["indigo"])
    c.rect(540, 505, 840, 20, P["dusk"])
    calendar(c, 810, 150, 300, 260, circled=[(2, 3), (2, 4)], crossed=[(2, 4)])
    chair_rows_back(c, 960, 890, rows=3, per=6, w=140)
    moth(c, 1450, 240, 0.4, op=0.55)
    finish(c, floor=0.8)
    return c


def review():
    """A cardboard box of personal things on a shelf in an empty apartment: folded clothes, a few books, a framed picture turned away."""
    c = Canvas(110)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=820, light=(1400, 200))
    c.rect(1380, 140, 240, 300, P["blue"], op=0.35)        # bare window light on the wall
    c.rect(1496, 140, 8, 300, P["ink"], op=0.5)
    # shelf
    c.rect(460, 640, 1000, 22, P["indigo2"])
    c.rect(480, 662, 16, 40, P["ink"]); c.rect(1424, 662, 16, 40, P["ink"])
    # box
    bx, by, bw, bh = 700, 420, 440, 220
    box = "#8a6a4e"   # amber shaded toward ink: cardboard (palette mix)
    c.rect(bx, by, bw, bh, P["amber"], op=0.7)
    c.rect(bx, by, bw, bh, P["ink"], op=0.35)
    # clothes folded, books, picture frame back
    c.rect(bx + 30, by - 40, 170, 44, P["dusk"], rx=8)
    c.rect(bx + 40, by - 74, 150, 36, P["rose"], rx=8)
    c.rect(bx + 36, by - 100, 156, 30, P["paper"], op=0.8, rx=8)
    for k, (col, hh) in enumerate([(P["blue"], 90), (P["rose"], 110), (P["indigo2"], 80)]):
        c.rect(bx + 240 + k * 34, by - hh + 10, 30, hh, col)
    c.poly([(bx + 350, by + 10), (bx + 420, by + 10), (bx + 430, by - 110), (bx + 360, by - 110)], P["indigo"])
    c.line(bx + 395, by - 60, bx + 440, by + 10, P["ink"], 5)    # the frame's stand: picture turned away
    # flaps
    c.poly([(bx, by), (bx - 60, by - 40), (bx - 50, by + 10)], P["amber"], op=0.55)
    c.poly([(bx + bw, by), (bx + bw + 60, by - 40), (bx + bw + 50, by + 10)], P["amber"], op=0.55)
    c.rect(bx, by + bh / 2 - 6, bw, 12, P["paper"], op=0.15)
    moth(c, 1250, 330, 0.5, op=0.7)
    finish(c)
    return c


def no_end_date():
    """An empty bench beneath a small, high window. A pale square of daylight on the bare wall opposite."""
    c = Canvas(111)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=760, light=None, warm=False)
    high_window_beam(c, 560, 140, 200, 100, to_y=520, spread=620, op=0.07)
    c.poly([(1180, 360), (1420, 380), (1420, 600), (1180, 580)], P["paper"], op=0.2)  # pale square of daylight
    metal_bench(c, 420, 760, 520, color=P["dusk"])
    moth(c, 1300, 470, 0.4, op=0.6, halo=True)
    finish(c)
    return c


def after():
    """A dark bedroom late at night. Curtains half open on distant lights; a glass of water on the windowsill."""
    c = Canvas(112)
    room(c, wall=P["night"], wall2=P["ink"], floor_y=820, light=None)
    x, y, w, h = 620, 150, 680, 470
    night_window_view(c, x, y, w, h, moon_at=None, city=True)
    window(c, x, y, w, h, bars=(1, 0), fw=16)
    curtain(c, x - 60, y - 40, 300, h + 110, "left", P["indigo"])
    curtain(c, x + w - 180, y - 40, 240, h + 110, "right", P["indigo"])
    c.rect(x - 40, y + h + 10, w + 80, 16, P["indigo2"])
    glass_of_water(c, 1060, y + h + 10, 1.1)
    moth(c, 880, 260, 0.45, op=0.55)
    finish(c)
    return c


SCENES = {"home": home, "community": community, "meals": meals, "doorbell": doorbell, "questions": questions,
          "messages": messages, "holding-cell": holding_cell, "holiday": holiday, "court": court,
          "review": review, "no-end-date": no_end_date, "after": after}

if __name__ == "__main__":
    write_scenes(SCENES, "sun", sys.argv[1:])
