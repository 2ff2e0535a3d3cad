"""Reusable settings for the story scenes, built on svgkit. Each returns the Canvas
so story scripts can add specific objects before calling finish()."""
from __future__ import annotations

import math

from svgkit import (P, W, H, Canvas, door, figure_back, figure_seated_back, glow, lamp_table, moon, moth,
                    moth_trail, paper, phone, plane, rain, skyline, sky, stars, suitcase, window, hand, f)


# ----------------------------------------------------------------------------- interiors

def room(c: Canvas, wall=P["indigo"], wall2=P["night"], floor_y=760, floor=P["ink"], light=(960, 420), warm=True):
    """A plain frontal room: wall gradient, floor, one light source."""
    c.rect(0, 0, W, floor_y, c.lin([(0, wall2), (1, wall)], 0, 0, 0, floor_y, user=True))
    if light:
        glow(c, light[0], light[1], 900, P["amber"] if warm else P["mist"], 0.22 if warm else 0.16)
    c.rect(0, floor_y, W, H - floor_y, c.lin([(0, P["indigo"] if warm else P["teal"]), (1, floor)], 0, floor_y, 0, H, user=True))
    c.rect(0, floor_y - 4, W, 8, P["ink"], op=0.6)
    return c


def night_window_view(c: Canvas, x, y, w, h, seed=5, moon_at=None, city=True, rainy=False, dawn=False):
    """What is seen through a window: night sky and city, drawn inside the rect (no clipping: keep it inside)."""
    top, low = (P["night"], P["blue"]) if not dawn else (P["indigo2"], P["rose"])
    c.rect(x, y, w, h, c.lin([(0, top), (1, low)], 0, y, 0, y + h, user=True))
    rng = c.rng
    for _ in range(int(w * h / 9000)):
        c.circle(x + rng.uniform(8, w - 8), y + rng.uniform(8, h * 0.5), rng.choice([1.2, 1.8]), P["paper"], op=round(rng.uniform(0.2, 0.6), 2))
    if moon_at:
        mx, my = moon_at
        c.circle(mx, my, 28, P["paper"], op=0.9)
        c.circle(mx, my, 70, c.rad([(0, P["paper"], 0.25), (1, P["paper"], 0)], mx, my, 70))
    if city:
        bx = x
        base = y + h
        while bx < x + w - 10:
            bw = min(rng.uniform(40, 110), x + w - bx)
            bh = rng.uniform(h * 0.12, h * 0.45)
            c.rect(bx, base - bh, bw, bh, P["indigo2"] if rng.random() < 0.5 else P["ink"])
            for k in range(int(bw // 18)):
                for r in range(int(bh // 24)):
                    if rng.random() < 0.15:
                        c.rect(bx + 6 + k * 18, base - bh + 8 + r * 24, 7, 10, P["amber2"], op=0.7)
            bx += bw + rng.uniform(0, 6)
    if rainy:
        rain(c, int(w * h / 6000), 0.25, x, x + w, y, y + h - 20)


def table(c: Canvas, y=720, x0=-20, x1=W + 20, top=P["indigo2"], front=P["ink"]):
    c.rect(x0, y, x1 - x0, 16, top)
    c.rect(x0, y + 16, x1 - x0, H - y, front)


def cup(c: Canvas, x, y_table, s=1.0, steam=True, color=P["paper"]):
    c.group(f"translate({f(x)} {f(y_table)}) scale({s:.3f})")
    c.ellipse(0, -2, 70, 12, P["ink"], op=0.5)
    c.path("M-46 -100 L46 -100 C 46 -40 34 -4 0 -4 C -34 -4 -46 -40 -46 -100 Z", color, op=0.92)
    c.path("M44 -84 C 74 -84 74 -40 38 -36", "none", stroke=color, sw=8, op=0.9, cap="round")
    c.ellipse(0, -100, 46, 9, P["amber"], op=0.8)
    if steam:
        for dx in (-14, 10):
            c.path(f"M{dx} -120 C {dx-14} -140 {dx+14} -160 {dx} -180 C {dx-12} -196 {dx+6} -210 {dx} -224",
                   "none", stroke=P["paper"], sw=4, op=0.25, cap="round")
    c.end()


def chair(c: Canvas, x, y_floor, s=1.0, color=P["ink"], op=None, facing=1):
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s*facing)} {f(s)})")
    c.rect(-60, -150, 120, 14, color, op=op)          # seat
    c.rect(-58, -136, 10, 136, color, op=op)          # legs
    c.rect(48, -136, 10, 136, color, op=op)
    c.rect(48, -330, 12, 190, color, op=op)           # back post
    c.rect(-58, -330, 12, 180, color, op=op)
    c.rect(-58, -330, 118, 22, color, op=op)
    c.rect(-58, -270, 118, 10, color, op=op)
    c.end()


def bed_made(c: Canvas, x, y_floor, w=560, color=P["indigo2"], sheet=P["dusk"]):
    """An empty, neatly made bed (no people)."""
    c.rect(x, y_floor - 170, 20, 170, P["ink"])
    c.rect(x + w - 20, y_floor - 110, 20, 110, P["ink"])
    c.rect(x + 10, y_floor - 110, w - 20, 50, color, rx=10)
    c.rect(x + 10, y_floor - 112, w - 20, 18, sheet, rx=8)
    c.rect(x + 40, y_floor - 140, 130, 34, P["paper"], op=0.75, rx=14)
    c.rect(x + 200, y_floor - 124, w - 230, 30, sheet, op=0.85, rx=6)


def ceiling_lamp(c: Canvas, x, y=0, drop=180, warm=True, r=600):
    col = P["amber2"] if warm else P["mist"]
    c.line(x, y, x, y + drop, P["ink"], 3)
    glow(c, x, y + drop + 20, r, col, 0.35)
    c.path(f"M{f(x-50)} {f(y+drop+30)} L{f(x+50)} {f(y+drop+30)} L{f(x+22)} {f(y+drop)} L{f(x-22)} {f(y+drop)} Z", P["ink"])
    c.ellipse(x, y + drop + 32, 40, 8, P["glow"] if warm else P["paper"], op=0.9)


def strip_light(c: Canvas, x, y, w=360):
    """A fluorescent ceiling strip: institutional, cold."""
    glow(c, x + w / 2, y + 60, w * 1.6, P["mist"], 0.22)
    c.rect(x, y, w, 16, P["paper"], op=0.85, rx=4)


def high_window_beam(c: Canvas, x, y, w=220, h=110, to_y=760, spread=240, op=0.12):
    """Small high window with a soft beam falling into the room."""
    c.rect(x, y, w, h, P["mist"], op=0.7)
    for i in range(1, 4):
        c.rect(x + w * i / 4 - 3, y, 6, h, P["ink"], op=0.85)
    c.rect(x - 10, y - 10, w + 20, 10, P["ink"])
    c.rect(x - 10, y + h, w + 20, 12, P["ink"])
    c.poly([(x, y + h), (x + w, y + h), (x + w + spread, to_y), (x + spread * 0.2, to_y)], P["paper"], op=op)


def blue_light_wash(c: Canvas, x, y, r=700, op=0.3):
    """The only trace of a police car: a cold blue light on a wall."""
    glow(c, x, y, r, P["mist"], op)
    glow(c, x, y, r * 0.5, P["dusk"], op)


# ----------------------------------------------------------------------------- exteriors

def night_street(c: Canvas, ground=800, seed_shift=0, lamps=(560, 1380), rainy=False, wet=True):
    sky(c, P["night"], P["indigo"], P["blue"])
    stars(c, 40, 380, op=0.35)
    skyline(c, ground - 60, hmin=200, hmax=460, color=P["indigo2"], lit=0.1, win_op=0.5)
    skyline(c, ground, hmin=140, hmax=360, color=P["ink"], lit=0.2, wmin=140, wmax=260)
    c.rect(0, ground, W, H - ground, P["ink"])
    if wet:
        for lx in lamps:
            c.ellipse(lx, ground + 60, 160, 18, P["amber2"], op=0.14)
    for lx in lamps:
        street_lamp(c, lx, ground)
    if rainy:
        rain(c, 160, 0.22)


def street_lamp(c: Canvas, x, ground, h=420):
    glow(c, x, ground - h + 20, 320, P["amber2"], 0.45)
    c.rect(x - 5, ground - h, 10, h, P["ink"])
    c.path(f"M{f(x)} {f(ground-h)} C {f(x)} {f(ground-h-30)} {f(x+50)} {f(ground-h-30)} {f(x+60)} {f(ground-h-10)}", "none", stroke=P["ink"], sw=8)
    c.path(f"M{f(x+38)} {f(ground-h-12)} L{f(x+82)} {f(ground-h-12)} L{f(x+70)} {f(ground-h+6)} L{f(x+50)} {f(ground-h+6)} Z", P["ink"])
    c.ellipse(x + 60, ground - h + 8, 14, 5, P["glow"])


def airport_window(c: Canvas, dawn=True, plane_at=(1160, 560), floor_y=800):
    """Departure hall: tall glass wall onto the runway, a row of seats."""
    top, mid, low = (P["indigo"], P["blue"], P["rose"]) if dawn else (P["night"], P["indigo"], P["blue"])
    c.rect(0, 0, W, floor_y, c.lin([(0, top), (0.7, mid), (1, low)], 0, 0, 0, 640, user=True))
    if dawn:
        glow(c, 1500, 640, 700, P["amber2"], 0.3)
    c.rect(0, 640, W, floor_y - 640, P["indigo"])
    for i in range(12):
        c.rect(i * 170, 700, 90, 6, P["amber2"], op=0.35)
    if plane_at:
        plane(c, plane_at[0], plane_at[1], 2.2, rot=0, color=P["ink"], op=1)
    # mullions
    for x in range(0, W + 1, 320):
        c.rect(x - 9, 0, 18, floor_y, P["ink"])
    c.rect(0, 0, W, 40, P["ink"])
    c.rect(0, 300, W, 10, P["ink"], op=0.9)
    c.rect(0, floor_y, W, H - floor_y, P["ink"])


def seat_row(c: Canvas, x0, y_floor, n=5, w=110, color=P["ink"], gap=10, rim=None):
    for i in range(n):
        x = x0 + i * (w + gap)
        if rim:
            c.rect(x - 2, y_floor - 153, w + 4, 12, rim, op=0.5, rx=8)
        c.rect(x, y_floor - 150, w, 90, color, rx=8)
        c.rect(x, y_floor - 70, w, 16, color, rx=4)
    c.rect(x0, y_floor - 56, n * (w + gap), 10, color)
    c.rect(x0 + 20, y_floor - 56, 10, 56, color)
    c.rect(x0 + n * (w + gap) - 40, y_floor - 56, 10, 56, color)


def sea_horizon(c: Canvas, y=640, dawn=False):
    top, mid, low = (P["night"], P["indigo"], P["rose"]) if dawn else (P["night"], P["indigo"], P["blue"])
    c.rect(0, 0, W, y, c.lin([(0, top), (0.7, mid), (1, low)], 0, 0, 0, y, user=True))
    c.rect(0, y, W, H - y, c.lin([(0, P["blue"]), (1, P["ink"])], 0, y, 0, H, user=True))
    for i in range(40):
        yy = y + 10 + i * 9
        c.rect(c.rng.uniform(200, 1500), yy, c.rng.uniform(60, 300), 2, P["paper"], op=0.08)


def world_map(c: Canvas, x, y, s=1.0, color=P["dusk"], op=0.55):
    """Very abstract continents (no borders, no names): East Asia on the left, North America on the right,
    the Pacific in between, as seen on a paper map."""
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    # Asia (left)
    c.path("M-560 -220 C -470 -260 -380 -240 -330 -200 C -300 -170 -320 -130 -290 -100 C -270 -80 -300 -40 -330 -30 "
           "C -360 -20 -350 20 -380 40 C -420 60 -440 30 -470 50 C -510 70 -560 40 -580 0 C -600 -60 -610 -160 -560 -220 Z", color, op=op)
    c.path("M-300 -60 C -290 -80 -270 -78 -268 -60 C -266 -40 -286 -30 -300 -40 Z", color, op=op)  # islands
    c.path("M-330 40 C -318 30 -306 40 -310 56 C -316 70 -334 60 -330 40 Z", color, op=op)
    # North America (right)
    c.path("M300 -250 C 380 -270 500 -250 560 -200 C 600 -160 590 -110 560 -80 C 530 -50 540 -10 510 20 "
           "C 480 50 440 40 420 80 C 400 110 380 90 370 60 C 350 10 320 -10 300 -60 C 280 -110 250 -150 260 -200 C 265 -230 280 -245 300 -250 Z", color, op=op)
    c.end()


# ----------------------------------------------------------------------------- objects

def pot(c: Canvas, x, y, w=150, h=90, color=P["blue"], lid=True, steam=False):
    c.rect(x - w / 2, y - h, w, h, color, rx=12)
    c.rect(x - w / 2 - 30, y - h + 14, 34, 10, color, rx=5)
    c.rect(x + w / 2 - 4, y - h + 14, 34, 10, color, rx=5)
    if lid:
        c.path(f"M{f(x-w/2-6)} {f(y-h)} C {f(x-w/3)} {f(y-h-30)} {f(x+w/3)} {f(y-h-30)} {f(x+w/2+6)} {f(y-h)} Z", color)
        c.circle(x, y - h - 24, 9, P["ink"])
    c.rect(x - w / 2, y - h, w, 10, P["paper"], op=0.12)
    if steam:
        for dx in (-20, 16):
            c.path(f"M{f(x+dx)} {f(y-h-40)} C {f(x+dx-16)} {f(y-h-70)} {f(x+dx+16)} {f(y-h-100)} {f(x+dx)} {f(y-h-130)}",
                   "none", stroke=P["paper"], sw=5, op=0.22, cap="round")


def food_box(c: Canvas, x, y, w=130, h=56, lid=P["amber"], body=P["paper"]):
    c.rect(x - w / 2, y - h, w, h, body, op=0.55, rx=8)
    c.rect(x - w / 2 - 4, y - h - 12, w + 8, 16, lid, op=0.95, rx=6)


def stack_of_boxes(c: Canvas, x, y, n=4, w=130, h=56, lids=None):
    lids = lids or [P["amber"], P["rose"], P["dusk"], P["amber2"]]
    for i in range(n):
        food_box(c, x + (i % 2) * 4 - 2, y - i * (h + 14), w, h, lids[i % len(lids)])


def papers_stack(c: Canvas, x, y, w=300, h=200, n=8, rot=-3, dense=True):
    """Stack of printed forms seen at an angle from above (lines of small type, nothing legible)."""
    for i in range(n):
        c.group(f"translate({f(x + c.rng.uniform(-8, 8))} {f(y - i * 6)}) rotate({f(rot + c.rng.uniform(-3, 3))})")
        c.rect(-w / 2, -h / 2, w, h, P["paper"], op=0.9 if i == n - 1 else 0.7)
        c.rect(-w / 2, h / 2 - 3, w, 3, P["ink"], op=0.25)
        c.end()
    c.group(f"translate({f(x)} {f(y - (n - 1) * 6)}) rotate({f(rot)})")
    if dense:
        c.rect(-w / 2 + 20, -h / 2 + 16, w * 0.4, 8, P["blue"], op=0.7)
        for r in range(int((h - 50) // 9)):
            yy = -h / 2 + 36 + r * 9
            xx = -w / 2 + 20
            while xx < w / 2 - 30:
                ww = c.rng.uniform(10, 34)
                c.rect(xx, yy, min(ww, w / 2 - 20 - xx), 3, P["blue"], op=0.45)
                xx += ww + 4
        c.rect(w / 2 - 100, h / 2 - 26, 70, 3, P["blue"], op=0.6)
    c.end()


def desk_phone(c: Canvas, x, y, s=1.0, color=P["ink"]):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.path("M-110 0 L110 0 L90 -80 L-90 -80 Z", color)
    c.rect(-60, -70, 120, 50, P["indigo2"], rx=4)
    for r in range(3):
        for k in range(3):
            c.rect(-44 + k * 32, -64 + r * 14, 22, 8, P["dusk"], rx=2)
    # receiver resting in place
    c.path("M-120 -84 C -120 -112 -96 -112 -80 -104 L80 -104 C 96 -112 120 -112 120 -84 L120 -76 L-120 -76 Z", color)
    c.rect(-100, -104, 200, 6, P["dusk"], op=0.5)
    c.end()


def curtain(c: Canvas, x, y, w, h, side="left", color=P["indigo2"], op=1):
    folds = 5
    d = f"M{f(x)} {f(y)} L{f(x+w)} {f(y)} "
    if side == "left":
        d += f"C {f(x+w*0.7)} {f(y+h*0.5)} {f(x+w*0.9)} {f(y+h*0.8)} {f(x+w*0.8)} {f(y+h)} L{f(x)} {f(y+h)} Z"
    else:
        d = f"M{f(x+w)} {f(y)} L{f(x)} {f(y)} C {f(x+w*0.3)} {f(y+h*0.5)} {f(x+w*0.1)} {f(y+h*0.8)} {f(x+w*0.2)} {f(y+h)} L{f(x+w)} {f(y+h)} Z"
    c.path(d, color, op=op)
    for i in range(1, folds):
        fx = x + w * i / folds * (0.75 if side == "left" else 1)
        if side == "right":
            fx = x + w * 0.25 + (w * 0.75) * i / folds
        c.rect(fx, y, 4, h, P["ink"], op=0.25)


def glass_of_water(c: Canvas, x, y, s=1.0):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.path("M-26 -90 L26 -90 L20 0 L-20 0 Z", P["mist"], op=0.35)
    c.path("M-23 -50 L23 -50 L20 0 L-20 0 Z", P["mist"], op=0.45)
    c.path("M-26 -90 L26 -90 L20 0 L-20 0 Z", "none", stroke=P["paper"], sw=2, op=0.5)
    c.rect(-18, -84, 4, 70, P["paper"], op=0.35)
    c.end()


def calendar(c: Canvas, x, y, w=360, h=300, circled=None, crossed=None):
    """Wall calendar as a grid; no numbers. circled/crossed: (row, col) cells."""
    c.rect(x - 12, y - 12, w + 24, h + 24, P["ink"], op=0.5)
    c.rect(x, y, w, h, P["paper"], op=0.85)
    c.rect(x, y, w, 50, P["rose"], op=0.85)
    c.circle(x + w * 0.3, y - 4, 7, P["ink"]); c.circle(x + w * 0.7, y - 4, 7, P["ink"])
    cw, ch = w / 7, (h - 60) / 5
    for r in range(5):
        for k in range(7):
            cx, cy = x + k * cw, y + 60 + r * ch
            c.rect(cx + 4, cy + 4, cw - 8, ch - 8, P["mist"], op=0.25)
            c.rect(cx + 8, cy + 8, 10, 5, P["blue"], op=0.45)
    def cell(rc):
        r, k = rc
        return x + k * cw + cw / 2, y + 60 + r * ch + ch / 2
    for rc in circled or []:
        cx, cy = cell(rc)
        c.ellipse(cx, cy, cw * 0.55, ch * 0.55, "none", stroke=P["amber"], sw=5)
    for rc in crossed or []:
        cx, cy = cell(rc)
        c.line(cx - cw * 0.45, cy - ch * 0.45, cx + cw * 0.45, cy + ch * 0.45, P["ink"], 5, 0.8)
        c.line(cx + cw * 0.45, cy - ch * 0.45, cx - cw * 0.45, cy + ch * 0.45, P["ink"], 5, 0.8)


def chair_rows_back(c: Canvas, cx, y_front, rows=4, per=6, w=120, color=P["ink"]):
    """Rows of plain chairs seen from behind, receding."""
    for r in range(rows - 1, -1, -1):
        s = 1 - r * 0.16
        y = y_front - r * 70
        ww = w * s
        gap = 30 * s
        total = per * ww + (per - 1) * gap
        for k in range(per):
            x = cx - total / 2 + k * (ww + gap)
            op = round(0.55 + 0.45 * (1 - r / rows), 2)
            c.rect(x, y - 150 * s, ww, 80 * s, color, op=op, rx=6 * s)
            c.rect(x, y - 74 * s, ww, 12 * s, color, op=op)
            c.rect(x + 6 * s, y - 74 * s, 8 * s, 74 * s, color, op=op)
            c.rect(x + ww - 14 * s, y - 74 * s, 8 * s, 74 * s, color, op=op)


def metal_bench(c: Canvas, x, y_floor, w=700, color=P["dusk"]):
    c.rect(x, y_floor - 120, w, 18, color)
    c.rect(x, y_floor - 104, w, 6, P["ink"], op=0.5)
    for bx in (x + 30, x + w / 2 - 5, x + w - 40):
        c.rect(bx, y_floor - 102, 10, 102, color, op=0.85)
    c.rect(x, y_floor - 250, w, 10, color, op=0.5)   # wall rail


def heavy_door(c: Canvas, x, y_floor, w=260, h=520, color=P["dusk"], window=True):
    c.rect(x - 18, y_floor - h - 18, w + 36, h + 18, P["ink"])
    c.rect(x, y_floor - h, w, h, color)
    c.rect(x, y_floor - h, w, h, c.lin([(0, P["paper"], 0.08), (1, P["ink"], 0.2)], 0, 0, 1, 0))
    if window:
        c.rect(x + w / 2 - 40, y_floor - h + 80, 80, 110, P["ink"])
        c.rect(x + w / 2 - 32, y_floor - h + 88, 64, 94, P["mist"], op=0.5)
    for yy in (y_floor - h + 60, y_floor - 80):
        c.rect(x + w - 30, yy, 20, 40, P["ink"], op=0.6)
    c.rect(x + 20, y_floor - h * 0.5, 30, 12, P["ink"], op=0.8)
    for k in range(6):
        c.circle(x + 12, y_floor - h + 30 + k * (h - 60) / 5, 4, P["ink"], op=0.5)
        c.circle(x + w - 12, y_floor - h + 30 + k * (h - 60) / 5, 4, P["ink"], op=0.5)


# ----------------------------------------------------------------------------- one-point corridor

class Corridor:
    """One-point perspective corridor. Near-space coordinates: walls at x=L/R, floor y=F, ceiling y=C;
    depth d >= 0 (0 = the picture plane)."""

    def __init__(self, c: Canvas, vx=960, vy=430, L=-300, R=2220, F=1180, C=-200, D=9.0,
                 wall=P["indigo2"], wall_far=P["indigo"], floor=P["indigo"], ceiling=P["night"], end=P["mist"]):
        self.c, self.vx, self.vy, self.L, self.R, self.F, self.C, self.D = c, vx, vy, L, R, F, C, D
        p = self.p
        # far-end wall
        c.rect(0, 0, W, H, ceiling)
        c.poly([p(L, C, 0), p(R, C, 0), p(R, C, D), p(L, C, D)], ceiling)
        c.poly([p(L, F, 0), p(R, F, 0), p(R, F, D), p(L, F, D)], c.lin([(0, floor), (1, P["ink"])], 0, self.vy, 0, H, user=True))
        c.poly([p(L, C, 0), p(L, C, D), p(L, F, D), p(L, F, 0)], c.lin([(0, wall), (1, wall_far)], 0, 0, self.vx, 0, user=True))
        c.poly([p(R, C, 0), p(R, C, D), p(R, F, D), p(R, F, 0)], c.lin([(0, wall_far), (1, wall)], self.vx, 0, W, 0, user=True))
        a, b = p(L, C, D), p(R, F, D)
        c.rect(a[0], a[1], b[0] - a[0], b[1] - a[1], end)

    def p(self, x, y, d):
        s = 1 / (1 + d)
        return (self.vx + (x - self.vx) * s, self.vy + (y - self.vy) * s)

    def wall_quad(self, side, d1, d2, y1, y2, fill, op=None):
        x = self.L if side == "L" else self.R
        p = self.p
        self.c.poly([p(x, y1, d1), p(x, y1, d2), p(x, y2, d2), p(x, y2, d1)], fill, op)

    def door(self, side, d1, d2, top=240, fill=P["indigo"], frame=P["ink"], open_=False, inside=P["mist"], knob=True):
        c, p = self.c, self.p
        x = self.L if side == "L" else self.R
        self.wall_quad(side, d1 - 0.04, d2 + 0.04, top - 40, self.F, frame)
        if open_:
            self.wall_quad(side, d1, d2, top, self.F, inside)
            # leaf swung into the room beyond: thin dark edge on the far jamb
            sgn = -1 if side == "L" else 1
            c.poly([p(x, top, d2), p(x + sgn * 260, top, d2), p(x + sgn * 260, self.F, d2), p(x, self.F, d2)], fill, op=0.9)
        else:
            self.wall_quad(side, d1, d2, top, self.F, fill)
            if knob:
                kx, ky = p(x, 720, d2 - (d2 - d1) * 0.12)
                c.circle(kx, ky, 24 / (1 + d2), P["amber"], op=0.7)

    def floor_bands(self, step=0.5, colors=(P["indigo2"], P["blue"]), op=0.35, inset=0):
        c, p = self.c, self.p
        d, i = 0.0, 0
        while d < self.D:
            c.poly([p(self.L + inset, self.F, d), p(self.R - inset, self.F, d), p(self.R - inset, self.F, d + step),
                    p(self.L + inset, self.F, d + step)], colors[i % len(colors)], op)
            d += step
            i += 1

    def carpet(self, x1=200, x2=1720, step=0.4, col1=P["rose"], col2=P["indigo2"], op=0.45):
        c, p = self.c, self.p
        d, i = 0.0, 0
        while d < self.D:
            c.poly([p(x1, self.F, d), p(x2, self.F, d), p(x2, self.F, d + step), p(x1, self.F, d + step)],
                   col1 if i % 2 == 0 else col2, op)
            # a small diamond in each band (pattern)
            mid = (x1 + x2) / 2
            c.poly([p(mid - 200, self.F, d + step / 2), p(mid, self.F, d + step * 0.1), p(mid + 200, self.F, d + step / 2),
                    p(mid, self.F, d + step * 0.9)], P["amber"], op * 0.6)
            d += step
            i += 1

    def ceiling_lights(self, every=1.5, start=0.5, warm=False, w=300):
        c, p = self.c, self.p
        d = start
        while d < self.D:
            q = [p(960 - w, self.C, d), p(960 + w, self.C, d), p(960 + w, self.C, d + 0.25), p(960 - w, self.C, d + 0.25)]
            c.poly(q, P["paper"], 0.8)
            cx, cy = p(960, self.C + 200, d)
            glow(c, cx, cy, 500 / (1 + d), P["amber2"] if warm else P["mist"], 0.25)
            d += every

    def wall_lamp(self, side, d, y=520, warm=True):
        x = self.L if side == "L" else self.R
        cx, cy = self.p(x, y, d)
        glow(self.c, cx, cy, 380 / (1 + d), P["amber2"] if warm else P["mist"], 0.5)
        self.c.ellipse(cx, cy, 30 / (1 + d), 50 / (1 + d), P["glow"], op=0.9)


# ----------------------------------------------------------------------------- buildings & day

def day_sky(c: Canvas, y1=700, pale=False):
    top, low = (P["dusk"], P["mist"]) if not pale else (P["mist"], P["paper"])
    c.rect(0, 0, W, y1, c.lin([(0, top), (1, low)], 0, 0, 0, y1, user=True))


def cloud(c: Canvas, x, y, s=1.0, op=0.35, col=P["paper"]):
    for dx, dy, r in ((-60, 10, 40), (-10, -10, 55), (50, 5, 45), (95, 18, 30)):
        c.ellipse(x + dx * s, y + dy * s, r * s * 1.4, r * s, col, op=op)


def tree(c: Canvas, x, ground, h=260, color=P["teal"], trunk=P["ink"], op=None):
    c.rect(x - 8, ground - h * 0.45, 16, h * 0.45, trunk, op=op)
    c.ellipse(x, ground - h * 0.65, h * 0.32, h * 0.38, color, op=op)
    c.ellipse(x - h * 0.18, ground - h * 0.5, h * 0.22, h * 0.24, color, op=op)
    c.ellipse(x + h * 0.2, ground - h * 0.52, h * 0.22, h * 0.26, color, op=op)


def facade(c: Canvas, x, y, w, h, color=P["indigo2"], cols=6, rows=8, lit=None, lit_all=0.0, win=P["ink"],
           win_lit=P["amber2"], win_op=1.0, pad=40):
    """Apartment/office facade with a grid of windows; lit = list of (row, col) lit windows."""
    c.rect(x, y, w, h, color)
    cw = (w - 2 * pad) / cols
    rh = (h - 2 * pad) / rows
    for r in range(rows):
        for k in range(cols):
            wx, wy = x + pad + k * cw + cw * 0.18, y + pad + r * rh + rh * 0.15
            ww, wh = cw * 0.64, rh * 0.6
            on = (lit and (r, k) in lit) or (c.rng.random() < lit_all)
            c.rect(wx, wy, ww, wh, win_lit if on else win, op=win_op if not on else 0.95)
            if on:
                glow(c, wx + ww / 2, wy + wh / 2, cw * 1.2, P["amber2"], 0.35)


# ----------------------------------------------------------------------------- more objects

def shoe(c: Canvas, x, y, s=1.0, color=P["rose"], flip=False, kind="flat", op=None):
    """A shoe seen from the side, toe to the right (flip: toe to the left); y = floor."""
    sx = -s if flip else s
    c.group(f"translate({f(x)} {f(y)}) scale({f(sx)} {f(s)})")
    if op is not None:
        c.body[-1] = c.body[-1].replace("<g ", f'<g opacity="{op}" ', 1)
    if kind == "sneaker":
        c.path("M-60 0 L-60 -34 C -60 -50 -40 -54 -26 -50 C -10 -44 10 -36 34 -28 C 54 -22 64 -14 64 -4 L64 0 Z", color)
        c.rect(-62, -8, 128, 8, P["paper"], op=0.8, rx=3)
        c.line(-20, -44, 0, -36, P["paper"], 3, 0.6)
    elif kind == "boot":
        c.path("M-50 0 L-50 -110 L-14 -110 L-12 -40 C 10 -34 44 -26 54 -10 L54 0 Z", color)
        c.rect(-52, -6, 108, 6, P["ink"], op=0.6)
    else:
        c.path("M-56 0 L-54 -30 C -40 -36 -20 -26 0 -24 C 26 -22 50 -20 60 -8 L60 0 Z", color)
        c.rect(-58, -6, 120, 6, P["ink"], op=0.6)
    c.end()


def shoe_pair(c: Canvas, x, y, s=1.0, color=P["rose"], kind="flat"):
    shoe(c, x - 22 * s, y - 12 * s, s, color, kind=kind)
    shoe(c, x - 22 * s, y - 12 * s, s, P["ink"], kind=kind, op=0.4)   # the far shoe, in shade
    shoe(c, x + 18 * s, y, s, color, kind=kind)


def tissue_box(c: Canvas, x, y, s=1.0):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.rect(-80, -70, 160, 70, P["dusk"], rx=4)
    c.rect(-80, -70, 160, 12, P["mist"], op=0.6)
    c.path("M-20 -70 C -30 -110 -6 -120 0 -104 C 8 -124 34 -110 22 -70 Z", P["paper"], op=0.9)
    c.end()


def purse_open(c: Canvas, x, y, s=1.0, color=P["rose"]):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.path("M-110 0 L110 0 L90 -90 L-90 -90 Z", color)
    c.path("M-90 -90 L90 -90 L70 -120 L-70 -120 Z", P["ink"], op=0.7)        # empty open mouth
    c.path("M-70 -120 L70 -120 L84 -150 L-84 -150 Z", color, op=0.75)         # open flap
    c.path("M-60 -120 C -60 -210 60 -210 60 -120", "none", stroke=color, sw=8)
    c.end()


def phone_flat(c: Canvas, x, y, s=1.0, face_down=True):
    """A phone lying on a table, seen at a shallow angle."""
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.poly([(-80, 0), (90, 0), (110, -24), (-60, -24)], P["ink"])
    c.poly([(-76, -4), (86, -4), (104, -20), (-58, -20)], P["indigo2"] if face_down else P["blue"])
    if face_down:
        c.circle(-40, -12, 5, P["ink"])
    c.end()


def massage_table(c: Canvas, x, y_floor, w=700, color=P["dusk"], cover=P["paper"]):
    top = y_floor - 300
    c.rect(x - w / 2, top, w, 46, color, rx=12)
    c.rect(x - w / 2, top - 10, w, 20, cover, op=0.85, rx=8)
    for lx in (x - w / 2 + 60, x + w / 2 - 80):
        c.rect(lx, top + 46, 20, 254, P["ink"])
    c.line(x - w / 2 + 70, top + 60, x + w / 2 - 70, y_floor - 40, P["ink"], 6, 0.6)
    c.line(x - w / 2 + 70, y_floor - 40, x + w / 2 - 70, top + 60, P["ink"], 6, 0.6)
    c.ellipse(x + w / 2 - 40, top - 8, 40, 14, cover, op=0.6)     # face cradle end, covered


def towel_stack(c: Canvas, x, y, n=4, w=170, h=34, color=P["paper"]):
    for i in range(n):
        yy = y - i * (h + 2)
        c.rect(x - w / 2 + (i % 2) * 3, yy - h, w, h, color, op=0.9, rx=h / 2.6)
        c.rect(x - w / 2 + 10, yy - h / 2 - 1, w - 20, 2, P["mist"], op=0.6)


def spray_bottle(c: Canvas, x, y, s=1.0):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.rect(-26, -110, 52, 110, P["mist"], op=0.7, rx=10)
    c.rect(-12, -140, 24, 30, P["paper"], op=0.9)
    c.path("M-12 -140 L-12 -156 L30 -156 L40 -146 L12 -140 Z", P["paper"], op=0.9)
    c.path("M6 -128 C 16 -120 18 -110 12 -100", "none", stroke=P["paper"], sw=5, op=0.8)
    c.end()


def books_stack(c: Canvas, x, y, specs, w=260):
    """specs: list of (thickness, colour, offset)."""
    yy = y
    for th, col, off in specs:
        c.rect(x - w / 2 + off, yy - th, w, th, col, rx=3)
        c.rect(x + w / 2 + off - 12, yy - th + 3, 8, th - 6, P["paper"], op=0.5)
        yy -= th + 1


def calculator(c: Canvas, x, y, s=1.0, rot=-6):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({s:.3f})")
    c.rect(-55, -85, 110, 170, P["ink"], rx=10)
    c.rect(-42, -70, 84, 34, P["mist"], op=0.6, rx=3)
    for r in range(4):
        for k in range(4):
            c.rect(-42 + k * 22, -26 + r * 26, 16, 18, P["dusk"], rx=3)
    c.end()


def drawing_sheet(c: Canvas, x, y, w=360, h=240, rot=4):
    """A technical drawing: pale sheet with a few construction lines and circles (no text)."""
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, P["paper"], op=0.85)
    c.rect(-w / 2 + 12, -h / 2 + 12, w - 24, h - 24, "none", stroke=P["blue"], sw=2)
    c.add(f'<path d="M{f(-w/2+40)} {f(h/2-50)} L{f(-w/2+40)} {f(-h/2+50)} L{f(w/2-120)} {f(-h/2+50)} L{f(w/2-60)} {f(h/2-50)} Z" fill="none" stroke="{P["blue"]}" stroke-width="2.5" opacity="0.7"/>')
    c.circle(-20, 0, 34, "none", stroke=P["blue"], sw=2.5)
    c.circle(-20, 0, 10, "none", stroke=P["blue"], sw=2)
    c.line(-w / 2 + 40, h / 2 - 30, w / 2 - 60, h / 2 - 30, P["rose"], 1.5, 0.8)
    c.rect(w / 2 - 110, h / 2 - 50, 90, 30, "none", stroke=P["blue"], sw=2)
    c.end()


def official_doc(c: Canvas, x, y, w=300, h=400, rot=0, underline_row=None, seal=True, boxes=True, remark_lines=None):
    """An official form: header band, field boxes with small illegible lines, a remarks box."""
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2 + 8, -h / 2 + 10, w, h, P["ink"], op=0.4)
    c.rect(-w / 2, -h / 2, w, h, P["paper"], op=0.96)
    c.rect(-w / 2 + 16, -h / 2 + 16, w - 32, h * 0.08, P["blue"], op=0.75)
    if seal:
        c.circle(w / 2 - 44, -h / 2 + 16 + h * 0.04, h * 0.035, P["rose"], op=0.9)
    y0 = -h / 2 + 30 + h * 0.1
    if boxes:
        for r in range(3):
            for k in range(2):
                bx = -w / 2 + 16 + k * (w - 32) / 2
                c.rect(bx, y0 + r * h * 0.1, (w - 32) / 2 - 8, h * 0.085, "none", stroke=P["blue"], sw=1.5)
                c.rect(bx + 6, y0 + r * h * 0.1 + 6, 30, 3, P["blue"], op=0.6)
                c.rect(bx + 6, y0 + r * h * 0.1 + h * 0.05, (w - 32) / 2 - 40, 4, P["ink"], op=0.45)
        y0 += 3 * h * 0.1 + 10
    # remarks box
    rb_h = h / 2 - 16 - y0
    c.rect(-w / 2 + 16, y0, w - 32, rb_h, "none", stroke=P["blue"], sw=1.5)
    c.rect(-w / 2 + 22, y0 + 6, 46, 3, P["blue"], op=0.6)
    nrows = int((rb_h - 24) // 14)
    step = 14
    if remark_lines:
        nrows, step = remark_lines, 24
    for r in range(nrows):
        ly = y0 + 24 + r * step
        lw = (w - 60) * (0.6 if r == nrows - 1 else 1)
        c.rect(-w / 2 + 24, ly, lw, 3, P["ink"], op=0.45)
        if underline_row is not None and r == underline_row:
            c.rect(-w / 2 + 22, ly + 7, lw + 4, 5, P["amber"])
    c.end()


def envelope(c: Canvas, x, y, w=280, h=160, rot=0, window_=True):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2 + 6, -h / 2 + 8, w, h, P["ink"], op=0.35)
    c.rect(-w / 2, -h / 2, w, h, P["paper"], op=0.95)
    c.path(f"M{f(-w/2)} {f(-h/2)} L0 {f(h*0.05)} L{f(w/2)} {f(-h/2)}", "none", stroke=P["mist"], sw=2, op=0.8)
    if window_:
        c.rect(-w / 2 + 24, h * 0.08, w * 0.45, h * 0.26, P["mist"], op=0.45, rx=4)
    c.rect(w / 2 - 54, -h / 2 + 14, 36, 42, P["blue"], op=0.7)
    c.end()


def folded_letter(c: Canvas, x, y, w=240, h=110, rot=0):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2 + 6, -h / 2 + 8, w, h, P["ink"], op=0.35)
    c.rect(-w / 2, -h / 2, w, h, P["paper"], op=0.92)
    c.rect(-w / 2, -4, w, 3, P["mist"], op=0.7)
    for r in range(3):
        c.rect(-w / 2 + 18, -h / 2 + 16 + r * 12, w * 0.7, 3, P["blue"], op=0.45)
    c.end()


