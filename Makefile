# Warden developer entry points. `make demo` and `make test` work on a fresh Debian 12
# machine: each installs dependencies first (scripts/install-deps.sh is idempotent).
.PHONY: all deps build release demo test unit-test fuzz-smoke fuzz bench format format-check lint clean

JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

# The main job on the bundled examples.
demo: release
	@bash scripts/demo.sh build/release/src/warden/cli/warden

unit-test: build
	ctest --preset dev

# Short libFuzzer runs of every target (skipped with a message when clang is missing),
# from an unoptimized build that compiles faster; `make fuzz` runs the -O1 build.
fuzz-smoke: deps
	@bash scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS) fuzz-smoke

test: unit-test fuzz-smoke

fuzz: deps
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

bench: release
	@bash scripts/bench.sh build/release

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check:
	@git ls-files '*.cc' '*.h' | xargs clang-format --dry-run -Werror

lint: build
	@git ls-files 'src/*.cc' | xargs clang-tidy -p build/dev --quiet

clean:
	rm -rf build
