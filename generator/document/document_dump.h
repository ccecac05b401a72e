// Document dump: a print document as stable, line-oriented text, as the other
// stages' dumpers write theirs (pandoc's `-t native` in spirit). One line per
// block in reading order, `kind options: runs`; a table's header and rows are
// indented under it, one line each, cells separated by " | ". A run prints
// as its quoted text, prefixed by its styles (`bold+italic:"x"`, `mono:`,
// `regular:`, `muted:`, `negative:`, `positive:`). A figure prints its size,
// scale, title and how many primitives it holds (its scene has its own dump,
// scene/scene_dump.h). `convlesson dump --stage document` prints it.
#pragma once

#include <string>

#include "document/document.h"

namespace cl::doc {

std::string DumpRuns(const Runs& runs);
std::string DumpDocument(const Document& document);

}  // namespace cl::doc
