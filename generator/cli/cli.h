// The `convlesson` command line: parses arguments (CLI11) and dispatches to
// one function per subcommand. Exit codes: 0 ok, 1 a lesson failed, 2 usage.
#pragma once

namespace cl {

int RunCli(int argc, char** argv);

}  // namespace cl
