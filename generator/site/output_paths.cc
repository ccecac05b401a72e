#include "site/output_paths.h"

#include <fmt/format.h>

namespace cl {
namespace {

constexpr std::size_t kMaxSlug = 48;

}  // namespace

std::string SlugFromLabel(std::string_view label) {
  // Latin-1 letters read as their base letter ("Détecté" -> "detecte");
  // '-' marks the two that are not letters (multiplication and division signs).
  static constexpr std::string_view kLatin1 = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
  std::string slug;
  bool pending_dash = false;
  for (std::size_t i = 0; i < label.size() && slug.size() < kMaxSlug; ++i) {
    char ch = label[i];
    const auto byte = static_cast<unsigned char>(ch);
    if (byte == 0xC3 && i + 1 < label.size()) {  // U+00C0..U+00FF
      const auto next = static_cast<unsigned char>(label[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        ch = kLatin1[next - 0x80];
        ++i;
      }
    }
    const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    if (!alnum) {
      pending_dash = !slug.empty();
      continue;
    }
    if (pending_dash) slug += '-';
    pending_dash = false;
    slug += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "variant" : slug;
}

std::string SlugAllocator::Next(std::string_view label) {
  const std::string base = SlugFromLabel(label);
  std::string slug = base;
  for (int n = 2; !taken_.insert(slug).second; ++n) slug = fmt::format("{}-{}", base, n);
  return slug;
}

std::vector<std::string> UniqueSlugs(const std::vector<std::string>& labels) {
  SlugAllocator slugs;
  std::vector<std::string> out;
  for (const std::string& label : labels) out.push_back(slugs.Next(label));
  return out;
}

std::string FramePath(std::string_view slug, int beat_number, Stage stage, std::string_view ext) {
  return fmt::format("frames/{}/{:03}-{}.{}", slug, beat_number, StageName(stage), ext);
}

std::string TallFramePath(std::string_view slug, int beat_number, Stage stage, std::string_view ext) {
  return fmt::format("frames/{}/tall/{:03}-{}.{}", slug, beat_number, StageName(stage), ext);
}

std::string AnimationPath(std::string_view slug, std::string_view ext) {
  return fmt::format("{}.{}", slug, ext);
}

std::string FrameIdPrefix(std::string_view slug, int beat_number) {
  return fmt::format("{}-{:03}-", slug, beat_number);
}

std::string FrameListingPath(std::string_view slug) { return "frames/" + std::string(slug) + "/index.html"; }

}  // namespace cl
