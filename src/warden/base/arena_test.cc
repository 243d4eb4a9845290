#include "warden/base/arena.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace warden {
namespace {

bool IsAligned(const void* pointer, size_t align) {
  return reinterpret_cast<uintptr_t>(pointer) % align == 0;
}

TEST(ArenaTest, AllocationsHonourRequestedAlignment) {
  Arena arena;
  const size_t kAlignments[] = {1, 2, 4, 8, 16, 32, 64, 128, 4096};
  for (size_t align : kAlignments) {
    SCOPED_TRACE(align);
    // An odd-sized allocation first, so the cursor is misaligned for what follows.
    ASSERT_NE(arena.Allocate(3, 1), nullptr);
    void* memory = arena.Allocate(24, align);
    ASSERT_NE(memory, nullptr);
    EXPECT_TRUE(IsAligned(memory, align));
  }
}

TEST(ArenaTest, DefaultAlignmentIsMaxAlign) {
  Arena arena;
  ASSERT_NE(arena.Allocate(1), nullptr);
  void* memory = arena.Allocate(8);
  ASSERT_NE(memory, nullptr);
  EXPECT_TRUE(IsAligned(memory, alignof(std::max_align_t)));
}

TEST(ArenaTest, CreateAlignsOverAlignedTypes) {
  struct alignas(64) Wide {
    char bytes[64];
  };
  Arena arena;
  ASSERT_NE(arena.Allocate(1, 1), nullptr);
  Wide* wide = arena.Create<Wide>();
  ASSERT_NE(wide, nullptr);
  EXPECT_TRUE(IsAligned(wide, 64));
}

TEST(ArenaTest, AllocationsDoNotOverlap) {
  Arena arena(Arena::kDefaultLimit, /*first_block=*/64);
  std::vector<char*> blocks;
  for (int block_idx = 0; block_idx < 200; ++block_idx) {
    auto* memory = static_cast<char*>(arena.Allocate(24, 8));
    ASSERT_NE(memory, nullptr);
    std::memset(memory, block_idx, 24);
    blocks.push_back(memory);
  }
  // Every allocation still holds what was written into it.
  for (size_t block_idx = 0; block_idx < blocks.size(); ++block_idx) {
    SCOPED_TRACE(block_idx);
    for (size_t byte = 0; byte < 24; ++byte) {
      ASSERT_EQ(blocks[block_idx][byte], static_cast<char>(block_idx));
    }
  }
}

TEST(ArenaTest, GrowsByAddingBlocksThatDouble) {
  Arena arena(Arena::kDefaultLimit, /*first_block=*/64, /*max_block=*/1024);
  EXPECT_EQ(arena.bytes_reserved(), 0u);
  ASSERT_NE(arena.Allocate(40, 8), nullptr);
  EXPECT_EQ(arena.bytes_reserved(), 64u);
  ASSERT_NE(arena.Allocate(40, 8), nullptr);  // does not fit the rest of block one
  EXPECT_EQ(arena.bytes_reserved(), 64u + 128u);
  ASSERT_NE(arena.Allocate(100, 8), nullptr);
  EXPECT_EQ(arena.bytes_reserved(), 64u + 128u + 256u);
}

TEST(ArenaTest, BlockSizeStopsDoublingAtMaxBlock) {
  Arena arena(Arena::kDefaultLimit, /*first_block=*/64, /*max_block=*/128);
  size_t previous = 0;
  std::vector<size_t> growth;
  for (int alloc_idx = 0; alloc_idx < 8; ++alloc_idx) {
    ASSERT_NE(arena.Allocate(48, 8), nullptr);
    if (arena.bytes_reserved() != previous) growth.push_back(arena.bytes_reserved() - previous);
    previous = arena.bytes_reserved();
  }
  ASSERT_GE(growth.size(), 3u);
  EXPECT_EQ(growth[0], 64u);
  for (size_t block_idx = 1; block_idx < growth.size(); ++block_idx) {
    EXPECT_EQ(growth[block_idx], 128u) << "block " << block_idx;
  }
}

TEST(ArenaTest, RequestLargerThanABlockGetsItsOwnBlock) {
  Arena arena(Arena::kDefaultLimit, /*first_block=*/64, /*max_block=*/128);
  auto* memory = static_cast<char*>(arena.Allocate(10'000, 8));
  ASSERT_NE(memory, nullptr);
  std::memset(memory, 'x', 10'000);
  EXPECT_GE(arena.bytes_reserved(), 10'000u);
}

TEST(ArenaTest, AllocationBeyondLimitReturnsNull) {
  Arena arena(/*byte_limit=*/1024, /*first_block=*/256);
  EXPECT_FALSE(arena.exhausted());
  EXPECT_EQ(arena.Allocate(2048), nullptr);
  EXPECT_TRUE(arena.exhausted());
  EXPECT_LE(arena.bytes_reserved(), arena.byte_limit());
}

TEST(ArenaTest, FillingUpToTheLimitNeverReservesMore) {
  Arena arena(/*byte_limit=*/4096, /*first_block=*/256);
  size_t handed_out = 0;
  while (arena.Allocate(100, 1) != nullptr) {
    handed_out += 100;
    ASSERT_LE(arena.bytes_reserved(), arena.byte_limit());
    ASSERT_LE(handed_out, arena.byte_limit());
  }
  EXPECT_TRUE(arena.exhausted());
  // Most of the budget is usable: blocks are clamped to what is left, not refused.
  EXPECT_GE(handed_out, 3000u);
}

TEST(ArenaTest, SmallAllocationsStillSucceedAfterARefusedLargeOne) {
  Arena arena(/*byte_limit=*/1024, /*first_block=*/256);
  EXPECT_EQ(arena.Allocate(4096), nullptr);
  EXPECT_TRUE(arena.exhausted());
  EXPECT_NE(arena.Allocate(16), nullptr);
  EXPECT_TRUE(arena.exhausted()) << "the flag stays set until Reset";
}

TEST(ArenaTest, AllocateArrayRefusesCountsThatOverflowTheLimit) {
  Arena arena(/*byte_limit=*/1024);
  EXPECT_EQ(arena.AllocateArray<uint64_t>(SIZE_MAX / 4), nullptr);
  EXPECT_TRUE(arena.exhausted());
  uint64_t* small = arena.AllocateArray<uint64_t>(8);
  ASSERT_NE(small, nullptr);
  EXPECT_TRUE(IsAligned(small, alignof(uint64_t)));
}

TEST(ArenaTest, ResetKeepsTheFirstBlockAndClearsExhausted) {
  Arena arena(/*byte_limit=*/4096, /*first_block=*/256);
  void* first = arena.Allocate(16, 16);
  ASSERT_NE(first, nullptr);
  while (arena.Allocate(200, 1) != nullptr) {
  }
  ASSERT_TRUE(arena.exhausted());
  ASSERT_GT(arena.bytes_reserved(), 256u);

  arena.Reset();
  EXPECT_FALSE(arena.exhausted());
  EXPECT_EQ(arena.bytes_reserved(), 256u);
  // Allocation starts again at the beginning of the kept block.
  EXPECT_EQ(arena.Allocate(16, 16), first);
  // And the budget is available again.
  EXPECT_NE(arena.Allocate(2000, 1), nullptr);
}

TEST(ArenaTest, ResetOfAnEmptyArenaIsHarmless) {
  Arena arena;
  arena.Reset();
  EXPECT_EQ(arena.bytes_reserved(), 0u);
  EXPECT_FALSE(arena.exhausted());
  EXPECT_NE(arena.Allocate(8), nullptr);
}

// Records destruction order into a shared log.
struct Tracked {
  Tracked(std::vector<int>& log, int id) : log_(log), id_(id) {}
  ~Tracked() { log_.push_back(id_); }
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;

  std::vector<int>& log_;
  int id_;
};

TEST(ArenaTest, CreateRunsDestructorsInReverseOrderWhenDestroyed) {
  std::vector<int> log;
  {
    Arena arena;
    Tracked* first = arena.Create<Tracked>(log, 1);
    Tracked* second = arena.Create<Tracked>(log, 2);
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(first->id_, 1);
    EXPECT_EQ(second->id_, 2);
    EXPECT_TRUE(log.empty());
  }
  EXPECT_EQ(log, (std::vector<int>{2, 1}));
}

TEST(ArenaTest, ResetRunsDestructorsOnce) {
  std::vector<int> log;
  {
    Arena arena;
    ASSERT_NE(arena.Create<Tracked>(log, 7), nullptr);
    arena.Reset();
    EXPECT_EQ(log, (std::vector<int>{7}));
    ASSERT_NE(arena.Create<Tracked>(log, 8), nullptr);
  }
  EXPECT_EQ(log, (std::vector<int>{7, 8}));
}

TEST(ArenaTest, CreateOwnsHeapMemoryOfMembers) {
  // A std::string member with heap storage: ASan reports a leak if the destructor
  // did not run.
  Arena arena;
  std::string* text = arena.Create<std::string>(size_t{1000}, 'z');
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->size(), 1000u);
}

TEST(ArenaTest, CreateReturnsNullPastTheLimitAndRegistersNoDestructor) {
  std::vector<int> log;
  {
    struct Big {
      explicit Big(std::vector<int>& big_log) : log(big_log) {}
      ~Big() { log.push_back(1); }
      std::vector<int>& log;
      char bytes[256] = {};
    };
    Arena arena(/*byte_limit=*/64, /*first_block=*/64);
    EXPECT_EQ(arena.Create<Big>(log), nullptr);
    EXPECT_TRUE(arena.exhausted());
  }
  EXPECT_TRUE(log.empty());
}

TEST(ArenaTest, CopyStringCopiesAndTerminates) {
  Arena arena;
  const std::string kCases[] = {"", "a", "hello world", std::string("nul\0inside", 10),
                                std::string(5000, 'q')};
  for (const std::string& text : kCases) {
    SCOPED_TRACE(text.substr(0, 20));
    std::string_view copy = arena.CopyString(text);
    ASSERT_NE(copy.data(), nullptr);
    EXPECT_NE(static_cast<const void*>(copy.data()), static_cast<const void*>(text.data()));
    EXPECT_EQ(copy, text);
    EXPECT_EQ(copy.data()[copy.size()], '\0');
  }
}

TEST(ArenaTest, CopyStringIsIndependentOfTheSource) {
  Arena arena;
  std::string source = "mutable";
  std::string_view copy = arena.CopyString(source);
  source[0] = 'M';
  EXPECT_EQ(copy, "mutable");
}

TEST(ArenaTest, CopyStringPastTheLimitReturnsNullView) {
  Arena arena(/*byte_limit=*/128, /*first_block=*/128);
  std::string_view copy = arena.CopyString(std::string(1000, 'x'));
  EXPECT_EQ(copy.data(), nullptr);
  EXPECT_TRUE(copy.empty());
  EXPECT_TRUE(arena.exhausted());
}

}  // namespace
}  // namespace warden
