// Install paths: where the binary finds what it reads at run time (the page
// templates), relative to its own location, so an installed prefix works
// wherever it is moved or copied and nothing refers to the source tree.
//   <prefix>/bin/convlesson  ->  <prefix>/share/convlesson/templates
// A build tree mirrors this beside its binary: build/release/convlesson reads
// build/release/share/convlesson/templates, a link CMake makes to templates/.
#pragma once

#include <string>

namespace cl {

// The folder of the running binary (from /proc/self/exe); "" when unknown.
std::string ExecutableDir();

// The data folder of the running binary: the first of
// <exe>/../share/convlesson and <exe>/share/convlesson that exists, else the
// first (for messages).
std::string DataDir();

// DataDir() + "/templates": the page templates when --templates is not given.
std::string DefaultTemplatesDir();

// "convlesson 0.1.0 (revision v0.1.0-12-gabc1234)": the version and the
// source revision the binary was built from (git describe when it was built,
// "unknown" outside a git checkout).
std::string VersionText();

}  // namespace cl
