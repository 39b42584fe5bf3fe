# cmake -P script: install BUILD_DIR into WORK_DIR/prefix, then build and run PROJECT_DIR (the
# client library) and TESTING_PROJECT_DIR (the embedded test cluster) against it.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# A sanitizer build of the library needs the same runtime in the program that links it.
set(san_flags "")
if(SANITIZE)
  set(san_flags "-fsanitize=${SANITIZE}")
endif()

# 1. CMake package, shared and static.
foreach(flavor shared static)
  run(${CMAKE_COMMAND} -S ${PROJECT_DIR} -B ${WORK_DIR}/build-${flavor}
      -DCMAKE_PREFIX_PATH=${prefix} -DLINK_FLAVOR=${flavor}
      "-DCMAKE_CXX_FLAGS=${san_flags}" "-DCMAKE_EXE_LINKER_FLAGS=${san_flags}")
  run(${CMAKE_COMMAND} --build ${WORK_DIR}/build-${flavor})
  run(${WORK_DIR}/build-${flavor}/consumer_app)
  message(STATUS "find_package ${flavor}: ${last_output}")
  run(${WORK_DIR}/build-${flavor}/compat_app)
  run(${WORK_DIR}/build-${flavor}/compat_app_angle)
  message(STATUS "find_package ${flavor}, official-client program: ${last_output}")
endforeach()

# 2. pkg-config.
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig:${prefix}/lib/x86_64-linux-gnu/pkgconfig)
execute_process(COMMAND pkg-config --cflags --libs rocketmq OUTPUT_VARIABLE flags RESULT_VARIABLE rc
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know rocketmq")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
find_program(CXX NAMES c++ g++ REQUIRED)
run(${CXX} ${san_flags} ${PROJECT_DIR}/main.cpp -o ${WORK_DIR}/consumer_app_pc ${flags}
    -Wl,-rpath,${prefix}/lib -Wl,-rpath,${prefix}/lib/x86_64-linux-gnu)
run(${WORK_DIR}/consumer_app_pc)
message(STATUS "pkg-config: ${last_output}")

# 3. The embedded test cluster (optional component): find_package(RocketMQ COMPONENTS testing)
#    and pkg-config rocketmq-testing.
run(${CMAKE_COMMAND} -S ${TESTING_PROJECT_DIR} -B ${WORK_DIR}/build-testing
    -DCMAKE_PREFIX_PATH=${prefix}
    "-DCMAKE_CXX_FLAGS=${san_flags}" "-DCMAKE_EXE_LINKER_FLAGS=${san_flags}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build-testing)
run(${WORK_DIR}/build-testing/testing_app)
message(STATUS "find_package testing: ${last_output}")

execute_process(COMMAND pkg-config --cflags --libs rocketmq-testing OUTPUT_VARIABLE flags
                RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know rocketmq-testing")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX} ${san_flags} ${TESTING_PROJECT_DIR}/main.cpp -o ${WORK_DIR}/testing_app_pc ${flags}
    -Wl,-rpath,${prefix}/lib -Wl,-rpath,${prefix}/lib/x86_64-linux-gnu)
run(${WORK_DIR}/testing_app_pc)
message(STATUS "pkg-config testing: ${last_output}")

# 4. An official C++ client program built as its users build it: -I<prefix>/include/rocketmq only
# (#include "DefaultMQProducer.h"), linked with -lrocketmq.
find_library(installed_lib NAMES rocketmq PATHS ${prefix}/lib ${prefix}/lib/x86_64-linux-gnu
             NO_DEFAULT_PATH REQUIRED)
get_filename_component(installed_lib_dir ${installed_lib} DIRECTORY)
run(${CXX} ${san_flags} -std=c++17 -I${prefix}/include/rocketmq ${PROJECT_DIR}/compat_main.cpp
    -o ${WORK_DIR}/compat_app_flags -L${installed_lib_dir} -lrocketmq -lpthread
    -Wl,-rpath,${installed_lib_dir})
run(${WORK_DIR}/compat_app_flags)
message(STATUS "official-client flags: ${last_output}")
