#include "site/write_failure.h"

#include <utility>

namespace cl {

bool ReportWriteFailure(std::vector<Diagnostic>* diagnostics, const std::string& path, std::string message) {
  Diagnostic d;
  d.where.path = path;
  d.message = std::move(message);
  diagnostics->push_back(std::move(d));
  return false;
}

}  // namespace cl
