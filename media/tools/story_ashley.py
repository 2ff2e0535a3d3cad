"""Ashley's story (stories/ashley.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa



def hotel_corridor(c, doors_closed=True, D=10):
    co = Corridor(c, wall=P["indigo2"], wall_far=P["indigo"], floor=P["indigo"], ceiling=P["night"], end=P["indigo"], D=D)
    co.carpet(260, 1660, 0.45, P["rose"], P["indigo2"], 0.4)
    for d in (0.5, 2.0, 4.2, 7.0):
        co.wall_lamp("L", d + 0.6, 560)
        co.wall_lamp("R", d + 0.6, 560)
    return co


def leaving():
    """A half-open apartment door at dusk, one packed suitcase waiting beside it, warm light falling from a window."""
    c = Canvas(501)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=760, light=None)
    # window on the left with dusk sky; warm light falls from it
    night_window_view(c, 240, 170, 320, 360, dawn=True, city=True)
    window(c, 240, 170, 320, 360, bars=(1, 1))
    c.poly([(240, 560), (560, 560), (900, 760), (420, 760)], P["amber2"], op=0.12)
    glow(c, 420, 380, 600, P["amber2"], 0.2)
    # half-open door (dusk light of the landing beyond)
    x, w, top = 900, 280, 220
    c.rect(x - 18, top - 18, w + 36, 760 - top + 18, P["ink"])
    c.rect(x, top, w, 760 - top, c.lin([(0, P["dusk"]), (1, P["rose"])], 0, top, 0, 760, user=True))
    c.poly([(x + w * 0.5, top), (x + w + 60, top - 30), (x + w + 60, 800), (x + w * 0.5, 760)], P["indigo"])
    c.circle(x + w + 30, 500, 8, P["amber"])
    # packed suitcase beside the door
    suitcase(c, 780, 764, 170, 240, P["blue"])
    c.rect(760, 540, 40, 30, P["amber"], op=0.8, rx=4)      # tag
    moth(c, 500, 260, 0.5, op=0.85)
    finish(c)
    return c


def visit():
    """A quiet street in a Canadian city on a clear day, a school building and a small park seen from a distance."""
    c = Canvas(502)
    day_sky(c, 640)
    cloud(c, 500, 150, 1.2, 0.3); cloud(c, 1450, 110, 0.9, 0.25)
    # far towers (city)
    for x, h in ((120, 300), (220, 380), (1650, 340), (1760, 260)):
        c.rect(x, 620 - h, 90, h, P["dusk"], op=0.6)
    # school: long low brick-ish building with a flagless pole and big windows
    c.rect(560, 380, 820, 260, P["rose"], op=0.85)
    c.rect(560, 380, 820, 260, P["indigo"], op=0.3)
    c.rect(540, 366, 860, 20, P["indigo2"])
    for r in range(2):
        for k in range(7):
            c.rect(600 + k * 112, 410 + r * 100, 80, 64, P["mist"], op=0.75)
            c.rect(638 + k * 112, 410 + r * 100, 4, 64, P["indigo"], op=0.6)
    c.rect(920, 540, 100, 100, P["indigo"])
    c.rect(966, 540, 8, 100, P["ink"], op=0.5)
    # small park with trees and a bench, to the right
    c.rect(0, 640, W, 60, P["teal"])
    for x, h in ((1440, 240), (1560, 300), (1680, 220), (360, 260), (250, 200)):
        tree(c, x, 660, h, P["teal"])
    c.rect(1500, 620, 120, 10, P["ink"]); c.rect(1510, 630, 8, 24, P["ink"]); c.rect(1602, 630, 8, 24, P["ink"])
    # the street
    c.rect(0, 700, W, 30, P["mist"], op=0.7)
    c.rect(0, 730, W, 350, c.lin([(0, P["indigo2"]), (1, P["ink"])], 0, 730, 0, H, user=True))
    for k in range(6):
        c.rect(k * 360 + 60, 820, 180, 8, P["paper"], op=0.12)
    moth(c, 1200, 300, 0.45, op=0.8)
    finish(c, floor=0.8, vig=0.35)
    return c


def costs():
    """A kitchen table under a lamp with a calculator, a folded school brochure and a small, neat stack of bills."""
    c = Canvas(503)
    c.rect(0, 0, W, H, P["indigo"])
    glow(c, 960, 380, 850, P["amber"], 0.32)
    # top-down table
    c.rect(300, 100, 1320, 760, P["indigo2"], rx=30)
    c.rect(300, 100, 1320, 760, c.rad([(0, P["amber"], 0.3), (1, P["amber"], 0)], 960, 420, 720), rx=30)
    calculator(c, 780, 420, 1.4, rot=-8)
    # folded school brochure (tri-fold, slightly open)
    c.poly([(900, 260), (1060, 250), (1070, 520), (905, 530)], P["paper"], op=0.95)
    c.poly([(1060, 250), (1200, 280), (1195, 540), (1070, 520)], P["mist"], op=0.95)
    c.rect(930, 290, 100, 70, P["teal"], op=0.7)               # a picture of a building, simplified
    c.poly([(930, 300), (980, 270), (1030, 300)], P["rose"], op=0.8)
    for r in range(6):
        c.rect(930, 380 + r * 18, 110 - (r == 5) * 40, 4, P["blue"], op=0.5)
    # small neat stack of bills
    for i in range(5):
        c.group(f"translate({1180 + i * 2} {640 - i * 5}) rotate(4)")
        c.rect(-110, -62, 220, 124, P["paper"], op=0.9)
        c.rect(-96, -48, 110, 6, P["blue"], op=0.5)
        c.end()
    c.group("translate(1188 620) rotate(4)")
    for r in range(5):
        c.rect(-96, -30 + r * 14, 150, 3, P["blue"], op=0.45)
    c.rect(40, 30, 50, 6, P["rose"], op=0.8)
    c.end()
    moth(c, 1180, 180, 0.5, op=0.8)
    finish(c, floor=0.85)
    return c


def work():
    """A quiet hotel corridor with patterned carpet, a row of closed doors and soft light from wall lamps."""
    c = Canvas(504)
    co = hotel_corridor(c)
    for d in (0.3, 1.6, 3.4, 5.8):
        co.door("L", d, d + 0.4 * (1 + d * 0.2), fill=P["indigo"])
        co.door("R", d, d + 0.4 * (1 + d * 0.2), fill=P["indigo"])
    moth(c, 960, 380, 0.35, op=0.6)
    finish(c, floor=0.95)
    return c


def knock():
    """A closed hotel room door seen from inside, a thin line of corridor light beneath it and the shadow of a pair of shoes on the other side."""
    c = Canvas(505)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=760, light=None)
    x, w = 810, 300
    door(c, x, 760, w, 560, color=P["indigo2"], frame=P["ink"])
    c.rect(x + 130, 420, 40, 70, P["ink"], op=0.6)                       # fire-escape plan plate, blank
    c.rect(0, 760, W, 320, P["rose"], op=0.12)                           # carpet
    line_of_light_under_door(c, x, 760, w, shoes_at=x + w / 2 + 20)
    moth(c, 1350, 330, 0.35, op=0.45)
    finish(c, floor=0.75)
    return c


def leave():
    """A single suitcase on the carpet beside a neatly made hotel bed, a window behind it showing a pale sky."""
    c = Canvas(506)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=780, light=None)
    x, y, w, h = 1160, 120, 460, 380
    c.rect(x, y, w, h, c.lin([(0, P["mist"]), (1, P["paper"])], 0, y, 0, y + h, user=True))
    cloud(c, x + 300, y + 120, 0.8, 0.5)
    window(c, x, y, w, h, bars=(1, 0))
    curtain(c, x - 100, y - 30, 140, h + 110, "left", P["blue"])
    glow(c, x + w / 2, y + h / 2, 700, P["paper"], 0.12)
    c.rect(0, 780, W, 300, P["rose"], op=0.12)
    hotel_bed(c, 640, 790, 720)
    suitcase(c, 1140, 790, 170, 250, P["blue"])
    moth(c, 1470, 240, 0.45, op=0.8)
    finish(c)
    return c


def second_hotel():
    """The lit entrance of another hotel seen from across a quiet street, two small figures walking towards it far away."""
    c = Canvas(507)
    sky(c, P["night"], P["indigo"], P["blue"])
    stars(c, 30, 200, op=0.3)
    c.rect(0, 300, 520, 420, P["ink"]); c.rect(1400, 260, 520, 460, P["ink"])
    hotel_facade(c, 520, 90, 880, 720)
    c.rect(0, 720, W, 30, P["dusk"], op=0.6)
    c.rect(0, 750, W, 330, P["ink"])
    c.ellipse(960, 780, 300, 20, P["amber2"], op=0.15)
    figure_back(c, 840, 740, 96, P["ink"])
    figure_back(c, 900, 742, 90, P["ink"])
    street_lamp(c, 300, 740, 380)
    moth(c, 1120, 250, 0.4, op=0.8)
    finish(c)
    return c


def arrest():
    """An open hotel room door onto a corridor, where the long shadows of several people fall across the carpet."""
    c = Canvas(508)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=760, light=None)
    c.rect(0, 760, W, 320, P["rose"], op=0.1)
    x, w, top = 780, 360, 180
    c.rect(x - 20, top - 20, w + 40, 760 - top + 20, P["ink"])
    # corridor seen through the doorway: far wall with a lamp, carpet
    c.rect(x, top, w, 760 - top, P["indigo2"])
    c.rect(x, 620, w, 140, P["rose"], op=0.45)
    glow(c, x + w / 2, 400, 300, P["amber2"], 0.55)
    c.ellipse(x + w / 2, 400, 14, 24, P["glow"])
    # long shadows across the corridor carpet and into the room (no people shown)
    for k, dx in enumerate((-110, -40, 40, 120)):
        c.poly([(x + w / 2 + dx - 14, 640), (x + w / 2 + dx + 14, 640), (x + w / 2 + dx * 3 + 60, 900), (x + w / 2 + dx * 3 + 10, 900)],
               P["ink"], op=0.55)
    # the door, swung into the room
    c.poly([(x + w, top), (x + w + 160, top - 40), (x + w + 160, 820), (x + w, 760)], P["indigo2"])
    c.poly([(x, 760), (x + w, 760), (x + w + 300, H), (x - 260, H)], P["amber2"], op=0.08)
    moth(c, 600, 300, 0.35, op=0.45)
    finish(c, floor=0.8)
    return c


def review():
    """A plain hearing room: a long table, a microphone, a row of chairs, one chair at the table left empty."""
    c = Canvas(509)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=760, light=None, warm=False)
    strip_light(c, 780, 40, 360)
    # row of chairs behind the long table (backs showing above it)
    for k in range(5):
        cx = 640 + k * 160
        c.rect(cx - 50, 430, 100, 120, P["ink"], op=0.8, rx=10)
    c.rect(480, 540, 960, 24, P["dusk"])
    c.rect(500, 564, 920, 200, P["indigo"])
    # microphone on the table
    c.rect(950, 490, 8, 50, P["ink"]); c.ellipse(954, 484, 12, 16, P["ink"])
    c.ellipse(954, 540, 30, 6, P["ink"])
    # the single chair in front of the table, left empty, in a pool of light
    glow(c, 960, 760, 300, P["paper"], 0.18)
    chair(c, 960, 840, 1.0, facing=1)
    moth(c, 1360, 300, 0.35, op=0.5)
    finish(c, floor=0.75)
    return c


def inside():
    """A narrow detention room in muted grey-blue light: a bare bench, a small high window and a food tray on a table."""
    c = Canvas(510)
    room(c, wall=P["dusk"], wall2=P["indigo2"], floor_y=760, light=None, warm=False)
    c.rect(0, 0, 440, H, P["ink"], op=0.5); c.rect(1480, 0, 440, H, P["ink"], op=0.5)   # narrow room
    high_window_beam(c, 860, 130, 200, 90, to_y=760, spread=200, op=0.06)
    metal_bench(c, 480, 760, 420, color=P["mist"])
    c.rect(1060, 580, 320, 18, P["mist"]); c.rect(1080, 598, 12, 162, P["ink"]); c.rect(1348, 598, 12, 162, P["ink"])
    # food tray, divided compartments
    c.poly([(1090, 578), (1350, 578), (1330, 556), (1110, 556)], P["paper"], op=0.7)
    c.poly([(1120, 574), (1200, 574), (1196, 562), (1126, 562)], P["amber"], op=0.7)
    c.poly([(1210, 574), (1320, 574), (1312, 562), (1206, 562)], P["rose"], op=0.6)
    c.ellipse(1250, 548, 30, 12, P["paper"], op=0.85)
    moth(c, 960, 300, 0.3, op=0.5, halo=False)
    finish(c)
    return c


def airport():
    """A large airport window looking out on a waiting plane, with an empty row of seats in the foreground."""
    c = Canvas(511)
    airport_window(c, dawn=True, plane_at=(980, 580))
    seat_row(c, 520, 880, 7, 110, rim=P["amber2"])
    moth(c, 1300, 220, 0.5, op=0.85)
    finish(c, floor=0.8)
    return c


SCENES = {"leaving": leaving, "visit": visit, "costs": costs, "work": work, "knock": knock, "leave": leave,
          "second-hotel": second_hotel, "arrest": arrest, "review": review, "inside": inside, "airport": airport}

if __name__ == "__main__":
    write_scenes(SCENES, "ashley", sys.argv[1:])