def blinds(c: Canvas, x, y, w, h, frac=0.5, slat=18, outside=P["mist"]):
    """Window with blinds drawn down to frac of its height."""
    c.rect(x, y, w, h, outside)
    n = int(h * frac / slat)
    for k in range(n):
        c.rect(x, y + k * slat, w, slat - 5, P["paper"], op=0.75)
        c.rect(x, y + k * slat + slat - 5, w, 2, P["ink"], op=0.3)
    c.rect(x - 12, y - 12, w + 24, 12, P["ink"])
    c.rect(x - 12, y + h, w + 24, 16, P["ink"])
    c.rect(x - 12, y, 12, h, P["ink"]); c.rect(x + w, y, 12, h, P["ink"])


def wall_phone(c: Canvas, x, y, s=1.0, color=P["ink"]):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.rect(-50, -90, 100, 180, color, rx=10)
    c.rect(-34, 10, 68, 60, P["dusk"], op=0.6, rx=4)
    for r in range(3):
        for k in range(3):
            c.rect(-28 + k * 20, 16 + r * 18, 14, 10, P["mist"], op=0.6, rx=2)
    # receiver hanging in place on the left side
    c.path("M-70 -100 C -86 -100 -86 -80 -80 -70 L-80 40 C -86 50 -86 70 -70 70 L-54 70 L-54 -100 Z", color)
    c.path("M-78 70 C -100 120 -40 150 -20 110 C -10 90 -30 80 -16 60", "none", stroke=color, sw=5, op=0.8)
    c.end()


