# Installs the public headers, librocketmq (shared and static), a CMake package
# (find_package(RocketMQ) -> RocketMQ::rocketmq, RocketMQ::rocketmq_static), rocketmq.pc, the
# embedded test cluster and the tools (mqnamesrv, mqbroker, mqadmin, mqbench, conf/ examples).
# Every rule names the install component that cmake/Packaging.cmake turns into a .deb:
#   runtime  librocketmq.so.<soversion>                       -> librocketmq<soversion>
#   testing  librocketmq_testing.so.<soversion>               -> librocketmq-testing<soversion>
#   dev      headers, .so links, librocketmq.a, CMake files, .pc -> librocketmq-dev
#   tools    bin/ and share/rocketmq/conf/                    -> rocketmq-tools
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/rocketmq DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT dev)
install(TARGETS rocketmq rocketmq_static EXPORT RocketMQTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
# A stripped install (cmake --install --strip, and CPack) strips executables and shared libraries
# but not archives; drop the static library's debug sections too (110 MB -> a few MB).
if(CMAKE_STRIP)
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
          \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:rocketmq_static>\")
    endif()" COMPONENT dev)
endif()

set(ROCKETMQ_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/RocketMQ)
install(EXPORT RocketMQTargets NAMESPACE RocketMQ:: DESTINATION ${ROCKETMQ_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/RocketMQConfig.cmake.in
    ${CMAKE_BINARY_DIR}/RocketMQConfig.cmake INSTALL_DESTINATION ${ROCKETMQ_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/RocketMQConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/RocketMQConfig.cmake ${CMAKE_BINARY_DIR}/RocketMQConfigVersion.cmake
    DESTINATION ${ROCKETMQ_CMAKE_DIR} COMPONENT dev)

# The .pc file finds its prefix relative to itself, so the tree can be installed anywhere.
file(RELATIVE_PATH ROCKETMQ_PC_TO_PREFIX /_/${CMAKE_INSTALL_LIBDIR}/pkgconfig /_)
configure_file(${PROJECT_SOURCE_DIR}/cmake/rocketmq.pc.in ${CMAKE_BINARY_DIR}/rocketmq.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/rocketmq.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT dev)

# The embedded test cluster (optional component): find_package(RocketMQ COMPONENTS testing) ->
# RocketMQ::testing, and rocketmq-testing.pc. Its own export set, so a package split can ship it
# apart from the client library.
install(TARGETS rocketmq_testing EXPORT RocketMQTestingTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT testing NAMELINK_COMPONENT dev
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT testing)
install(EXPORT RocketMQTestingTargets NAMESPACE RocketMQ:: DESTINATION ${ROCKETMQ_CMAKE_DIR}
        COMPONENT dev)
configure_file(${PROJECT_SOURCE_DIR}/cmake/rocketmq-testing.pc.in ${CMAKE_BINARY_DIR}/rocketmq-testing.pc
    @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/rocketmq-testing.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT dev)

# The command-line tools and the broker.conf examples of the four cluster modes
# (docs/cluster-modes.md). The tools link the client library statically.
install(TARGETS mqnamesrv mqbroker mqadmin mqbench RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT tools)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/conf/ DESTINATION ${CMAKE_INSTALL_DATADIR}/rocketmq/conf
        COMPONENT tools)
