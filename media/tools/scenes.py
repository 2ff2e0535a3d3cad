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


def seat_row(c: Canvas, x0, y_floor, n=5, w=110, color=P["ink"], gap=10):
    for i in range(n):
        x = x0 + i * (w + gap)
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
