#include "base/file_sink.h"

#include <utility>

namespace cl {

bool IsSafeRelativePath(std::string_view p) {
  if (p.empty() || p.front() == '/' || p.find('\\') != std::string_view::npos || p.find('\0') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find('/', start);
    std::string_view part = p.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

bool FileSink::PutFrom(std::string_view relative_path, const FileFiller& fill, std::string* error) {
  std::string bytes;
  const bool filled = fill(
      [&bytes](std::string_view piece) {
        bytes += piece;
        return true;
      },
      error);
  return filled && Put(relative_path, bytes, error);
}

bool MemoryFileSink::Put(std::string_view relative_path, std::string_view bytes, std::string* error) {
  if (!IsSafeRelativePath(relative_path)) {
    if (error) *error = "unsafe output path '" + std::string(relative_path) + "'";
    return false;
  }
  std::string copy(bytes);
  std::lock_guard lock(*mutex_);
  files_.insert_or_assign(std::string(relative_path), std::move(copy));
  return true;
}

}  // namespace cl
