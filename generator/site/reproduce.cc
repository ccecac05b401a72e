#include "site/reproduce.h"

#include <fmt/format.h>

#include "base/number_format.h"

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

}  // namespace

bool HasSnippets(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  return !bv.result.conv.empty() && v.image.rows <= kMaxSnippetSide && v.image.cols <= kMaxSnippetSide;
}

std::string TorchSnippet(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  const ConvSpec& c = v.conv;
  std::string s;
  s += "import torch\nimport torch.nn.functional as F\n\n";
  s += "image = torch.tensor(" + PythonRows(v.image, "") + ", dtype=torch.float64)\n";
  s += "weights = torch.tensor(" + PythonRows(v.filter.weights, "") + ", dtype=torch.float64)\n\n";
  s += "# Batch and channel axes of size 1, zeros around the image, then the\n";
  s += "# convolution (a cross-correlation: the filter is not flipped).\n";
  s += fmt::format("x = F.pad(image[None, None], ({}, {}, {}, {}))  # left, right, top, bottom\n", c.pad_left,
                   c.pad_right, c.pad_top, c.pad_bottom);
  s += fmt::format("conv = F.conv2d(x, weights[None, None], stride=({}, {}), dilation=({}, {}))\n", c.stride_h,
                   c.stride_w, c.dilation_h, c.dilation_w);
  switch (v.activation.type) {
    case ActivationType::Relu: s += "activated = F.relu(conv)\n"; break;
    case ActivationType::LeakyRelu:
      s += fmt::format("activated = F.leaky_relu(conv, negative_slope={})\n", FormatNumber(v.activation.slope));
      break;
    case ActivationType::None: s += "activated = conv  # no activation\n"; break;
  }
  const PoolSpec& p = v.pool;
  if (bv.result.pooled) {
    const bool pad = p.remainder == Remainder::Pad;
    const std::string args = fmt::format("({}, {}), stride=({}, {}){}", p.size_h, p.size_w, p.stride_h, p.stride_w,
                                         pad ? ", ceil_mode=True" : "");
    if (pad) s += "# ceil_mode keeps the partial windows at the edge, clipped to the map.\n";
    if (p.type == PoolType::Max)
      s += "pooled = F.max_pool2d(activated, " + args + ")\n";
    else
      s += "pooled = F.avg_pool2d(activated, " + args + (pad ? ", count_include_pad=False" : "") + ")\n";
    if (pad) {
      const Grid& a = bv.result.activated;
      const int rows = bv.result.pooled->rows, cols = bv.result.pooled->cols;
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
  s += fmt::format("show(\"{}\", conv[0, 0].tolist())\n", kFeatureMapHeading);
  s += fmt::format("show(\"{}\", activated[0, 0].tolist())\n", kActivatedHeading);
  if (bv.result.pooled) s += fmt::format("show(\"{}\", pooled[0, 0].tolist())\n", kPooledHeading);
  return s;
}

std::string NumpySnippet(const BuiltVariant& bv) {
  const Variant& v = *bv.variant;
  const ConvSpec& c = v.conv;
  std::string s;
  s += "import numpy as np\n\n";
  s += "image = np.array(" + PythonRows(v.image, "") + ", dtype=float)\n";
  s += "weights = np.array(" + PythonRows(v.filter.weights, "") + ", dtype=float)\n\n";
  s += fmt::format("padded = np.pad(image, (({}, {}), ({}, {})))  # zeros: (top, bottom), (left, right)\n", c.pad_top,
                   c.pad_bottom, c.pad_left, c.pad_right);
  s += fmt::format("stride_h, stride_w = {}, {}\n", c.stride_h, c.stride_w);
  s += fmt::format("dilation_h, dilation_w = {}, {}\n", c.dilation_h, c.dilation_w);
  s += "kh, kw = weights.shape\n";
  s += "span_h, span_w = (kh - 1) * dilation_h + 1, (kw - 1) * dilation_w + 1  # the window's reach\n";
  s += "rows = (padded.shape[0] - span_h) // stride_h + 1\n";
  s += "cols = (padded.shape[1] - span_w) // stride_w + 1\n";
  s += "conv = np.zeros((rows, cols))\n";
  s += "for r in range(rows):\n";
  s += "    for c in range(cols):\n";
  s += "        top, left = r * stride_h, c * stride_w\n";
  s += "        window = padded[top:top + span_h:dilation_h, left:left + span_w:dilation_w]\n";
  s += "        conv[r, c] = np.sum(window * weights)  # no flip: a cross-correlation\n";
  switch (v.activation.type) {
    case ActivationType::Relu: s += "activated = np.maximum(conv, 0)  # ReLU\n"; break;
    case ActivationType::LeakyRelu:
      s += fmt::format("activated = np.where(conv > 0, conv, {} * conv)  # leaky ReLU\n",
                       FormatNumber(v.activation.slope));
      break;
    case ActivationType::None: s += "activated = conv  # no activation\n"; break;
  }
  const PoolSpec& p = v.pool;
  if (bv.result.pooled) {
    s += fmt::format("size_h, size_w, pool_stride_h, pool_stride_w = {}, {}, {}, {}\n", p.size_h, p.size_w,
                     p.stride_h, p.stride_w);
    if (p.remainder == Remainder::Pad) {
      s += "# Partial windows at the edge are kept (rounding up), clipped to the map.\n";
      s += "pooled_rows = -(-(activated.shape[0] - size_h) // pool_stride_h) + 1\n";
      s += "pooled_cols = -(-(activated.shape[1] - size_w) // pool_stride_w) + 1\n";
    } else {
      s += "# Windows that would cross the edge are dropped (rounding down).\n";
      s += "pooled_rows = (activated.shape[0] - size_h) // pool_stride_h + 1\n";
      s += "pooled_cols = (activated.shape[1] - size_w) // pool_stride_w + 1\n";
    }
    s += "pooled = np.zeros((pooled_rows, pooled_cols))\n";
    s += "for r in range(pooled.shape[0]):\n";
    s += "    for c in range(pooled.shape[1]):\n";
    s += "        top, left = r * pool_stride_h, c * pool_stride_w\n";
    s += "        window = activated[top:top + size_h, left:left + size_w]\n";
    s += fmt::format("        pooled[r, c] = window.{}() if window.size else 0\n", p.type == PoolType::Max ? "max" : "mean");
  }
  s += "\n";
  s += kShowFunction;
  s += "\n";
  s += fmt::format("show(\"{}\", conv)\n", kFeatureMapHeading);
  s += fmt::format("show(\"{}\", activated)\n", kActivatedHeading);
  if (bv.result.pooled) s += fmt::format("show(\"{}\", pooled)\n", kPooledHeading);
  return s;
}

}  // namespace cl
