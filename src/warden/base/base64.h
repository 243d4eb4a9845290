#pragma once
// Base64 (RFC 4648 section 4, the standard alphabet `A-Z a-z 0-9 + /` with `=` padding).
// Used by the YAML reader for `!!binary` scalars, by the JSON writer for bytes, and by
// the CEL `base64` extension.
//
// Two decoders: Base64Decode is strict (padding required, no whitespace, unused bits of
// the last character must be zero, so every byte string has exactly one accepted
// encoding); Base64DecodeLenient also accepts input whose padding is missing or whose
// unused bits are set. Neither
// accepts whitespace or the URL-safe alphabet; callers that allow line breaks (YAML
// `!!binary` block scalars) remove them first. All functions are thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace warden {

// The padded encoding of `bytes`.
std::string Base64Encode(std::string_view bytes);

// The decoded bytes, or nullopt when `text` is not canonical padded base64.
std::optional<std::string> Base64Decode(std::string_view text);

// Like Base64Decode, but `=` padding may be omitted (`YQ` decodes to `a`) and unused
// bits of the last character are ignored (as Go's and Python's decoders do). Padding
// that is present must still be correct.
std::optional<std::string> Base64DecodeLenient(std::string_view text);

}  // namespace warden