def sofa(c: Canvas, x, y_floor, w=760, color=P["blue"]):
    c.rect(x - w / 2, y_floor - 330, w, 170, color, rx=30)                 # back
    c.rect(x - w / 2 - 40, y_floor - 230, 90, 170, color, rx=30)            # arms
    c.rect(x + w / 2 - 50, y_floor - 230, 90, 170, color, rx=30)
    c.rect(x - w / 2 + 30, y_floor - 190, w - 60, 90, color, rx=16)         # seat
    c.rect(x - w / 2 + 30, y_floor - 190, w - 60, 90, P["ink"], op=0.15, rx=16)
    c.rect(x - w / 2 - 30, y_floor - 100, w + 60, 60, color, rx=12)
    c.rect(x - w / 2 - 30, y_floor - 100, w + 60, 60, P["ink"], op=0.3, rx=12)
    c.rect(x - w / 2, y_floor - 40, 20, 40, P["ink"]); c.rect(x + w / 2 - 20, y_floor - 40, 20, 40, P["ink"])
    c.rect(x - 2, y_floor - 190, 4, 90, P["ink"], op=0.25)


def mug(c: Canvas, x, y, s=1.0, color=P["paper"]):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.rect(-32, -70, 64, 70, color, rx=8)
    c.path("M30 -56 C 56 -56 56 -18 30 -18", "none", stroke=color, sw=9)
    c.ellipse(0, -70, 32, 6, P["ink"], op=0.3)
    c.end()


