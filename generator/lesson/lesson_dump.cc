#include "lesson/lesson_dump.h"

#include <fmt/format.h>

#include "base/grid_text.h"
#include "base/number_format.h"
#include "base/quoted_text.h"
#include "compute/compute.h"

namespace cl {
namespace {

constexpr int kExcerptChars = 60;  // enough to recognise a paragraph, short enough for one line

const char* BeatsPerName(BeatsPer per) {
  switch (per) {
    case BeatsPer::Auto: return "auto";
    case BeatsPer::Cell: return "cell";
    case BeatsPer::Row: return "row";
  }
  return "auto";
}

std::string ConvLine(const ConvSpec& c) {
  return fmt::format("  conv: padding [{}, {}, {}, {}]{}, stride [{}, {}], dilation [{}, {}]\n", c.pad_top,
                     c.pad_bottom, c.pad_left, c.pad_right, c.same ? " (same)" : c.causal ? " (causal)" : "", c.stride_h, c.stride_w,
                     c.dilation_h, c.dilation_w);
}

std::string ActivationLine(const ActivationSpec& a) {
  switch (a.type) {
    case ActivationType::Relu: return "  activation: relu\n";
    case ActivationType::None: return "  activation: none\n";
    case ActivationType::LeakyRelu: return "  activation: leaky-relu, slope " + FormatNumber(a.slope) + "\n";
  }
  return "  activation: relu\n";
}

std::string PoolLine(const PoolSpec& p) {
  if (!p.enabled) return "  pool: none\n";
  return fmt::format("  pool: {}, size [{}, {}], stride [{}, {}], remainder {}\n",
                     p.type == PoolType::Max ? "max" : "avg", p.size_h, p.size_w, p.stride_h, p.stride_w,
                     p.remainder == Remainder::Drop ? "drop" : "pad");
}

std::string VariantBlock(const Variant& v, std::size_t number) {
  std::string out = fmt::format("variant {}{}: {}\n", number, number == 1 ? " (base)" : "", QuotedText(v.label));
  if (ChannelCount(v) > 1) {
    out += fmt::format("  image: {} channels of {}{}\n", ChannelCount(v), GridSizeText(v.image),
                       v.image_from_file ? " (file, colour levels 0 to 255)" : "");
    for (int c = 0; c < ChannelCount(v); ++c)
      out += fmt::format("  channel {}{}:\n", c + 1,
                         static_cast<std::size_t>(c) < v.channel_names.size()
                             ? " " + QuotedText(v.channel_names[static_cast<std::size_t>(c)])
                             : std::string()) +
             GridText(ChannelAt(v, c), 4);
  } else {
    out += "  image: " + GridSizeText(v.image) + (v.image_from_file ? " (file, grey levels 0 to 255)" : "") + "\n" +
           GridText(v.image, 4);
  }
  if (HasFilterList(v) || ChannelCount(v) > 1) {
    for (std::size_t k = 0; k < v.filters.size(); ++k) {
      const Filter& f = v.filters[k];
      out += fmt::format("  filter {}: {} {}, bias {}\n", k + 1, QuotedText(f.name), GridSizeText(f.weights),
                         FormatNumber(f.bias));
      for (int c = 0; c < SliceCount(f); ++c)
        out += (SliceCount(f) > 1 ? fmt::format("    slice {}:\n", c + 1) : std::string()) +
               GridText(SliceAt(f, c), SliceCount(f) > 1 ? 6 : 4);
    }
  } else {
    out += "  filter: " + QuotedText(v.filter.name) + " " + GridSizeText(v.filter.weights) + "\n" +
           GridText(v.filter.weights, 4);
  }
  out += ConvLine(v.conv) + ActivationLine(v.activation) + PoolLine(v.pool);
  return out;
}

std::string SectionBlock(const Section& s, std::size_t number) {
  switch (s.kind) {
    case SectionKind::StepByStep: return fmt::format("  {}: generate step-by-step\n", number);
    case SectionKind::Complexity: return fmt::format("  {}: generate complexity\n", number);
    case SectionKind::Prose: break;
  }
  return fmt::format("  {}: prose {}\n    body: {}\n", number, QuotedText(s.title),
                     QuotedText(BodyExcerpt(s.body, kExcerptChars)));
}

}  // namespace

std::string BodyExcerpt(const std::string& body, int max_chars) {
  const std::size_t line_end = body.find('\n');
  const std::string line = body.substr(0, line_end);
  bool cut = line_end != std::string::npos && line_end + 1 < body.size();  // more lines follow
  std::size_t end = 0;
  int chars = 0;
  while (end < line.size()) {
    if (chars == max_chars) {
      cut = true;
      break;
    }
    ++end;  // past the lead byte, then its continuation bytes: never splits a code point
    while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  return line.substr(0, end) + (cut ? "..." : "");
}

std::string DumpLesson(const Lesson& lesson) {
  std::vector<const Variant*> all;
  for (const Variant& v : lesson.variants) all.push_back(&v);
  return DumpLesson(lesson, all);
}

std::string DumpLesson(const Lesson& lesson, const std::vector<const Variant*>& variants) {
  std::string out = "lesson\n";
  out += "  path: " + QuotedText(lesson.path) + "\n";
  out += "  id: " + QuotedText(lesson.id) + "\n";
  out += "  title: " + QuotedText(lesson.title) + "\n";
  out += "  summary: " + QuotedText(lesson.summary) + "\n";
  out += "  order: " + (lesson.order ? FormatNumber(*lesson.order) : std::string("none")) + "\n";
  out += fmt::format("  beats: per {}, max {}{}\n", BeatsPerName(lesson.beats.per), lesson.beats.max,
                     lesson.beats.map > 0 ? fmt::format(", map {}", lesson.beats.map) : std::string());
  out += std::string("  scale: ") + (lesson.scale == ScaleMode::Shared ? "shared" : "per-variant") + "\n";
  out += std::string("  layout: ") + (lesson.layout ? FrameLayoutName(*lesson.layout) : "unset") + "\n";
  out += "  inputs:" + std::string(lesson.inputs.empty() ? " none" : "") + "\n";
  for (const std::string& input : lesson.inputs) out += "    " + QuotedText(input) + "\n";
  for (const Variant* v : variants) {
    const auto index = static_cast<std::size_t>(v - lesson.variants.data());
    out += VariantBlock(*v, index + 1);
  }
  out += fmt::format("sections: {}\n", lesson.sections.size());
  for (std::size_t i = 0; i < lesson.sections.size(); ++i) out += SectionBlock(lesson.sections[i], i + 1);
  return out;
}

}  // namespace cl
