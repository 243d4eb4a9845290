# Every third-party dependency, found from Debian 12 packages (scripts/install-deps.sh).
# Nothing is downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

if(WARDEN_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(WARDEN_BENCH)
  find_package(benchmark REQUIRED)
endif()

if(WARDEN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # Position-dependent executables: a sanitized binary holds over a million relative
  # relocations (the sanitizers' metadata), which the loader would apply at every start;
  # the tests start the CLI and the test binaries thousands of times.
  string(APPEND CMAKE_EXE_LINKER_FLAGS " -no-pie")
endif()
if(WARDEN_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
