#!/usr/bin/env python3
"""The oracle suite: convlesson's numbers against PyTorch's, map by map.

A seeded random generator writes lessons whose every variant is one case
(image size, one to four image channels, one to four filters with or
without bias, valid/same/explicit
padding, stride, dilation, every activation, every pool type and remainder,
or no pooling; about a quarter transposed convolutions with padding that
crops, output padding and dilation, checked against conv_transpose2d), runs `convlesson compute --json` on each lesson, and checks
every map of every variant against torch.nn.functional in float64 to 1e-9
(relative to the value's size when it is larger than 1). The padding that
`same` resolves to is worked out here from TensorFlow's rule, independently
of the tool, and with stride 1 also checked against PyTorch's own
padding='same'.

With --shipped FOLDER it checks the shipped lessons instead: every variant
of every lesson in FOLDER, its settings read back from the JSON.

Usage: oracle.py CONVLESSON [--seed N] [--cases N] [--keep DIR] [--shipped FOLDER]
Exit 0 when every case agrees; 1 with every disagreement listed otherwise.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import warnings

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # the test command installs python3-torch (scripts/test.sh)
    print("oracle: PyTorch is missing; install python3-torch (bash scripts/test.sh does)", file=sys.stderr)
    sys.exit(1)

CASES_PER_LESSON = 30  # the base and 29 variants (a lesson has at most 32)
TOLERANCE = 1e-9


def conv_out(n, before, after, k, stride, dilation):
    return (n + before + after - ((k - 1) * dilation + 1)) // stride + 1


def same_padding(n, k, stride, dilation):
    """TensorFlow's `same`: out = ceil(n / stride), the odd pixel after."""
    out = -(-n // stride)
    total = max((out - 1) * stride + (k - 1) * dilation + 1 - n, 0)
    return total // 2, total - total // 2


def pooled_size(n, size, stride, remainder):
    if n < size:
        return 0
    if remainder == "drop":
        return (n - size) // stride + 1
    return -(-(n - size) // stride) + 1


def number(rng, integers):
    if integers:
        return rng.randint(0, 255) if rng.random() < 0.5 else rng.randint(-9, 9)
    return round(rng.uniform(-10, 10), rng.choice([1, 2, 3]))


def weight(rng):
    kind = rng.random()
    if kind < 0.4:
        return rng.randint(-3, 3)
    if kind < 0.8:
        return round(rng.uniform(-2, 2), 2)
    return rng.choice([0.1, 1 / 9, -0.125, 0.333, 2.5])


def transposed_out(n, crop, k, stride, dilation, output_padding):
    """PyTorch's ConvTranspose2d output side."""
    return (n - 1) * stride - 2 * crop + dilation * (k - 1) + output_padding + 1


def draw_pool(rng, oh, ow, type_first):
    """A pool setting for an oh x ow map, or None; "retry" when it would pool
    nothing. type_first: the pool type is drawn before the check (plain
    cases) or after it (transposed ones), the order the seeds were drawn in,
    so that a seed keeps its lessons."""
    if rng.random() >= 0.75:
        return None
    ph, pw = rng.randint(1, min(3, oh)), rng.randint(1, min(3, ow))
    remainder = rng.choice(["drop", "pad"])
    # With `pad`, a stride longer than the window can leave a last
    # window past the edge, worth 0 here and dropped by PyTorch: the
    # oracle keeps to strides no longer than the window there.
    psh = rng.randint(1, ph if remainder == "pad" else 3)
    psw = rng.randint(1, pw if remainder == "pad" else 3)
    kind = rng.choice(["max", "avg"]) if type_first else None
    if pooled_size(oh, ph, psh, remainder) < 1 or pooled_size(ow, pw, psw, remainder) < 1:
        return "retry"
    return {"type": kind or rng.choice(["max", "avg"]), "size": [ph, pw], "stride": [psh, psw], "remainder": remainder}


def draw_numbers(rng, h, w, kh, kw, channel_counts):
    """The numbers of an h x w case with kh x kw filters, alike for both
    kinds: the image (channels first, [c][h][w]), one to four filters with
    or without bias (each [c][kh][kw], PyTorch's layout: weight[f, c], or
    weight[c, f] for conv_transpose2d, is filter f's slice for channel c),
    the activation and its slope."""
    integers = rng.random() < 0.5
    channels = rng.choice(channel_counts)
    image = [[[number(rng, integers) for _ in range(w)] for _ in range(h)] for _ in range(channels)]
    filters = []
    for _ in range(rng.choice([1, 1, 2, 3, 4])):
        bias = 0 if rng.random() < 0.4 else round(rng.uniform(-5, 5), rng.choice([0, 1, 2]))
        weights = [[[weight(rng) for _ in range(kw)] for _ in range(kh)] for _ in range(channels)]
        filters.append({"weights": weights, "bias": bias})
    activation = rng.choice(["relu", "none", "leaky-relu"])
    slope = round(rng.uniform(0, 1), 2) if activation == "leaky-relu" else None
    return image, filters, activation, slope


def make_transposed_case(rng):
    """A transposed convolution (PyTorch's ConvTranspose2d): stride, padding
    that crops, output padding below the stride or the dilation, dilation,
    one to three channels, one to four filters with or without bias."""
    while True:
        h, w = rng.randint(1, 8), rng.randint(1, 8)
        kh, kw = rng.randint(1, 4), rng.randint(1, 4)
        sh, sw = rng.choice([1, 2, 2, 3]), rng.choice([1, 2, 2, 3])
        dh, dw = rng.choice([1, 1, 2, 3]), rng.choice([1, 1, 2, 3])
        ch, cw = rng.randint(0, 2), rng.randint(0, 2)
        oph = rng.randint(0, max(sh, dh) - 1)
        opw = rng.randint(0, max(sw, dw) - 1)
        oh = transposed_out(h, ch, kh, sh, dh, oph)
        ow = transposed_out(w, cw, kw, sw, dw, opw)
        if oh < 1 or ow < 1:
            continue
        pool = draw_pool(rng, oh, ow, type_first=False)
        if pool == "retry":
            continue
        image, filters, activation, slope = draw_numbers(rng, h, w, kh, kw, [1, 1, 2, 3])
        padding = [ch, cw] if ch != cw or rng.random() < 0.5 else ch
        return {"image": image, "filters": filters, "padding": padding, "pads": [ch, ch, cw, cw],
                "stride": [sh, sw], "dilation": [dh, dw], "activation": activation, "slope": slope, "pool": pool,
                "transposed": True, "output_padding": [oph, opw]}


def make_case(rng):
    """One variant's settings, drawn until its maps are non-empty; about a
    quarter are transposed convolutions."""
    if rng.random() < 0.25:
        return make_transposed_case(rng)
    while True:
        h, w = rng.randint(1, 14), rng.randint(1, 14)
        if rng.random() < 0.1:
            h, w = rng.randint(15, 24), rng.randint(15, 24)
        kh, kw = rng.randint(1, min(5, h + 2)), rng.randint(1, min(5, w + 2))
        if rng.random() < 0.5:
            kw = kh
        sh, sw = rng.choice([1, 1, 1, 2, 2, 3]), rng.choice([1, 1, 1, 2, 2, 3])
        dh, dw = rng.choice([1, 1, 1, 2, 3]), rng.choice([1, 1, 1, 2, 3])
        mode = rng.choice(["valid", "same", "explicit", "none"])
        if mode == "same":
            pt, pb = same_padding(h, kh, sh, dh)
            pl, pr = same_padding(w, kw, sw, dw)
            padding = "same"
        elif mode == "explicit":
            ph, pw = rng.randint(0, 3), rng.randint(0, 3)
            pt = pb = ph
            pl = pr = pw
            padding = [ph, pw] if ph != pw or rng.random() < 0.5 else ph
        else:
            pt = pb = pl = pr = 0
            padding = "valid" if mode == "valid" else None
        oh = conv_out(h, pt, pb, kh, sh, dh)
        ow = conv_out(w, pl, pr, kw, sw, dw)
        if oh < 1 or ow < 1:
            continue
        image, filters, activation, slope = draw_numbers(rng, h, w, kh, kw, [1, 1, 2, 3, 4])
        pool = draw_pool(rng, oh, ow, type_first=True)
        if pool == "retry":
            continue
        return {"image": image, "filters": filters, "padding": padding, "pads": [pt, pb, pl, pr],
                "stride": [sh, sw], "dilation": [dh, dw], "activation": activation, "slope": slope, "pool": pool}


def yaml_value(v):
    return json.dumps(v)  # flow style: YAML reads JSON numbers and lists as written


def written(stack, rows):
    """One channel as the 2-D matrix (mostly) or a one-item list; several as [c][h][w]."""
    return stack[0] if len(stack) == 1 and rows % 5 != 0 else stack


def case_yaml(case, indent):
    pad = " " * indent
    rows = len(case["image"][0])
    names = ""
    if len(case["image"]) > 1 and rows % 2 == 1:  # names sometimes; they change no number
        names = ", channels: " + yaml_value([f"c{k + 1}" for k in range(len(case["image"]))])
    lines = [f"{pad}image: {{pixels: {yaml_value(written(case['image'], rows))}{names}}}"]
    filters = case["filters"]
    if len(filters) == 1 and filters[0]["bias"] == 0 and rows % 2 == 0:
        lines.append(f"{pad}filter: {yaml_value(written(filters[0]['weights'], rows))}")  # the one-filter shape
    elif len(filters) == 1 and rows % 3 == 0:
        lines.append(f"{pad}filter: {{weights: {yaml_value(written(filters[0]['weights'], rows))}, "
                     f"bias: {filters[0]['bias']}}}")
    else:
        lines.append(f"{pad}filters:")
        for f in filters:
            lines.append(f"{pad}  - {{weights: {yaml_value(written(f['weights'], rows))}, bias: {f['bias']}}}")
    conv = [f"stride: {yaml_value(case['stride'])}", f"dilation: {yaml_value(case['dilation'])}"]
    if case["padding"] is not None:
        conv.insert(0, f"padding: {yaml_value(case['padding'])}")
    if case.get("transposed"):
        conv.insert(0, "transposed: true")
        if case["output_padding"] != [0, 0] or len(case["image"][0]) % 2 == 0:
            conv.append(f"output_padding: {yaml_value(case['output_padding'])}")
    lines.append(f"{pad}conv: {{{', '.join(conv)}}}")
    if case["activation"] == "leaky-relu":
        lines.append(f"{pad}activation: {{type: leaky-relu, slope: {case['slope']}}}")
    else:
        lines.append(f"{pad}activation: {case['activation']}")
    pool = case["pool"]
    if pool is None:
        lines.append(f"{pad}pool: none")
    else:
        lines.append(f"{pad}pool: {{type: {pool['type']}, size: {yaml_value(pool['size'])}, "
                     f"stride: {yaml_value(pool['stride'])}, remainder: {pool['remainder']}}}")
    return lines


def lesson_text(number, cases):
    lines = [f"title: Oracle lesson {number}", "label: case 1"]
    lines += case_yaml(cases[0], 0)
    lines.append("variants:")
    for i, case in enumerate(cases[1:], start=2):
        lines.append(f"  - label: case {i}")
        lines += case_yaml(case, 4)
    return "\n".join(lines) + "\n"


def torch_maps(case):
    """conv, activated and pooled maps, [f][h][w], from PyTorch in float64."""
    t = torch.float64
    x = torch.tensor(case["image"], dtype=t)[None]  # batch 1, channels, rows, columns
    w = torch.tensor([f["weights"] for f in case["filters"]], dtype=t)  # filters, channels, kh, kw
    b = torch.tensor([float(f["bias"]) for f in case["filters"]], dtype=t)
    pt, pb, pl, pr = case["pads"]
    if case.get("transposed"):
        # ConvTranspose2d's weight is in_channels x out_channels x kh x kw: one input channel, a map per filter.
        conv = F.conv_transpose2d(x, w.transpose(0, 1), b, stride=case["stride"], padding=(pt, pl),
                                  output_padding=case["output_padding"], dilation=case["dilation"])
    else:
        conv = F.conv2d(F.pad(x, (pl, pr, pt, pb)), w, b, stride=case["stride"], dilation=case["dilation"])
    if case["padding"] == "same" and case["stride"] == [1, 1]:
        own = F.conv2d(x, w, b, stride=1, dilation=case["dilation"], padding="same")
        assert torch.equal(own, conv), "PyTorch's padding='same' disagrees with TensorFlow's rule at stride 1"
    if case["activation"] == "relu":
        act = F.relu(conv)
    elif case["activation"] == "leaky-relu":
        act = F.leaky_relu(conv, negative_slope=case["slope"])
    else:
        act = conv
    pooled = None
    pool = case["pool"]
    if pool is not None:
        ceil = pool["remainder"] == "pad"
        if pool["type"] == "max":
            pooled = F.max_pool2d(act, pool["size"], pool["stride"], ceil_mode=ceil)
        else:
            pooled = F.avg_pool2d(act, pool["size"], pool["stride"], ceil_mode=ceil, count_include_pad=False)
    return conv[0].tolist(), act[0].tolist(), None if pooled is None else pooled[0].tolist()


def compare(where, ours, theirs, problems):
    if len(ours) != len(theirs) or any(len(a) != len(b) for a, b in zip(ours, theirs)):
        problems.append(f"{where}: shape {len(ours)}x{len(ours[0]) if ours else 0}, "
                        f"PyTorch {len(theirs)}x{len(theirs[0]) if theirs else 0}")
        return 0
    checked = 0
    for r, (row_a, row_b) in enumerate(zip(ours, theirs)):
        for c, (a, b) in enumerate(zip(row_a, row_b)):
            checked += 1
            if not abs(a - b) <= TOLERANCE * max(1.0, abs(b)):
                problems.append(f"{where} ({r}, {c}): ours {a!r}, PyTorch {b!r}")
                return checked
    return checked


def as_stack(variant, key, list_shape):
    out = variant[key]["output"] if key != "input" else variant["input"]
    return out if list_shape else [out]


def check_variant(label, case, variant, problems):
    list_shape = "filters" in variant
    expected_list = len(case["filters"]) > 1 or case["filters"][0]["bias"] != 0 or len(case["image"]) > 1
    if list_shape != expected_list:
        problems.append(f"{label}: list shape {list_shape}, expected {expected_list}")
        return 0
    # The input and the weights read back as given: [c][h][w] and [c][k][k] in the list shape.
    ours_input = variant["input"] if list_shape else [variant["input"]]
    ours_weights = [f["weights"] for f in variant["filters"]] if list_shape else [[variant["filter"]["weights"]]]
    if ours_input != case["image"] or ours_weights != [f["weights"] for f in case["filters"]]:
        problems.append(f"{label}: input or weights read back differently")
        return 0
    if variant["conv"]["padding"] != case["pads"]:
        problems.append(f"{label}: padding {variant['conv']['padding']}, worked out {case['pads']}")
    if variant["conv"].get("transposed", False) != case.get("transposed", False):
        problems.append(f"{label}: transposed {variant['conv'].get('transposed')}, expected {case.get('transposed')}")
    if case.get("transposed") and variant["conv"].get("output_padding") != case["output_padding"]:
        problems.append(f"{label}: output_padding {variant['conv'].get('output_padding')}, expected {case['output_padding']}")
    conv, act, pooled = torch_maps(case)
    ours_conv = as_stack(variant, "conv", list_shape)
    ours_act = as_stack(variant, "activation", list_shape)
    checked = 0
    if len(ours_conv) != len(conv):
        problems.append(f"{label}: {len(ours_conv)} maps, PyTorch {len(conv)}")
        return 0
    for k in range(len(conv)):
        checked += compare(f"{label} conv map {k + 1}", ours_conv[k], conv[k], problems)
        checked += compare(f"{label} activation map {k + 1}", ours_act[k], act[k], problems)
    if pooled is None:
        if variant["pool"] is not None:
            problems.append(f"{label}: pooled, expected no pooling")
    elif variant["pool"] is None:
        problems.append(f"{label}: no pooling, expected a pooled map")
    else:
        ours_pool = as_stack(variant, "pool", list_shape)
        for k in range(len(pooled)):
            checked += compare(f"{label} pool map {k + 1}", ours_pool[k], pooled[k], problems)
    return checked


def case_from_json(variant):
    """A case as make_case returns it, from a variant of `compute --json`."""
    if "filters" in variant:
        image = variant["input"]
        filters = [{"weights": f["weights"], "bias": f["bias"]} for f in variant["filters"]]
    else:
        image = [variant["input"]]
        filters = [{"weights": [variant["filter"]["weights"]], "bias": 0}]
    conv, act, pool = variant["conv"], variant["activation"], variant["pool"]
    case = {"image": image, "filters": filters, "padding": "explicit", "pads": conv["padding"],
            "stride": conv["stride"], "dilation": conv["dilation"], "activation": act["type"],
            "slope": act.get("slope"),
            "pool": None if pool is None else {k: pool[k] for k in ("type", "size", "stride", "remainder")}}
    if conv.get("transposed"):
        case["transposed"] = True
        case["output_padding"] = conv["output_padding"]
    return case


def check_shipped(convlesson, folder):
    problems, checked, variants = [], 0, 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml") or name == "course.yaml":
            continue
        path = os.path.join(folder, name)
        run = subprocess.run([convlesson, "compute", path, "--json"], capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"{path}: convlesson exited {run.returncode}: {run.stderr.strip()[:2000]}")
            continue
        for variant in json.loads(run.stdout)["variants"]:
            case = case_from_json(variant)
            checked += check_variant(f"{name} '{variant['label']}'", case, variant, problems)
            variants += 1
    print(f"oracle: {variants} variants of the lessons in {folder}, {checked} cells compared with PyTorch")
    for p in problems:
        print("oracle: MISMATCH " + p, file=sys.stderr)
    if variants == 0:
        print(f"oracle: no lessons in {folder}", file=sys.stderr)
        return 1
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("convlesson")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--cases", type=int, default=330)
    parser.add_argument("--keep", help="write the lessons here and keep them")
    parser.add_argument("--shipped", help="check the lessons of this folder instead")
    args = parser.parse_args()
    torch.set_num_threads(1)
    # PyTorch's note that padding='same' may copy the input: not a problem here.
    warnings.filterwarnings("ignore", message="Using padding='same'")
    if args.shipped:
        return check_shipped(args.convlesson, args.shipped)
    rng = random.Random(args.seed)
    cases = [make_case(rng) for _ in range(args.cases)]
    folder = args.keep or tempfile.mkdtemp(prefix="convlesson-oracle-")
    os.makedirs(folder, exist_ok=True)
    problems, checked, variants = [], 0, 0
    coverage = {}
    for start in range(0, len(cases), CASES_PER_LESSON):
        chunk = cases[start:start + CASES_PER_LESSON]
        number = start // CASES_PER_LESSON + 1
        path = os.path.join(folder, f"oracle-{number:02d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(lesson_text(number, chunk))
        run = subprocess.run([args.convlesson, "compute", path, "--json"], capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"{path}: convlesson exited {run.returncode}: {run.stderr.strip()[:2000]}")
            continue
        result = json.loads(run.stdout)
        for i, (case, variant) in enumerate(zip(chunk, result["variants"]), start=1):
            label = f"{os.path.basename(path)} case {i}"
            checked += check_variant(label, case, variant, problems)
            variants += 1
            for key in (f"padding {case['padding'] if isinstance(case['padding'], str) else 'explicit' if case['padding'] is not None else 'default'}",
                        f"activation {case['activation']}",
                        "pool none" if case["pool"] is None else f"pool {case['pool']['type']} {case['pool']['remainder']}",
                        f"{len(case['filters'])} filter(s)",
                        f"{len(case['image'])} channel(s)",
                        "bias" if any(f["bias"] != 0 for f in case["filters"]) else "no bias",
                        "stride > 1" if max(case["stride"]) > 1 else "stride 1",
                        "dilation > 1" if max(case["dilation"]) > 1 else "dilation 1",
                        "transposed" if case.get("transposed") else "not transposed",
                        "transposed channels > 1" if case.get("transposed") and len(case["image"]) > 1 else "other",
                        "transposed output_padding > 0" if case.get("transposed") and max(case["output_padding"]) > 0 else "no output_padding",
                        "asymmetric padding" if case["pads"][0] != case["pads"][1] or case["pads"][2] != case["pads"][3] else "symmetric padding"):
                coverage[key] = coverage.get(key, 0) + 1
        if len(result["variants"]) != len(chunk):
            problems.append(f"{path}: {len(result['variants'])} variants, expected {len(chunk)}")
    print(f"oracle: seed {args.seed}, {variants} variants, {checked} cells compared with PyTorch {torch.__version__}")
    print("oracle: coverage " + ", ".join(f"{k}: {v}" for k, v in sorted(coverage.items())))
    if variants < args.cases:
        problems.append(f"only {variants} of {args.cases} cases were compared")
    for p in problems[:50]:
        print("oracle: MISMATCH " + p, file=sys.stderr)
    if problems:
        print(f"oracle: {len(problems)} problem(s); lessons kept in {folder}", file=sys.stderr)
        return 1
    if not args.keep:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
