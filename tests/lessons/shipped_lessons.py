#!/usr/bin/env python3
"""Every shipped lesson, built, against numbers worked out here.

Builds the lessons folder with `convlesson build --werror` (lesson.json and
the pages), then for every lesson reads its YAML with PyYAML and works out
each variant on its own, sharing no code with the tool: the image (pixel
lists, the four patterns, PNG files decoded here with zlib), the filters
(presets from this file's own table), the padding `same` resolves to, the
convolution (or transposed convolution), the activation and the pooling,
in NumPy. Every map of every variant in lesson.json must match to 1e-9
(relative to the value's size when it is larger than 1).

The prose of a lesson may quote a number the build computes only when a
claim below checks it: each claim is a phrase that must stand in the
lesson's prose, word for word, and a check on the numbers worked out here.
If the numbers change, the claim fails and names the sentence to rewrite;
if the sentence is rewritten, the claim fails until it is updated too.

Usage: shipped_lessons.py CONVLESSON LESSONS_DIR [--keep DIR]
Exit 0 when everything agrees; 1 with every problem listed otherwise.
"""
import argparse
import hashlib
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from decimal import Decimal

try:
    import numpy as np
    import yaml
except ImportError as missing:  # scripts/test.sh installs both
    print(f"shipped lessons: {missing}; install python3-numpy and python3-yaml", file=sys.stderr)
    sys.exit(1)

TOLERANCE = 1e-9
# At least this many lessons: the course of issue 15 (the lessons of other
# branches count as they arrive).
MIN_LESSONS = 6

