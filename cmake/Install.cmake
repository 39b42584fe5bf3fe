# Installs the public headers, librocketmq (shared and static), a CMake package
# (find_package(RocketMQ) -> RocketMQ::rocketmq, RocketMQ::rocketmq_static) and rocketmq.pc.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/rocketmq DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS rocketmq rocketmq_static EXPORT RocketMQTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(ROCKETMQ_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/RocketMQ)
install(EXPORT RocketMQTargets NAMESPACE RocketMQ:: DESTINATION ${ROCKETMQ_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/RocketMQConfig.cmake.in
    ${CMAKE_BINARY_DIR}/RocketMQConfig.cmake INSTALL_DESTINATION ${ROCKETMQ_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/RocketMQConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/RocketMQConfig.cmake ${CMAKE_BINARY_DIR}/RocketMQConfigVersion.cmake
    DESTINATION ${ROCKETMQ_CMAKE_DIR})

# The .pc file finds its prefix relative to itself, so the tree can be installed anywhere.
file(RELATIVE_PATH ROCKETMQ_PC_TO_PREFIX /_/${CMAKE_INSTALL_LIBDIR}/pkgconfig /_)
configure_file(${PROJECT_SOURCE_DIR}/cmake/rocketmq.pc.in ${CMAKE_BINARY_DIR}/rocketmq.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/rocketmq.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The embedded test cluster (optional component): find_package(RocketMQ COMPONENTS testing) ->
# RocketMQ::testing, and rocketmq-testing.pc. Its own export set, so a package split can ship it
# apart from the client library.
install(TARGETS rocketmq_testing EXPORT RocketMQTestingTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT RocketMQTestingTargets NAMESPACE RocketMQ:: DESTINATION ${ROCKETMQ_CMAKE_DIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/rocketmq-testing.pc.in ${CMAKE_BINARY_DIR}/rocketmq-testing.pc
    @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/rocketmq-testing.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
