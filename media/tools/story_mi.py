"""Mi's story (stories/mi.yaml): one function per scene, drawn from the scene's English alt text."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa



def map_on_wall(c, back=False):
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=900, light=(960, 260))
    x, y, w, h = 400, 150, 1120, 600
    c.rect(x + 10, y + 14, w, h, P["ink"], op=0.4)
    c.rect(x, y, w, h, P["paper"], op=0.8)
    c.rect(x, y, w, h, c.lin([(0, P["mist"], 0.25), (1, P["mist"], 0)], 0, y, 0, y + h, user=True))
    for px in (x + 20, x + w - 20):
        c.circle(px, y + 20, 7, P["rose"])
    world_map(c, 960, 470, 0.9, P["dusk"], 0.6)
    # Asia (left) -> Canada (right): an arc over the Pacific
    a, b = (960 - 0.9 * 360, 470 - 0.9 * 110), (960 + 0.9 * 400, 470 - 0.9 * 170)
    pts = []
    for i in range(26):
        t = i / 25
        px = a[0] + (b[0] - a[0]) * t
        py = a[1] + (b[1] - a[1]) * t - math.sin(t * math.pi) * (150 if not back else -70)
        pts.append((px, py))
    if back:
        pts = pts[::-1]
        c.circle(pts[0][0], pts[0][1], 8, P["rose"], op=0.5)
    else:
        c.circle(pts[0][0], pts[0][1], 8, P["rose"], op=0.7)
    for i, (px, py) in enumerate(pts[:-1]):
        c.circle(px, py, 4.5, P["rose"], op=0.85)
    ex, ey = pts[-1]
    c.circle(ex, ey, 10, P["amber"])
    return ex, ey


def arrival():
    """A simple world map on a wall, a thin dotted line running across the ocean from Asia to Canada."""
    c = Canvas(601)
    ex, ey = map_on_wall(c)
    moth(c, ex + 30, ey - 60, 0.55, rot=15)
    finish(c, floor=0.75)
    return c


def release():
    """The same world map, now with the dotted line running back across the ocean from Canada to Asia."""
    c = Canvas(601)
    ex, ey = map_on_wall(c, back=True)
    moth(c, ex - 30, ey - 60, 0.5, rot=-15, op=0.85)
    finish(c, floor=0.75)
    return c


def team():
    """A small meeting room, two chairs at a bare table and a paper cup of water. The door is half open onto a bright corridor."""
    c = Canvas(602)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=760, light=None, warm=False)
    # half-open door, right
    x, w, top = 1160, 240, 240
    c.rect(x - 16, top - 16, w + 32, 760 - top + 16, P["ink"])
    c.rect(x, top, w, 760 - top, c.lin([(0, P["paper"]), (1, P["mist"])], 0, top, 0, 760, user=True))
    glow(c, x + w / 2, 480, 520, P["paper"], 0.2)
    c.poly([(x + w * 0.5, top), (x - 30, top - 30), (x - 30, 800), (x + w * 0.5, 760)], P["dusk"])
    c.poly([(x + w * 0.5, 760), (x + w, 760), (x + w + 200, H), (x - 60, H)], P["paper"], op=0.1)
    # bare table and two chairs
    chair(c, 470, 800, 1.1, facing=-1)
    chair(c, 980, 800, 1.1, facing=1)
    c.rect(540, 580, 380, 18, P["dusk"])
    c.rect(560, 598, 14, 200, P["ink"]); c.rect(886, 598, 14, 200, P["ink"])
    c.path("M738 580 L782 580 L790 520 L730 520 Z", P["paper"], op=0.95)          # paper cup
    c.ellipse(760, 520, 30, 6, P["mist"])
    moth(c, 760, 300, 0.35, op=0.55)
    finish(c)
    return c


def questions():
    """A single lamp lights a table with an open notepad and a pen. The rest of the room falls away into shadow."""
    c = Canvas(603)
    c.rect(0, 0, W, H, P["ink"])
    glow(c, 960, 560, 700, P["amber"], 0.35)
    c.ellipse(960, 640, 560, 140, P["indigo2"], op=0.9)
    c.ellipse(960, 640, 560, 140, c.rad([(0, P["amber"], 0.35), (1, P["amber"], 0)], 960, 640, 560))
    # lamp above (only its shade visible)
    c.line(960, 0, 960, 170, P["indigo"], 3)
    c.path("M880 250 L1040 250 L1000 170 L920 170 Z", P["indigo2"])
    c.ellipse(960, 252, 80, 10, P["glow"])
    c.poly([(880, 252), (1040, 252), (1500, 700), (420, 700)], P["amber2"], op=0.06)
    # open notepad (two pages) and a pen
    c.poly([(780, 660), (960, 668), (960, 580), (800, 574)], P["paper"], op=0.95)
    c.poly([(960, 668), (1140, 660), (1120, 574), (960, 580)], P["paper"], op=0.88)
    for r in range(5):
        c.poly([(812, 592 + r * 14), (940, 596 + r * 14), (940, 599 + r * 14), (812, 595 + r * 14)], P["blue"], op=0.4)
    c.rect(956, 576, 8, 94, P["ink"], op=0.3)
    c.line(1170, 660, 1290, 620, P["ink"], 8)
    c.line(1170, 660, 1184, 655, P["amber"], 8)
    moth(c, 1150, 360, 0.45, op=0.8)
    finish(c, floor=0.8, vig=0.6)
    return c


def transfer():
    """A printed money transfer receipt on a table beside a few coins, in grey daylight from a window."""
    c = Canvas(604)
    c.rect(0, 0, W, H, P["indigo2"])
    c.poly([(0, 0), (900, 0), (1500, H), (0, H)], P["mist"], op=0.14)        # grey daylight across the table
    c.rect(0, 0, W, H, c.lin([(0, P["mist"], 0.15), (1, P["ink"], 0.2)], 0, 0, 1, 1))
    # receipt (long narrow slip, from above)
    c.group("translate(900 430) rotate(-6)")
    c.rect(-120 + 8, -300 + 10, 240, 600, P["ink"], op=0.35)
    c.rect(-120, -300, 240, 600, P["paper"], op=0.95)
    c.rect(-80, -270, 160, 14, P["blue"], op=0.6)
    for r in range(18):
        yy = -230 + r * 24
        c.rect(-96, yy, 110, 4, P["ink"], op=0.4)
        c.rect(40, yy, 56, 4, P["ink"], op=0.4)
    c.rect(-96, 210, 192, 2, P["ink"], op=0.5)
    c.rect(20, 228, 76, 8, P["ink"], op=0.6)
    for k in range(12):
        c.rect(-90 + k * 14, 262, 6 + (k % 3) * 2, 24, P["ink"], op=0.5)
    c.end()
    for x, y in ((1160, 560), (1210, 600), (1250, 540), (1200, 520)):
        c.circle(x, y, 28, P["amber"], op=0.9); c.circle(x, y, 20, P["amber2"], op=0.5)
    moth(c, 1340, 260, 0.45, op=0.7)
    finish(c, floor=0.85)
    return c


def held():
    """A small barred window high on a concrete wall. Evening light falls across an empty metal bench below it."""
    c = Canvas(605)
    room(c, wall=P["indigo2"], wall2=P["night"], floor_y=760, light=None, warm=False)
    for k in range(6):
        c.rect(0, 120 + k * 110, W, 3, P["ink"], op=0.25)
    x, y, w, h = 860, 140, 200, 130
    c.rect(x, y, w, h, c.lin([(0, P["rose"]), (1, P["amber2"])], 0, y, 0, y + h, user=True))
    for i in range(1, 5):
        c.rect(x + w * i / 5 - 3, y, 6, h, P["ink"])
    c.rect(x - 12, y - 12, w + 24, 12, P["ink"]); c.rect(x - 12, y + h, w + 24, 14, P["ink"])
    glow(c, x + w / 2, y + h / 2, 400, P["amber2"], 0.3)
    c.poly([(x, y + h), (x + w, y + h), (x + w + 300, 640), (x + 240, 640)], P["amber2"], op=0.1)
    metal_bench(c, 620, 760, 680, color=P["mist"])
    c.rect(1000, 638, 320, 8, P["amber2"], op=0.4)                # evening light across the bench
    moth(c, 1120, 330, 0.35, op=0.6)
    finish(c)
    return c


def collect_call():
    """A wall-mounted phone in a plain institutional hallway, receiver on the hook; a few wrapped candies on the small shelf beneath it."""
    c = Canvas(606)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=780, light=None, warm=False)
    strip_light(c, 700, 40, 500)
    c.rect(0, 520, W, 10, P["ink"], op=0.3)
    c.rect(1400, 200, 240, 580, P["indigo"], op=0.6)                 # a far doorway
    wall_phone(c, 980, 340, 1.9)
    c.rect(800, 560, 360, 20, P["dusk"])
    c.rect(812, 580, 336, 10, P["ink"], op=0.5)
    wrapped_candy(c, 880, 544, 1.3, P["rose"], 10)
    wrapped_candy(c, 980, 546, 1.3, P["amber"], -8)
    wrapped_candy(c, 1080, 544, 1.3, P["paper"], 4)
    moth(c, 1160, 300, 0.4, op=0.7)
    finish(c)
    return c


def review():
    """An empty hearing room seen from the back row: a long table at the front, and a tall window with its blinds closed."""
    c = Canvas(607)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=640, light=None, warm=False)
    blinds(c, 1100, 80, 200, 380, frac=1.0, slat=20)
    strip_light(c, 520, 30, 320)
    c.rect(560, 470, 800, 20, P["dusk"])
    c.rect(580, 490, 760, 150, P["indigo"])
    chair_rows_back(c, 960, 900, rows=3, per=6, w=140)
    moth(c, 700, 260, 0.35, op=0.5)
    finish(c, floor=0.8)
    return c


def friends():
    """A kitchen table in warm lamplight, set with several mismatched cups and a bowl of fruit, empty chairs around it."""
    c = Canvas(608)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=800, light=None)
    ceiling_lamp(c, 960, 0, 220, r=760)
    chair(c, 500, 820, 1.1, facing=-1)
    chair(c, 1420, 820, 1.1, facing=1)
    for x in (760, 1160):                                  # chair backs behind the table
        c.rect(x - 60, 440, 120, 20, P["ink"]); c.rect(x - 60, 440, 12, 160, P["ink"]); c.rect(x + 48, 440, 12, 160, P["ink"])
        c.rect(x - 60, 500, 120, 10, P["ink"])
    c.rect(560, 600, 800, 22, P["amber"], op=0.5)
    c.rect(560, 622, 800, 30, P["ink"])
    c.rect(600, 652, 16, 160, P["ink"]); c.rect(1304, 652, 16, 160, P["ink"])
    fruit_bowl(c, 960, 600, 1.0)
    mug(c, 700, 600, 0.9, P["rose"]); mug(c, 810, 600, 0.75, P["paper"])
    cup(c, 1120, 600, 0.6, steam=False, color=P["mist"]); mug(c, 1230, 600, 0.85, P["amber2"])
    moth(c, 1150, 280, 0.45, op=0.85)
    finish(c)
    return c


def friend_detained():
    """A printed photograph lies face down on a wooden table, so that only its plain white back can be seen."""
    c = Canvas(609)
    c.rect(0, 0, W, H, P["indigo"])
    wood = P["rose"]
    c.rect(0, 0, W, H, wood, op=0.35)
    for k in range(12):
        c.rect(0, 60 + k * 90, W, 3, P["ink"], op=0.18)
    glow(c, 960, 420, 800, P["amber"], 0.2)
    c.group("translate(960 430) rotate(7)")
    c.rect(-200 + 10, -140 + 12, 400, 280, P["ink"], op=0.4)
    c.rect(-200, -140, 400, 280, P["paper"], op=0.95)
    c.end()
    moth(c, 1330, 250, 0.45, op=0.75)
    finish(c, floor=0.85)
    return c


def money():
    """A sealed clear plastic bag on a shelf, holding a phone and a folded bundle of banknotes, with a blank label."""
    c = Canvas(610)
    room(c, wall=P["teal"], wall2=P["indigo"], floor_y=900, light=None, warm=False)
    strip_light(c, 760, 40, 400)
    c.rect(380, 640, 1160, 22, P["dusk"]); c.rect(380, 662, 1160, 10, P["ink"], op=0.6)
    # the bag
    bx, by, bw, bh = 760, 300, 400, 340
    c.rect(bx + 40, by + 110, 120, 220, P["ink"], rx=14)                 # phone
    c.rect(bx + 52, by + 126, 96, 186, P["indigo2"], rx=6)
    c.group(f"translate({bx + 270} {by + 250}) rotate(-8)")                # folded banknotes
    c.rect(-90, -40, 180, 80, P["teal"], rx=4); c.rect(-90, -40, 180, 80, P["mist"], op=0.4, rx=4)
    c.rect(-90, -6, 180, 4, P["ink"], op=0.3); c.circle(40, -20, 14, P["mist"], op=0.6)
    c.end()
    c.rect(bx, by, bw, bh, P["mist"], op=0.2, rx=10)                     # clear plastic
    c.rect(bx, by, bw, bh, "none", stroke=P["paper"], sw=3, rx=10)
    c.rect(bx, by, bw, 30, P["paper"], op=0.35)                          # the seal strip
    c.line(bx + 30, by + 60, bx + 60, by + bh - 30, P["paper"], 4, 0.35)
    c.rect(bx + bw - 170, by + 48, 140, 70, P["paper"], op=0.95)         # blank label
    moth(c, 1320, 300, 0.35, op=0.55)
    finish(c)
    return c


def owed():
    """An unpaid bill on a small kitchen table, beside a pen and a cup of tea, in quiet afternoon light."""
    c = Canvas(611)
    room(c, wall=P["indigo2"], wall2=P["indigo"], floor_y=820, light=None)
    x, y, w, h = 1200, 140, 360, 340
    night_window_view(c, x, y, w, h, dawn=True, city=True)
    window(c, x, y, w, h, bars=(1, 0))
    c.poly([(x, y + h), (x + w, y + h), (x + 120, 640), (x - 480, 640)], P["amber2"], op=0.1)
    glow(c, 1100, 560, 700, P["amber2"], 0.18)
    c.rect(560, 620, 780, 20, P["indigo"]); c.rect(560, 620, 780, 20, P["amber2"], op=0.2)
    c.rect(590, 640, 16, 200, P["ink"]); c.rect(1294, 640, 16, 200, P["ink"])
    c.poly([(720, 618), (960, 618), (990, 596), (760, 596)], P["paper"], op=0.95)       # bill, flat
    c.poly([(900, 614), (950, 614), (958, 606), (908, 606)], P["rose"], op=0.9)         # amount box
    c.line(1000, 614, 1100, 604, P["ink"], 7)
    cup(c, 1180, 620, 0.75)
    moth(c, 1420, 240, 0.45, op=0.8)
    finish(c)
    return c


SCENES = {"arrival": arrival, "team": team, "questions": questions, "transfer": transfer, "held": held,
          "collect-call": collect_call, "review": review, "friends": friends, "release": release,
          "friend-detained": friend_detained, "money": money, "owed": owed}

if __name__ == "__main__":
    write_scenes(SCENES, "mi", sys.argv[1:])
