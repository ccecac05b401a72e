// The top level of a lesson and its variants.
#include "lesson/lesson_reader.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "compute/compute.h"
#include "lesson/limits.h"
#include "lesson/loader.h"
#include "lesson/suggest.h"
#include "lesson/variant_builder.h"

namespace cl {
namespace {

constexpr std::array<std::string_view, 18> kLessonKeys{"id",   "title",  "summary", "order",      "label",
                                                       "image", "filter", "filters", "conv",    "activation", "pool",
                                                       "variants", "beats", "scale",  "layout", "sections", "handout",
                                                       "pdf_frames"};
constexpr std::array<std::string_view, 2> kBooleans{"true", "false"};
constexpr std::array<std::string_view, 2> kScaleModes{"per-variant", "shared"};
constexpr std::array<std::string_view, 3> kLayouts{"wide", "slides", "tall"};
constexpr std::array<std::string_view, 2> kHandoutKinds{"brief", "full"};
constexpr std::array<std::string_view, 7> kVariantKeys{"label", "image", "filter", "filters", "conv", "activation", "pool"};

std::string KeyHint(std::string_view key, std::span<const std::string_view> known) {
  std::string hint = DidYouMean(key, known);
  return hint.empty() ? "; expected " + ListNames(known) : hint;
}

std::string IdRule() {
  return fmt::format("lowercase letters, digits and '-', starting with a letter or digit, at most {} characters",
                     limits::kMaxIdChars);
}

// Why a reserved id is refused, worded as the build words the same clash.
std::string ReservedIdReason(std::string_view id) {
  const char* output = id == "assets"  ? "the shared assets/ folder"
                       : id == "index" ? "the course index, index.html"
                                       : "the course handout, course.pdf";
  return fmt::format("is the name of a course output in out/ ({})", output);
}

std::optional<std::string> ReadId(NodeReader& reader, const YamlNode& root, const std::string& path,
                                  SourceLocation* where) {
  if (const auto* entry = NodeReader::Find(root, "id")) {
    *where = reader.Where(*entry->value);
    auto id = reader.Text(*entry->value, "id", 1000, true);
    if (!id) return std::nullopt;
    if (!IsValidLessonId(*id)) {
      reader.Error(*entry->value, fmt::format("id '{}' must be {}", *id, IdRule()));
      return std::nullopt;
    }
    if (IsReservedLessonId(*id)) {
      reader.Error(*entry->value, fmt::format("lesson id '{}' {}; choose another id", *id, ReservedIdReason(*id)));
      return std::nullopt;
    }
    return id;
  }
  const std::string stem = std::filesystem::path(path).stem().string();
  where->path = path;
  if (!IsValidLessonId(stem)) {
    YamlNode nowhere;  // a file-level problem: no line to point at
    reader.Error(nowhere, fmt::format("the id defaults to the file name '{}', which is not a valid id ({}); "
                                      "rename the file or add an id key",
                                      stem, IdRule()));
    return std::nullopt;
  }
  if (IsReservedLessonId(stem)) {
    YamlNode nowhere;
    reader.Error(nowhere, fmt::format("the id defaults to the file name '{}', which {}; rename the file or add an "
                                      "id key",
                                      stem, ReservedIdReason(stem)));
    return std::nullopt;
  }
  return stem;
}

// Variant entries: each a mapping with a label and any of the five settings.
void ReadVariants(NodeReader& reader, const YamlNode& list, const LessonSettings& base, const ImageContext& context,
                  std::map<std::string, std::string>* labels, Lesson* lesson, bool* ok) {
  if (list.kind != YamlNode::Kind::Sequence) {
    reader.Error(list, fmt::format("variants must be a list of mappings with a label, got {}", NodeReader::Describe(list)));
    *ok = false;
    return;
  }
  if (list.items.size() + 1 > static_cast<std::size_t>(limits::kMaxVariants)) {
    reader.Error(list, fmt::format("a lesson has at most {} variants besides the base, got {}", limits::kMaxVariants - 1,
                                   list.items.size()));
    *ok = false;
    return;
  }
  for (const YamlNode* item : list.items) {
    if (!reader.ExpectMapping(*item, "a variant")) {
      *ok = false;
      continue;
    }
    bool known_keys = true;
    for (const YamlNode::Entry& entry : item->entries) {
      const std::string& key = entry.key->text;
      if (std::find(kVariantKeys.begin(), kVariantKeys.end(), key) != kVariantKeys.end()) continue;
      *ok = false;
      known_keys = false;
      if (std::find(kLessonKeys.begin(), kLessonKeys.end(), key) != kLessonKeys.end())
        reader.Error(*entry.key, fmt::format("'{}' belongs to the lesson, not to a variant; a variant sets {}", key,
                                             ListNames(kVariantKeys)));
      else
        reader.Error(*entry.key, fmt::format("unknown key '{}'{}", key, KeyHint(key, kVariantKeys)));
    }
    std::optional<std::string> label;
    if (const auto* entry = reader.Require(*item, "label")) {
      label = reader.Text(*entry->value, "label", limits::kMaxLabelChars, true);
      if (label) {
        const int line = reader.Where(*entry->value).line;
        auto [it, fresh] = labels->emplace(*label, fmt::format("the variant on line {}", line));
        if (!fresh) {
          reader.Error(*entry->value, fmt::format("label '{}' is already used by {}", *label, it->second));
          label.reset();
        }
      }
    }
    const LessonSettings own = ReadSettings(reader, *item, context);
    if (!label) {
      *ok = false;
      continue;
    }
    const bool changes = own.image.given() || own.filter.given() || own.conv.given() || own.activation.given() ||
                         own.pool.given();
    if (!changes && known_keys)  // with a misspelt key, the unknown-key error says it all
      reader.Warning(*item, fmt::format("variant '{}' changes nothing; it is the same as the base", *label));
    auto variant = BuildVariant(reader, base, &own, *label, *item);
    if (!variant) {
      *ok = false;
      continue;
    }
    lesson->variants.push_back(std::move(*variant));
  }
}

// Every variant's image and maps together, counted from their sides before
// anything is computed, so a lesson cannot make the build hold gigabytes.
bool CheckLessonNumbers(NodeReader& reader, const YamlNode& root, const Lesson& lesson) {
  long long numbers = 0;
  for (const Variant& v : lesson.variants) numbers += CountVariantNumbers(v);
  if (numbers <= limits::kMaxLessonNumbers) return true;
  const auto* variants = NodeReader::Find(root, "variants");
  const auto* image = NodeReader::Find(root, "image");
  const YamlNode& where = variants ? *variants->key : image ? *image->key : root;
  reader.Error(where, fmt::format("the lesson computes {} numbers in all (image channels and every filter's maps, "
                                  "over its {} variant{}); a lesson may compute at most {}: use a smaller image "
                                  "(image: {{file: ..., size: N}}), fewer filters or fewer variants",
                                  numbers, lesson.variants.size(), lesson.variants.size() == 1 ? "" : "s",
                                  limits::kMaxLessonNumbers));
  return false;
}

}  // namespace

bool IsReservedLessonId(std::string_view id) {
  return std::find(kReservedLessonIds.begin(), kReservedLessonIds.end(), id) != kReservedLessonIds.end();
}

bool IsValidLessonId(std::string_view id) {
  if (id.empty() || id.size() > static_cast<std::size_t>(limits::kMaxIdChars)) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return lower_or_digit(c) || c == '-'; });
}

