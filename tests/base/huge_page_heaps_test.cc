// Heaps in huge pages: a glibc thread heap is recognised from the process's
// maps (and nothing else is), and once advised it is writable to its end
// and marked for huge pages. Runs before large_buffers_test.cc's last case
// (this module's files register in name order), which stops the advice for
// the rest of the process.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "base/file_system.h"
#include "base/huge_page_heaps.h"

namespace {

constexpr std::uintptr_t kMB = std::uintptr_t{1} << 20;
constexpr std::uintptr_t kBase = std::uintptr_t{0x7f0000000000};

std::string Line(std::uintptr_t from, std::uintptr_t to, const char* perms, const char* rest = "00000000 00:00 0") {
  std::ostringstream line;
  line << std::hex << from << '-' << to << ' ' << perms << ' ' << rest << '\n';
  return line.str();
}

// The text of a /proc or /sys file; empty where there is none.
std::string ReadWhole(const char* path) {
  std::string text;
  return cl::ReadFileBytes(path, &text, nullptr) ? text : std::string();
}

// Whether the kernel refuses to overcommit: heaps are never advised then.
bool StrictOvercommit() { return ReadWhole("/proc/sys/vm/overcommit_memory").starts_with("2"); }

// The smaps entry of the mapping that starts at `from`, empty if none does.
std::string SmapsEntryAt(std::uintptr_t from) {
  std::ostringstream start;
  start << std::hex << from << '-';
  const std::string smaps = ReadWhole("/proc/self/smaps");
  std::size_t at = smaps.find(start.str());
  while (at != std::string::npos && at != 0 && smaps[at - 1] != '\n') at = smaps.find(start.str(), at + 1);
  if (at == std::string::npos) return "";
  const std::size_t end = smaps.find("VmFlags:", at);
  return smaps.substr(at, smaps.find('\n', end) - at);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(huge_page_heaps)

BOOST_AUTO_TEST_CASE(BytesToTheNextHugePageBoundary) {
  BOOST_TEST(cl::BytesToHugePageBoundary(kBase) == 0u);
  BOOST_TEST(cl::BytesToHugePageBoundary(kBase + 1) == 2 * kMB - 1);
  BOOST_TEST(cl::BytesToHugePageBoundary(kBase + 2 * kMB - 16) == 16u);
  BOOST_TEST(cl::BytesToHugePageBoundary(kBase + 3 * kMB) == kMB);
}

BOOST_AUTO_TEST_CASE(AThreadHeapIsItsReadWriteStartAndTheReservedRest) {
  const std::string lib = Line(kBase - 8 * kMB, kBase - 4 * kMB, "r-xp", "00000000 08:01 1234   /usr/lib/libx.so");
  // Grown to 1 MB of its 64, alone or among other mappings.
  const std::string heap = Line(kBase, kBase + kMB, "rw-p") + Line(kBase + kMB, kBase + 64 * kMB, "---p");
  BOOST_TEST(cl::MapsShowThreadHeapAt(heap, kBase));
  BOOST_TEST(cl::MapsShowThreadHeapAt(lib + heap + Line(kBase + 64 * kMB, kBase + 70 * kMB, "rw-p"), kBase));
  // Grown to its end, or mapped writable to its end already.
  BOOST_TEST(cl::MapsShowThreadHeapAt(Line(kBase, kBase + 64 * kMB, "rw-p"), kBase));
}

BOOST_AUTO_TEST_CASE(AnythingElseIsNotAThreadHeap) {
  // A thread's stack: its guard page first.
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + 4096, "---p") + Line(kBase + 4096, kBase + 64 * kMB, "rw-p"),
                                       kBase));
  // Not starting at the base, a gap, too short, too long.
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase + 4096, kBase + 64 * kMB, "rw-p"), kBase));
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + kMB, "rw-p") + Line(kBase + 2 * kMB, kBase + 64 * kMB, "---p"),
                                       kBase));
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + kMB, "rw-p") + Line(kBase + kMB, kBase + 32 * kMB, "---p"),
                                       kBase));
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + 65 * kMB, "rw-p"), kBase));
  // Named (the main heap, a stack) or a file.
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + 64 * kMB, "rw-p", "00000000 00:00 0   [heap]"), kBase));
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + 64 * kMB, "rw-p", "00000000 08:01 99   /tmp/data"), kBase));
  // Three parts, or the parts the other way round.
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + kMB, "rw-p") + Line(kBase + kMB, kBase + 2 * kMB, "---p") +
                                           Line(kBase + 2 * kMB, kBase + 64 * kMB, "---p"),
                                       kBase));
  BOOST_TEST(!cl::MapsShowThreadHeapAt(Line(kBase, kBase + kMB, "---p") + Line(kBase + kMB, kBase + 64 * kMB, "rw-p"),
                                       kBase));
  BOOST_TEST(!cl::MapsShowThreadHeapAt("", kBase));
}

// A thread heap advised, or 0 where there is none to advise.
std::uintptr_t g_advised_heap = 0;

