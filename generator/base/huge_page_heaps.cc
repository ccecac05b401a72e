#include "base/huge_page_heaps.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>  // defines __GLIBC__ where it is glibc
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "base/file_system.h"

namespace cl {
namespace {

constexpr std::size_t kMainHeapAdvised = std::size_t{12} << 20;
constexpr std::uintptr_t kThreadHeapBytes = std::uintptr_t{64} << 20;  // glibc's HEAP_MAX_SIZE, 64-bit

struct Range {
  char* from = nullptr;
  char* to = nullptr;
};

struct Advised {
  std::mutex lock;
  bool enabled = true;
  Range main_heap;
  std::vector<char*> looked_at;     // the thread heaps' bases, each looked at once
  std::vector<char*> thread_heaps;  // those advised
  std::vector<void*> held;          // HoldToHugePage's blocks, never freed
};

Advised& AdvisedHeaps() {
  static Advised* const advised = new Advised;
  return *advised;
}

// The text of a /proc file; empty where it cannot be read.
std::string ProcText(const char* path) {
  std::string text;
  return ReadFileBytes(path, &text, nullptr) ? text : std::string();
}

// One line of /proc/self/maps: "from-to perms offset dev inode [name]".
struct Mapping {
  std::uintptr_t from = 0;
  std::uintptr_t to = 0;
  std::string_view perms;
  bool anonymous = false;  // inode 0 and no name
};

bool ParseHex(std::string_view& text, std::uintptr_t* value) {
  std::size_t i = 0;
  std::uintptr_t v = 0;
  for (; i < text.size() && i < 16; ++i) {
    const char c = text[i];
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) break;
    v = v * 16 + static_cast<std::uintptr_t>(digit);
  }
  if (i == 0) return false;
  text.remove_prefix(i);
  *value = v;
  return true;
}

// The next space-separated field of `text`, removed from it.
std::string_view NextField(std::string_view& text) {
  const std::size_t start = std::min(text.find_first_not_of(' '), text.size());
  text.remove_prefix(start);
  const std::size_t end = std::min(text.find(' '), text.size());
  const std::string_view field = text.substr(0, end);
  text.remove_prefix(end);
  return field;
}

bool ParseMapping(std::string_view line, Mapping* m) {
  if (!ParseHex(line, &m->from) || line.empty() || line[0] != '-') return false;
  line.remove_prefix(1);
  if (!ParseHex(line, &m->to)) return false;
  m->perms = NextField(line);
  NextField(line);  // offset
  NextField(line);  // device
  const std::string_view inode = NextField(line);
  const std::string_view name = NextField(line);
  m->anonymous = inode == "0" && name.empty();
  return m->perms.size() == 4;
}

#if defined(__GLIBC__)
// glibc's chunks: a chunk starts 16 bytes before the memory it hands out,
// and a request of n bytes takes a chunk of n + 8 rounded up to 16.
constexpr std::size_t kChunkHeader = 16;
constexpr std::size_t kRequestOverhead = 8;

// Makes the heap hand out its next memory from a 2 MB boundary: the start of
// the 2 MB range its top begins in was written in 4 KB pages before the
// advice (the arena's own records, the main heap's first allocations), and
// the kernel backs a range with a huge page only while none of it is mapped,
// so left to the heap the rest of that range would be faulted in 4 KB page
// by page (400-500 faults a heap, ~7 us each here). `block`, just carved
// from the top and over 2 MB, is shrunk in place to end at the first 2 MB
// boundary in it, the rest freed back into the top, and held for good: it
// is never written past its header, so no memory is behind it.
void HoldToHugePage(Advised& advised, char* block) {
  const std::uintptr_t chunk = reinterpret_cast<std::uintptr_t>(block) - kChunkHeader;
  const std::size_t to_boundary = BytesToHugePageBoundary(chunk);
  if (to_boundary < 4096) return std::free(block);
  void* const held = std::realloc(block, to_boundary - kRequestOverhead);
  if (held == nullptr) return std::free(block);
  if (reinterpret_cast<std::uintptr_t>(held) != chunk + kChunkHeader) return std::free(held);  // moved, not shrunk
  advised.held.push_back(held);
}
#endif

void Advise(char* from, char* to, int advice) {
#if defined(MADV_HUGEPAGE)
  if (to > from) madvise(from, static_cast<std::size_t>(to - from), advice);  // advice: ignored where there are none
#else
  (void)from, (void)to, (void)advice;
#endif
}

}  // namespace