std::optional<Lesson> ReadLesson(NodeReader& reader, const YamlNode& root, const std::string& path,
                                 const ImageContext& context) {
  if (root.kind != YamlNode::Kind::Mapping) {
    reader.Error(root, fmt::format("a lesson must be a mapping of keys such as title, image and filter, got {}",
                                   NodeReader::Describe(root)));
    return std::nullopt;
  }
  reader.CheckKeys(root, kLessonKeys);
  bool ok = true;
  Lesson lesson;
  lesson.path = path;

  auto id = ReadId(reader, root, path, &lesson.id_where);
  ok = id.has_value();
  lesson.id = id.value_or("");
  if (const auto* entry = reader.Require(root, "title")) {
    auto title = reader.Text(*entry->value, "title", limits::kMaxTitleChars, true);
    ok = ok && title.has_value();
    lesson.title = title.value_or("");
  } else {
    ok = false;
  }
  if (const auto* entry = NodeReader::Find(root, "summary")) {
    auto summary = reader.Text(*entry->value, "summary", limits::kMaxSummaryChars, true);
    ok = ok && summary.has_value();
    lesson.summary = summary.value_or("");
  }
  if (const auto* entry = NodeReader::Find(root, "order")) {
    auto order = reader.Number(*entry->value, "order");
    ok = ok && order.has_value();
    lesson.order = order;
  }
  if (const auto* entry = NodeReader::Find(root, "handout")) {
    auto kind = reader.Choice(*entry->value, "handout", kHandoutKinds);
    ok = ok && kind.has_value();
    if (kind) lesson.handout = *kind == "full" ? HandoutKind::Full : HandoutKind::Brief;
  }
  if (const auto* entry = NodeReader::Find(root, "pdf_frames")) {
    auto value = reader.Choice(*entry->value, "pdf_frames", kBooleans);
    ok = ok && value.has_value();
    lesson.pdf_frames = value == "true";
  }
  std::optional<std::string> label;
  const YamlNode* label_node = nullptr;
  if (const auto* entry = NodeReader::Find(root, "label")) {
    label_node = entry->value;
    label = reader.Text(*entry->value, "label", limits::kMaxLabelChars, true);
    ok = ok && label.has_value();
  }

  const LessonSettings base = ReadSettings(reader, root, context);
  if (!reader.Require(root, "image")) ok = false;
  if (!base.filter.given() && !reader.Require(root, "filter")) ok = false;
  if (!label && !label_node && base.filter.parsed) label = base.filter.parsed->front().name;

  std::map<std::string, std::string> labels;  // label -> who has it, for duplicates
  if (label) {
    labels.emplace(*label, label_node != nullptr ? "the base variant"
                                                 : "the base variant, which is named after its filter "
                                                   "(set label: to rename it)");
    auto variant = BuildVariant(reader, base, nullptr, *label, root);
    ok = ok && variant.has_value();
    if (variant) lesson.variants.push_back(std::move(*variant));
  } else {
    ok = false;
  }
  if (const auto* entry = NodeReader::Find(root, "variants"))
    ReadVariants(reader, *entry->value, base, context, &labels, &lesson, &ok);

  if (ok) ok = CheckLessonNumbers(reader, root, lesson);

  lesson.beats.where = reader.Where(root);
  if (const auto* entry = NodeReader::Find(root, "beats")) {
    auto beats = ReadBeats(reader, *entry->value);
    ok = ok && beats.has_value();
    if (beats) lesson.beats = *beats;
    // The map the beats walk must exist in every variant.
    const auto* map = NodeReader::Find(*entry->value, "map");
    for (const Variant& v : lesson.variants) {
      if (map == nullptr || !beats || beats->map <= static_cast<int>(v.filters.size())) continue;
      reader.Error(*map->value, fmt::format("beats map {} does not exist: variant '{}' has {} filter{}", beats->map,
                                            v.label, v.filters.size(), v.filters.size() == 1 ? "" : "s"));
      ok = false;
      break;
    }
  }
  if (const auto* entry = NodeReader::Find(root, "scale")) {
    auto scale = reader.Choice(*entry->value, "scale", kScaleModes);
    ok = ok && scale.has_value();
    if (scale) lesson.scale = *scale == "shared" ? ScaleMode::Shared : ScaleMode::PerVariant;
  }
  if (const auto* entry = NodeReader::Find(root, "layout")) {
    auto layout = reader.Choice(*entry->value, "layout", kLayouts);
    ok = ok && layout.has_value();
    if (layout)
      lesson.layout = *layout == "slides" ? FrameLayout::Slides : *layout == "tall" ? FrameLayout::Tall : FrameLayout::Wide;
  }
  if (const auto* entry = NodeReader::Find(root, "sections")) {
    auto sections = ReadSections(reader, *entry->value);
    ok = ok && sections.has_value();
    if (sections) lesson.sections = std::move(*sections);
  } else {
    lesson.sections = {Section{SectionKind::StepByStep, "", ""}, Section{SectionKind::Complexity, "", ""}};
  }
  lesson.inputs = *context.inputs;
  if (!ok) return std::nullopt;
  return lesson;
}

}  // namespace cl
