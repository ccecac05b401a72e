#include "site/reproduce.h"

#include <string_view>

#include <fmt/format.h>

#include "base/number_format.h"
#include "compute/compute.h"

namespace cl {
namespace {

// A grid as a Python list of rows, one row a line.
std::string PythonRows(const Grid& g, const std::string& indent) {
  std::string out = "[\n";
  for (int r = 0; r < g.rows; ++r) {
    out += indent + "    [";
    for (int c = 0; c < g.cols; ++c) out += (c ? ", " : "") + FormatNumber(g.at(r, c));
    out += "],\n";
  }
  return out + indent + "]";
}

// The filters' weights as a Python list of grids, one per filter; with
// channels a list of slices (one grid per channel) per filter.
std::string PythonStack(const Variant& v) {
  std::string out = "[\n";
  for (int k = 0; k < FilterCount(v); ++k) {
    const Filter& f = FilterAt(v, k);
    if (!HasChannels(v)) {
      out += "    " + PythonRows(f.weights, "    ") + ",\n";
      continue;
    }
    out += "    [\n";
    for (int c = 0; c < SliceCount(f); ++c) out += "        " + PythonRows(SliceAt(f, c), "        ") + ",\n";
    out += "    ],\n";
  }
  return out + "]";
}

// The image as Python: one grid, or with channels a list of them.
std::string PythonImage(const Variant& v) {
  if (!HasChannels(v)) return PythonRows(v.image, "");
  std::string out = "[\n";
  for (int c = 0; c < ChannelCount(v); ++c) out += "    " + PythonRows(ChannelAt(v, c), "    ") + ",\n";
  return out + "]";
}

// The list shape (one map per filter) for several filters, a bias or channels.
bool ListShape(const Variant& v) { return HasFilterList(v) || HasChannels(v); }

std::string PythonBiases(const Variant& v) {
  std::string out = "[";
  for (int k = 0; k < FilterCount(v); ++k) out += (k ? ", " : "") + FormatNumber(FilterAt(v, k).bias);
  return out + "]";
}

// The show() calls: one heading per map, numbered by filter when the
// variant has a filter list (lesson.json then lists one map per filter).
std::string ShowCalls(const Variant& v, bool pooled, bool torch) {
  const char* index = torch ? "[0, k]" : "[k]";
  const char* rows = torch ? ".tolist()" : "";
  std::string s;
  if (!ListShape(v)) {
    const char* one = torch ? "[0, 0]" : "";
    s += fmt::format("show(\"{}\", conv{}{})\n", kFeatureMapHeading, one, rows);
    s += fmt::format("show(\"{}\", activated{}{})\n", kActivatedHeading, one, rows);
    if (pooled) s += fmt::format("show(\"{}\", pooled{}{})\n", kPooledHeading, one, rows);
    return s;
  }
  // "Feature map:" becomes "Feature map 1:", "Feature map 2:", ...
  auto numbered = [](std::string_view heading) { return std::string(heading.substr(0, heading.size() - 1)); };
  s += fmt::format("for k in range({}):\n", FilterCount(v));
  s += fmt::format("    show(f\"{} {{k + 1}}:\", conv{}{})\n", numbered(kFeatureMapHeading), index, rows);
  s += fmt::format("    show(f\"{} {{k + 1}}:\", activated{}{})\n", numbered(kActivatedHeading), index, rows);
  if (pooled) s += fmt::format("    show(f\"{} {{k + 1}}:\", pooled{}{})\n", numbered(kPooledHeading), index, rows);
  return s;
}

// Prints a map as the tests read it; "+ 0.0" turns -0.0 into 0.0.
constexpr const char* kShowFunction =
    "def show(heading, rows):\n"
    "    print(heading)\n"
    "    for row in rows:\n"
    "        print(\" \".join(f\"{value + 0.0:.10g}\" for value in row))\n";

// PyTorch's ceil_mode drops a last window that would start past the map;
// the lesson pools it as an empty window worth 0 (stride larger than the window).
int TorchCeilPooledSize(int n, int size, int stride) {
  int out = (n - size + stride - 1) / stride + 1;
  if ((out - 1) * stride >= n) --out;
  return out;
}

std::string PlainNumpyConv(const ConvSpec& c, bool list, bool channels) {
  std::string s;
  if (channels)
    s += fmt::format("padded = np.pad(image, ((0, 0), ({}, {}), ({}, {})))  # zeros around every channel\n", c.pad_top,
                     c.pad_bottom, c.pad_left, c.pad_right);
  else
    s += fmt::format("padded = np.pad(image, (({}, {}), ({}, {})))  # zeros: (top, bottom), (left, right)\n", c.pad_top,
                     c.pad_bottom, c.pad_left, c.pad_right);
  s += fmt::format("stride_h, stride_w = {}, {}\n", c.stride_h, c.stride_w);
  s += fmt::format("dilation_h, dilation_w = {}, {}\n", c.dilation_h, c.dilation_w);
  s += channels ? "kh, kw = weights.shape[2:]\n" : list ? "kh, kw = weights.shape[1:]\n" : "kh, kw = weights.shape\n";
  s += "span_h, span_w = (kh - 1) * dilation_h + 1, (kw - 1) * dilation_w + 1  # the window's reach\n";
  s += channels ? "rows = (padded.shape[1] - span_h) // stride_h + 1\n" : "rows = (padded.shape[0] - span_h) // stride_h + 1\n";
  s += channels ? "cols = (padded.shape[2] - span_w) // stride_w + 1\n" : "cols = (padded.shape[1] - span_w) // stride_w + 1\n";
  if (list) {
    s += "conv = np.zeros((len(weights), rows, cols))  # one map per filter\n";
    s += "for k in range(len(weights)):\n";
    s += "    for r in range(rows):\n";
    s += "        for c in range(cols):\n";
    s += "            top, left = r * stride_h, c * stride_w\n";
    if (channels) {
      s += "            window = padded[:, top:top + span_h:dilation_h, left:left + span_w:dilation_w]\n";
      s += "            partials = np.sum(window * weights[k], axis=(1, 2))  # one per channel\n";
      s += "            conv[k, r, c] = np.sum(partials) + bias[k]  # no flip: a cross-correlation\n";
    } else {
      s += "            window = padded[top:top + span_h:dilation_h, left:left + span_w:dilation_w]\n";
      s += "            conv[k, r, c] = np.sum(window * weights[k]) + bias[k]  # no flip: a cross-correlation\n";
    }
  } else {
    s += "conv = np.zeros((rows, cols))\n";
    s += "for r in range(rows):\n";
    s += "    for c in range(cols):\n";
    s += "        top, left = r * stride_h, c * stride_w\n";
    s += "        window = padded[top:top + span_h:dilation_h, left:left + span_w:dilation_w]\n";
    s += "        conv[r, c] = np.sum(window * weights)  # no flip: a cross-correlation\n";
  }
  return s;
}

// A transposed convolution's settings as Python assignments.
std::string TransposedSettings(const ConvSpec& c) {
  std::string s;
  s += fmt::format("stride_h, stride_w = {}, {}\n", c.stride_h, c.stride_w);
  s += fmt::format("dilation_h, dilation_w = {}, {}\n", c.dilation_h, c.dilation_w);
  s += fmt::format("crop_h, crop_w = {}, {}  # the padding: cut off each side of the output\n", c.crop_h, c.crop_w);
  s += fmt::format("output_padding_h, output_padding_w = {}, {}  # added at the bottom and right\n",
                   c.output_padding_h, c.output_padding_w);
  return s;
}

// A transposed convolution over channels as it computes: every pixel of
// every channel adds its slice times the pixel into the filter's full
// output (the channels' copies adding up there); the padding then crops.
std::string TransposedChannelsNumpyConv(const ConvSpec& c) {
  std::string s = TransposedSettings(c);
  s += "kh, kw = weights.shape[2:]\n";
  s += "span_h, span_w = (kh - 1) * dilation_h + 1, (kw - 1) * dilation_w + 1  # a copy's reach\n";
  s += "full_h = (image.shape[1] - 1) * stride_h + span_h + output_padding_h\n";
  s += "full_w = (image.shape[2] - 1) * stride_w + span_w + output_padding_w\n";
  s += "full = np.zeros((len(weights), full_h, full_w))  # one map per filter\n";
  s += "for k in range(len(weights)):\n";
  s += "    for ch in range(image.shape[0]):  # each channel scatters its own slice\n";
  s += "        for r in range(image.shape[1]):\n";
  s += "            for c in range(image.shape[2]):\n";
  s += "                top, left = r * stride_h, c * stride_w\n";
  s += "                full[k, top:top + span_h:dilation_h, left:left + span_w:dilation_w] += image[ch, r, c] * weights[k, ch]\n";
  s += "conv = full[:, crop_h:full_h - crop_h, crop_w:full_w - crop_w] + bias[:, None, None]\n";
  return s;
}

// A transposed convolution as it computes: every pixel adds weights * pixel
// into the full output at stride steps; the padding then crops each side.
std::string TransposedNumpyConv(const ConvSpec& c, bool list) {
  std::string s = TransposedSettings(c);
  s += list ? "kh, kw = weights.shape[1:]\n" : "kh, kw = weights.shape\n";
  s += "span_h, span_w = (kh - 1) * dilation_h + 1, (kw - 1) * dilation_w + 1  # a copy's reach\n";
  s += "full_h = (image.shape[0] - 1) * stride_h + span_h + output_padding_h\n";
  s += "full_w = (image.shape[1] - 1) * stride_w + span_w + output_padding_w\n";
  const char* k = list ? "k, " : "";
  const char* w = list ? "weights[k]" : "weights";
  const std::string indent = list ? "    " : "";
  if (list) {
    s += "full = np.zeros((len(weights), full_h, full_w))  # one map per filter\n";
    s += "for k in range(len(weights)):\n";
  } else {
    s += "full = np.zeros((full_h, full_w))\n";
  }
  s += indent + "for r in range(image.shape[0]):\n";
  s += indent + "    for c in range(image.shape[1]):\n";
  s += indent + "        top, left = r * stride_h, c * stride_w\n";
  s += indent + fmt::format("        full[{}top:top + span_h:dilation_h, left:left + span_w:dilation_w] += image[r, c] * {}\n", k, w);
  s += fmt::format("conv = full[{}crop_h:full_h - crop_h, crop_w:full_w - crop_w]{}\n", list ? ":, " : "",
                   list ? " + bias[:, None, None]" : "");
  return s;
}

std::string NumpyRest(const Variant& v, const BuiltVariant& bv, bool list) {
  std::string s;
  switch (v.activation.type) {
    case ActivationType::Relu: s += "activated = np.maximum(conv, 0)  # ReLU\n"; break;
    case ActivationType::LeakyRelu:
      s += fmt::format("activated = np.where(conv > 0, conv, {} * conv)  # leaky ReLU\n",
                       FormatNumber(v.activation.slope));
      break;
    case ActivationType::None: s += "activated = conv  # no activation\n"; break;
  }
  const PoolSpec& p = v.pool;
  if (bv.result.pooled()) {
    s += fmt::format("size_h, size_w, pool_stride_h, pool_stride_w = {}, {}, {}, {}\n", p.size_h, p.size_w,
                     p.stride_h, p.stride_w);
    if (p.remainder == Remainder::Pad) {
      s += "# Partial windows at the edge are kept (rounding up), clipped to the map.\n";
      s += "pooled_rows = -(-(activated.shape[-2] - size_h) // pool_stride_h) + 1\n";
      s += "pooled_cols = -(-(activated.shape[-1] - size_w) // pool_stride_w) + 1\n";
    } else {
      s += "# Windows that would cross the edge are dropped (rounding down).\n";
      s += "pooled_rows = (activated.shape[-2] - size_h) // pool_stride_h + 1\n";
      s += "pooled_cols = (activated.shape[-1] - size_w) // pool_stride_w + 1\n";
    }
    const char* op = p.type == PoolType::Max ? "max" : "mean";
    if (list) {
      s += "pooled = np.zeros((len(weights), pooled_rows, pooled_cols))\n";
      s += "for k in range(len(weights)):\n";
      s += "    for r in range(pooled_rows):\n";
      s += "        for c in range(pooled_cols):\n";
      s += "            top, left = r * pool_stride_h, c * pool_stride_w\n";
      s += "            window = activated[k, top:top + size_h, left:left + size_w]\n";
      s += fmt::format("            pooled[k, r, c] = window.{}() if window.size else 0\n", op);
    } else {
      s += "pooled = np.zeros((pooled_rows, pooled_cols))\n";
      s += "for r in range(pooled_rows):\n";
      s += "    for c in range(pooled_cols):\n";
      s += "        top, left = r * pool_stride_h, c * pool_stride_w\n";
      s += "        window = activated[top:top + size_h, left:left + size_w]\n";
      s += fmt::format("        pooled[r, c] = window.{}() if window.size else 0\n", op);
    }
  }
  s += "\n";
  s += kShowFunction;
  s += "\n";
  s += ShowCalls(v, bv.result.pooled().has_value(), false);
  return s;
}

}  // namespace

bool HasSnippets(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  return !bv.result.conv().empty() && v.image->rows <= kMaxSnippetSide && v.image->cols <= kMaxSnippetSide;
}

std::string TorchSnippet(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  const ConvSpec& c = v.conv;
  std::string s;
  s += "import torch\nimport torch.nn.functional as F\n\n";
  const bool channels = HasChannels(v);
  s += "image = torch.tensor(" + PythonImage(v) + ", dtype=torch.float64)" +
       (channels ? "  # channels, rows, columns\n" : "\n");
  const bool list = ListShape(v);
  if (list) {
    s += "weights = torch.tensor(" + PythonStack(v) + ", dtype=torch.float64)" +
         (channels ? "  # filters, channels, rows, columns\n" : "  # one grid per filter\n");
    s += "bias = torch.tensor(" + PythonBiases(v) + ", dtype=torch.float64)  # one per filter\n\n";
  } else {
    s += "weights = torch.tensor(" + PythonRows(v.filter.weights, "") + ", dtype=torch.float64)\n\n";
  }
  if (c.transposed && channels) {
    s += "# A batch axis of size 1, then the transposed convolution: each pixel of each\n";
    s += "# channel adds a copy of its slice, scaled by its value, into the output, and\n";
    s += "# the channels' copies add up. PyTorch's weight is in_channels x out_channels\n";
    s += "# x kh x kw, so the filters and channels axes swap; padding crops the output.\n";
    s += fmt::format("conv = F.conv_transpose2d(image[None], weights.transpose(0, 1), bias, stride=({}, {}),\n",
                     c.stride_h, c.stride_w);
    s += fmt::format("                          padding=({}, {}), output_padding=({}, {}), dilation=({}, {}))\n",
                     c.crop_h, c.crop_w, c.output_padding_h, c.output_padding_w, c.dilation_h, c.dilation_w);
  } else if (c.transposed) {
    s += "# Batch and channel axes of size 1, then the transposed convolution: each\n";
    s += "# pixel adds a copy of the filter, scaled by its value, into the output.\n";
    s += "# Its weight is in_channels x out_channels x kh x kw; padding crops the output.\n";
    s += fmt::format("conv = F.conv_transpose2d(image[None, None], {}, stride=({}, {}), padding=({}, {}),\n",
                     list ? "weights[None], bias" : "weights[None, None]", c.stride_h, c.stride_w, c.crop_h, c.crop_w);
    s += fmt::format("                          output_padding=({}, {}), dilation=({}, {}))\n", c.output_padding_h,
                     c.output_padding_w, c.dilation_h, c.dilation_w);
  } else if (channels) {
    s += "# A batch axis of size 1, zeros around every channel, then the\n";
    s += "# convolution: each channel with its slice, the channels added, plus the bias.\n";
    s += fmt::format("x = F.pad(image[None], ({}, {}, {}, {}))  # left, right, top, bottom\n", c.pad_left,
                     c.pad_right, c.pad_top, c.pad_bottom);
  } else {
    s += "# Batch and channel axes of size 1, zeros around the image, then the\n";
    s += "# convolution (a cross-correlation: the filter is not flipped).\n";
    s += fmt::format("x = F.pad(image[None, None], ({}, {}, {}, {}))  # left, right, top, bottom\n", c.pad_left,
                     c.pad_right, c.pad_top, c.pad_bottom);
  }
  if (!c.transposed) {
    s += fmt::format("conv = F.conv2d(x, {}, stride=({}, {}), dilation=({}, {}))\n",
                     channels ? "weights, bias" : list ? "weights[:, None], bias" : "weights[None, None]", c.stride_h,
                     c.stride_w, c.dilation_h, c.dilation_w);
  }
  switch (v.activation.type) {
    case ActivationType::Relu: s += "activated = F.relu(conv)\n"; break;
    case ActivationType::LeakyRelu:
      s += fmt::format("activated = F.leaky_relu(conv, negative_slope={})\n", FormatNumber(v.activation.slope));
      break;
    case ActivationType::None: s += "activated = conv  # no activation\n"; break;
  }
  const PoolSpec& p = v.pool;
  if (bv.result.pooled()) {
    const bool pad = p.remainder == Remainder::Pad;
    const std::string args = fmt::format("({}, {}), stride=({}, {}){}", p.size_h, p.size_w, p.stride_h, p.stride_w,
                                         pad ? ", ceil_mode=True" : "");
    if (pad) s += "# ceil_mode keeps the partial windows at the edge, clipped to the map.\n";
    if (p.type == PoolType::Max)
      s += "pooled = F.max_pool2d(activated, " + args + ")\n";
    else
      s += "pooled = F.avg_pool2d(activated, " + args + (pad ? ", count_include_pad=False" : "") + ")\n";
    if (pad) {
      const Grid& a = bv.result.activated();
      const int rows = bv.result.pooled()->rows, cols = bv.result.pooled()->cols;
      const int torch_rows = TorchCeilPooledSize(a.rows, p.size_h, p.stride_h);
      const int torch_cols = TorchCeilPooledSize(a.cols, p.size_w, p.stride_w);
      if (torch_rows != rows || torch_cols != cols) {
        s += "# A window that starts past the map's edge pools nothing: 0 here, left out by PyTorch.\n";
        s += fmt::format("pooled = F.pad(pooled, (0, {}, 0, {}))\n", cols - torch_cols, rows - torch_rows);
      }
    }
  }
  s += "\n";
  s += kShowFunction;
  s += "\n";
  s += ShowCalls(v, bv.result.pooled().has_value(), true);
  return s;
}

std::string NumpySnippet(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  const ConvSpec& c = v.conv;
  std::string s;
  s += "import numpy as np\n\n";
  const bool channels = HasChannels(v);
  s += "image = np.array(" + PythonImage(v) + ", dtype=float)" + (channels ? "  # channels, rows, columns\n" : "\n");
  const bool list = ListShape(v);
  if (list) {
    s += "weights = np.array(" + PythonStack(v) + ", dtype=float)" +
         (channels ? "  # filters, channels, rows, columns\n" : "  # one grid per filter\n");
    s += "bias = np.array(" + PythonBiases(v) + ", dtype=float)  # one per filter\n\n";
  } else {
    s += "weights = np.array(" + PythonRows(v.filter.weights, "") + ", dtype=float)\n\n";
  }
  if (c.transposed && channels) {
    s += TransposedChannelsNumpyConv(c);
  } else if (c.transposed) {
    s += TransposedNumpyConv(c, list);
  } else {
    s += PlainNumpyConv(c, list, channels);
  }
  s += NumpyRest(v, bv, list);
  return s;
}

}  // namespace cl
