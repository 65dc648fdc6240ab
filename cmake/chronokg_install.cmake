# Install rules and the exported CMake package chronokg::chronokg. The top-level CMakeLists.txt
# includes this file only when chronokg is the top-level project (as fmt does), so a project
# that adds chronokg as a subdirectory installs nothing of ours.
#
# Layout under the prefix:
#   bin/chronokg                          the command-line tool
#   lib/libchronokg.a (or .so)            the library
#   include/chronokg/<folder>/*.hpp       headers, included as "graph/graph_query.hpp" (the
#                                         target's include directory is include/chronokg)
#   share/chronokg/rules/                 the default rule pack, where default_rules_path()
#                                         looks next to the installed binary
#   lib/cmake/chronokg/                   chronokgConfig.cmake, its version file, the targets
include(CMakePackageConfigHelpers)

set(CHRONOKG_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/chronokg)
set(CHRONOKG_INSTALL_RULESDIR ${CMAKE_INSTALL_DATADIR}/chronokg/rules)

install(TARGETS chronokg EXPORT chronokgTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS chronokg_tool RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The library's folders; cli/ is the tool's and not part of the library.
foreach(folder core extract graph export eval)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${folder}/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/chronokg/${folder}
    FILES_MATCHING PATTERN "*.hpp")
endforeach()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${CHRONOKG_INSTALL_RULESDIR})

install(EXPORT chronokgTargets NAMESPACE chronokg:: DESTINATION ${CHRONOKG_INSTALL_CMAKEDIR})

# A static library hands its private dependencies (ICU, OpenCC, RE2, simdjson) on to whatever links it;
# the package config then finds them too.
get_target_property(_chronokg_type chronokg TYPE)
if(_chronokg_type STREQUAL "STATIC_LIBRARY")
  set(CHRONOKG_STATIC ON)
else()
  set(CHRONOKG_STATIC OFF)
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/chronokgConfig.cmake.in
  ${PROJECT_BINARY_DIR}/chronokgConfig.cmake
  INSTALL_DESTINATION ${CHRONOKG_INSTALL_CMAKEDIR}
  PATH_VARS CHRONOKG_INSTALL_RULESDIR)
# 0.x: a minor release may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/chronokgConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/chronokgConfig.cmake ${PROJECT_BINARY_DIR}/chronokgConfigVersion.cmake
  DESTINATION ${CHRONOKG_INSTALL_CMAKEDIR})
