"""People in the illustrations: silhouettes seen from behind and hands — never a face (media/STYLE.md)."""
from __future__ import annotations

from svgkit import Canvas, P, f, glow


# ---------------------------------------------------------------- silhouettes, seen from behind

def figure_back(c: Canvas, x, y_feet, h=300, color=P["ink"], op=None, hair="long", coat=True):
    """A standing person seen from behind; anonymous silhouette. h = full height."""
    s = h / 300
    c.group(f"translate({f(x)} {f(y_feet - h)}) scale({s:.4f})")
    fill = color
    # legs
    c.path("M-26 228 L-24 298 L-8 298 L-5 228 Z", fill, op=op)
    c.path("M26 228 L24 298 L8 298 L5 228 Z", fill, op=op)
    # coat/body
    if coat:
        c.path("M-13 52 C -32 56 -42 64 -44 84 L-48 178 L-42 238 L42 238 L48 178 L44 84 C 42 64 32 56 13 52 Z", fill, op=op)
    else:
        c.path("M-13 52 C -30 56 -38 64 -40 84 L-42 150 L-34 230 L34 230 L42 150 L40 84 C 38 64 30 56 13 52 Z", fill, op=op)
    # arms
    c.path("M-40 74 C -50 100 -52 150 -48 186 L-38 186 C -40 150 -36 110 -32 86 Z", fill, op=op)
    c.path("M40 74 C 50 100 52 150 48 186 L38 186 C 40 150 36 110 32 86 Z", fill, op=op)
    # head and hair (seen from behind)
    c.ellipse(0, 26, 16, 19, fill, op=op)
    if hair == "long":
        c.path("M-17 22 C -19 -2 19 -2 17 22 L20 66 C 8 72 -8 72 -20 66 Z", fill, op=op)
    elif hair == "bun":
        c.circle(0, 6, 9, fill, op=op)
    c.end()


def figure_seated_back(c: Canvas, x, y_seat, h=220, color=P["ink"], op=None):
    """Seated person seen from behind (head+shoulders+back), y_seat = seat level."""
    s = h / 220
    c.group(f"translate({f(x)} {f(y_seat - h)}) scale({s:.4f})")
    c.ellipse(0, 26, 17, 20, color, op=op)
    c.path("M-18 22 C -20 -2 20 -2 18 22 L21 70 C 8 76 -8 76 -21 70 Z", color, op=op)
    c.path("M-14 56 C -40 60 -52 72 -54 98 L-56 220 L56 220 L54 98 C 52 72 40 60 14 56 Z", color, op=op)
    c.end()


# ---------------------------------------------------------------- hands (round-capped strokes)

def hand(c: Canvas, x, y, s=1.0, rot=0, color=P["rose"], op=None, side=1):
    """A simple flat hand (back of hand, fingers together), pointing up at rot=0."""
    c.group(f"translate({f(x)} {f(y)}) rotate({f(rot)}) scale({f(s*side)} {f(s)})")
    # wrist/sleeve enters from below
    c.path("M-34 60 C -36 20 -38 -10 -30 -40 C -26 -60 -18 -78 -8 -80 C 2 -82 14 -80 22 -70 C 30 -56 34 -30 34 -8 "
           "C 44 -16 56 -20 60 -12 C 62 -6 50 10 40 26 C 36 40 34 50 34 60 Z", color, op=op)
    # finger separations
    c.path("M-14 -78 L-14 -44 M2 -81 L2 -46 M17 -74 L17 -44", "none", stroke=P["ink"], sw=2, op=0.25, cap="round")
    c.end()


SKIN = "#a8706a"


SKIN_LIT = "#c48c74"


def finger(c: Canvas, x1, y1, x2, y2, w=22, color=SKIN, op=None):
    o = f' opacity="{op}"' if op is not None else ""
    c.add(f'<path d="M{f(x1)} {f(y1)} L{f(x2)} {f(y2)}" fill="none" stroke="{color}" stroke-width="{f(w)}" stroke-linecap="round"{o}/>')


