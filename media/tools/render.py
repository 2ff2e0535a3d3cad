"""Render SVGs to PNG for review (writes to /tmp/art, never into the repo).

usage: python render.py file.svg [...]            -> /tmp/art/<name>.png (960x540)
       python render.py --sheet NAME file.svg ...  -> /tmp/art/NAME-sheet.png contact sheet
       python render.py --portrait file.svg        -> also a centre-cropped portrait view
"""
import os
import sys

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame  # noqa: E402

pygame.init()
OUT = "/tmp/art"
os.makedirs(OUT, exist_ok=True)


def load(p, size=(960, 540)):
    return pygame.image.load_sized_svg(p, size)


def main(argv):
    sheet = None
    portrait = False
    files = []
    it = iter(argv)
    for a in it:
        if a == "--sheet":
            sheet = next(it)
        elif a == "--portrait":
            portrait = True
        else:
            files.append(a)
    if sheet:
        tw, th, cols = 480, 270, 3
        rows = (len(files) + cols - 1) // cols
        S = pygame.Surface((cols * (tw + 8) + 8, rows * (th + 8) + 8))
        S.fill((40, 40, 44))
        for i, p in enumerate(files):
            im = load(p, (tw, th))
            S.blit(im, (8 + (i % cols) * (tw + 8), 8 + (i // cols) * (th + 8)))
        pygame.image.save(S, f"{OUT}/{sheet}-sheet.png")
        print(f"{OUT}/{sheet}-sheet.png")
        return
    for p in files:
        name = os.path.splitext(os.path.basename(p))[0]
        story = os.path.basename(os.path.dirname(p))
        tag = name if story == "images" else f"{story}-{name}"
        im = load(p)
        pygame.image.save(im, f"{OUT}/{tag}.png")
        print(f"{OUT}/{tag}.png", os.path.getsize(p) // 1024, "KB")
        if portrait:
            big = load(p, (1920 * 540 // 1080 * 1, 540))  # 960x540, crop centre 304 wide
            cw = int(540 * 1080 / 1920)
            crop = big.subsurface(((960 - cw) // 2, 0, cw, 540)).copy()
            pygame.image.save(crop, f"{OUT}/{tag}-portrait.png")


if __name__ == "__main__":
    main(sys.argv[1:])
