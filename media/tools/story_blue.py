"""Blue's story (stories/blue.yaml): one function per scene, drawn from the scene's English alt text."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa



def university():
    """A wide university lawn, a stone building behind, a small figure far away, from behind, with a backpack."""
    c = Canvas(201)
    day_sky(c, 700)
    cloud(c, 420, 160, 1.3, 0.25); cloud(c, 1500, 120, 1.0, 0.2)
    # stone building with a central tower and tall arched windows
    stone = P["mist"]
    c.rect(420, 300, 1080, 340, stone, op=0.9)
    c.rect(420, 300, 1080, 340, P["indigo"], op=0.25)
    c.rect(860, 150, 200, 490, stone, op=0.95)
    c.rect(860, 150, 200, 490, P["indigo"], op=0.3)
    c.poly([(840, 160), (960, 70), (1080, 160)], P["dusk"])
    c.rect(400, 290, 1120, 16, P["dusk"])
    for k in range(10):
        x = 460 + k * 104 if k < 4 else 1060 + (k - 4) * 70 + 20
        if k >= 4 and x > 1460:
            break
        if k < 4:
            c.path(f"M{x} 560 L{x} 390 C {x} 350 {x+50} 350 {x+50} 390 L{x+50} 560 Z", P["indigo"], op=0.8)
    for k in range(4):
        x = 1100 + k * 100
        c.path(f"M{x} 560 L{x} 390 C {x} 350 {x+50} 350 {x+50} 390 L{x+50} 560 Z", P["indigo"], op=0.8)
    c.path("M920 640 L920 470 C 920 420 1000 420 1000 470 L1000 640 Z", P["indigo"])
    c.circle(960, 230, 40, P["paper"], op=0.6)                 # clock face without numerals
    c.line(960, 230, 960, 204, P["ink"], 4); c.line(960, 230, 978, 238, P["ink"], 4)
    # trees left and right
    for x, h in ((230, 340), (340, 260), (1640, 360), (1760, 280)):
        tree(c, x, 650, h, P["teal"])
    # lawn
    c.rect(0, 640, W, 440, c.lin([(0, P["teal"]), (1, P["ink"])], 0, 640, 0, H, user=True))
    c.path("M960 640 L900 1080 L1020 1080 Z", P["mist"], op=0.12)     # path to the door
    # small figure from behind with a backpack
    figure_back(c, 975, 760, 120, color=P["ink"], hair="long", coat=False)
    c.rect(960, 660, 30, 36, P["rose"], rx=6)
    moth(c, 1120, 470, 0.5, rot=-10, op=0.85)
    finish(c, floor=0.8, vig=0.35)
    return c


def studies():
    """A desk by a window at night: thick engineering textbooks, a calculator, sheets of technical drawings under a lamp."""
    c = Canvas(202)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=900, light=None)
    night_window_view(c, 1180, 120, 420, 380, moon_at=(1500, 200))
    window(c, 1180, 120, 420, 380, bars=(1, 0))
    lamp_table(c, 560, 600, r=560)
    c.rect(300, 600, 1400, 20, P["indigo2"])
    c.rect(300, 620, 1400, 40, P["ink"])
    c.rect(340, 660, 24, 260, P["ink"]); c.rect(1636, 660, 24, 260, P["ink"])
    books_stack(c, 780, 600, [(48, P["blue"], 0), (56, P["rose"], 14), (40, P["dusk"], -10), (52, P["teal"], 6)], 240)
    c.poly([(900, 600), (1250, 600), (1280, 570), (930, 570)], P["paper"], op=0.85)   # drawing sheet, flat
    c.line(960, 590, 1200, 578, P["blue"], 2, 0.7); c.line(990, 596, 1010, 574, P["blue"], 2, 0.7)
    c.ellipse(1120, 585, 40, 8, "none", stroke=P["blue"], sw=2)
    c.poly([(1290, 600), (1370, 600), (1384, 584), (1304, 584)], P["ink"])            # calculator, flat
    c.poly([(1300, 596), (1366, 596), (1374, 588), (1308, 588)], P["mist"], op=0.5)
    moth(c, 1320, 260, 0.55, op=0.9)
    finish(c)
    return c


def parlour():
    """A small massage parlour seen from across a quiet street in daylight, blinds half drawn, a plain sign above the door."""
    c = Canvas(203)
    day_sky(c, 500)
    cloud(c, 1400, 120, 1.1, 0.25)
    # row of low buildings
    facade(c, 80, 150, 560, 550, P["indigo2"], cols=3, rows=2, win=P["indigo"], pad=50)
    facade(c, 1280, 200, 560, 500, P["dusk"], cols=3, rows=2, win=P["indigo"], pad=50)
    c.rect(640, 220, 640, 480, P["blue"])
    c.rect(640, 200, 640, 24, P["indigo"])
    # the parlour: plain sign (blank), shop window with blinds half drawn, door
    c.rect(720, 260, 480, 70, P["paper"], op=0.8, rx=4)
    c.rect(730, 270, 460, 50, P["mist"], op=0.35, rx=3)
    c.rect(690, 370, 330, 260, P["mist"], op=0.55)
    for k in range(8):
        c.rect(690, 370 + k * 16, 330, 12, P["paper"], op=0.85)       # blinds, half drawn
    c.rect(690, 370, 330, 260, "none", stroke=P["ink"], sw=10)
    c.rect(1060, 360, 140, 340, P["indigo"])
    c.rect(1075, 380, 110, 150, P["mist"], op=0.35)
    c.circle(1170, 540, 6, P["amber"])
    # sidewalk and street (foreground)
    c.rect(0, 700, W, 40, P["mist"], op=0.6)
    c.rect(0, 740, W, 340, c.lin([(0, P["indigo2"]), (1, P["ink"])], 0, 740, 0, H, user=True))
    for k in range(6):
        c.rect(k * 360 + 60, 860, 180, 8, P["paper"], op=0.15)
    tree(c, 1420, 705, 300, P["teal"])
    moth(c, 960, 180, 0.45, op=0.75)
    finish(c, floor=0.8, vig=0.35)
    return c


def raid():
    """A narrow treatment room: massage table, folded towels, a spray bottle. The door has just been opened; hallway light spills in."""
    c = Canvas(204)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=760, light=None)
    # door on the left, opened, hallway light
    x, w, top = 520, 220, 210
    c.rect(x - 18, top - 18, w + 36, 760 - top + 18, P["ink"])
    c.rect(x, top, w, 760 - top, c.lin([(0, P["paper"]), (1, P["amber2"])], 0, top, 0, 760, user=True))
    c.poly([(x + w, top), (x + w + 120, top - 30), (x + w + 120, 810), (x + w, 760)], P["indigo2"])
    glow(c, x + w / 2, 460, 520, P["paper"], 0.2)
    c.poly([(x, 760), (x + w, 760), (x + w + 900, H), (x + 120, H)], P["paper"], op=0.16)
    # massage table, centre right
    massage_table(c, 1160, 800, 520)
    # shelf with towels and a spray bottle
    c.rect(1460, 430, 300, 16, P["indigo2"])
    towel_stack(c, 1560, 430, 4, 150, 30)
    spray_bottle(c, 1700, 430, 0.9)
    moth(c, 1280, 280, 0.4, op=0.55)
    finish(c)
    return c


def search():
    """A long corridor seen from one end, every door along it standing open, the rooms beyond empty and still."""
    c = Canvas(205)
    co = Corridor(c, wall=P["indigo2"], wall_far=P["indigo"], floor=P["blue"], end=P["indigo"])
    co.floor_bands(0.6, (P["indigo2"], P["blue"]), 0.25)
    co.ceiling_lights(1.8, 0.6, warm=False)
    for d in (0.4, 1.5, 2.8, 4.4, 6.4):
        co.door("L", d, d + 0.5 * (1 + d * 0.25), open_=True, inside=P["mist"])
        co.door("R", d + 0.3, d + 0.3 + 0.5 * (1 + d * 0.25), open_=True, inside=P["mist"])
    moth(c, 960, 360, 0.4, op=0.6)
    finish(c)
    return c


def permit():
    """An official document on the corner of a massage table under a bright ceiling light, beside a neat stack of white towels."""
    c = Canvas(206)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=900, light=None)
    ceiling_lamp(c, 960, 0, 150, warm=False, r=820)
    # the table seen close: padded top
    c.poly([(200, 640), (1720, 640), (1840, 760), (80, 760)], P["dusk"])
    c.poly([(220, 620), (1700, 620), (1780, 700), (140, 700)], P["paper"], op=0.85)
    c.rect(80, 760, 1760, 60, P["ink"])
    # document on the corner (near side, left of centre), seen at a slant
    c.poly([(700, 680), (1020, 690), (1060, 600), (770, 594)], P["paper"])
    c.poly([(720, 676), (1016, 684), (1024, 668), (726, 660)], P["blue"], op=0.0)
    c.poly([(785, 606), (1042, 612), (1036, 626), (780, 620)], P["blue"], op=0.75)
    for k in range(5):
        y = 636 + k * 9
        c.poly([(770 - k * 10, y), (1020 - k * 4, y + 2), (1020 - k * 4, y + 5), (770 - k * 10, y + 3)], P["ink"], op=0.45)
    c.circle(1010, 646, 10, P["rose"], op=0.9)
    # neat stack of white towels
    towel_stack(c, 1260, 640, 5, 240, 40)
    moth(c, 1500, 300, 0.45, op=0.6)
    finish(c, floor=0.85)
    return c


def questions():
    """A small windowless room, a box of tissues on a side table and a phone lying dark beside it, out of reach."""
    c = Canvas(207)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=760, light=None, warm=False)
    strip_light(c, 780, 50, 360)
    # a chair on the left, the side table far across on the right: out of reach
    chair(c, 420, 800, 1.2, facing=1)
    c.rect(1080, 560, 360, 18, P["indigo2"])
    c.rect(1100, 578, 14, 220, P["ink"]); c.rect(1406, 578, 14, 220, P["ink"])
    tissue_box(c, 1180, 560, 1.0)
    phone_flat(c, 1340, 560, 0.9, face_down=True)
    moth(c, 960, 330, 0.35, op=0.45)
    finish(c)
    return c


def ordered_out():
    """A side door opening onto a grey city sidewalk. Far down the street, a lone figure from behind, walking away."""
    c = Canvas(208)
    co = Corridor(c, vx=1000, vy=470, L=-900, R=2600, F=1180, C=-3000, D=14,
                  wall=P["dusk"], wall_far=P["mist"], floor=P["mist"], ceiling=P["mist"], end=P["mist"])
    # sky over the 'ceiling'
    c.poly([co.p(-900, -3000, 0), co.p(2600, -3000, 0), co.p(2600, -3000, 14), co.p(-900, -3000, 14)], P["mist"])
    c.rect(0, 0, W, 470, c.lin([(0, P["dusk"]), (1, P["mist"])], 0, 0, 0, 470, user=True), op=0.9)
    # building faces on both sides with window rows
    for side, x in (("L", -900), ("R", 2600)):
        co.wall_quad(side, 0, 14, -3000, 1180, P["blue"] if side == "L" else P["indigo2"])
        for d in [0.5 + i * 1.2 for i in range(10)]:
            for y in (-2400, -1600, -800):
                co.wall_quad(side, d, d + 0.5, y, y + 400, P["indigo"], 0.7)
    # sidewalk (paler) on the left, road on the right
    c.poly([co.p(-900, 1180, 0), co.p(2600, 1180, 0), co.p(2600, 1180, 14), co.p(-900, 1180, 14)], c.lin([(0, P["mist"]), (0.45, P["dusk"]), (1, P["ink"])], 0, 470, 0, H, user=True))
    c.poly([co.p(-900, 1180, 0), co.p(600, 1180, 0), co.p(600, 1180, 14), co.p(-900, 1180, 14)], P["mist"], 0.25)
    c.poly([co.p(600, 1180, 0), co.p(640, 1180, 0), co.p(640, 1180, 14), co.p(600, 1180, 14)], P["paper"], 0.4)
    # the lone figure far down the sidewalk
    fx, fy = co.p(200, 1180, 9)
    figure_back(c, fx, fy, 62, color=P["ink"])
    # the side door frame in the foreground
    c.rect(0, 0, 300, H, P["ink"])
    c.rect(1640, 0, 280, H, P["ink"])
    c.rect(0, 0, W, 80, P["ink"])
    c.poly([(300, 80), (520, 140), (520, 1080), (300, 1080)], P["indigo"])   # the door leaf, swung open
    moth(c, 1180, 300, 0.4, op=0.6)
    finish(c, floor=0.8, vig=0.3)
    return c


def new_work():
    """An apartment building at dusk, seen from the street, with one window lit among many dark ones."""
    c = Canvas(209)
    sky(c, P["indigo"], P["blue"], P["rose"])
    stars(c, 20, 200, op=0.3)
    facade(c, 560, 120, 800, 700, P["indigo2"], cols=6, rows=8, lit=[(3, 3)], win=P["ink"], win_op=0.8)
    c.rect(540, 110, 840, 18, P["indigo"])
    for k in range(8):
        c.rect(560, 200 + k * 77.5, 800, 4, P["ink"], op=0.25)
    c.rect(0, 600, 560, 220, P["ink"]); c.rect(1360, 560, 560, 260, P["ink"])
    c.rect(0, 820, W, 260, P["ink"])
    street_lamp(c, 420, 820, 360)
    moth(c, 1040, 330, 0.45, op=0.8)
    finish(c)
    return c


def risk():
    """A work permit lying on a table; in its remarks box, one line of small print is underlined."""
    c = Canvas(210)
    c.rect(0, 0, W, H, P["indigo"])
    glow(c, 900, 380, 900, P["amber"], 0.25)
    official_doc(c, 960, 410, 500, 620, rot=-4, underline_row=1, remark_lines=3)
    moth(c, 1420, 260, 0.5, op=0.7)
    finish(c, floor=0.85)
    return c


def no_call():
    """A phone face down on a table beside an open, empty purse, in the dim light of an apartment at night."""
    c = Canvas(211)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=900, light=None)
    c.rect(1380, 140, 300, 340, P["blue"], op=0.3)
    c.rect(1526, 140, 8, 340, P["ink"], op=0.5); c.rect(1380, 306, 300, 8, P["ink"], op=0.5)
    glow(c, 1530, 310, 500, P["mist"], 0.14)
    c.rect(200, 640, 1520, 20, P["indigo2"]); c.rect(200, 660, 1520, 300, P["ink"])
    purse_open(c, 860, 640, 1.4)
    phone_flat(c, 1120, 642, 2.2, face_down=True)
    moth(c, 1530, 250, 0.4, op=0.5)
    finish(c)
    return c


def child():
    """By an apartment door, a pair of small children's shoes next to a pair of adult shoes, in soft morning light."""
    c = Canvas(212)
    room(c, wall=P["dusk"], wall2=P["indigo2"], floor_y=760, light=(1500, 300))
    c.poly([(1500, 120), (1760, 120), (1760, 700), (1500, 700)], P["paper"], op=0.08)
    glow(c, 1300, 500, 700, P["amber2"], 0.18)
    door(c, 760, 760, 300, 560, color=P["indigo"], frame=P["ink"])
    c.rect(700, 760, 460, 26, P["rose"], op=0.5)
    shoe_pair(c, 860, 774, 1.25, P["rose"], kind="flat")
    shoe_pair(c, 1040, 776, 0.75, P["amber"], kind="sneaker")
    moth(c, 1330, 380, 0.45, op=0.8)
    finish(c, floor=0.7)
    return c


SCENES = {"university": university, "studies": studies, "parlour": parlour, "raid": raid, "search": search,
          "permit": permit, "questions": questions, "ordered-out": ordered_out, "new-work": new_work,
          "risk": risk, "no-call": no_call, "child": child}

if __name__ == "__main__":
    write_scenes(SCENES, "blue", sys.argv[1:])
