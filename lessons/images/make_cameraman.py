#!/usr/bin/env python3
"""Remakes cameraman-28.png from scikit-image's camera.png (see README.md).

camera.png is the 512x512 greyscale photograph that Debian's python3-skimage
package ships as skimage/data/camera.png (CC0, Lav Varshney). This script
cuts the 448x448 square whose top-left corner is pixel (40, 0), which keeps
the photographer, his camera, the tripod and the horizon, and shrinks it to
28x28 by averaging each 16x16 block, rounding halves up. It needs only the
Python standard library, so the provenance can be checked anywhere:

    apt-get download python3-skimage
    dpkg-deb -x python3-skimage_*.deb skimage-deb
    python3 make_cameraman.py skimage-deb/usr/lib/python3/dist-packages/skimage/data/camera.png

writes cameraman-28.png beside this script.
"""
import os
import struct
import sys
import zlib

TOP, LEFT, SIDE, OUT = 40, 0, 448, 28


def read_grey_png(path):
    """An 8-bit greyscale, non-interlaced PNG as a list of rows."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour != 0 or interlace != 0:
        sys.exit(f"{path}: expected 8-bit greyscale without interlacing")
    raw = zlib.decompress(idat)
    rows, previous, stride = [], [0] * width, width + 1
    for r in range(height):
        kind, line = raw[r * stride], list(raw[r * stride + 1:(r + 1) * stride])
        for c in range(width):
            left = line[c - 1] if c else 0
            up = previous[c]
            corner = previous[c - 1] if c else 0
            if kind == 1:
                line[c] = (line[c] + left) & 255
            elif kind == 2:
                line[c] = (line[c] + up) & 255
            elif kind == 3:
                line[c] = (line[c] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[c] = (line[c] + guess) & 255
        rows.append(line)
        previous = line
    return rows


def write_grey_png(path, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    photo = read_grey_png(sys.argv[1])
    block = SIDE // OUT
    small = []
    for r in range(OUT):
        row = []
        for c in range(OUT):
            total = sum(photo[TOP + r * block + i][LEFT + c * block + j] for i in range(block) for j in range(block))
            row.append((2 * total + block * block) // (2 * block * block))  # the mean, halves rounded up
        small.append(row)
    write_grey_png(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cameraman-28.png"), small)


if __name__ == "__main__":
    main()
