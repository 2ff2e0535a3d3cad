"""Generate the attract-loop artwork and the chooser background."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from svgkit import P, W, H, Canvas, glow, moth, moth_trail, skyline, sky, stars, finish, moon  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "images")


def attract():
    c = Canvas(seed=7)
    sky(c, P["night"], P["indigo"], P["blue"], horizon=P["rose"])
    stars(c, 70, 520, op=0.45)
    # a warm haze over the city, right of centre
    glow(c, 1300, 760, 900, P["amber"], 0.22)
    # far skyline (soft blue), then near skyline (ink) with lit windows
    skyline(c, 800, hmin=80, hmax=260, color=P["indigo2"], lit=0.10, win_op=0.45)
    c.rng.seed(11)
    skyline(c, 860, hmin=60, hmax=330, color=P["ink"], lit=0.16, wmin=90, wmax=200)
    # a path of light rising from one lit window towards the upper right
    pts = [(1080 + i * 22, 600 - i * 14 - (i * i) * 0.9) for i in range(18)]
    moth_trail(c, pts, op=0.45)
    moth(c, 1500, 250, 1.6, rot=18)
    moth(c, 1250, 380, 0.9, rot=-12, op=0.8)
    moth(c, 1660, 470, 0.7, rot=30, op=0.65)
    moth(c, 880, 300, 0.45, rot=-25, op=0.45, halo=True)
    c.rect(0, 860, W, 220, P["ink"])
    finish(c, floor=0.9, vig=0.45)
    # keep the title area (centre-left) calm: a soft darkening
    c.rect(0, 0, W, H, c.rad([(0, P["night"], 0.45), (1, P["night"], 0)], 620, 470, 700))
    c.save(os.path.join(OUT, "attract.svg"))


def chooser():
    c = Canvas(seed=3)
    sky(c, P["bg"], P["night"], P["indigo"])
    # two faint horizontal bands of light, like a lamp through a curtain
    glow(c, 1560, 180, 760, P["amber"], 0.16)
    glow(c, 300, 980, 700, P["blue"], 0.35)
    for i, x in enumerate(range(1280, 1920, 70)):
        c.rect(x, 0, 36, H, P["paper"], op=0.018 + 0.006 * (i % 3))
    stars(c, 25, 1000, op=0.18)
    moth(c, 1690, 150, 0.8, rot=15, op=0.7)
    moth_trail(c, [(1460 + i * 20, 330 - i * 16 + (i % 2) * 4) for i in range(10)], op=0.3)
    finish(c, floor=0.5, vig=0.5)
    c.save(os.path.join(OUT, "chooser.svg"))


if __name__ == "__main__":
    attract()
    chooser()
