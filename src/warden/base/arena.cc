#include "warden/base/arena.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>

namespace warden {

namespace {

constexpr size_t kHugePage = size_t{2} << 20;

}  // namespace

Arena::Block Arena::NewBlock(size_t size) {
#ifdef MADV_HUGEPAGE
  // Sizes that are multiples of 2 MiB are mapped at a 2 MiB boundary and advised for
  // huge pages: page faults dominate building large trees, and this makes them 512
  // times rarer. Only a hint; the kernel may still use small pages.
  if (size >= kHugePage && size % kHugePage == 0) {
    const size_t span = size + kHugePage;
    void* mapped = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped != MAP_FAILED) {
      const auto begin = reinterpret_cast<uintptr_t>(mapped);
      const uintptr_t aligned = (begin + kHugePage - 1) & ~(kHugePage - 1);
      if (aligned > begin) munmap(mapped, aligned - begin);
      if (begin + span > aligned + size) {
        munmap(reinterpret_cast<void*>(aligned + size), begin + span - (aligned + size));
      }
      madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
      return Block(reinterpret_cast<char*>(aligned), BlockDeleter{size});
    }
  }
#endif
  return Block(new (std::nothrow) char[size], BlockDeleter{0});
}

void Arena::BlockDeleter::operator()(char* block) const {
  if (mapped_size != 0) {
    munmap(block, mapped_size);
  } else {
    delete[] block;
  }
}

Arena::~Arena() { RunDestructors(); }

void Arena::RunDestructors() {
  for (auto it = destructors_.rbegin(); it != destructors_.rend(); ++it) it->destroy(it->object);
  destructors_.clear();
}

void* Arena::AllocateSlow(size_t size, size_t align) {
  // A block large enough for the request at any alignment; blocks double up to
  // max_block_size_, but never past the limit when the request itself would fit.
  size_t needed = size + align;
  size_t block_size = std::max(next_block_size_, needed);
  if (reserved_ <= limit_ && needed <= limit_ - reserved_) {
    block_size = std::min(block_size, limit_ - reserved_);
    // Large blocks round up to whole huge pages when the budget allows.
    const size_t rounded = (block_size + kHugePage - 1) & ~(kHugePage - 1);
    if (block_size >= kHugePage && rounded <= limit_ - reserved_) block_size = rounded;
  }
  if (block_size > limit_ || reserved_ > limit_ - block_size) {
    exhausted_ = true;
    return nullptr;
  }
  blocks_.push_back(NewBlock(block_size));
  if (blocks_.back() == nullptr) {
    blocks_.pop_back();
    exhausted_ = true;
    return nullptr;
  }
  block_sizes_.push_back(block_size);
  reserved_ += block_size;
  next_block_size_ = std::min(next_block_size_ * 2, std::max(max_block_size_, next_block_size_));
  cursor_ = blocks_.back().get();
  end_ = cursor_ + block_size;
  return Allocate(size, align);
}

void Arena::Reset() {
  RunDestructors();
  exhausted_ = false;
  if (blocks_.empty()) return;
  blocks_.resize(1);
  block_sizes_.resize(1);
  reserved_ = block_sizes_[0];
  cursor_ = blocks_[0].get();
  end_ = cursor_ + block_sizes_[0];
}

}  // namespace warden
