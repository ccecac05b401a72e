#!/usr/bin/env python3
"""The matplotlib peer of convlesson's PNG frames (docs/performance.md).

Draws the default lesson's 23 beats (lessons/conv-relu-pool.yaml, Vertical
edge: a 6x6 image with a bar of 9s, the vertical-edge filter, valid conv,
ReLU, 2x2 max pool) as a plain matplotlib script would: one figure per beat
with the image, the filter, the feature map filled so far and the pooled
map, a number in every cell, the window outlined, a caption; saved as PNG at
convlesson's frame size (2390x1184 at --scale 2). Prints one line:
"<frames> <megapixels> <cpu seconds> <bytes>", the CPU time of drawing and
saving only (imports and the first figure's warm-up excluded).

Usage: matplotlib_frames.py OUT_DIR [ROUNDS]
"""
import os
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

WIDTH, HEIGHT, DPI = 2390, 1184, 100


def lesson():
    image = np.zeros((6, 6))
    image[1:5, 2:4] = 9
    weights = np.array([[1, 0, -1]] * 3, dtype=float)
    conv = np.array([[np.sum(image[r:r + 3, c:c + 3] * weights) for c in range(4)] for r in range(4)])
    relu = np.maximum(conv, 0)
    pooled = relu.reshape(2, 2, 2, 2).max(axis=(1, 3))
    return image, weights, conv, relu, pooled


def beats():
    yield ("intro", None)
    for r in range(4):
        for c in range(4):
            yield ("conv", (r, c))
    yield ("activation", None)
    for r in range(2):
        for c in range(2):
            yield ("pool", (r, c))
    yield ("summary", None)


def grid(ax, values, shown, limit, title, window=None):
    ax.set_title(title, fontsize=22)
    rows, cols = values.shape
    colours = np.where(shown, values, 0)
    ax.imshow(colours, cmap="PuOr_r", vmin=-limit, vmax=limit)
    for r in range(rows):
        for c in range(cols):
            if shown[r, c]:
                ax.text(c, r, f"{values[r, c]:g}", ha="center", va="center", fontsize=20)
    if window is not None:
        (r, c), (h, w) = window
        ax.add_patch(Rectangle((c - 0.5, r - 0.5), w, h, fill=False, edgecolor="#E69F00", linewidth=5))
    ax.set_xticks(range(cols))
    ax.set_yticks(range(rows))


def draw(kind, at, data, path):
    image, weights, conv, relu, pooled = data
    fig, axes = plt.subplots(1, 4, figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    limit = max(np.abs(conv).max(), 1)
    done = {"intro": 0, "conv": 0, "activation": 16, "pool": 16, "summary": 16}[kind]
    if kind == "conv":
        done = at[0] * 4 + at[1] + 1
    conv_shown = np.arange(16).reshape(4, 4) < done
    shown_map = relu if kind in ("activation", "pool", "summary") else conv
    pool_done = 4 if kind == "summary" else (at[0] * 2 + at[1] + 1 if kind == "pool" else 0)
    grid(axes[0], image, np.ones_like(image, bool), 9, "Image", ((at[0], at[1]), (3, 3)) if kind == "conv" else None)
    grid(axes[1], weights, np.ones_like(weights, bool), 1, "Filter")
    grid(axes[2], shown_map, conv_shown, limit, "Feature map",
         ((2 * at[0], 2 * at[1]), (2, 2)) if kind == "pool" else None)
    grid(axes[3], pooled, np.arange(4).reshape(2, 2) < pool_done, limit, "Pooled")
    fig.suptitle(f"Vertical edge · {kind}", fontsize=26)
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def main():
    out = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    os.makedirs(out, exist_ok=True)
    data = lesson()
    draw("intro", None, data, os.path.join(out, "warm-up.png"))
    best = None
    for _ in range(rounds):
        cpu = 0.0
        frames = 0
        size = 0
        for i, (kind, at) in enumerate(beats()):
            path = os.path.join(out, f"{i + 1:03d}-{kind}.png")
            start = time.process_time()
            draw(kind, at, data, path)
            cpu += time.process_time() - start
            frames += 1
            size += os.path.getsize(path)
        best = cpu if best is None else min(best, cpu)
    print(frames, frames * WIDTH * HEIGHT / 1e6, best, size)


if __name__ == "__main__":
    main()
