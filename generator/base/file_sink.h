// FileSink: where a lesson's outputs go. Renderers and page writers put files
// by relative path; the build decides whether that is a staging folder on disk
// (then swapped into place atomically) or memory (tests).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "base/file_system.h"

namespace cl {

class FileSink {
 public:
  virtual ~FileSink() = default;
  // Stores `bytes` at `relative_path` ("frames/vertical-edge/003-conv.svg").
  // Paths use '/', never start with '/', never contain "..". Returns false and
  // sets *error on failure. Called from several threads at once: every sink
  // must allow it.
  virtual bool Put(std::string_view relative_path, std::string_view bytes, std::string* error) = 0;
  // The same, for a file made in pieces (FileFiller, base/file_system.h): a
  // sink that can, writes them as they come instead of holding the file.
  // This one gathers them and calls Put.
  virtual bool PutFrom(std::string_view relative_path, const FileFiller& fill, std::string* error);
};

// Keeps every file in memory, for tests and for callers that post-process.
// Put may be called from several threads at once (a lesson's frames and its
// other outputs are written side by side); read files() once they are done.
class MemoryFileSink : public FileSink {
 public:
  bool Put(std::string_view relative_path, std::string_view bytes, std::string* error) override;
  const std::map<std::string, std::string, std::less<>>& files() const { return files_; }

 private:
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // movable, as tests move sinks
  std::map<std::string, std::string, std::less<>> files_;
};

// True when `p` is a safe relative path as Put requires.
bool IsSafeRelativePath(std::string_view p);

}  // namespace cl
