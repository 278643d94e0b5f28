#!/usr/bin/env python3
"""Fails unless a screenshot PNG shows a rendered relay page, not a blank one.

Usage: png-check.py FILE.png...   (standard library only)

Decodes the PNG (8-bit RGB or RGBA, non-interlaced, as Chromium writes them), undoes the scanline
filters and requires, per file:
  * at least 2 % of the pixels differ from the most common (background) colour,
  * at least 0.3 % of the pixels are dark (text: every channel below 100),
  * at least 0.5 % of the pixels have the page's own-row highlight colour #eef6ff (the token table
    rendered with this page's row).
"""
import struct
import sys
import zlib
from collections import Counter

MIN_NON_BACKGROUND = 0.02
MIN_DARK = 0.003
MIN_OWN_ROW = 0.005
OWN_ROW = (0xEE, 0xF6, 0xFF)


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None or not idat:
        raise ValueError("no IHDR or IDAT chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError("image data has the wrong length")
    prev = bytearray(stride)
    out = []
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif ftype != 0:
            raise ValueError(f"bad filter type {ftype} in row {y}")
        out.extend(bytes(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return width, height, out


def check(path):
    width, height, px = pixels(path)
    total = width * height
    counts = Counter(px)
    background, bg_count = counts.most_common(1)[0]
    non_bg = (total - bg_count) / total
    dark = sum(n for p, n in counts.items() if max(p) < 100) / total
    own = counts.get(bytes(OWN_ROW), 0) / total
    summary = (f"{path}: {width}x{height}, background #{background.hex()}, non-background {non_bg:.1%}, "
               f"dark {dark:.2%}, own-row highlight {own:.2%}")
    problems = []
    if non_bg < MIN_NON_BACKGROUND:
        problems.append(f"non-background pixels {non_bg:.2%} < {MIN_NON_BACKGROUND:.0%} (blank page?)")
    if dark < MIN_DARK:
        problems.append(f"dark (text) pixels {dark:.2%} < {MIN_DARK:.1%}")
    if own < MIN_OWN_ROW:
        problems.append(f"own-row highlight #eef6ff {own:.2%} < {MIN_OWN_ROW:.1%} (token table not rendered?)")
    return summary, problems


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        try:
            summary, problems = check(path)
        except (OSError, ValueError, zlib.error) as e:
            print(f"FAIL: {path}: {e}", file=sys.stderr)
            failed = True
            continue
        if problems:
            print(f"FAIL: {summary}: " + "; ".join(problems), file=sys.stderr)
            failed = True
        else:
            print(f"ok: {summary}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
