#include "cli/compute_text.h"

#include <fmt/format.h>

#include "base/grid_text.h"
#include "base/number_format.h"
#include "storyboard/settings_text.h"

namespace cl {
namespace {

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
  return Block(fmt::format("Pooled map {} ({})", GridSizeText(*pooled), PoolSettingsWords(pool, EnglishMessages(), SizeGlyph::AsciiX)),
               *pooled);
}

}  // namespace

std::string LessonHeadingText(const Lesson& lesson) { return fmt::format("{} [{}]\n\n", lesson.title, lesson.id); }

std::string VariantWalkthroughText(const Variant& variant, const VariantResult& result) {
  std::string out = variant.label + "\n" + std::string(DisplayLength(variant.label), '=') + "\n\n";
  if (HasChannels(variant)) {
    for (int c = 0; c < ChannelCount(variant); ++c) {
      const auto named = static_cast<std::size_t>(c) < variant.channel_names.size();
      out += Block(fmt::format("Input channel {} of {}{} {}", c + 1, ChannelCount(variant),
                               named ? " \"" + variant.channel_names[static_cast<std::size_t>(c)] + "\"" : "",
                               GridSizeText(ChannelAt(variant, c))),
                   ChannelAt(variant, c));
    }
  } else {
    out += Block("Input " + GridSizeText(variant.image), variant.image);
  }
  if ((!HasFilterList(variant) && !HasChannels(variant)) || result.maps.empty()) {
    out += Block(fmt::format("Filter \"{}\" {}", variant.filter.name, GridSizeText(variant.filter.weights)),
                 variant.filter.weights);
    out += Block(fmt::format("Feature map {} ({})", GridSizeText(result.conv()), ConvSettingsWords(variant.conv)),
                 result.conv());
    out += ActivationBlock(variant.activation, result.activated());
    out += PoolBlock(variant.pool, result.pooled());
  } else {
    // Several filters or a bias: each filter and its maps in turn.
    for (int k = 0; k < FilterCount(variant); ++k) {
      const Filter& f = FilterAt(variant, k);
      const FilterMaps& m = result.maps[static_cast<std::size_t>(k)];
      const std::string heading = fmt::format("Filter {} of {}: \"{}\" {}, bias {}", k + 1, FilterCount(variant), f.name,
                                              GridSizeText(f.weights), FormatNumber(f.bias));
      if (SliceCount(f) == 1) {
        out += Block(heading, f.weights);
      } else {
        for (int c = 0; c < SliceCount(f); ++c)
          out += Block(fmt::format("{}, slice {} of {}", heading, c + 1, SliceCount(f)), SliceAt(f, c));
      }
      out += Block(fmt::format("Feature map {} {} ({})", k + 1, GridSizeText(m.conv), ConvSettingsWords(variant.conv)),
                   m.conv);
      out += ActivationBlock(variant.activation, m.activated);
      out += PoolBlock(variant.pool, m.pooled);
    }
  }
  out.pop_back();  // every block ends with a blank line; the walkthrough ends with one newline
  return out;
}

}  // namespace cl
