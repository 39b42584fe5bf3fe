// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

// Export macro of the official client's classes (empty here: the library's visibility is set by
// its build).
#ifndef ROCKETMQCLIENT_API
#define ROCKETMQCLIENT_API
#endif

// The official client's fixed-width integer names (global, as there).
typedef signed char int8;
typedef unsigned char uint8;
typedef signed short int16;
typedef unsigned short uint16;
typedef signed int int32;
typedef unsigned int uint32;
typedef long long int64;
typedef unsigned long long uint64;
