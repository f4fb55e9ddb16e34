# Every third-party dependency is a Debian package (see README). One imported target each,
# so stage libraries say exactly what they use.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
# City names and their translations for the gazetteer (features/gazetteer.cpp).
pkg_check_modules(GEONAMES REQUIRED IMPORTED_TARGET geonames)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(date REQUIRED)

# libstemmer and cld2 ship no pkg-config / CMake files.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY NAMES stemmer REQUIRED)
add_library(stemmer::stemmer UNKNOWN IMPORTED)
set_target_properties(stemmer::stemmer PROPERTIES
  IMPORTED_LOCATION "${STEMMER_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")

# Link libcld2.so only: the _full tables misdetect Russian.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES libcld2.so REQUIRED)
add_library(cld2::cld2 UNKNOWN IMPORTED)
set_target_properties(cld2::cld2 PROPERTIES
  IMPORTED_LOCATION "${CLD2_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")

if(NOT STORYLINE_FUZZ)
  # The programs (not the libraries) allocate through mimalloc: the server and the threading
  # pipeline make many small short-lived allocations (tokens, sparse vectors, hash nodes), and
  # glibc malloc spent about a tenth of serve_bench's CPU on them (bench/README.md). Optional:
  # without the package the programs use the C library's malloc.
  find_package(mimalloc 2 QUIET)
  add_library(storyline_allocator INTERFACE)
  if(TARGET mimalloc)
    target_link_libraries(storyline_allocator INTERFACE mimalloc)
  else()
    message(STATUS "mimalloc not found (libmimalloc-dev): programs use the C library's malloc")
  endif()
  find_package(CLI11 REQUIRED)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
  find_package(rapidcheck QUIET)
endif()
