#include "warden/base/arena.h"

#include <algorithm>

namespace warden {

Arena::~Arena() { RunDestructors(); }

void Arena::RunDestructors() {
  for (auto it = destructors_.rbegin(); it != destructors_.rend(); ++it) it->destroy(it->object);
  destructors_.clear();
}

void* Arena::AllocateSlow(size_t size, size_t align) {
  // A block large enough for the request at any alignment; blocks double up to 1 MiB.
  size_t needed = size + align;
  size_t block_size = std::max(next_block_size_, needed);
  if (block_size > limit_ || reserved_ > limit_ - block_size) return nullptr;
  blocks_.push_back(std::unique_ptr<char[]>(new (std::nothrow) char[block_size]));
  if (blocks_.back() == nullptr) {
    blocks_.pop_back();
    return nullptr;
  }
  block_sizes_.push_back(block_size);
  reserved_ += block_size;
  next_block_size_ = std::min<size_t>(next_block_size_ * 2, size_t{1} << 20);
  cursor_ = blocks_.back().get();
  end_ = cursor_ + block_size;
  return Allocate(size, align);
}

void Arena::Reset() {
  RunDestructors();
  if (blocks_.empty()) return;
  blocks_.resize(1);
  block_sizes_.resize(1);
  reserved_ = block_sizes_[0];
  cursor_ = blocks_[0].get();
  end_ = cursor_ + block_sizes_[0];
}

}  // namespace warden
