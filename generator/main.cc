#include "base/large_buffers.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  cl::ReuseFreedBuffers();
  return cl::RunCli(argc, argv);
}
