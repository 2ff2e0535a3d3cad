"""Things people hold or leave on a table: papers, phones, cups, belongings. Each draws at a point, scaled by `s`."""
from __future__ import annotations

from svgkit import Canvas, P, f, glow


# ---------------------------------------------------------------- paper

def paper(c: Canvas, x, y, w=170, h=220, rot=0, lines=7, color=P["paper"], op=0.92, ink=P["blue"]):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, color, op=op, rx=3)
    for i in range(lines):
        ly = -h / 2 + 30 + i * (h - 50) / max(1, lines - 1)
        lw = (w - 40) * (0.55 if i == lines - 1 else 1)
        c.rect(-w / 2 + 20, ly, lw, 4, ink, op=0.45)
    c.end()


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


def books_stack(c: Canvas, x, y, specs, w=260):
    """specs: list of (thickness, colour, offset)."""
    yy = y
    for th, col, off in specs:
        c.rect(x - w / 2 + off, yy - th, w, th, col, rx=3)
        c.rect(x + w / 2 + off - 12, yy - th + 3, 8, th - 6, P["paper"], op=0.5)
        yy -= th + 1


def passport(c: Canvas, x, y, w=150, h=200, skew=18, color=P["blue"]):
    """A closed passport lying flat, seen from a little above (a slightly tapered rectangle). No text."""
    c.poly([(x - w / 2 + skew, y - h / 2), (x + w / 2 - skew, y - h / 2), (x + w / 2 + 8, y + h / 2 + 6),
            (x - w / 2 - 8, y + h / 2 + 6)], P["ink"], op=0.35)
    c.poly([(x - w / 2 + skew, y - h / 2), (x + w / 2 - skew, y - h / 2), (x + w / 2, y + h / 2), (x - w / 2, y + h / 2)], color)
    c.poly([(x - w / 2, y + h / 2), (x + w / 2, y + h / 2), (x + w / 2, y + h / 2 + 7), (x - w / 2, y + h / 2 + 7)], P["paper"], op=0.5)
    c.ellipse(x, y - h * 0.06, w * 0.2, h * 0.13, "none", stroke=P["amber2"], sw=2.5)
    c.ellipse(x, y - h * 0.06, w * 0.08, h * 0.05, P["amber2"], op=0.55)
    c.rect(x - w * 0.22, y + h * 0.2, w * 0.44, 3, P["amber2"], op=0.5)


# ---------------------------------------------------------------- phones

def phone(c: Canvas, x, y, w=90, h=170, rot=0, screen_glow=True):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)})")
    c.rect(-w / 2, -h / 2, w, h, P["ink"], rx=14)
    c.rect(-w / 2 + 7, -h / 2 + 14, w - 14, h - 28, P["mist"] if screen_glow else P["indigo"], rx=5)
    c.end()
    if screen_glow:
        glow(c, x, y, h * 1.4, P["mist"], 0.35)


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


def phone_flat(c: Canvas, x, y, s=1.0, face_down=True):
    """A phone lying on a table, seen at a shallow angle."""
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.poly([(-80, 0), (90, 0), (110, -24), (-60, -24)], P["ink"])
    c.poly([(-76, -4), (86, -4), (104, -20), (-58, -20)], P["indigo2"] if face_down else P["blue"])
    if face_down:
        c.circle(-40, -12, 5, P["ink"])
    c.end()


def calculator(c: Canvas, x, y, s=1.0, rot=-6):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({s:.3f})")
    c.rect(-55, -85, 110, 170, P["ink"], rx=10)
    c.rect(-42, -70, 84, 34, P["mist"], op=0.6, rx=3)
    for r in range(4):
        for k in range(4):
            c.rect(-42 + k * 22, -26 + r * 26, 16, 18, P["dusk"], rx=3)
    c.end()


# ---------------------------------------------------------------- cups, food and the table top

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


