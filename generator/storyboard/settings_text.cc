#include "storyboard/settings_text.h"

#include <fmt/format.h>

namespace cl {
namespace {

// "2 down and 1 across" when the axes differ, else "2".
std::string PerAxis(int down, int across) {
  return down == across ? fmt::format("{}", down) : fmt::format("{} down and {} across", down, across);
}

}  // namespace

std::string PaddingWords(const ConvSpec& c) {
  const char* kind = c.same ? "same" : "zero";
  if (c.pad_top == 0 && c.pad_bottom == 0 && c.pad_left == 0 && c.pad_right == 0)
    return c.same ? "same padding (none needed)" : "no padding";
  if (c.pad_top == c.pad_bottom && c.pad_left == c.pad_right) {
    if (c.pad_top == c.pad_left) return fmt::format("{} padding of {} on every side", kind, c.pad_top);
    return fmt::format("{} padding of {} top and bottom and {} left and right", kind, c.pad_top, c.pad_left);
  }
  return fmt::format("{} padding (top {}, bottom {}, left {}, right {})", kind, c.pad_top, c.pad_bottom, c.pad_left,
                     c.pad_right);
}

std::string StrideWords(int down, int across) { return "stride " + PerAxis(down, across); }

std::string DilationWords(const ConvSpec& c) {
  if (c.dilation_h == 1 && c.dilation_w == 1) return "";
  return "dilation " + PerAxis(c.dilation_h, c.dilation_w);
}

std::string ConvSettingsWords(const ConvSpec& c) {
  std::string text = PaddingWords(c) + ", " + StrideWords(c.stride_h, c.stride_w);
  if (const std::string dilation = DilationWords(c); !dilation.empty()) text += ", " + dilation;
  return text;
}

std::string PoolSettingsWords(const PoolSpec& p, SizeGlyph glyph) {
  const char* times = glyph == SizeGlyph::Times ? "\u00D7" : "x";
  std::string text = fmt::format("{}{}{} {} pooling with {}", p.size_h, times, p.size_w,
                                 p.type == PoolType::Max ? "max" : "average", StrideWords(p.stride_h, p.stride_w));
  if (p.remainder == Remainder::Pad) text += ", keeping the partial windows at the edge";
  return text;
}

}  // namespace cl