PRESETS = {
    "vertical-edge": ("Vertical edge", [[1, 0, -1], [1, 0, -1], [1, 0, -1]]),
    "horizontal-edge": ("Horizontal edge", [[1, 1, 1], [0, 0, 0], [-1, -1, -1]]),
    "sobel-x": ("Sobel x", [[1, 0, -1], [2, 0, -2], [1, 0, -1]]),
    "sobel-y": ("Sobel y", [[1, 2, 1], [0, 0, 0], [-1, -2, -1]]),
    "laplacian": ("Laplacian", [[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    "sharpen": ("Sharpen", [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    "box-blur": ("Box blur", [[1 / 9] * 3] * 3),
    "identity": ("Identity", [[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
}


class Problem(Exception):
    pass


# ---------------------------------------------------------------- the image

def pair(v):
    return [v, v] if isinstance(v, (int, float)) else list(v)


def pattern_image(p):
    if isinstance(p, str):
        p = {"kind": p}
    kind = p["kind"]
    rows, cols = pair(p.get("size", 6))
    value, background = p.get("value", 9), p.get("background", 0)
    img = np.full((rows, cols), float(background))
    if kind in ("vertical-bar", "horizontal-bar"):
        across = cols if kind == "vertical-bar" else rows  # the side the band is counted on
        along = rows if kind == "vertical-bar" else cols
        if "band" in p:
            band = pair(p["band"])
        else:
            band = [across // 2 - 1, across // 2] if across % 2 == 0 else [across // 2, across // 2]
        span = pair(p["span"]) if "span" in p else [0, along - 1]
        for i in range(band[0], band[1] + 1):
            for j in range(span[0], span[1] + 1):
                if kind == "vertical-bar":
                    img[j, i] = value
                else:
                    img[i, j] = value
    elif kind == "checkerboard":
        cell = p.get("cell", 1)
        for r in range(rows):
            for c in range(cols):
                if (r // cell + c // cell) % 2 == 0:
                    img[r, c] = value
    elif kind == "diagonal":
        for r in range(min(rows, cols)):
            img[r, r] = value
    else:
        raise Problem(f"pattern kind {kind!r} is not known to this test; teach it")
    return img[None]


def png_pixels(path):
    """An 8-bit, non-interlaced grey, grey+alpha, RGB or RGBA PNG as [h][w][channels]."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Problem(f"{path}: not a PNG")
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
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise Problem(f"{path}: this test decodes 8-bit grey or RGB(A) PNGs without interlacing; teach it this one")
    raw = zlib.decompress(idat)
    line_bytes = width * channels
    out, previous = [], bytearray(line_bytes)
    for r in range(height):
        start = r * (line_bytes + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + line_bytes])
        for i in range(line_bytes):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        out.append([list(line[c * channels:(c + 1) * channels]) for c in range(width)])
        previous = line
    return np.array(out, dtype=float)


def file_image(spec, folder):
    if "size" in spec:
        raise Problem("image.size (resampling) is not worked out by this test; teach it")
    pixels = png_pixels(os.path.join(folder, spec["file"]))
    colour = pixels.shape[2] >= 3
    if spec.get("mode") == "rgb":
        rgb = pixels[:, :, :3] if colour else np.repeat(pixels[:, :, :1], 3, axis=2)
        return np.transpose(rgb, (2, 0, 1))
    if not colour:
        return pixels[None, :, :, 0]
    r, g, b = pixels[:, :, 0], pixels[:, :, 1], pixels[:, :, 2]
    return np.floor(0.299 * r + 0.587 * g + 0.114 * b + 0.5)[None]  # halves rounded up


def image_of(spec, folder):
    if "pixels" in spec:
        a = np.array(spec["pixels"], dtype=float)
        return a if a.ndim == 3 else a[None]
    if "pattern" in spec:
        return pattern_image(spec["pattern"])
    if "file" in spec:
        return file_image(spec, folder)
    raise Problem(f"image without pixels, pattern or file: {spec}")


# ---------------------------------------------------------------- filters

def one_filter(f):
    """(name, weights [c][k][k], bias)."""
    if isinstance(f, str):
        name, w = PRESETS[f]
        return name, np.array(w, dtype=float)[None], 0.0
    if isinstance(f, list):
        name, w, bias = "Custom", f, 0.0
    else:
        name, w, bias = f.get("name", "Custom"), f["weights"], float(f.get("bias", 0))
    w = np.array(w, dtype=float)
    return name, (w if w.ndim == 3 else w[None]), bias


def filters_of(v):
    return [one_filter(f) for f in v["filters"]] if "filters" in v else [one_filter(v["filter"])]


# ---------------------------------------------------------------- the layer

def same_pads(n, k, s, d):
    out = -(-n // s)
    total = max((out - 1) * s + (k - 1) * d + 1 - n, 0)
    return total // 2, total - total // 2


def conv_forward(image, filters, conv):
    _, h, w = image.shape
    k_h, k_w = filters[0][1].shape[1:]
    s_h, s_w = pair(conv.get("stride", 1))
    d_h, d_w = pair(conv.get("dilation", 1))
    padding = conv.get("padding", "valid")
    if padding == "valid":
        pads = [0, 0, 0, 0]
    elif padding == "same":
        pads = [*same_pads(h, k_h, s_h, d_h), *same_pads(w, k_w, s_w, d_w)]
    elif padding == "causal":  # one-row signals: the left only, so no output sees the future
        pads = [0, 0, (k_w - 1) * d_w, 0]
    else:
        p_h, p_w = pair(padding)
        pads = [p_h, p_h, p_w, p_w]
    padded = np.pad(image, ((0, 0), (pads[0], pads[1]), (pads[2], pads[3])))
    out_h = (padded.shape[1] - ((k_h - 1) * d_h + 1)) // s_h + 1
    out_w = (padded.shape[2] - ((k_w - 1) * d_w + 1)) // s_w + 1
    maps = np.zeros((len(filters), out_h, out_w))
    for f, (_, weights, bias) in enumerate(filters):
        for r in range(out_h):
            for c in range(out_w):
                total = 0.0
                for ch in range(weights.shape[0]):
                    for i in range(k_h):
                        for j in range(k_w):
                            total += weights[ch, i, j] * padded[ch, r * s_h + i * d_h, c * s_w + j * d_w]
                maps[f, r, c] = total + bias
    return maps, pads


def conv_transposed(image, filters, conv):
    """PyTorch's ConvTranspose2d: each input cell scatters a scaled copy of the filter."""
    _, h, w = image.shape
    k_h, k_w = filters[0][1].shape[1:]
    s_h, s_w = pair(conv.get("stride", 1))
    d_h, d_w = pair(conv.get("dilation", 1))
    padding = conv.get("padding", 0)
    p_h, p_w = (0, 0) if padding == "valid" else pair(padding)
    o_h, o_w = pair(conv.get("output_padding", 0))
    full_h = (h - 1) * s_h + (k_h - 1) * d_h + 1 + o_h
    full_w = (w - 1) * s_w + (k_w - 1) * d_w + 1 + o_w
    out_h, out_w = full_h - 2 * p_h, full_w - 2 * p_w
    maps = np.zeros((len(filters), out_h, out_w))
    for f, (_, weights, bias) in enumerate(filters):
        full = np.zeros((full_h, full_w))
        for ch in range(weights.shape[0]):
            for r in range(h):
                for c in range(w):
                    for i in range(k_h):
                        for j in range(k_w):
                            full[r * s_h + i * d_h, c * s_w + j * d_w] += image[ch, r, c] * weights[ch, i, j]
        maps[f] = full[p_h:p_h + out_h, p_w:p_w + out_w] + bias
    return maps, [p_h, p_h, p_w, p_w]


def activate(maps, activation):
    kind = activation if isinstance(activation, str) else activation.get("type", "relu")
    if kind == "relu":
        return np.maximum(maps, 0.0)
    if kind == "none":
        return maps.copy()
    if kind == "leaky-relu":
        slope = 0.01 if isinstance(activation, str) else float(activation.get("slope", 0.01))
        return np.where(maps > 0, maps, slope * maps)
    raise Problem(f"activation {activation!r} is not known to this test; teach it")


def pool_windows(n, size, stride, remainder):
    if remainder == "drop":
        count = (n - size) // stride + 1
    else:
        count = -(-max(n - size, 0) // stride) + 1
    return [(i * stride, min(i * stride + size, n)) for i in range(count)]


def pool(maps, spec):
    if spec == "none":
        return None
    spec = dict(spec or {})
    kind = spec.get("type", "max")
    size = pair(spec.get("size", 2))
    stride = pair(spec.get("stride", spec.get("size", 2)))
    remainder = spec.get("remainder", "drop")
    rows = pool_windows(maps.shape[1], size[0], stride[0], remainder)
    cols = pool_windows(maps.shape[2], size[1], stride[1], remainder)
    out = np.zeros((maps.shape[0], len(rows), len(cols)))
    for f in range(maps.shape[0]):
        for i, (r0, r1) in enumerate(rows):
            for j, (c0, c1) in enumerate(cols):
                window = maps[f, r0:r1, c0:c1]
                if window.size:
                    out[f, i, j] = window.max() if kind == "max" else window.mean()
    return out


def work_out(v, folder):
    image = image_of(v["image"], folder)
    filters = filters_of(v)
    conv = v.get("conv") or {}
    if conv.get("transposed"):
        conv_maps, pads = conv_transposed(image, filters, conv)
    else:
        conv_maps, pads = conv_forward(image, filters, conv)
    act = activate(conv_maps, v.get("activation", "relu"))
    return {"label": v["label"], "image": image, "filters": filters, "pads": pads,
            "conv": conv_maps, "act": act, "pool": pool(act, v.get("pool"))}


VARIANT_KEYS = ("image", "filter", "filters", "conv", "activation", "pool")


def variants_of(lesson):
    """Each variant's settings: the base's, with the keys the variant sets replaced whole."""
    base = {k: lesson[k] for k in VARIANT_KEYS if k in lesson}
    first_filter = filters_of(base)[0][0]
    out = [dict(base, label=lesson.get("label", first_filter))]
    for v in lesson.get("variants", []):
        merged = dict(base)
        if "filter" in v or "filters" in v:
            merged.pop("filter", None)
            merged.pop("filters", None)
        merged.update({k: v[k] for k in VARIANT_KEYS if k in v})
        merged["label"] = v.get("label")
        out.append(merged)
    return out


# ---------------------------------------------------------------- comparing

def as_stack(variant, key):
    """A map of lesson.json as [f][h][w] (the one-filter shape has no filter axis)."""
    value = variant["input"] if key == "input" else (variant[key] or {}).get("output")
    if value is None:
        return None
    a = np.array(value, dtype=float)
    return a[None] if a.ndim == 2 else a


def close(ours, worked):
    return ours.shape == worked.shape and bool(np.all(np.abs(ours - worked) <= TOLERANCE * np.maximum(1.0, np.abs(worked))))


def compare_variant(where, got, want, problems):
    if got["label"] != want["label"]:
        problems.append(f"{where}: label {got['label']!r}, expected {want['label']!r}")
    for key, ours, worked in (("input", as_stack(got, "input"), want["image"]),
                              ("conv", as_stack(got, "conv"), want["conv"]),
                              ("activation", as_stack(got, "activation"), want["act"]),
                              ("pool", as_stack(got, "pool"), want["pool"])):
        if worked is None or ours is None:
            if (worked is None) != (ours is None):
                problems.append(f"{where}: {key} is {'missing' if ours is None else 'there'} in lesson.json, "
                                f"{'not ' if worked is None else ''}expected")
            continue
        if not close(ours, worked):
            detail = f"shape {ours.shape} vs {worked.shape}" if ours.shape != worked.shape else \
                f"first difference at {tuple(int(i) for i in np.argwhere(np.abs(ours - worked) > TOLERANCE * np.maximum(1.0, np.abs(worked)))[0])}"
            problems.append(f"{where}: {key} differs from the worked-out map ({detail})")
    if got["conv"]["padding"] != want["pads"]:
        problems.append(f"{where}: padding {got['conv']['padding']}, worked out {want['pads']}")


# ---------------------------------------------------------------- claims

def prose_of(lesson):
    text = " ".join(s.get("body", "") for s in lesson.get("sections", []) if isinstance(s, dict))
    return re.sub(r"\s+", " ", text)


def map_of(results, label, key):
    """One map ([h][w]) of the variant named `label`: its first filter's."""
    return results[label][key][0]


def conv_beats(json_variant):
    return sum(1 for b in json_variant["beats"] if b["stage"] == "conv")


def claims_conv_relu_pool(r, j):
    v, h = r["Vertical edge"], r["Horizontal edge"]
    conv = v["conv"][0]
    return [
        ("fits in 6 - 3 + 1 = 4 positions across and 4 down, so the feature map is 4x4", conv.shape == (4, 4)),
        ("A 4x4 map gives 2x2 windows in 2 rows and 2 columns, so the result is 2x2", v["pool"][0].shape == (2, 2)),
        ("its edge answers are ±18 (two rows of 9)", np.abs(conv[[0, 3]]).max() == 18),
        ("hold three bright rows and answer ±27", np.abs(conv[[1, 2]]).max() == 27 and conv[[1, 2]].min() == -27),
        ("The left edge of the bar (dark to bright, reading left to right) gives negative sums",
         conv[:, :2].max() <= 0 and conv[:, 2:].min() >= 0),
        ("pooling ends with a column of `0`s next to a column of `27`s",
         np.array_equal(v["pool"][0], np.array([[0, 27], [0, 27]]))),
        ("the maps come out as the transposes of the vertical ones",
         all(np.array_equal(h[k][0], v[k][0].T) for k in ("conv", "act", "pool"))),
    ]


def claims_padding_and_stride(r, j):
    v, lap = r["Sobel x on a checkerboard"], r["Laplacian on a dark diagonal"]
    conv = lap["conv"][0]
    border = [(i, k) for i in range(conv.shape[0]) for k in range(conv.shape[1])
              if i in (0, conv.shape[0] - 1) or k in (0, conv.shape[1] - 1)]
    corners_on_line = {(0, 0), (conv.shape[0] - 1, conv.shape[1] - 1)}
    return [
        ("For a 9x9 image and a stride of 2 that is 5 cells a side",
         v["image"].shape[1:] == (9, 9) and v["conv"][0].shape == (5, 5)),
        ("one row of zeros at the top and one at the bottom, and one column of zeros at each side", v["pads"] == [1, 1, 1, 1]),
        ("The pooled map is 3x3, and its bottom-right cell is the average of a single cell",
         v["pool"][0].shape == (3, 3) and v["pool"][0][2, 2] == v["act"][0][4, 4]),
        ("the map goes negative along the edge, everywhere but the two corners the dark line runs through",
         all(conv[c] < 0 for c in border if c not in corners_on_line) and all(conv[c] >= 0 for c in corners_on_line)),
    ]


def claims_dilation(r, j):
    d1, d2, d3 = (r[k] for k in ("Dilation 1", "Dilation 2", "Dilation 3"))
    image = d1["image"][0]
    bar = [c for c in range(image.shape[1]) if image[:, c].max() > 0]
    middle = d2["conv"][0].shape[1] // 2
    return [
        ("a bright bar three pixels wide", len(bar) == 3 and bar == list(range(bar[0], bar[0] + 3))),
        ("that is `27` or `-27`",
         all(set(np.unique(x["conv"][0])) <= {-27, 0, 27} for x in (d1, d2, d3))
         and all(x["conv"][0].min() == -27 and x["conv"][0].max() == 27 for x in (d1, d2))),
        ("On this 7x9 image the map is 5x7, then 3x5, and at dilation 3 the window is as tall as the image, "
         "so the map is a single row of three cells",
         image.shape == (7, 9) and d1["conv"][0].shape == (5, 7) and d2["conv"][0].shape == (3, 5)
         and d3["conv"][0].shape == (1, 3)),
        ("In the middle column of the **Dilation 2** map the window is centred on the bar",
         bool(np.all(d2["conv"][0][:, middle] == 0)) and middle + 2 == bar[1]),
        ("At dilation 3 that happens at every position: the map is all `0`", not np.any(d3["conv"][0])),
        ("Step through **Dilation 2** cell by cell", conv_beats(j["Dilation 2"]) == d2["conv"][0].size),
    ]


def claims_leaky_relu(r, j):
    leaky, relu, none = r["Leaky ReLU"], r["Plain ReLU"], r["No activation"]
    conv = none["conv"][0]
    n = conv.shape[0]
    positive = conv > 0
    return [
        ("a 5x5 image gives a 4x4 map", leaky["image"].shape[1:] == (5, 5) and conv.shape == (4, 4)),
        ("the answers are negative; on the lower-right side it fades and they are positive; along the other "
         "diagonal, where the two pixels are equal, they are `0`",
         all((conv[a, b] < 0) if a + b < n - 1 else (conv[a, b] > 0) if a + b > n - 1 else (conv[a, b] == 0)
             for a in range(n) for b in range(n))),
        ("With `slope: 0.25` a sum of `-6` becomes `-1.5`",
         bool(np.any(conv == -6)) and bool(np.all(leaky["act"][0][conv == -6] == -1.5))),
        ("the positive cells are the same in all three maps, and only the negative ones differ",
         all(np.array_equal(x["act"][0][positive], conv[positive]) for x in (leaky, relu, none))
         and not np.array_equal(leaky["act"][0], relu["act"][0]) and not np.array_equal(leaky["act"][0], conv)),
        ("with 0.1, `-6` would become `-0.6`, as by hand", Decimal("0.1") * -6 == Decimal("-0.6")),
        ("binary arithmetic makes it `-0.6000000000000001`", repr(0.1 * -6) == "-0.6000000000000001"),
    ]


def claims_pooling(r, j):
    md, mp, ad, ap = (r[k] for k in ("Max / drop", "Max / pad", "Average / drop", "Average / pad"))
    act = md["act"][0]
    return [
        ("This lesson's map is 5x5", act.shape == (5, 5)),
        ("so the pooled map is 2x2", md["pool"][0].shape == (2, 2) and ad["pool"][0].shape == (2, 2)),
        ("so the pooled map is 3x3", mp["pool"][0].shape == (3, 3) and ap["pool"][0].shape == (3, 3)),
        ("leaving a few peaks: two at the top of the map's last column and the largest of all in its bottom-right corner",
         act[0, 4] > 0 and act[1, 4] > 0 and act[4, 4] == act.max() and int(np.sum(act == act.max())) == 1),
        ("the largest answer of the whole feature map is among the cells left over: the pooled map never shows it",
         md["pool"][0].max() < act.max()),
        ("its bottom-right cell is the corner peak itself", mp["pool"][0][2, 2] == act[4, 4]),
        ("The averages come out smaller than the maxima",
         bool(np.all(ad["pool"][0][md["pool"][0] > 0] < md["pool"][0][md["pool"][0] > 0]))
         and bool(np.all(ap["pool"][0][:2, :2] <= mp["pool"][0][:2, :2]))),
        ("the windows on the right-hand side divide by 2 and the corner window by 1",
         ap["pool"][0][0, 2] == (act[0, 4] + act[1, 4]) / 2 and ap["pool"][0][2, 2] == act[4, 4]),
    ]


def claims_real_picture(r, j):
    sx, sy, lap, blur = (r[k] for k in ("Sobel x", "Sobel y", "Laplacian", "Gaussian blur"))
    image = sx["image"][0]
    g = blur["conv"][0]
    return [
        ("this one is 28x28 pixels, each a grey level from 0 (black) to 255 (white)",
         image.shape == (28, 28) and bool(np.all(image == np.round(image))) and image.min() >= 0 and image.max() <= 255),
        ("smaller than the photograph each way, 26x26", all(x["conv"][0].shape == (26, 26) for x in (sx, sy, lap, blur))),
        ("The walkthrough fills in one output row at a time", all(conv_beats(j[k]) == 26 for k in j)),
        ("On a flat area, dark or bright, that is `0`", lap["filters"][0][1].sum() == 0),
        ("weights are all positive and add up to 1", blur["filters"][0][1].sum() == 1 and blur["filters"][0][1].min() > 0),
        ("with values still between 0 and 255", g.min() >= 0 and g.max() <= 255),
        ("drawn all in orange because every answer is positive", g.min() > 0),
        # Where the edges are, read off the photograph: the sky left of the
        # coat (Sobel x positive), the coat's lower edge against the grass
        # (negative), the horizon right of the man (Sobel y positive).
        ("where the pale sky on the left of the picture meets the dark coat", sx["conv"][0][3:9, 0:6].max() > 400),
        ("where the dark coat meets the lighter grass to its right", sx["conv"][0][18:26, 6:10].min() < -400),
        ("the horizon and the top of the man's head, where bright sky lies above darker ground and hair, come out orange",
         sy["conv"][0][7:10, 19:26].mean() > 50 and sy["conv"][0][0:4, 10:16].max() > 300),
    ]


CLAIMS = {
    "conv-relu-pool": claims_conv_relu_pool,
    "padding-and-stride": claims_padding_and_stride,
    "dilation": claims_dilation,
    "leaky-relu": claims_leaky_relu,
    "pooling": claims_pooling,
    "real-picture": claims_real_picture,
}


def check_image_records(folder, problems):
    """lessons/images/README.md records each image's SHA-256: it must still be the file's."""
    readme = os.path.join(folder, "images", "README.md")
    if not os.path.exists(readme):
        return
    text = open(readme, encoding="utf-8").read()
    for name in sorted(os.listdir(os.path.dirname(readme))):
        if not name.endswith(".png"):
            continue
        digest = hashlib.sha256(open(os.path.join(folder, "images", name), "rb").read()).hexdigest()
        section = text.split(f"## {name}", 1)
        if len(section) < 2:
            problems.append(f"images/README.md has no section for {name} (its source and licence)")
        elif digest not in section[1].split("\n## ", 1)[0]:
            problems.append(f"images/README.md does not record {name}'s SHA-256 {digest}")


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("convlesson")
    parser.add_argument("lessons")
    parser.add_argument("--keep", help="build into this folder and keep it")
    args = parser.parse_args()
    out = args.keep or tempfile.mkdtemp(prefix="convlesson-shipped-")
    run = subprocess.run([args.convlesson, "build", args.lessons, "-o", out, "--only", "json,html", "--werror", "-q"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(f"shipped lessons: the build exited {run.returncode}:\n{run.stdout}{run.stderr}", file=sys.stderr)
        return 1
    problems, lessons, variants, cells, claims = [], 0, 0, 0, 0
    for name in sorted(os.listdir(args.lessons)):
        if not name.endswith((".yaml", ".yml")) or name == "course.yaml":
            continue
        with open(os.path.join(args.lessons, name), encoding="utf-8") as f:
            lesson = yaml.safe_load(f)
        lesson_id = lesson.get("id", os.path.splitext(name)[0])
        lessons += 1
        try:
            built = json.load(open(os.path.join(out, lesson_id, "lesson.json"), encoding="utf-8"))
            worked = [work_out(v, args.lessons) for v in variants_of(lesson)]
        except (OSError, Problem, KeyError, ValueError) as e:
            problems.append(f"{name}: {type(e).__name__}: {e}")
            continue
        if len(built["variants"]) != len(worked):
            problems.append(f"{name}: {len(built['variants'])} variants in lesson.json, {len(worked)} in the lesson")
            continue
        for got, want in zip(built["variants"], worked):
            compare_variant(f"{name} '{want['label']}'", got, want, problems)
            variants += 1
            cells += sum(x.size for x in (want["conv"], want["act"]) + ((want["pool"],) if want["pool"] is not None else ()))
        checker = CLAIMS.get(lesson_id)
        if checker is None:
            continue
        prose = prose_of(lesson)
        results = {w["label"]: w for w in worked}
        json_variants = {v["label"]: v for v in built["variants"]}
        for phrase, holds in checker(results, json_variants):
            claims += 1
            if re.sub(r"\s+", " ", phrase) not in prose:
                problems.append(f"{name}: the prose no longer says \"{phrase}\"; update its claim in {os.path.basename(__file__)}")
            elif not holds:
                problems.append(f"{name}: the prose says \"{phrase}\", and the numbers worked out here disagree")
    missing = sorted(set(CLAIMS) - {os.path.splitext(n)[0] for n in os.listdir(args.lessons)})
    for lesson_id in missing:
        problems.append(f"claims name the lesson {lesson_id}, which is not in {args.lessons}")
    if lessons < MIN_LESSONS:
        problems.append(f"only {lessons} lessons in {args.lessons}; the course has at least {MIN_LESSONS}")
    check_image_records(args.lessons, problems)
    print(f"shipped lessons: {lessons} lessons, {variants} variants, {cells} cells worked out and compared, "
          f"{claims} claims of the prose checked", flush=True)
    for p in problems:
        print("shipped lessons: PROBLEM " + p, file=sys.stderr)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
