"""Tables, lamps, chairs, beds, doors and curtains, drawn standing on a floor line (`y_floor`)."""
from __future__ import annotations

from svgkit import Canvas, H, P, W, f, glow


# ---------------------------------------------------------------- tables and lamps

def table(c: Canvas, y=720, x0=-20, x1=W + 20, top=P["indigo2"], front=P["ink"]):
    c.rect(x0, y, x1 - x0, 16, top)
    c.rect(x0, y + 16, x1 - x0, H - y, front)


def table_persp(c: Canvas, x0, x1, y_back, y_front, inset=60, top=P["indigo2"], edge=P["ink"], legs=True, leg_to=None,
                top_op=None):
    """A table seen slightly from above: trapezoid top + front edge (+ legs)."""
    c.poly([(x0 + inset, y_back), (x1 - inset, y_back), (x1, y_front), (x0, y_front)], top, op=top_op)
    c.rect(x0, y_front, x1 - x0, 22, edge)
    if legs:
        lt = leg_to or y_front + 260
        c.rect(x0 + 20, y_front + 20, 18, lt - y_front - 20, edge)
        c.rect(x1 - 38, y_front + 20, 18, lt - y_front - 20, edge)


def lamp_table(c: Canvas, x, y_table, color=P["ink"], lit=True, r=420):
    """A small table lamp standing at y_table with its pool of light."""
    if lit:
        glow(c, x, y_table - 110, r, P["amber2"], 0.5)
    c.path(f"M{f(x-55)} {f(y_table-90)} L{f(x+55)} {f(y_table-90)} L{f(x+35)} {f(y_table-160)} L{f(x-35)} {f(y_table-160)} Z",
           P["amber"] if lit else color)
    if lit:
        c.path(f"M{f(x-50)} {f(y_table-94)} L{f(x+50)} {f(y_table-94)} L{f(x+32)} {f(y_table-156)} L{f(x-32)} {f(y_table-156)} Z",
               P["glow"], op=0.55)
    c.rect(x - 4, y_table - 90, 8, 80, color)
    c.ellipse(x, y_table - 8, 30, 8, color)


def desk_lamp(c: Canvas, x, y_table, s=1.0, facing=1, r=520, op=0.5):
    """An angled desk lamp standing on a table, its head bowed towards x + facing*…"""
    hx, hy = x + facing * 150 * s, y_table - 250 * s
    glow(c, hx + facing * 30 * s, hy + 60 * s, r, P["amber2"], op)
    c.ellipse(x, y_table - 6 * s, 60 * s, 12 * s, P["ink"])
    c.path(f"M{f(x)} {f(y_table-10*s)} L{f(x+facing*40*s)} {f(y_table-170*s)} L{f(hx)} {f(hy)}", "none",
           stroke=P["ink"], sw=9 * s, cap="round")
    c.group(f"translate({f(hx)} {f(hy)}) rotate({f(-facing*22)}) scale({f(facing*s)} {f(s)})")
    c.path("M-20 -24 L30 -24 L66 40 L-40 40 Z", P["ink"])
    c.ellipse(13, 40, 53, 9, P["glow"], op=0.95)
    c.end()


# ---------------------------------------------------------------- chairs, benches, beds

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


def chair_side(c: Canvas, x, y_floor, s=1.0, color=P["ink"], op=None, facing=1):
    """A plain chair seen from the side; facing=1: seat extends to the right of the back."""
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s * facing)} {f(s)})")
    c.rect(0, -340, 14, 340, color, op=op)           # back leg + back post
    c.rect(0, -180, 130, 16, color, op=op)           # seat
    c.rect(116, -170, 14, 170, color, op=op)         # front leg
    c.rect(6, -330, 10, 20, color, op=op)
    c.path("M0 -340 L18 -340 L22 -200 L8 -200 Z", color, op=op)
    c.end()


def chair_back(c: Canvas, x, y_floor, s=1.0, color=P["ink"], op=None, pushed_in=False):
    """A chair seen from behind (its back towards the viewer)."""
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s)})")
    c.rect(-60, -340, 14, 340, color, op=op)
    c.rect(46, -340, 14, 340, color, op=op)
    c.rect(-60, -340, 120, 26, color, op=op, rx=4)
    c.rect(-60, -280, 120, 12, color, op=op)
    if not pushed_in:
        c.rect(-66, -168, 132, 16, color, op=op)
    c.end()


def plastic_chair(c: Canvas, x, y_floor, s=1.0, color=P["blue"], shade=P["ink"], op=None):
    """A moulded plastic waiting-room chair, front view."""
    c.group(f"translate({f(x)} {f(y_floor)}) scale({f(s)})")
    c.rect(-50, -150, 8, 150, shade, op=op)
    c.rect(42, -150, 8, 150, shade, op=op)
    c.path("M-52 -300 C -52 -320 52 -320 52 -300 L56 -176 C 56 -166 -56 -166 -56 -176 Z", color, op=op)
    c.path("M-64 -176 C -64 -186 64 -186 64 -176 L62 -150 C 62 -142 -62 -142 -62 -150 Z", color, op=op)
    c.path("M-64 -176 C -64 -186 64 -186 64 -176 L62 -164 C 40 -170 -40 -170 -62 -164 Z", P["paper"], op=0.08)
    c.path("M-44 -300 C -44 -312 44 -312 44 -300", "none", stroke=P["paper"], sw=3, op=0.12)
    c.end()


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


