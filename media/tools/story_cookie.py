"""Cookie's story (stories/cookie.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa



def order():
    """An official envelope and a folded letter on a small table by a window, pale winter light falling across them."""
    c = Canvas(301)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=820, light=None)
    # winter window: pale sky, bare branches, snow on the sill
    x, y, w, h = 1120, 130, 460, 420
    c.rect(x, y, w, h, c.lin([(0, P["mist"]), (1, P["paper"])], 0, y, 0, y + h, user=True))
    for bx, by, L, a in ((1180, 550, 300, -70), (1260, 420, 120, -30), (1220, 320, 130, -110), (1400, 540, 220, -80)):
        import math as _m
        c.line(bx, by, bx + L * _m.cos(_m.radians(a)), by + L * _m.sin(_m.radians(a)), P["dusk"], 5, 0.6)
    for k in range(30):
        c.circle(x + c.rng.uniform(10, w - 10), y + c.rng.uniform(10, h - 10), c.rng.choice([2, 3]), P["paper"], op=0.7)
    window(c, x, y, w, h, bars=(1, 1))
    c.rect(x - 14, y + h + 8, w + 28, 8, P["paper"], op=0.6)
    # pale light falling across the table
    glow(c, 1200, 560, 700, P["paper"], 0.18)
    c.rect(520, 620, 780, 18, P["indigo"]); c.rect(520, 620, 780, 18, P["paper"], op=0.15)
    c.rect(550, 638, 18, 240, P["ink"]); c.rect(1252, 638, 18, 240, P["ink"])
    c.poly([(640, 618), (1280, 618), (1300, 600), (700, 600)], P["paper"], op=0.0)
    c.poly([(680, 616), (920, 616), (940, 596), (700, 596)], P["paper"], op=0.95)    # envelope flat on table
    c.poly([(700, 612), (760, 612), (766, 604), (706, 604)], P["mist"], op=0.6)
    c.poly([(890, 612), (910, 612), (916, 600), (896, 600)], P["blue"], op=0.6)
    c.poly([(960, 616), (1180, 616), (1160, 588), (990, 588)], P["paper"], op=0.85)   # folded letter, tented
    c.poly([(990, 588), (1160, 588), (1150, 578), (1000, 578)], P["mist"], op=0.8)
    moth(c, 1000, 300, 0.45, op=0.7)
    finish(c)
    return c


def questions():
    """A bare office desk, two chairs facing each other, a form and a pen on the desk, blinds half closed."""
    c = Canvas(302)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=760, light=None, warm=False)
    blinds(c, 760, 120, 400, 300, frac=0.5)
    glow(c, 960, 300, 700, P["mist"], 0.15)
    chair(c, 520, 800, 1.2, facing=-1)
    chair(c, 1400, 800, 1.2, facing=1)
    c.rect(660, 560, 600, 22, P["dusk"])
    c.rect(680, 582, 560, 200, P["indigo"])
    c.rect(690, 590, 30, 190, P["ink"], op=0.3)
    c.poly([(860, 560), (1010, 560), (1030, 546), (880, 546)], P["paper"], op=0.95)   # form
    c.poly([(885, 556), (990, 556), (996, 552), (890, 552)], P["blue"], op=0.5)
    c.line(1060, 556, 1140, 548, P["ink"], 6)                                          # pen
    moth(c, 1300, 260, 0.35, op=0.5)
    finish(c)
    return c


def arrest():
    """A telephone on a wall beside a closed grey door, its receiver hanging in place under flat fluorescent light."""
    c = Canvas(303)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=780, light=None, warm=False)
    c.rect(0, 0, W, 780, P["mist"], op=0.1)
    strip_light(c, 760, 40, 400)
    c.rect(0, 540, W, 10, P["ink"], op=0.3)
    heavy_door(c, 1000, 780, 280, 560, color=P["mist"], window=False)
    c.rect(1000, 220, 280, 560, P["indigo"], op=0.35)
    wall_phone(c, 790, 460, 1.2)
    moth(c, 560, 300, 0.35, op=0.45)
    finish(c)
    return c


def empty_room():
    """An empty room with bare walls, a single chair and a closed door, lit by a narrow strip of light from a small window."""
    c = Canvas(304)
    room(c, wall=P["indigo"], wall2=P["night"], floor_y=760, light=None, warm=False)
    c.rect(420, 170, 60, 220, P["mist"], op=0.8)
    c.rect(410, 160, 80, 10, P["ink"]); c.rect(410, 390, 80, 14, P["ink"])
    c.poly([(420, 390), (480, 390), (1200, 760), (1080, 760)], P["paper"], op=0.07)
    c.poly([(1090, 760), (1210, 760), (1420, 900), (1200, 900)], P["paper"], op=0.06)
    chair(c, 900, 800, 1.15)
    door(c, 1330, 760, 240, 500, color=P["indigo2"], frame=P["ink"])
    moth(c, 520, 300, 0.35, op=0.55)
    finish(c)
    return c


def first_night():
    """A bare wooden board against a cold concrete wall, a thin folded vest on it, faint blue night light from a high window."""
    c = Canvas(305)
    room(c, wall=P["indigo2"], wall2=P["night"], floor_y=760, light=None, warm=False)
    for k in range(6):                      # concrete block joints
        c.rect(0, 120 + k * 110, W, 3, P["ink"], op=0.25)
    high_window_beam(c, 1120, 120, 200, 90, to_y=760, spread=-500, op=0.06)
    glow(c, 1220, 170, 500, P["mist"], 0.15)
    wood = P["rose"]
    c.rect(440, 600, 900, 40, wood, op=0.75)
    c.rect(440, 600, 900, 40, P["ink"], op=0.35)
    c.rect(440, 640, 900, 20, P["ink"], op=0.8)
    c.rect(470, 660, 30, 100, P["ink"]); c.rect(1280, 660, 30, 100, P["ink"])
    c.rect(440, 616, 900, 2, P["ink"], op=0.3)
    # thin folded vest
    c.rect(760, 578, 200, 24, P["mist"], op=0.9, rx=6)
    c.rect(770, 568, 180, 14, P["paper"], op=0.6, rx=6)
    moth(c, 1240, 240, 0.3, op=0.5)
    finish(c)
    return c


def solitary():
    """A small, empty cell seen through the narrow window of a heavy door, a bench and a square of light on the floor."""
    c = Canvas(306)
    c.rect(0, 0, W, H, P["dusk"])
    c.rect(0, 0, W, H, c.lin([(0, P["paper"], 0.06), (1, P["ink"], 0.5)], 0, 0, 0, H, user=True))
    for k in range(8):
        c.circle(560, 120 + k * 120, 8, P["ink"], op=0.35)
        c.circle(1360, 120 + k * 120, 8, P["ink"], op=0.35)
    # the narrow window: the cell beyond, drawn inside the window rectangle
    x, y, w, h = 860, 200, 200, 420
    c.rect(x - 24, y - 24, w + 48, h + 48, P["ink"])
    c.rect(x, y, w, h, P["teal"])
    c.rect(x, y + h * 0.62, w, h * 0.38, P["indigo"])
    c.rect(x, y, w, h, P["mist"], op=0.12)
    c.poly([(x + 40, y + h * 0.78), (x + 130, y + h * 0.78), (x + 150, y + h * 0.9), (x + 30, y + h * 0.9)], P["paper"], op=0.35)
    c.rect(x + 10, y + h * 0.55, w - 20, 12, P["dusk"])
    c.rect(x + 20, y + h * 0.55 + 12, 8, 40, P["ink"]); c.rect(x + w - 28, y + h * 0.55 + 12, 8, 40, P["ink"])
    c.rect(x + 120, y + 40, 50, 34, P["paper"], op=0.45)
    c.rect(x, y, w, h, c.lin([(0, P["paper"], 0.12), (1, P["paper"], 0)], 0, 0, 1, 1))   # glass
    c.rect(x + w / 2 - 2, y, 4, h, P["ink"], op=0.4)
    c.rect(1080, 540, 120, 30, P["ink"], op=0.8)       # handle
    moth(c, 1330, 260, 0.35, op=0.5)
    finish(c, floor=0.85)
    return c


def thirty_five_days():
    """A long, pale institutional corridor with a row of identical closed doors fading into the distance."""
    c = Canvas(307)
    co = Corridor(c, wall=P["mist"], wall_far=P["dusk"], floor=P["dusk"], ceiling=P["indigo2"], end=P["dusk"], D=14)
    co.floor_bands(1.0, (P["mist"], P["dusk"]), 0.15)
    co.ceiling_lights(1.6, 0.5, warm=False)
    d = 0.3
    while d < 12:
        co.door("L", d, d + 0.45 * (1 + d * 0.2), fill=P["indigo2"], knob=True)
        co.door("R", d, d + 0.45 * (1 + d * 0.2), fill=P["indigo2"], knob=True)
        d += 0.9 * (1 + d * 0.25)
    # fade into the distance
    glow(c, 960, 430, 600, P["mist"], 0.45)
    moth(c, 960, 380, 0.3, op=0.5, halo=False)
    finish(c)
    return c


SCENES = {"order": order, "questions": questions, "arrest": arrest, "empty-room": empty_room,
          "first-night": first_night, "solitary": solitary, "thirty-five-days": thirty_five_days}

if __name__ == "__main__":
    write_scenes(SCENES, "cookie", sys.argv[1:])
