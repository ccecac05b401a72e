// Write failures: how every site writer reports an output it could not make,
// so they all read alike: an error diagnostic on the lesson's file (or on no
// file, for the course's outputs) with a message such as
// "cannot write handout.pdf: No space left on device". A lesson's writers
// stop at their first failure (RenderLessonOutputs), so a full disk reports
// one error per lesson, not one per file.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace cl {

// Appends the error to `diagnostics` and returns false, for the writer to
// return: `return ReportWriteFailure(diagnostics, lesson.path, message);`.
bool ReportWriteFailure(std::vector<Diagnostic>* diagnostics, const std::string& path, std::string message);

}  // namespace cl
