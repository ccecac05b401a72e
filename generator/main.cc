#include "cli/cli.h"

int main(int argc, char** argv) { return cl::RunCli(argc, argv); }