def hotel_bed(c: Canvas, x, y_floor, w=760, head=P["indigo2"], cover=P["paper"]):
    c.rect(x - w / 2 - 20, y_floor - 420, w + 40, 260, head, rx=10)           # headboard
    c.rect(x - w / 2 - 20, y_floor - 420, w + 40, 260, P["ink"], op=0.2, rx=10)
    c.rect(x - w / 2 + 40, y_floor - 250, 220, 70, cover, op=0.85, rx=24)     # pillows
    c.rect(x + w / 2 - 260, y_floor - 250, 220, 70, cover, op=0.85, rx=24)
    c.rect(x - w / 2, y_floor - 190, w, 150, cover, op=0.8, rx=10)            # made bed
    c.rect(x - w / 2, y_floor - 150, w, 36, P["rose"], op=0.7)                # runner
    c.rect(x - w / 2, y_floor - 40, w, 40, P["ink"])


def hotel_facade(c: Canvas, x, y_top, w, y_ground, lobby=True, color=P["indigo2"]):
    facade(c, x, y_top, w, y_ground - y_top - 200, color, cols=7, rows=6, lit_all=0.12, win=P["ink"], win_op=0.7)
    c.rect(x, y_ground - 200, w, 200, P["ink"])
    ex, ew = x + w / 2 - 190, 380
    if lobby:
        glow(c, ex + ew / 2, y_ground - 90, 420, P["amber2"], 0.4)
        c.rect(ex, y_ground - 170, ew, 170, P["amber2"], op=0.9)
        c.rect(ex, y_ground - 170, ew, 170, c.lin([(0, P["glow"], 0.6), (1, P["amber"], 0)], 0, 0, 0, 1))
        for k in range(1, 4):
            c.rect(ex + ew * k / 4 - 4, y_ground - 170, 8, 170, P["ink"])
    c.path(f"M{f(ex-60)} {f(y_ground-200)} L{f(ex+ew+60)} {f(y_ground-200)} L{f(ex+ew+30)} {f(y_ground-170)} L{f(ex-30)} {f(y_ground-170)} Z", P["dusk"])
    c.rect(ex - 40, y_ground - 196, ew + 80, 6, P["amber"], op=0.6)


