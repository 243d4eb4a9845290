#pragma once
// SHA-256 (FIPS 180-4), for content digests of policy bundles and the audit chain.
// Incremental: Update any number of times, then Finish once.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace warden {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // The digest; the object must not be used afterwards.
  std::array<uint8_t, 32> Finish();
  // Finish as 64 lowercase hex digits.
  std::string FinishHex();

 private:
  void Block(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

// SHA-256 of `bytes` as lowercase hex.
std::string Sha256Hex(std::string_view bytes);

}  // namespace warden
