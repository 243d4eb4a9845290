#pragma once
// Where a bundle is: a directory, or a directory of a git revision of the repository the
// working directory is in (`warden diff main HEAD`, `warden diff v1.2:policies .`).
//
// A spec names a directory when one exists at that path; otherwise it is `REV` or
// `REV:PATH`. REV is anything `git rev-parse` resolves to a commit or tree (a branch, a
// tag, `HEAD~1`, a hash). PATH is the bundle directory inside the repository, relative
// to the repository root (or, when it starts with `./` or `../`, to the working
// directory, as in git); without it, the working directory's own path in the repository
// (`git rev-parse --show-prefix`).
//
// A revision is materialised by running git (never through a shell): the revision's whole
// tree is extracted into a fresh temporary directory, so `include` entries that reach
// outside the bundle directory (`bundle: ../shared`) resolve as they do in a checkout.
// Files marked `export-ignore` in .gitattributes are not extracted. The directory is
// removed when the BundleLocation is destroyed.

#include <string>

#include "warden/base/status.h"

namespace warden::service {

// A bundle directory ready to load (service::LoadBundle), and how to name it. Move-only:
// it owns the temporary directory of a revision, if any.
class BundleLocation {
 public:
  // A plain directory.
  BundleLocation(std::string directory, std::string label);
  // `directory` inside `tree_root`, where the tree of `revision` was extracted, inside
  // `temporary_root`, which this object then owns.
  BundleLocation(std::string directory, std::string label, std::string revision,
                 std::string tree_root, std::string temporary_root);
  BundleLocation(BundleLocation&& other) noexcept;
  BundleLocation& operator=(BundleLocation&& other) noexcept;
  BundleLocation(const BundleLocation&) = delete;
  BundleLocation& operator=(const BundleLocation&) = delete;
  ~BundleLocation();

  // The directory to load: the spec itself for a directory, a path inside the temporary
  // directory for a revision.
  const std::string& directory() const { return directory_; }
  // For people: the directory as given, or `REV:PATH/` (`REV` for the repository root).
  const std::string& label() const { return label_; }
  // Whether the bundle was extracted from a git revision.
  bool from_revision() const { return !revision_.empty(); }
  // A path of a loaded file as people should read it: for a revision, the temporary
  // directory is replaced by `REV:` (`main:policies/pods.yaml`); other paths unchanged.
  std::string DisplayPath(const std::string& path) const;

 private:
  void Remove();

  std::string directory_;
  std::string label_;
  std::string revision_;
  std::string tree_root_;
  std::string temporary_root_;  // removed with its contents on destruction; "" for none
};

struct OpenBundleOptions {
  // Where relative directories and the repository are looked up; "" = the current
  // directory.
  std::string working_directory;
  // Parent of the temporary directory; "" = $TMPDIR, else /tmp.
  std::string temporary_parent;
};

// Opens `spec` as described above. Errors (InvalidArgument unless said otherwise):
// ``unknown revision `REV` ``; `not a git repository` (the spec is not a directory and the
// working directory is in no repository); ``no bundle at `PATH` in revision `REV` `` (the
// path is not a directory there); a PATH that leaves the repository; Unavailable when git
// or tar cannot be run or fail, or the temporary directory cannot be made.
StatusOr<BundleLocation> OpenBundleAt(const std::string& spec,
                                      const OpenBundleOptions& options = {});

}  // namespace warden::service
