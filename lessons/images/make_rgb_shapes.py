#!/usr/bin/env python3
"""Draws rgb-shapes-8.png: the 8x8 colour picture of lessons/rgb-several-filters.yaml.

A blue sky over green grass, a red house with a yellow door, every pixel a
plain 8-bit R, G, B triple chosen here, so each channel has something of its
own to say: the house is bright in R only, the sky in B, the grass in G, the
door in R and G. Standard library only (zlib for the PNG's one IDAT chunk);
rerunning it writes the same bytes. Made for convlesson and dedicated to the
public domain under CC0 1.0.

Usage: make_rgb_shapes.py [OUTPUT]   (default: rgb-shapes-8.png beside this file)
"""
import os
import struct
import sys
import zlib

SKY, GRASS, HOUSE, ROOF, DOOR, SUN = (90, 160, 230), (60, 170, 70), (200, 40, 40), (120, 30, 30), (240, 210, 40), (250, 240, 200)


def picture():
    rows = []
    for r in range(8):
        row = []
        for c in range(8):
            colour = SKY if r < 6 else GRASS
            if r <= 1 and c >= 6:
                colour = SUN
            if r == 2 and 2 <= c <= 4:
                colour = ROOF
            if 3 <= r <= 6 and 1 <= c <= 5:
                colour = HOUSE
            if 5 <= r <= 6 and c == 3:
                colour = DOOR
            row.append(colour)
        rows.append(row)
    return rows


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\0" + bytes(v for px in row for v in px) for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "rgb-shapes-8.png")
    with open(out, "wb") as f:
        f.write(png(picture()))


if __name__ == "__main__":
    main()
