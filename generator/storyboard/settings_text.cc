#include "storyboard/settings_text.h"

#include <fmt/format.h>

namespace cl {

std::string PaddingWords(const ConvSpec& c, const Messages& m) {
  if (c.pad_top == 0 && c.pad_bottom == 0 && c.pad_left == 0 && c.pad_right == 0)
    return m.Text(c.same ? Msg::padding_same_none_needed : Msg::padding_none);
  if (c.causal) return m.Text(Msg::padding_causal, {{"pad", c.pad_left}});
  if (c.pad_top == c.pad_bottom && c.pad_left == c.pad_right) {
    if (c.pad_top == c.pad_left) return m.Text(c.same ? Msg::padding_same_even : Msg::padding_zero_even, {{"pad", c.pad_top}});
    return m.Text(c.same ? Msg::padding_same_axes : Msg::padding_zero_axes, {{"rows", c.pad_top}, {"cols", c.pad_left}});
  }
  return m.Text(c.same ? Msg::padding_same_sides : Msg::padding_zero_sides,
                {{"top", c.pad_top}, {"bottom", c.pad_bottom}, {"left", c.pad_left}, {"right", c.pad_right}});
}

std::string StrideWords(int down, int across, const Messages& m) {
  return down == across ? m.Text(Msg::stride, {{"stride", down}})
                        : m.Text(Msg::stride_axes, {{"down", down}, {"across", across}});
}

std::string DilationWords(const ConvSpec& c, const Messages& m) {
  if (c.dilation_h == 1 && c.dilation_w == 1) return "";
  return c.dilation_h == c.dilation_w ? m.Text(Msg::dilation, {{"dilation", c.dilation_h}})
                                      : m.Text(Msg::dilation_axes, {{"down", c.dilation_h}, {"across", c.dilation_w}});
}

std::string ConvSettingsWords(const ConvSpec& c, const Messages& m) {
  std::string text = PaddingWords(c, m) + ", " + StrideWords(c.stride_h, c.stride_w, m);
  if (const std::string dilation = DilationWords(c, m); !dilation.empty()) text += ", " + dilation;
  return text;
}

std::string PoolSettingsWords(const PoolSpec& p, const Messages& m, SizeGlyph glyph) {
  const char* times = glyph == SizeGlyph::Times ? "\u00D7" : "x";
  std::string settings =
      m.Text(p.type == PoolType::Max ? Msg::pool_settings_max : Msg::pool_settings_average,
             {{"size", fmt::format("{}{}{}", p.size_h, times, p.size_w)}, {"stride", StrideWords(p.stride_h, p.stride_w, m)}});
  if (p.remainder == Remainder::Pad) return m.Text(Msg::pool_settings_keep_partial, {{"settings", settings}});
  return settings;
}

}  // namespace cl
