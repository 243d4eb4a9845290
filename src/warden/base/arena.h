#pragma once
// Arena: a bump allocator for many small objects that die together (a parsed document's
// nodes and strings, one evaluation's temporary values). Allocation is a pointer bump;
// nothing is freed individually. A byte limit bounds what hostile input can make it
// hold: past the limit Allocate returns nullptr and the caller reports an error.
//
// Not thread-safe: one arena per document being built or per evaluation.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace warden {

class Arena {
 public:
  static constexpr size_t kDefaultLimit = size_t{1} << 30;     // 1 GiB
  static constexpr size_t kDefaultMaxBlock = size_t{1} << 20;  // 1 MiB

  // Blocks start at `first_block` bytes and double up to `max_block`. Arenas that may
  // grow large (a parsed document) pass a larger `max_block`: on Linux, blocks of 2 MiB
  // or more are mapped 2 MiB-aligned and advised to use transparent huge pages, which
  // makes first-touching a big tree several times cheaper (one page fault per 2 MiB).
  explicit Arena(size_t byte_limit = kDefaultLimit, size_t first_block = 4096,
                 size_t max_block = kDefaultMaxBlock)
      : limit_(byte_limit), next_block_size_(first_block), max_block_size_(max_block) {}
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Returns `size` bytes aligned to `align`, or nullptr when the limit would be exceeded.
  void* Allocate(size_t size, size_t align = alignof(std::max_align_t)) {
    uintptr_t current = reinterpret_cast<uintptr_t>(cursor_);
    uintptr_t aligned = (current + align - 1) & ~(uintptr_t{align} - 1);
    if (cursor_ != nullptr && aligned + size <= reinterpret_cast<uintptr_t>(end_)) {
      cursor_ = reinterpret_cast<char*>(aligned + size);
      return reinterpret_cast<void*>(aligned);
    }
    return AllocateSlow(size, align);
  }

  // An uninitialised array of `count` trivially destructible T, or nullptr.
  template <typename T>
  T* AllocateArray(size_t count) {
    static_assert(std::is_trivially_destructible_v<T>, "arena memory is never destructed");
    if (count > limit_ / sizeof(T)) {
      exhausted_ = true;
      return nullptr;
    }
    return static_cast<T*>(Allocate(sizeof(T) * count, alignof(T)));
  }

  // Constructs a T in the arena. T's destructor runs when the arena is destroyed or reset.
  template <typename T, typename... Args>
  T* Create(Args&&... args) {
    void* memory = Allocate(sizeof(T), alignof(T));
    if (memory == nullptr) return nullptr;
    T* object = new (memory) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      destructors_.push_back({object, [](void* ptr) { static_cast<T*>(ptr)->~T(); }});
    }
    return object;
  }

  // Copies `text` into the arena; returns an empty view with data()==nullptr on failure.
  std::string_view CopyString(std::string_view text) {
    char* memory = static_cast<char*>(Allocate(text.size() + 1, 1));
    if (memory == nullptr) return {};
    if (!text.empty()) std::memcpy(memory, text.data(), text.size());
    memory[text.size()] = '\0';
    return {memory, text.size()};
  }

  // Bytes handed out and reserved in blocks so far.
  size_t bytes_reserved() const { return reserved_; }
  size_t byte_limit() const { return limit_; }
  // Changes the limit for later allocations (memory already reserved stays).
  void set_byte_limit(size_t byte_limit) { limit_ = byte_limit; }
  // True once an allocation was refused because of the limit (until Reset).
  bool exhausted() const { return exhausted_; }

  // Releases everything but the first block, which is kept for reuse.
  void Reset();

 private:
  void* AllocateSlow(size_t size, size_t align);
  void RunDestructors();

  struct Destructor {
    void* object;
    void (*destroy)(void*);
  };
  // Frees a block: delete[] for heap blocks, munmap for mapped ones (mapped_size != 0).
  struct BlockDeleter {
    size_t mapped_size = 0;
    void operator()(char* block) const;
  };
  using Block = std::unique_ptr<char[], BlockDeleter>;

  static Block NewBlock(size_t size);

  size_t limit_;
  size_t next_block_size_;
  size_t max_block_size_;
  size_t reserved_ = 0;
  bool exhausted_ = false;
  char* cursor_ = nullptr;
  char* end_ = nullptr;
  std::vector<Block> blocks_;
  std::vector<size_t> block_sizes_;
  std::vector<Destructor> destructors_;
};

}  // namespace warden
