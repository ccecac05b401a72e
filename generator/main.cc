#include "base/huge_page_heaps.h"
#include "base/large_buffers.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  cl::BackMainHeapWithHugePages();
  cl::ReuseFreedBuffers();
  return cl::RunCli(argc, argv);
}