def curl(c: Canvas, d, w=22, color=SKIN, op=None):
    o = f' opacity="{op}"' if op is not None else ""
    c.add(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{f(w)}" stroke-linecap="round" stroke-linejoin="round"{o}/>')


def sleeve(c: Canvas, pts, color=P["ink"]):
    c.poly(pts, color)


def hands_phone(c: Canvas, x, y, s=1.0, screen=P["mist"], typing=True):
    """Two hands holding a phone (seen over the shoulder), phone centred on (x, y)."""
    c.group(f"translate({f(x)} {f(y)}) scale({s:.3f})")
    glow(c, 0, -20, 420, P["mist"], 0.35)
    # sleeves from the lower corners
    c.poly([(-330, 420), (-150, 420), (-70, 190), (-150, 150), (-260, 230)], P["ink"])
    c.poly([(330, 420), (150, 420), (70, 190), (150, 150), (260, 230)], P["ink"])
    # palms behind the phone
    c.ellipse(-95, 150, 70, 90, SKIN, rot=-25)
    c.ellipse(95, 150, 70, 90, SKIN, rot=25)
    # fingers behind the phone edges
    for i, yy in enumerate((-10, 30, 70)):
        finger(c, -150, yy + 70, -96, yy, 24, SKIN)
        finger(c, 150, yy + 70, 96, yy, 24, SKIN)
    # the phone
    c.rect(-100, -190, 200, 380, P["ink"], rx=26)
    c.rect(-86, -170, 172, 330, screen, rx=10)
    c.rect(-86, -170, 172, 330, c.lin([(0, P["paper"], 0.35), (1, P["paper"], 0)], 0, -170, 0, 160, user=True), rx=10)
    if typing:
        # message bubbles, no legible text
        c.rect(-70, -150, 100, 30, P["indigo"], op=0.55, rx=12)
        c.rect(-30, -108, 100, 30, P["paper"], op=0.85, rx=12)
        c.rect(-70, -66, 120, 30, P["indigo"], op=0.55, rx=12)
        c.rect(-10, -24, 80, 30, P["paper"], op=0.85, rx=12)
        c.rect(-76, 100, 152, 44, P["paper"], op=0.9, rx=10)
        for k in range(6):
            c.rect(-66 + k * 14, 118, 8, 6, P["blue"], op=0.6)
    # thumbs over the screen
    finger(c, -112, 150, -56, 96, 36, SKIN_LIT)
    finger(c, 112, 160, 60, 112, 36, SKIN_LIT)
    c.end()


def hands_cup(c: Canvas, x, y_table, s=1.0, cup_col=P["paper"], steam=True):
    """Two hands around a cup on a table."""
    c.group(f"translate({f(x)} {f(y_table)}) scale({s:.3f})")
    c.ellipse(0, 0, 140, 18, P["ink"], op=0.5)
    # sleeves
    c.poly([(-420, 40), (-180, 40), (-120, -40), (-200, -80), (-430, -30)], P["ink"])
    c.poly([(420, 40), (180, 40), (120, -40), (200, -80), (430, -30)], P["ink"])
    # palms at the sides of the cup
    c.ellipse(-118, -60, 62, 46, SKIN, rot=-10)
    c.ellipse(118, -60, 62, 46, SKIN, rot=10)
    # cup
    c.path("M-80 -170 L80 -170 C 80 -70 60 -6 0 -6 C -60 -6 -80 -70 -80 -170 Z", cup_col, op=0.95)
    c.ellipse(0, -170, 80, 14, P["amber"], op=0.85)
    c.ellipse(0, -170, 80, 14, "none", stroke=cup_col, sw=4)
    # fingers wrapping the cup front
    for i, yy in enumerate((-120, -94, -68)):
        curl(c, f"M-150 {yy+20} C -110 {yy+6} -70 {yy} -36 {yy+4}", 22, SKIN_LIT if i == 0 else SKIN)
        curl(c, f"M150 {yy+26} C 110 {yy+12} 70 {yy+6} 40 {yy+10}", 22, SKIN if i else SKIN_LIT)
    curl(c, "M-160 -70 C -150 -120 -120 -150 -96 -150", 24, SKIN_LIT)
    curl(c, "M160 -70 C 150 -120 120 -150 96 -150", 24, SKIN_LIT)
    if steam:
        for dx in (-20, 18):
            c.path(f"M{dx} -196 C {dx-18} -226 {dx+18} -256 {dx} -286 C {dx-14} -306 {dx+8} -326 {dx} -346",
                   "none", stroke=P["paper"], sw=5, op=0.22, cap="round")
    c.end()