def line_of_light_under_door(c: Canvas, x, y_floor, w, shoes_at=None):
    """Thin corridor light under a closed door; shoes_at = x where a pair of shoes' shadow breaks it."""
    c.rect(x, y_floor - 6, w, 6, P["glow"], op=0.95)
    c.poly([(x, y_floor), (x + w, y_floor), (x + w + 120, y_floor + 60), (x - 120, y_floor + 60)], P["amber2"], op=0.14)
    if shoes_at is not None:
        for dx in (-36, 14):
            c.rect(shoes_at + dx, y_floor - 6, 30, 6, P["ink"])
            c.poly([(shoes_at + dx, y_floor), (shoes_at + dx + 30, y_floor), (shoes_at + dx + 40, y_floor + 56), (shoes_at + dx - 6, y_floor + 56)], P["ink"], op=0.5)


def coin(c: Canvas, x, y, r=22):
    c.ellipse(x, y, r, r * 0.45, P["amber"], op=0.9)
    c.ellipse(x, y - 2, r * 0.8, r * 0.32, P["amber2"], op=0.6)


def wrapped_candy(c: Canvas, x, y, s=1.0, color=P["rose"], rot=0):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({s:.3f})")
    c.ellipse(0, 0, 18, 12, color)
    c.poly([(-16, 0), (-34, -12), (-34, 12)], color, op=0.8)
    c.poly([(16, 0), (34, -12), (34, 12)], color, op=0.8)
    c.ellipse(-4, -4, 6, 3, P["paper"], op=0.5)
    c.end()


def fruit_bowl(c: Canvas, x, y, s=1.0):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    for fx, fy, r, col in ((-50, -40, 34, P["amber"]), (10, -50, 38, P["rose"]), (56, -36, 30, P["amber2"]), (-10, -76, 30, P["amber"])):
        c.circle(fx, fy, r, col)
        c.circle(fx - r * 0.3, fy - r * 0.3, r * 0.25, P["glow"], op=0.3)
    c.path("M-110 -30 L110 -30 C 100 20 60 30 0 30 C -60 30 -100 20 -110 -30 Z", P["paper"], op=0.9)
    c.end()
