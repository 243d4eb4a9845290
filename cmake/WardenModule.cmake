# Helpers that give every module the same shape: one static library per module,
# flags per target, tests beside the code.

# Compiler warnings for Warden's own targets (never for third-party code).
function(warden_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
    -Wnull-dereference -Wimplicit-fallthrough -Wno-unused-parameter)
  if(WARDEN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# warden_module(NAME SOURCES ... DEPS ...): builds libwarden_NAME.a from the
# module's sources; the include root is src/, so headers are
# "warden/<module>/<file>.h".
function(warden_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(warden_${name} STATIC ${ARG_SOURCES})
  target_include_directories(warden_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(warden_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  warden_set_warnings(warden_${name})
endfunction()

# warden_test(NAME SOURCES ... DEPS ... [POSTGRES]): a GoogleTest binary registered with
# ctest. POSTGRES: its tests need the private PostgreSQL cluster of the `postgres` fixture
# (tests/CMakeLists.txt), whose URL file store/test_database.h reads.
function(warden_test name)
  if(NOT WARDEN_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "POSTGRES" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  warden_set_warnings(${name})
  # Test code is mostly GoogleTest macro expansion: optimizing it under the sanitizers
  # doubles the build's compile time and buys nothing (the code under test keeps -O1).
  if(WARDEN_SANITIZE)
    target_compile_options(${name} PRIVATE -O0)
  endif()
  set(fixture)
  if(ARG_POSTGRES)
    target_compile_definitions(${name} PRIVATE
      WARDEN_TEST_POSTGRES_URL_FILE="${PROJECT_BINARY_DIR}/postgres/url")
    set(fixture FIXTURES_REQUIRED postgres)
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "WARDEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}" ${fixture})
endfunction()

# warden_glob_module(NAME DEPS ... PRIVATE_DEPS ... [POSTGRES_TESTS]): a module made of every .cc file
# under the current directory except tests (*_test.cc) and fuzz targets; and one test
# binary per directory that holds *_test.cc files, named NAME_<dir>_test.
function(warden_glob_module name)
  cmake_parse_arguments(ARG "POSTGRES_TESTS" "" "DEPS;PRIVATE_DEPS;TEST_DEPS" ${ARGN})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(sources)
  set(tests)
  foreach(file ${all_sources})
    if(file MATCHES "_test\\.cc$")
      list(APPEND tests ${file})
    else()
      list(APPEND sources ${file})
    endif()
  endforeach()
  warden_module(${name} SOURCES ${sources} DEPS ${ARG_DEPS} PRIVATE_DEPS ${ARG_PRIVATE_DEPS})
  if(NOT WARDEN_TESTS OR NOT tests)
    return()
  endif()
  set(dirs)
  foreach(test ${tests})
    get_filename_component(dir ${test} DIRECTORY)
    list(APPEND dirs ${dir})
  endforeach()
  list(REMOVE_DUPLICATES dirs)
  foreach(dir ${dirs})
    file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${dir})
    if(rel STREQUAL "")
      set(test_name ${name}_test)
    else()
      string(REPLACE "/" "_" rel_name ${rel})
      set(test_name ${name}_${rel_name}_test)
    endif()
    file(GLOB dir_tests CONFIGURE_DEPENDS ${dir}/*_test.cc)
    set(postgres)
    if(ARG_POSTGRES_TESTS)
      set(postgres POSTGRES)
    endif()
    warden_test(${test_name} SOURCES ${dir_tests} DEPS warden_${name} ${ARG_TEST_DEPS} ${postgres})
  endforeach()
endfunction()
