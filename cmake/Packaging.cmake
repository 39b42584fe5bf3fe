# Debian packages (CPack DEB), one per install component of cmake/Install.cmake:
#   librocketmq<soversion>          the client library, librocketmq.so.<soversion>
#   librocketmq-testing<soversion>  the embedded test cluster, librocketmq_testing.so.<soversion>
#                                   (its own package: it carries the bundled servers and yaml-cpp,
#                                   which no application needs at run time)
#   librocketmq-dev                 headers (also the official-client compatibility headers and
#                                   rocketmq/testing/), .so links, librocketmq.a, CMake package,
#                                   rocketmq.pc and rocketmq-testing.pc
#   rocketmq-tools                  mqnamesrv, mqbroker, mqadmin, mqbench, share/rocketmq/conf/
# Build them from a configured and built tree:  (cd build && cpack)  ->  build/*.deb
# The shared libraries' and tools' run-time Depends come from dpkg-shlibdeps (Debian package
# names with versions); the -dev package names the -dev packages its CMake and pkg-config files
# look for. test/package checks that the packages install and that programs build against them.
set(ROCKETMQ_PACKAGE_MAINTAINER
    "rocketmq-cpp maintainers <maintainers@users.noreply.r-seed-80467d1f.example>"
    CACHE STRING "Maintainer field of the .deb packages")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rocketmq)
set(CPACK_PACKAGE_VENDOR "rocketmq-cpp")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${ROCKETMQ_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime testing dev tools)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ROCKETMQ_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A shlibs file in the library packages, so packages built on ours get their Depends too.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
# librocketmq_testing.so needs librocketmq.so.<soversion>, which no installed package owns yet
# while the packages are built: dpkg-shlibdeps finds it here, and the package names it below.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_LIBRARY_OUTPUT_DIRECTORY})

set(rocketmq_so ${PROJECT_VERSION_MAJOR})
set(rocketmq_exact "(= ${PROJECT_VERSION})")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME librocketmq${rocketmq_so})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
   "C++ client library for Apache RocketMQ
librocketmq speaks RocketMQ's classic remoting protocol byte for byte as Apache
RocketMQ 4.9 does: producers (sync, async, oneway, ordered, batch, transactional,
request-reply), push and lite-pull consumers, and an admin API.

This package contains the shared library.")

set(CPACK_DEBIAN_TESTING_PACKAGE_NAME librocketmq-testing${rocketmq_so})
set(CPACK_DEBIAN_TESTING_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_TESTING_PACKAGE_DEPENDS "librocketmq${rocketmq_so} ${rocketmq_exact}")
set(CPACK_DEBIAN_TESTING_DESCRIPTION
   "embedded RocketMQ cluster for application tests
librocketmq_testing runs a NameServer and any layout of brokers (masters and
slaves, SYNC or ASYNC flush and replication, ACL) inside a test process, on
loopback ports and in a temporary directory, for applications' unit tests.

This package contains the shared library.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME librocketmq-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "librocketmq${rocketmq_so} ${rocketmq_exact}, librocketmq-testing${rocketmq_so} ${rocketmq_exact}, libevent-dev, libssl-dev, libjsoncpp-dev, zlib1g-dev, pkg-config")
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS "libgtest-dev, rocketmq-tools")
set(CPACK_DEBIAN_DEV_DESCRIPTION
   "C++ client library for Apache RocketMQ (development files)
Headers of librocketmq (rocketmq/*.h, also the header names of the official
rocketmq-client-cpp 2.x so its programs compile unchanged) and of the embedded
test cluster (rocketmq/testing/), the static library, the CMake package
(find_package(RocketMQ)) and pkg-config files (rocketmq, rocketmq-testing).")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME rocketmq-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION net)
set(CPACK_DEBIAN_TOOLS_DESCRIPTION
   "RocketMQ NameServer, broker, admin and benchmark tools
mqnamesrv and mqbroker are a NameServer and a durable broker (Java 4.9 store
layout, master/slave replication) started like Java's; mqadmin is Java's admin
command line; mqbench is Java's benchmark producer and consumer. Example
broker.conf files of the four cluster modes are in /usr/share/rocketmq/conf.")

include(CPack)
