#include "cli/build_paths.h"

#include <filesystem>

namespace cl {
namespace fs = std::filesystem;

bool IsLessonId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id[0])) return false;
  for (char c : id)
    if (!lower_or_digit(c) && c != '-') return false;
  return true;
}

bool IsCourseEntryName(std::string_view name) {
  return !name.empty() && name.size() <= 255 && name.front() != '.' &&
         name.find_first_of(std::string_view("/\\\0", 3)) == std::string_view::npos;
}

std::string RelativeToOut(const std::string& path, const std::string& out_dir) {
  fs::path from = fs::absolute(out_dir).lexically_normal();
  fs::path to = fs::absolute(path).lexically_normal();
  fs::path rel = to.lexically_relative(from);
  return rel.empty() ? to.generic_string() : rel.generic_string();
}

std::string ResolveFromOut(const std::string& relative, const std::string& out_dir) {
  fs::path p(relative);
  if (p.is_absolute()) return p.lexically_normal().string();
  fs::path joined = (fs::path(out_dir) / p).lexically_normal();
  return joined.empty() ? std::string(".") : joined.string();
}

}  // namespace cl
