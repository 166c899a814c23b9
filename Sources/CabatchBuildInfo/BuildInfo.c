#include "cabatch_build_info.h"

// Package.swift defines both from the environment of the build; a plain `swift build` gets the
// development marker. They live in a C target because a Swift compilation condition cannot carry
// a string, and only this one file is recompiled when they change.
#ifndef CABATCH_BUILD_VERSION
#define CABATCH_BUILD_VERSION "0.0.0-dev"
#endif
#ifndef CABATCH_BUILD_COMMIT
#define CABATCH_BUILD_COMMIT "unknown"
#endif

const char *cabatch_build_version(void) { return CABATCH_BUILD_VERSION; }

const char *cabatch_build_commit(void) { return CABATCH_BUILD_COMMIT; }
