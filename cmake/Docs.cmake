# The API reference (Doxygen, Debian package `doxygen`): `cmake --build build --target docs`
# writes build/docs/html/index.html from the public headers' comments (docs/Doxyfile, with
# docs/doxygen-filter.awk turning their `//` contract comments into Doxygen comments). The ctest
# api_docs_warning_free (label unit) runs the same with every warning an error (a bad \param,
# an unknown command, a stray HTML tag in a comment); it is skipped where doxygen is missing.
find_package(Doxygen QUIET)
set(ROCKETMQ_DOXYFILE ${CMAKE_BINARY_DIR}/docs/Doxyfile)
# The repository's Doxyfile, with absolute paths so it runs from any directory.
file(WRITE ${ROCKETMQ_DOXYFILE}
    "@INCLUDE = \"${PROJECT_SOURCE_DIR}/docs/Doxyfile\"\n"
    "PROJECT_NUMBER = ${PROJECT_VERSION}\n"
    "INPUT = \"${PROJECT_SOURCE_DIR}/include/rocketmq\"\n"
    "STRIP_FROM_PATH = \"${PROJECT_SOURCE_DIR}/include\"\n"
    "STRIP_FROM_INC_PATH = \"${PROJECT_SOURCE_DIR}/include\"\n"
    "INPUT_FILTER = \"awk -f '${PROJECT_SOURCE_DIR}/docs/doxygen-filter.awk'\"\n"
    "OUTPUT_DIRECTORY = \"${CMAKE_BINARY_DIR}/docs\"\n")
file(WRITE ${CMAKE_BINARY_DIR}/docs/Doxyfile.check
    "@INCLUDE = \"${ROCKETMQ_DOXYFILE}\"\n"
    "OUTPUT_DIRECTORY = \"${CMAKE_BINARY_DIR}/docs-check\"\n"
    "WARN_AS_ERROR = FAIL_ON_WARNINGS\n")

if(DOXYGEN_FOUND)
  add_custom_target(docs
      COMMAND ${DOXYGEN_EXECUTABLE} ${ROCKETMQ_DOXYFILE}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      COMMENT "API reference -> ${CMAKE_BINARY_DIR}/docs/html/index.html"
      VERBATIM)
endif()

if(ROCKETMQ_BUILD_TESTS)
  if(DOXYGEN_FOUND)
    add_test(NAME api_docs_warning_free
        COMMAND ${DOXYGEN_EXECUTABLE} ${CMAKE_BINARY_DIR}/docs/Doxyfile.check
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  else()
    add_test(NAME api_docs_warning_free
        COMMAND sh -c "echo 'SKIP: doxygen not installed (apt-get install doxygen)'; exit 77")
  endif()
  set_tests_properties(api_docs_warning_free PROPERTIES LABELS unit TIMEOUT 120 SKIP_RETURN_CODE 77)
endif()