def bed_made(c: Canvas, x, y_floor, w=560, color=P["indigo2"], sheet=P["dusk"]):
    """An empty, neatly made bed (no people)."""
    c.rect(x, y_floor - 170, 20, 170, P["ink"])
    c.rect(x + w - 20, y_floor - 110, 20, 110, P["ink"])
    c.rect(x + 10, y_floor - 110, w - 20, 50, color, rx=10)
    c.rect(x + 10, y_floor - 112, w - 20, 18, sheet, rx=8)
    c.rect(x + 40, y_floor - 140, 130, 34, P["paper"], op=0.75, rx=14)
    c.rect(x + 200, y_floor - 124, w - 230, 30, sheet, op=0.85, rx=6)


def hotel_bed(c: Canvas, x, y_floor, w=760, head=P["indigo2"], cover=P["paper"]):
    c.rect(x - w / 2 - 20, y_floor - 420, w + 40, 260, head, rx=10)           # headboard
    c.rect(x - w / 2 - 20, y_floor - 420, w + 40, 260, P["ink"], op=0.2, rx=10)
    c.rect(x - w / 2 + 40, y_floor - 250, 220, 70, cover, op=0.85, rx=24)     # pillows
    c.rect(x + w / 2 - 260, y_floor - 250, 220, 70, cover, op=0.85, rx=24)
    c.rect(x - w / 2, y_floor - 190, w, 150, cover, op=0.8, rx=10)            # made bed
    c.rect(x - w / 2, y_floor - 150, w, 36, P["rose"], op=0.7)                # runner
    c.rect(x - w / 2, y_floor - 40, w, 40, P["ink"])


def massage_table(c: Canvas, x, y_floor, w=700, color=P["dusk"], cover=P["paper"]):
    top = y_floor - 300
    c.rect(x - w / 2, top, w, 46, color, rx=12)
    c.rect(x - w / 2, top - 10, w, 20, cover, op=0.85, rx=8)
    for lx in (x - w / 2 + 60, x + w / 2 - 80):
        c.rect(lx, top + 46, 20, 254, P["ink"])
    c.line(x - w / 2 + 70, top + 60, x + w / 2 - 70, y_floor - 40, P["ink"], 6, 0.6)
    c.line(x - w / 2 + 70, y_floor - 40, x + w / 2 - 70, top + 60, P["ink"], 6, 0.6)
    c.ellipse(x + w / 2 - 40, top - 8, 40, 14, cover, op=0.6)     # face cradle end, covered


# ---------------------------------------------------------------- doors, windows, curtains, blinds

def door(c: Canvas, x, y_floor, w=230, h=480, color=P["indigo"], frame=P["ink"], ajar=0.0, light=P["amber2"]):
    """A door; ajar>0 opens a lit gap (0..1)."""
    c.rect(x - 14, y_floor - h - 14, w + 28, h + 14, frame)
    if ajar > 0:
        c.rect(x, y_floor - h, w, h, light)
        glow(c, x + w * 0.2, y_floor - h / 2, h * 0.8, light, 0.35)
        ww = w * (1 - ajar)
        c.rect(x + w - ww, y_floor - h, ww, h, color)
    else:
        c.rect(x, y_floor - h, w, h, color)
        c.rect(x + 24, y_floor - h + 30, w - 48, h * 0.38, frame, op=0.25)
        c.rect(x + 24, y_floor - h * 0.52, w - 48, h * 0.42, frame, op=0.25)
        c.circle(x + w - 30, y_floor - h * 0.5, 8, P["amber"], op=0.8)


def window(c: Canvas, x, y, w, h, frame=P["ink"], inside=None, bars=(1, 1), fw=14):
    """Window frame; draw what is outside before calling this (inside = glass tint)."""
    if inside:
        c.rect(x, y, w, h, inside)
    # frame
    c.rect(x - fw, y - fw, w + 2 * fw, fw, frame)
    c.rect(x - fw, y + h, w + 2 * fw, fw * 1.6, frame)
    c.rect(x - fw, y - fw, fw, h + 2 * fw, frame)
    c.rect(x + w, y - fw, fw, h + 2 * fw, frame)
    nx, ny = bars
    for i in range(1, nx + 1):
        c.rect(x + w * i / (nx + 1) - fw / 4, y, fw / 2, h, frame)
    for j in range(1, ny + 1):
        c.rect(x, y + h * j / (ny + 1) - fw / 4, w, fw / 2, frame)


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


def panel_door(c: Canvas, x, y_floor, w=280, h=540, color=P["indigo"], frame=P["ink"], knob=True):
    """A closed flat-panel apartment door, frontal."""
    c.rect(x - 18, y_floor - h - 18, w + 36, h + 18, frame)
    c.rect(x, y_floor - h, w, h, color)
    c.rect(x + 30, y_floor - h + 34, w - 60, h * 0.36, frame, op=0.22, rx=4)
    c.rect(x + 30, y_floor - h * 0.52, w - 60, h * 0.44, frame, op=0.22, rx=4)
    if knob:
        c.circle(x + w - 36, y_floor - h * 0.48, 9, P["amber"], op=0.7)


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


def line_of_light_under_door(c: Canvas, x, y_floor, w, shoes_at=None):
    """Thin corridor light under a closed door; shoes_at = x where a pair of shoes' shadow breaks it."""
    c.rect(x, y_floor - 6, w, 6, P["glow"], op=0.95)
    c.poly([(x, y_floor), (x + w, y_floor), (x + w + 120, y_floor + 60), (x - 120, y_floor + 60)], P["amber2"], op=0.14)
    if shoes_at is not None:
        for dx in (-36, 14):
            c.rect(shoes_at + dx, y_floor - 6, 30, 6, P["ink"])
            c.poly([(shoes_at + dx, y_floor), (shoes_at + dx + 30, y_floor), (shoes_at + dx + 40, y_floor + 56), (shoes_at + dx - 6, y_floor + 56)], P["ink"], op=0.5)
