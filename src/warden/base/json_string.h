#pragma once
// A string as a JSON string literal (RFC 8259): quoted, `"` and `\` escaped, control
// characters as `\n`-style or `\u00XX` escapes, valid UTF-8 passed through and each byte
// of an invalid sequence written as `\ufffd`. One definition for every writer that
// builds JSON by hand (data::ToJson, CEL's typed JSON and `expr --batch`, the audit log's
// canonical records, store exceptions).

#include <string>
#include <string_view>

namespace warden {

void AppendJsonString(std::string& out, std::string_view text);
std::string JsonString(std::string_view text);

}  // namespace warden
