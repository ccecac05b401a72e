// The `convlesson` command line: parses arguments (CLI11) and dispatches to
// one function per subcommand. Exit codes: 0 ok, 1 a lesson failed, 2 usage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cl {

int RunCli(int argc, char** argv);

// What an unknown command `given` gets: the nearest of `commands` when it
// is a slip of two letters or less, and the list of them.
std::string UnknownCommandText(std::string_view given, const std::vector<std::string>& commands);

}  // namespace cl