bool HugePagesInKernel() { return !ReadWhole("/sys/kernel/mm/transparent_hugepage/enabled").empty(); }

BOOST_AUTO_TEST_CASE(AnAdvisedThreadHeapIsWritableToItsEndAndMarkedForHugePages) {
  std::uintptr_t base = 0;
  bool was_heap = false;
  std::thread([&] {
    void* p = std::malloc(100);  // gives this thread its arena
    base = reinterpret_cast<std::uintptr_t>(p) / (64 * kMB) * (64 * kMB);
    was_heap = cl::MapsShowThreadHeapAt(ReadWhole("/proc/self/maps"), base);
    cl::BackThreadHeapWithHugePages();
    std::free(p);
  }).join();
  if (!was_heap) {  // not glibc's allocator (a sanitizer's): left alone, nothing to see
    BOOST_TEST_MESSAGE("the thread's memory is not a glibc heap here");
    return;
  }
  if (StrictOvercommit()) return;  // heaps are not advised there
  const std::string entry = SmapsEntryAt(base);
  BOOST_REQUIRE(!entry.empty());
  std::ostringstream whole;
  whole << std::hex << base << '-' << base + 64 * kMB << " rw-p ";
  BOOST_TEST(entry.starts_with(whole.str()), entry.substr(0, entry.find('\n')));
  const std::string flags = entry.substr(entry.rfind("VmFlags:"));
  if (HugePagesInKernel()) BOOST_TEST(flags.find(" hg") != std::string::npos, flags);
  g_advised_heap = base;
}

BOOST_AUTO_TEST_CASE(AdvisedHeapsHandOutMemoryFromA2MBBoundaryInAFreshProcess) {
  const std::string test = "--run_test=huge_page_heaps_in_a_fresh_process";
  std::vector<char*> argv{const_cast<char*>("test_base"), const_cast<char*>(test.c_str()), nullptr};
  pid_t pid = 0;
  BOOST_REQUIRE(posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) == 0);
  int status = 0;
  BOOST_REQUIRE(waitpid(pid, &status, 0) == pid);
  BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0), "the test in its own process failed: status " << status);
}

// Last: it stops the advice for the rest of the process.
BOOST_AUTO_TEST_CASE(AfterStoppingTheAdvisedHeapsAreMarkedForSmallPages) {
  cl::StopBackingHeapsWithHugePages();
  if (g_advised_heap == 0 || !HugePagesInKernel()) return;
  const std::string entry = SmapsEntryAt(g_advised_heap);
  const std::string flags = entry.substr(entry.rfind("VmFlags:"));
  BOOST_TEST(flags.find(" nh") != std::string::npos, flags);
  BOOST_TEST(flags.find(" hg") == std::string::npos, flags);
  // And a heap seen after is left as it is: grown as it needs, not advised.
  std::string later;
  std::thread([&] {
    void* p = std::malloc(100);
    const std::uintptr_t base = reinterpret_cast<std::uintptr_t>(p) / (64 * kMB) * (64 * kMB);
    cl::BackThreadHeapWithHugePages();
    if (base != g_advised_heap) later = SmapsEntryAt(base);
    std::free(p);
  }).join();
  BOOST_TEST(later.find(" hg") == std::string::npos, later);
}

BOOST_AUTO_TEST_SUITE_END()

// Run only in a process of its own (huge_page_heaps above): its first
// thread's arena is new, and its main heap has not been advised before.
BOOST_AUTO_TEST_SUITE(huge_page_heaps_in_a_fresh_process, *boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(AdvisedHeapsHandOutMemoryFromA2MBBoundary) {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)  // (AddressSanitizer's malloc is not glibc's)
  // The start of each heap's 2 MB range was written in 4 KB pages before the
  // advice (the arena's records, the first allocations): what the heap hands
  // out next starts at the next 2 MB boundary, a range not yet mapped (past
  // a few small blocks of the advice's own records).
  const auto chunk_at = [](void* p) { return reinterpret_cast<std::uintptr_t>(p) - 16; };  // glibc's chunk header
  cl::BackMainHeapWithHugePages();
  void* const main_block = std::malloc(4 << 20);  // larger than the test runner's freed blocks
  BOOST_TEST(chunk_at(main_block) % (2 * kMB) < 4096u, std::hex << main_block);
  std::free(main_block);
  if (StrictOvercommit()) return;  // heaps not advised there
  std::uintptr_t base = 0, next = 0;
  bool was_heap = false;
  std::thread([&] {
    void* const p = std::malloc(100);
    base = reinterpret_cast<std::uintptr_t>(p) / (64 * kMB) * (64 * kMB);
    was_heap = cl::MapsShowThreadHeapAt(ReadWhole("/proc/self/maps"), base);
    cl::BackThreadHeapWithHugePages();
    void* const q = std::malloc(4000);
    next = chunk_at(q);
    std::free(q);
    std::free(p);
  }).join();
  if (was_heap) BOOST_TEST(next - (base + 2 * kMB) < 4096u, std::hex << next << " in the heap at " << base);
#endif
}

BOOST_AUTO_TEST_SUITE_END()
