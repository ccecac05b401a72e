#include "cli/compute_text.h"

#include <fmt/format.h>

#include "base/grid_text.h"
#include "base/number_format.h"

namespace cl {
namespace {

// "2" when both axes agree, else "[2, 1]" as a lesson would write it.
std::string PairText(int h, int w) { return h == w ? std::to_string(h) : fmt::format("[{}, {}]", h, w); }

std::string SizePairText(int h, int w) { return fmt::format("{}x{}", h, w); }

std::string PaddingText(const ConvSpec& c) {
  const bool uniform = c.pad_top == c.pad_bottom && c.pad_top == c.pad_left && c.pad_top == c.pad_right;
  if (c.same) {
    if (uniform) return fmt::format("same padding ({} on each side)", c.pad_top);
    return fmt::format("same padding (top {}, bottom {}, left {}, right {})", c.pad_top, c.pad_bottom, c.pad_left,
                       c.pad_right);
  }
  if (uniform) return c.pad_top == 0 ? "valid padding" : fmt::format("padding {}", c.pad_top);
  if (c.pad_top == c.pad_bottom && c.pad_left == c.pad_right)
    return fmt::format("padding [{}, {}]", c.pad_top, c.pad_left);
  return fmt::format("padding top {}, bottom {}, left {}, right {}", c.pad_top, c.pad_bottom, c.pad_left,
                     c.pad_right);
}

// Counts code points, not bytes, so a UTF-8 label gets an underline of its length.
std::size_t DisplayLength(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

std::string Block(const std::string& heading, const Grid& grid) { return heading + "\n" + GridText(grid) + "\n"; }

std::string ActivationBlock(const ActivationSpec& a, const Grid& activated) {
  switch (a.type) {
    case ActivationType::Relu:
      return Block(fmt::format("After ReLU {} (negatives become 0)", GridSizeText(activated)), activated);
    case ActivationType::LeakyRelu:
      return Block(fmt::format("After leaky ReLU {} (negatives times {})", GridSizeText(activated),
                               FormatNumber(a.slope)),
                   activated);
    case ActivationType::None:
      break;
  }
  return "Activation: none (the feature map goes on unchanged)\n\n";
}

std::string PoolBlock(const PoolSpec& pool, const std::optional<Grid>& pooled) {
  if (!pool.enabled || !pooled) return "Pooling: none\n\n";
  const char* kind = pool.type == PoolType::Max ? "Max" : "Average";
  return Block(fmt::format("{} pool {} ({})", kind, GridSizeText(*pooled), PoolSettingsText(pool)), *pooled);
}

}  // namespace

std::string ConvSettingsText(const ConvSpec& conv) {
  std::string text = PaddingText(conv) + ", stride " + PairText(conv.stride_h, conv.stride_w);
  if (conv.dilation_h != 1 || conv.dilation_w != 1) text += ", dilation " + PairText(conv.dilation_h, conv.dilation_w);
  return text;
}

std::string PoolSettingsText(const PoolSpec& pool) {
  return fmt::format("window {}, stride {}, {} the remainder", SizePairText(pool.size_h, pool.size_w),
                     PairText(pool.stride_h, pool.stride_w), pool.remainder == Remainder::Drop ? "drop" : "pad");
}

std::string LessonHeadingText(const Lesson& lesson) { return fmt::format("{} [{}]\n\n", lesson.title, lesson.id); }

std::string VariantWalkthroughText(const Variant& variant, const VariantResult& result) {
  std::string out = variant.label + "\n" + std::string(DisplayLength(variant.label), '=') + "\n\n";
  out += Block("Input " + GridSizeText(variant.image), variant.image);
  out += Block(fmt::format("Filter \"{}\" {}", variant.filter.name, GridSizeText(variant.filter.weights)),
               variant.filter.weights);
  out += Block(fmt::format("Feature map {} ({})", GridSizeText(result.conv), ConvSettingsText(variant.conv)),
               result.conv);
  out += ActivationBlock(variant.activation, result.activated);
  out += PoolBlock(variant.pool, result.pooled);
  out.pop_back();  // every block ends with a blank line; the walkthrough ends with one newline
  return out;
}

}  // namespace cl