bool MapsShowThreadHeapAt(std::string_view maps, std::uintptr_t base) {
  const std::uintptr_t end = base + kThreadHeapBytes;
  std::uintptr_t covered = base;  // mapped as a heap up to here
  int parts = 0;                  // the read-write one, then the inaccessible one
  while (!maps.empty() && covered < end) {
    const std::size_t eol = std::min(maps.find('\n'), maps.size());
    Mapping m;
    const bool parsed = ParseMapping(maps.substr(0, eol), &m);
    maps.remove_prefix(std::min(eol + 1, maps.size()));
    if (!parsed || m.to <= covered) continue;
    if (parts == 2 || m.from != covered || !m.anonymous || m.to > end) return false;
    if (m.perms != (parts == 0 ? "rw-p" : "---p")) return false;
    ++parts;
    covered = m.to;
  }
  return covered == end;
}

void BackMainHeapWithHugePages() {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  // The heap grown by 12 MB in one piece (under the mmap threshold), advised,
  // then given back to its top (under the trim threshold, so kept) but for
  // its start before the first 2 MB boundary: the main thread's next
  // allocations are carved from there.
  mallopt(M_MMAP_THRESHOLD, 16 << 20);
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
  auto* grown = static_cast<char*>(std::malloc(kMainHeapAdvised));
  if (grown == nullptr) return;
  // Its whole 2 MB ranges: the kernel backs only aligned ones.
  char* const end = grown + kMainHeapAdvised;
  const Range advised{grown + BytesToHugePageBoundary(reinterpret_cast<std::uintptr_t>(grown)),
                      end - reinterpret_cast<std::uintptr_t>(end) % kHugePageBytes};
  Advise(advised.from, advised.to, MADV_HUGEPAGE);
  AdvisedHeaps().main_heap = advised;
  HoldToHugePage(AdvisedHeaps(), grown);
#endif
}

void BackThreadHeapWithHugePages() {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  Advised& advised = AdvisedHeaps();
  const std::lock_guard<std::mutex> hold(advised.lock);
  static const bool strict_overcommit = ProcText("/proc/sys/vm/overcommit_memory").starts_with("2");
  if (!advised.enabled || strict_overcommit) return;
  // From this thread's arena, held to the end.
  const std::unique_ptr<char, decltype(&std::free)> probe(static_cast<char*>(std::malloc(64)), &std::free);
  if (probe == nullptr) return;
  char* const base = probe.get() - reinterpret_cast<std::uintptr_t>(probe.get()) % kThreadHeapBytes;
  if (std::find(advised.looked_at.begin(), advised.looked_at.end(), base) != advised.looked_at.end()) return;
  advised.looked_at.push_back(base);
  // The main arena's heap, or not glibc's heaps at all: left alone.
  if (!MapsShowThreadHeapAt(ProcText("/proc/self/maps"), reinterpret_cast<std::uintptr_t>(base))) return;
  if (mprotect(base, kThreadHeapBytes, PROT_READ | PROT_WRITE) != 0) return;
  Advise(base, base + kThreadHeapBytes, MADV_HUGEPAGE);
  advised.thread_heaps.push_back(base);
  if (auto* const block = static_cast<char*>(std::malloc(kHugePageBytes + (64 << 10))); block != nullptr)
    HoldToHugePage(advised, block);
#endif
}

void StopBackingHeapsWithHugePages() {
#if defined(MADV_NOHUGEPAGE)
  Advised& advised = AdvisedHeaps();
  const std::lock_guard<std::mutex> hold(advised.lock);
  advised.enabled = false;
  Advise(advised.main_heap.from, advised.main_heap.to, MADV_NOHUGEPAGE);
  for (char* const base : advised.thread_heaps) Advise(base, base + kThreadHeapBytes, MADV_NOHUGEPAGE);
#endif
}

}  // namespace cl
