"""Dorothy's story (stories/dorothy.yaml): one function per scene, drawn from the scene's English alt text."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import *  # noqa
from figures import *  # noqa
from objects import *  # noqa
from furniture import *  # noqa
from scenes import *  # noqa


def robbed():
    """A closed apartment door seen from inside at night. Its chain lock is fastened, and a thin line of hallway light shows beneath it."""
    c = Canvas(1446)
    back_wall(c, 790, P["ink"], P["indigo"], P["indigo"], P["ink"])
    glow(c, 960, 800, 700, P["amber"], 0.1)
    # a small window on the left wall onto the night, far from the door
    wx, wy = 300, 250
    c.rect(wx, wy, 200, 260, vgrad(c, [(0, P["night"]), (1, P["blue"])], wy, wy + 260))
    for (x, y) in ((330, 420), (380, 400), (440, 440)):
        c.rect(x, y, 40, 90, P["ink"], op=0.9)
    c.rect(392, 430, 6, 8, P["amber2"], op=0.6)
    for (x, y, w, h) in ((wx - 14, wy - 14, 228, 14), (wx - 14, wy + 260, 228, 22), (wx - 14, wy, 14, 260), (wx + 200, wy, 14, 260), (wx + 97, wy, 6, 260)):
        c.rect(x, y, w, h, P["ink"])
    # the door
    dx, dw, dh, fy = 820, 280, 560, 790
    panel_door(c, dx, fy, dw, dh, P["indigo"])
    # the thin line of hallway light beneath it, and its spill on the floor
    glow(c, dx + dw / 2, fy + 4, 260, P["amber2"], 0.35)
    c.rect(dx + 4, fy - 5, dw - 8, 5, P["glow"], op=0.9)
    c.poly([(dx, fy + 4), (dx + dw, fy + 4), (dx + dw + 80, fy + 40), (dx - 80, fy + 40)], P["amber2"], op=0.1)
    # locks: a deadbolt, a second bolt, and the fastened chain
    lx = dx + dw - 40
    c.rect(lx - 12, fy - 380, 24, 36, P["ink"], rx=4); c.rect(lx - 4, fy - 372, 8, 20, P["amber"], op=0.5)
    c.rect(lx - 12, fy - 316, 24, 36, P["ink"], rx=4); c.rect(lx - 4, fy - 308, 8, 20, P["amber"], op=0.5)
    # chain: track on the door, a few links hanging in a short curve to the slide on the frame
    c.rect(dx + dw - 110, fy - 452, 58, 12, P["ink"], rx=4)
    c.rect(dx + dw + 2, fy - 458, 14, 24, P["ink"], rx=3)
    for i in range(7):
        t = i / 6
        x = lerp(dx + dw - 60, dx + dw + 8, t)
        y = fy - 446 + 26 * 4 * t * (1 - t)
        c.ellipse(x, y, 6, 3.5, "none", stroke=P["mist"], sw=2, rot=(30 if i % 2 else -30))
    # the motif: dim and small, high on the wall
    motif(c, 1340, 330, 0.4, rot=14, op=0.45)
    finish(c, floor=0.85, vig=0.6)
    return c


def no_police():
    """A long, quiet corridor lined with closed doors and a single empty bench, under flat overhead light."""
    c = Canvas(1726)
    vp = (960, 460)
    far = (880, 380, 1040, 540)
    corridor(c, vp, far, wall=P["indigo2"], floor=P["teal"], light=P["mist"])
    # flat overhead light: square ceiling panels receding
    for t in (0.18, 0.42, 0.6, 0.73, 0.82, 0.88):
        a = persp(vp, (620, 0), t); b = persp(vp, (1300, 0), t)
        a2 = persp(vp, (620, 0), t + 0.05); b2 = persp(vp, (1300, 0), t + 0.05)
        c.poly([a, b, b2, a2], P["paper"], op=round(0.55 - 0.3 * t, 2))
    glow(c, 960, 300, 800, P["mist"], 0.12)
    # rows of closed doors on both sides
    for t0 in (0.04, 0.3, 0.5, 0.64, 0.74, 0.81):
        t1 = t0 + (0.5 - t0 * 0.55) * 0.36
        side_door(c, vp, 0, t0, t1, 140, 1080, color=P["indigo"])
        side_door(c, vp, W, t0 + 0.08, t1 + 0.05, 140, 1080, color=P["indigo"])
    # far end: a closed door
    c.rect(936, 450, 48, 90, P["ink"]); c.rect(940, 454, 40, 86, P["indigo"])
    # a single empty bench along the right wall, between two doors
    def p3(t, d, h):
        return persp(vp, (W - d, H - h), t)
    s0, s1, sh, sd = 0.475, 0.57, 150, 100
    for t in (s0 + 0.012, s1 - 0.012):
        c.poly([p3(t, sd - 14, sh - 20), p3(t + 0.006, sd - 14, sh - 20), p3(t + 0.006, sd - 14, 0), p3(t, sd - 14, 0)], P["ink"])
        c.poly([p3(t, 12, sh - 20), p3(t + 0.006, 12, sh - 20), p3(t + 0.006, 12, 0), p3(t, 12, 0)], P["ink"], op=0.8)
    c.poly([p3(s0, 0, sh), p3(s1, 0, sh), p3(s1, sd, sh), p3(s0, sd, sh)], P["dusk"])
    c.poly([p3(s0, sd, sh), p3(s1, sd, sh), p3(s1, sd, sh - 20), p3(s0, sd, sh - 20)], P["ink"])
    c.poly([p3(s0, 0, 0), p3(s1, 0, 0), p3(s1, sd, 0), p3(s0, sd, 0)], P["ink"], op=0.3)
    motif(c, 1010, 420, 0.34, rot=10, op=0.45)
    finish(c, floor=0.85, vig=0.55)
    return c


SCENES = {"robbed": robbed, "no-police": no_police}

if __name__ == "__main__":
    write_scenes(SCENES, "dorothy", sys.argv[1:])