def mug(c: Canvas, x, y, s=1.0, color=P["paper"]):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.rect(-32, -70, 64, 70, color, rx=8)
    c.path("M30 -56 C 56 -56 56 -18 30 -18", "none", stroke=color, sw=9)
    c.ellipse(0, -70, 32, 6, P["ink"], op=0.3)
    c.end()


def glass_of_water(c: Canvas, x, y, s=1.0):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.path("M-26 -90 L26 -90 L20 0 L-20 0 Z", P["mist"], op=0.35)
    c.path("M-23 -50 L23 -50 L20 0 L-20 0 Z", P["mist"], op=0.45)
    c.path("M-26 -90 L26 -90 L20 0 L-20 0 Z", "none", stroke=P["paper"], sw=2, op=0.5)
    c.rect(-18, -84, 4, 70, P["paper"], op=0.35)
    c.end()


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


def fruit_bowl(c: Canvas, x, y, s=1.0):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    for fx, fy, r, col in ((-50, -40, 34, P["amber"]), (10, -50, 38, P["rose"]), (56, -36, 30, P["amber2"]), (-10, -76, 30, P["amber"])):
        c.circle(fx, fy, r, col)
        c.circle(fx - r * 0.3, fy - r * 0.3, r * 0.25, P["glow"], op=0.3)
    c.path("M-110 -30 L110 -30 C 100 20 60 30 0 30 C -60 30 -100 20 -110 -30 Z", P["paper"], op=0.9)
    c.end()


def wrapped_candy(c: Canvas, x, y, s=1.0, color=P["rose"], rot=0):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({s:.3f})")
    c.ellipse(0, 0, 18, 12, color)
    c.poly([(-16, 0), (-34, -12), (-34, 12)], color, op=0.8)
    c.poly([(16, 0), (34, -12), (34, 12)], color, op=0.8)
    c.ellipse(-4, -4, 6, 3, P["paper"], op=0.5)
    c.end()


def coin(c: Canvas, x, y, r=22):
    c.ellipse(x, y, r, r * 0.45, P["amber"], op=0.9)
    c.ellipse(x, y - 2, r * 0.8, r * 0.32, P["amber2"], op=0.6)


def tissue_box(c: Canvas, x, y, s=1.0):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.rect(-80, -70, 160, 70, P["dusk"], rx=4)
    c.rect(-80, -70, 160, 12, P["mist"], op=0.6)
    c.path("M-20 -70 C -30 -110 -6 -120 0 -104 C 8 -124 34 -110 22 -70 Z", P["paper"], op=0.9)
    c.end()


def paper_cup(c: Canvas, x, y_table, s=1.0, color=P["paper"]):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.ellipse(0, 0, 42, 8, P["ink"], op=0.45)
    c.path("M-30 -92 L30 -92 L22 0 L-22 0 Z", color, op=0.9)
    c.ellipse(0, -92, 30, 6, P["dusk"], op=0.9)
    c.rect(-26, -62, 50, 3, P["mist"], op=0.5)
    c.end()


def teacup(c: Canvas, x, y_table, s=1.0, steam=True):
    c.group(f"translate({f(x)} {f(y_table)}) scale({f(s)})")
    c.ellipse(0, -2, 80, 14, P["paper"], op=0.55)     # saucer
    c.ellipse(0, -4, 58, 9, P["paper"], op=0.8)
    c.path("M-46 -78 L46 -78 C 46 -30 30 -8 0 -8 C -30 -8 -46 -30 -46 -78 Z", P["paper"], op=0.92)
    c.path("M44 -66 C 70 -66 70 -32 36 -28", "none", stroke=P["paper"], sw=7, op=0.9, cap="round")
    c.ellipse(0, -78, 46, 8, P["amber"], op=0.85)
    if steam:
        for dx in (-12, 12):
            c.path(f"M{dx} -96 C {dx-12} -114 {dx+12} -132 {dx} -150 C {dx-10} -164 {dx+6} -176 {dx} -188",
                   "none", stroke=P["paper"], sw=4, op=0.22, cap="round")
    c.end()


