#include "warden/base/source_location.h"

namespace warden {

std::string SourceLocation::ToString() const {
  if (!position.known()) return file;
  return file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

}  // namespace warden
