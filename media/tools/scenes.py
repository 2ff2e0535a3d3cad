"""Settings for the story scenes: rooms, windows, corridors, streets and buildings. Each draws the background
of a scene on the Canvas (returning it where a story adds to it) before the story draws its objects."""
from __future__ import annotations

from svgkit import Canvas, H, P, W, f, glow, hgrad, lerp, rain, sky, skyline, stars, vgrad
from objects import plane


# ---------------------------------------------------------------- interiors

def room(c: Canvas, wall=P["indigo"], wall2=P["night"], floor_y=760, floor=P["ink"], light=(960, 420), warm=True):
    """A plain frontal room: wall gradient, floor, one light source."""
    c.rect(0, 0, W, floor_y, c.lin([(0, wall2), (1, wall)], 0, 0, 0, floor_y, user=True))
    if light:
        glow(c, light[0], light[1], 900, P["amber"] if warm else P["mist"], 0.22 if warm else 0.16)
    c.rect(0, floor_y, W, H - floor_y, c.lin([(0, P["indigo"] if warm else P["teal"]), (1, floor)], 0, floor_y, 0, H, user=True))
    c.rect(0, floor_y - 4, W, 8, P["ink"], op=0.6)
    return c


def back_wall(c: Canvas, floor_y=760, top=P["night"], low=P["indigo"], floor_top=P["indigo"], floor_low=P["ink"]):
    c.rect(0, 0, W, floor_y, vgrad(c, [(0, top), (1, low)], 0, floor_y))
    c.rect(0, floor_y, W, H - floor_y, vgrad(c, [(0, floor_top), (1, floor_low)], floor_y, H))
    c.rect(0, floor_y - 6, W, 10, P["ink"], op=0.55)


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


def high_window(c: Canvas, x, y, w, h, glass=P["mist"], bars=3, frame=P["ink"], glass_op=0.7):
    c.rect(x, y, w, h, glass, op=glass_op)
    c.rect(x, y, w, h * 0.45, P["paper"], op=0.12)
    for i in range(1, bars + 1):
        c.rect(x + w * i / (bars + 1) - 3, y, 6, h, frame, op=0.85)
    c.rect(x - 10, y - 10, w + 20, 10, frame)
    c.rect(x - 10, y + h, w + 20, 12, frame)
    c.rect(x - 10, y - 10, 10, h + 20, frame)
    c.rect(x + w, y - 10, 10, h + 20, frame)


def soft_beam(c: Canvas, pts, color=P["paper"], op=0.1, layers=3):
    """A beam of light: the polygon drawn a few times, each a little narrower, for a soft edge."""
    cx = sum(p[0] for p in pts) / len(pts)
    cy = sum(p[1] for p in pts) / len(pts)
    for i in range(layers):
        k = 1 - i * 0.12
        c.poly([(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in pts], color, op=round(op / layers * 1.6, 3))


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


def strip(c: Canvas, x, y, w, h=12, op=0.8, glow_r=None):
    if glow_r:
        glow(c, x + w / 2, y + h, glow_r, P["mist"], 0.18)
    c.rect(x, y, w, h, P["paper"], op=op, rx=h / 2)


def flat_glow(c: Canvas, cx, cy, r, squash=0.35, color=P["amber2"], op=0.4):
    """A radial glow squashed vertically: a pool of light on the ground."""
    c.group(f"translate({f(cx)} {f(cy)}) scale(1 {squash:.3f})")
    glow(c, 0, 0, r, color, op)
    c.end()


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


# ---------------------------------------------------------------- one-point perspective

def persp(vp, p, t):
    """Point on the line from p towards the vanishing point vp, t in 0..1."""
    return (lerp(p[0], vp[0], t), lerp(p[1], vp[1], t))


def corridor(c: Canvas, vp=(960, 450), far=(820, 300, 1100, 560), wall=P["teal"], floor=P["indigo"],
             ceil=P["night"], light=P["mist"], wall_op=1.0):
    """One-point-perspective corridor. far = (x0, y0, x1, y1) of the far end rectangle."""
    x0, y0, x1, y1 = far
    c.rect(0, 0, W, H, P["ink"])
    # ceiling, floor, walls (trapezoids from the canvas edges to the far rectangle)
    c.poly([(0, 0), (W, 0), (x1, y0), (x0, y0)], vgrad(c, [(0, P["ink"]), (1, ceil)], 0, y0))
    c.poly([(0, H), (W, H), (x1, y1), (x0, y1)], vgrad(c, [(0, floor), (1, P["ink"])], y1, H))
    c.poly([(0, 0), (x0, y0), (x0, y1), (0, H)], hgrad(c, [(0, P["ink"]), (1, wall)], 0, x0), op=wall_op)
    c.poly([(W, 0), (x1, y0), (x1, y1), (W, H)], hgrad(c, [(0, wall), (1, P["ink"])], x1, W), op=wall_op)
    # far wall
    c.rect(x0, y0, x1 - x0, y1 - y0, vgrad(c, [(0, P["indigo"]), (1, wall)], y0, y1))
    # a faint even wash of institutional light down the middle
    glow(c, vp[0], vp[1] - 40, 700, light, 0.14)


def side_door(c: Canvas, vp, edge_x, t0, t1, y_top_at_edge, y_floor_at_edge, color=P["indigo"], frame=P["ink"], knob=True):
    """A door on a side wall of a corridor, between depths t0 and t1 (0 = viewer, 1 = vanishing point)."""
    a = persp(vp, (edge_x, y_top_at_edge), t0)
    b = persp(vp, (edge_x, y_top_at_edge), t1)
    cc = persp(vp, (edge_x, y_floor_at_edge), t1)
    d = persp(vp, (edge_x, y_floor_at_edge), t0)
    c.poly([a, b, cc, d], frame, op=0.85)
    # inner panel slightly inset
    ia = persp(vp, (edge_x, y_top_at_edge + 14), t0 + (t1 - t0) * 0.08)
    ib = persp(vp, (edge_x, y_top_at_edge + 14), t1 - (t1 - t0) * 0.08)
    ic = persp(vp, (edge_x, y_floor_at_edge), t1 - (t1 - t0) * 0.08)
    idd = persp(vp, (edge_x, y_floor_at_edge), t0 + (t1 - t0) * 0.08)
    c.poly([ia, ib, ic, idd], color)
    if knob:
        k = persp(vp, (edge_x, lerp(y_top_at_edge, y_floor_at_edge, 0.55)), t1 - (t1 - t0) * 0.2)
        c.circle(k[0], k[1], max(2.5, 9 * (1 - t1)), P["amber"], op=0.55)


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


# ---------------------------------------------------------------- exteriors

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


# ---------------------------------------------------------------- buildings and day

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