# ---------------------------------------------------------------- belongings

def suitcase(c: Canvas, x, y_bottom, w=150, h=110, color=P["indigo2"], edge=P["ink"]):
    c.rect(x - w / 2, y_bottom - h, w, h, color, rx=10)
    c.rect(x - w / 2, y_bottom - h, w, h, "none", rx=10, stroke=edge, sw=4)
    c.path(f"M{f(x-24)} {f(y_bottom-h)} L{f(x-24)} {f(y_bottom-h-22)} L{f(x+24)} {f(y_bottom-h-22)} L{f(x+24)} {f(y_bottom-h)}",
           "none", stroke=edge, sw=7, cap="round")
    c.rect(x - w / 2 + 18, y_bottom - h, 6, h, edge, op=0.5)
    c.rect(x + w / 2 - 24, y_bottom - h, 6, h, edge, op=0.5)


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


def purse_open(c: Canvas, x, y, s=1.0, color=P["rose"]):
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    c.path("M-110 0 L110 0 L90 -90 L-90 -90 Z", color)
    c.path("M-90 -90 L90 -90 L70 -120 L-70 -120 Z", P["ink"], op=0.7)        # empty open mouth
    c.path("M-70 -120 L70 -120 L84 -150 L-84 -150 Z", color, op=0.75)         # open flap
    c.path("M-60 -120 C -60 -210 60 -210 60 -120", "none", stroke=color, sw=8)
    c.end()


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


# ---------------------------------------------------------------- aeroplanes

def plane(c: Canvas, x, y, s=1.0, rot=-8, color=P["paper"], op=0.85):
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({s:.3f})")
    c.path("M-90 0 C -80 -8 60 -9 86 -4 C 96 -2 96 4 86 6 C 60 10 -80 9 -90 4 Z", color, op=op)
    c.path("M-10 -4 L-40 -52 L-22 -52 L26 -4 Z", color, op=op)
    c.path("M-10 6 L-30 44 L-16 44 L20 6 Z", color, op=op)
    c.path("M-80 -2 L-94 -30 L-82 -30 L-62 -2 Z", color, op=op)
    c.end()


def airliner_side(c: Canvas, x, y_ground, s=1.0, color=P["ink"], lit=True):
    """A passenger plane seen from the side, standing on its wheels (nose to the right)."""
    c.group(f"translate({f(x)} {f(y_ground)}) scale({f(s)})")
    # landing gear
    for gx in (-40, 40):
        c.rect(gx - 3, -40, 6, 28, color)
        c.circle(gx, -10, 10, color)
    c.rect(225, -40, 5, 28, color)
    c.circle(227, -10, 9, color)
    # fuselage
    c.path("M-300 -64 C -300 -80 -280 -88 -250 -88 L240 -88 C 290 -88 318 -70 322 -58 C 318 -44 296 -36 250 -36 "
           "L-220 -36 C -260 -36 -290 -50 -300 -64 Z", color)
    # tail fin and stabiliser
    c.path("M-240 -86 L-300 -190 L-262 -190 L-170 -86 Z", color)
    c.path("M-280 -62 L-330 -56 L-320 -48 L-240 -52 Z", color)
    # wing (far side, foreshortened) and engine
    c.path("M-40 -52 L-130 -20 L-100 -20 L60 -50 Z", color)
    c.path("M-10 -44 C -10 -56 60 -56 60 -44 C 60 -30 -10 -30 -10 -44 Z", color)
    if lit:
        for i in range(22):
            c.rect(-200 + i * 19, -72, 7, 9, P["amber2"], op=0.55, rx=2)
        c.path("M282 -76 L300 -76 L306 -66 L286 -66 Z", P["mist"], op=0.5)
    c.end()
