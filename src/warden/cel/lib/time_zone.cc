#include "warden/cel/lib/time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

#include "warden/base/file.h"

namespace warden::cel {

namespace {

constexpr std::string_view kDefaultZoneinfoDir = "/usr/share/zoneinfo";

// Big-endian reader over the bytes of a TZif file; every read is bounds-checked.
class TzifReader {
 public:
  explicit TzifReader(std::string_view data) : data_(data) {}

  bool Has(uint64_t count) const { return count <= data_.size() - pos_; }
  size_t pos() const { return pos_; }
  void Skip(size_t count) { pos_ += count; }
  std::string_view Rest() const { return data_.substr(pos_); }

  uint8_t U8() { return static_cast<uint8_t>(data_[pos_++]); }
  uint32_t U32() {
    uint32_t value = 0;
    for (int byte_idx = 0; byte_idx < 4; ++byte_idx) value = (value << 8) | U8();
    return value;
  }
  int32_t I32() { return static_cast<int32_t>(U32()); }
  int64_t I64() {
    uint64_t value = 0;
    for (int byte_idx = 0; byte_idx < 8; ++byte_idx) value = (value << 8) | U8();
    return static_cast<int64_t>(value);
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

struct TzifHeader {
  char version = 0;
  uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

  // Bytes of the data block that follows the header, for `time_size`-byte times.
  uint64_t DataSize(uint64_t time_size) const {
    return uint64_t{timecnt} * time_size + timecnt + uint64_t{typecnt} * 6 + charcnt +
           uint64_t{leapcnt} * (time_size + 4) + isstdcnt + isutcnt;
  }
};

bool ReadHeader(TzifReader& reader, TzifHeader& header) {
  if (!reader.Has(44) || reader.Rest().substr(0, 4) != "TZif") return false;
  reader.Skip(4);
  header.version = static_cast<char>(reader.U8());
  reader.Skip(15);
  header.isutcnt = reader.U32();
  header.isstdcnt = reader.U32();
  header.leapcnt = reader.U32();
  header.timecnt = reader.U32();
  header.typecnt = reader.U32();
  header.charcnt = reader.U32();
  return true;
}

Status Corrupt(const std::string& name, std::string_view reason) {
  return InvalidArgument("invalid time zone data for `" + name + "`: " + std::string(reason));
}

}  // namespace

const TimeZone& TimeZone::Utc() {
  static const TimeZone* const kUtc = Fixed("UTC", 0).release();  // never destroyed
  return *kUtc;
}

std::unique_ptr<TimeZone> TimeZone::Fixed(std::string name, int32_t offset_seconds) {
  std::unique_ptr<TimeZone> zone(new TimeZone(std::move(name)));
  zone->initial_offset_ = offset_seconds;
  return zone;
}

StatusOr<std::unique_ptr<TimeZone>> TimeZone::FromTzif(std::string name, std::string_view data) {
  TzifReader reader(data);
  TzifHeader header;
  if (!ReadHeader(reader, header)) return Corrupt(name, "not a TZif file");
  uint64_t time_size = 4;
  if (header.version >= '2') {
    // Skip the 32-bit block; the 64-bit block after the second header is authoritative.
    if (!reader.Has(header.DataSize(4))) return Corrupt(name, "truncated data");
    reader.Skip(static_cast<size_t>(header.DataSize(4)));
    if (!ReadHeader(reader, header)) return Corrupt(name, "missing second header");
    time_size = 8;
  }
  if (header.typecnt == 0) return Corrupt(name, "no local time types");
  if (header.leapcnt != 0) return Corrupt(name, "leap-second zones are not supported");
  if (!reader.Has(header.DataSize(time_size))) return Corrupt(name, "truncated data");

  std::unique_ptr<TimeZone> zone(new TimeZone(std::move(name)));
  std::vector<int64_t> times(header.timecnt);
  for (int64_t& time : times) time = time_size == 8 ? reader.I64() : reader.I32();
  std::vector<uint8_t> type_indices(header.timecnt);
  for (uint8_t& type_idx : type_indices) type_idx = reader.U8();
  std::vector<int32_t> type_offsets(header.typecnt);
  for (int32_t& offset : type_offsets) {
    offset = reader.I32();
    reader.Skip(2);  // isdst, abbreviation index: not needed for offsets
    if (offset == INT32_MIN) return Corrupt(zone->name_, "invalid UTC offset");
  }
  reader.Skip(header.charcnt + size_t{header.isstdcnt} + header.isutcnt);

  for (size_t transition_idx = 0; transition_idx < times.size(); ++transition_idx) {
    if (type_indices[transition_idx] >= header.typecnt) {
      return Corrupt(zone->name_, "transition to an unknown local time type");
    }
    if (transition_idx > 0 && times[transition_idx] <= times[transition_idx - 1]) {
      return Corrupt(zone->name_, "transitions out of order");
    }
  }
  zone->initial_offset_ = type_offsets[0];
  zone->transition_times_ = std::move(times);
  zone->transition_offsets_.reserve(type_indices.size());
  for (uint8_t type_idx : type_indices) zone->transition_offsets_.push_back(type_offsets[type_idx]);

  if (time_size == 8) {
    // Footer: "\n" TZ-string "\n"; an empty TZ string means "no rule".
    std::string_view rest = reader.Rest();
    if (rest.size() < 2 || rest.front() != '\n') return Corrupt(zone->name_, "missing footer");
    size_t end = rest.find('\n', 1);
    if (end == std::string_view::npos) return Corrupt(zone->name_, "unterminated footer");
    std::string_view spec = rest.substr(1, end - 1);
    if (!spec.empty()) {
      zone->footer_ = PosixTimeZone::Parse(spec);
      if (!zone->footer_.has_value()) {
        return Corrupt(zone->name_, "invalid TZ string `" + std::string(spec) + "`");
      }
    }
  }
  return zone;
}

int32_t TimeZone::OffsetAt(int64_t unix_seconds) const {
  if (transition_times_.empty()) {
    return footer_.has_value() ? footer_->OffsetAt(unix_seconds) : initial_offset_;
  }
  if (unix_seconds < transition_times_.front()) return initial_offset_;
  if (unix_seconds >= transition_times_.back() && footer_.has_value()) {
    return footer_->OffsetAt(unix_seconds);
  }
  auto after = std::upper_bound(transition_times_.begin(), transition_times_.end(), unix_seconds);
  return transition_offsets_[static_cast<size_t>(after - transition_times_.begin()) - 1];
}

std::optional<int32_t> ParseFixedOffset(std::string_view text) {
  int sign = 1;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  size_t colon = text.find(':');
  if (colon != 1 && colon != 2) return std::nullopt;
  if (text.size() != colon + 3) return std::nullopt;
  int hours = 0;
  for (size_t idx = 0; idx < colon; ++idx) {
    if (text[idx] < '0' || text[idx] > '9') return std::nullopt;
    hours = hours * 10 + (text[idx] - '0');
  }
  const char tens = text[colon + 1];
  const char ones = text[colon + 2];
  if (tens < '0' || tens > '5' || ones < '0' || ones > '9' || hours > 23) return std::nullopt;
  const int minutes = (tens - '0') * 10 + (ones - '0');
  return sign * (hours * 3600 + minutes * 60);
}

bool IsValidZoneName(std::string_view name) {
  if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') {
    return false;
  }
  char previous = '\0';
  for (char c : name) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-' || c == '/';
    if (!allowed || (c == '/' && previous == '/')) return false;
    previous = c;
  }
  return true;
}

TimeZoneDatabase::TimeZoneDatabase(std::string zoneinfo_dir) : dir_(std::move(zoneinfo_dir)) {}

TimeZoneDatabase& TimeZoneDatabase::Default() {
  static TimeZoneDatabase* const kDatabase = [] {
    const char* env = std::getenv("TZDIR");  // read once, at first use
    std::string dir = env != nullptr && *env != '\0' ? env : std::string(kDefaultZoneinfoDir);
    return std::make_unique<TimeZoneDatabase>(std::move(dir)).release();  // never destroyed
  }();
  return *kDatabase;
}

StatusOr<std::unique_ptr<TimeZone>> TimeZoneDatabase::Read(const std::string& name) const {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path root = fs::canonical(fs::path(dir_), error);
  if (error) return Unavailable("time zone database is not available");
  const fs::path file = fs::canonical(root / fs::path(name), error);
  if (error) return NotFound("unknown time zone `" + name + "`");
  // A symbolic link may point elsewhere in the database ("US/Central"), never outside it.
  const std::string root_text = root.string() + "/";
  if (file.string().compare(0, root_text.size(), root_text) != 0 ||
      !fs::is_regular_file(file, error)) {
    return NotFound("unknown time zone `" + name + "`");
  }
  auto data = ReadFile(file.string(), kMaxTzifBytes);
  if (!data.ok()) return Unavailable("cannot read time zone `" + name + "`");
  return TimeZone::FromTzif(name, *data);
}

StatusOr<const TimeZone*> TimeZoneDatabase::Load(std::string_view name) {
  if (name == "UTC") return &TimeZone::Utc();
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    auto found = zones_.find(std::string(name));
    if (found != zones_.end()) return found->second.get();
    auto failed = failures_.find(std::string(name));
    if (failed != failures_.end()) return failed->second;
  }

  std::string key(name);
  StatusOr<std::unique_ptr<TimeZone>> loaded = [&]() -> StatusOr<std::unique_ptr<TimeZone>> {
    if (name.find(':') != std::string_view::npos) {
      std::optional<int32_t> offset = ParseFixedOffset(name);
      if (!offset.has_value()) return InvalidArgument("invalid time zone offset `" + key + "`");
      return TimeZone::Fixed(key, *offset);
    }
    if (!IsValidZoneName(name)) return InvalidArgument("invalid time zone name `" + key + "`");
    return Read(key);
  }();

  std::unique_lock<std::shared_mutex> lock(mutex_);
  if (!loaded.ok()) {
    if (failures_.size() >= kMaxCachedFailures) failures_.clear();
    failures_.emplace(key, loaded.status());
    return loaded.status();
  }
  // When another thread loaded the same zone meanwhile, its copy is kept.
  return zones_.emplace(std::move(key), std::move(*loaded)).first->second.get();
}

StatusOr<const TimeZone*> TimeZone::Load(std::string_view name) {
  return TimeZoneDatabase::Default().Load(name);
}

}  // namespace warden::cel
