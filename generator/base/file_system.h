// File system: the few disk operations the build needs, each safe to
// interrupt. Files are written under a temporary name and renamed into place,
// and folders are swapped whole, so a reader or a killed build sees either
// the old or the new version of a path, never a mix. Errors come back as
// text naming the path ("cannot write 'out/x': No space left on device").
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cl {

// Reads the whole file into *bytes. Fails for files over `max_bytes`.
bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error,
                   size_t max_bytes = size_t{256} << 20);

// What must reach the disk before WriteFileAtomic returns.
enum class Durability {
  // The file's bytes are fsynced before the rename that gives it its name,
  // so a crash never leaves an empty or torn file under that name, and then
  // the folder, so the rename itself survives a crash.
  kPublished,
  // Nothing is synced: the file is in a staging folder no reader looks at,
  // which ReplacePath syncs whole (every file and folder) before publishing
  // it. One flush for all of a lesson's files instead of one each. A file
  // not there yet is written under its own name, with no temporary: the
  // folder is published only once every file in it is complete.
  kStaged,
};

// Writes `bytes` to a temporary file beside `path`, then renames it over
// `path` (a new staged file: straight to `path`). The parent folder must
// exist. A failure leaves `path` as it was.
bool WriteFileAtomic(const std::string& path, std::string_view bytes, std::string* error,
                     Durability durability = Durability::kPublished);

// The same, with the bytes made in pieces: `fill` calls its argument with each
// piece in order, and returns false (having set *error) to give up, which
// leaves `path` as it was. A file too large to hold at once never is.
using PieceWriter = std::function<bool(std::string_view)>;
using FileFiller = std::function<bool(const PieceWriter& write, std::string* error)>;
bool WriteFileAtomicFrom(const std::string& path, const FileFiller& fill, std::string* error,
                         Durability durability = Durability::kPublished);

// Creates `path` and its missing parents.
bool MakeDirectories(const std::string& path, std::string* error);

// Removes `path` and, for a folder, everything under it; symbolic links are
// removed, never followed. A missing path is not an error.
bool RemoveTree(const std::string& path, std::string* error);

// Puts `staged` (a file or folder) at `target`, replacing whatever is there.
// Uses an atomic exchange where the kernel has one (Linux renameat2), else
// moves the old version to `staged + ".old"` first, so a crash in between
// leaves the complete old version there for RecoverAside to restore.
// On success `staged` no longer exists. Before publishing, every file and
// folder in `staged` (or `staged` itself, when a file) is synced (the files'
// file system flushed once with syncfs where the kernel has it, else each
// file fsynced), and the folder holding `target` after it, so what a reader
// sees after a crash is complete.
// `allow_exchange` false forces the fallback (for tests).
bool ReplacePath(const std::string& staged, const std::string& target, std::string* error,
                 bool allow_exchange = true);

// After a crash during ReplacePath's fallback: if `target` is missing and
// `staged + ".old"` exists, moves the old version back.
bool RecoverAside(const std::string& staged, const std::string& target, std::string* error);

// fsync calls that succeeded so far in this process, for the tests that pin
// which writes are synced.
long long SyncCountForTests();

bool PathExists(const std::string& path);  // without following a final symlink
bool IsDirectory(const std::string& path);   // following symlinks

// Names in folder `dir`, sorted; empty when it cannot be read.
std::vector<std::string> ListDirectory(const std::string& dir);

}  // namespace cl
