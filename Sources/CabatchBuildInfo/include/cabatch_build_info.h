#ifndef CABATCH_BUILD_INFO_H
#define CABATCH_BUILD_INFO_H

/// The version this binary was built as: `git describe` of the commit, as `scripts/release.sh`
/// stamps it (`CABATCH_BUILD_VERSION`), or "0.0.0-dev" for a plain `swift build`.
const char *cabatch_build_version(void);

/// The full commit hash this binary was built from (`CABATCH_BUILD_COMMIT`), or "unknown".
const char *cabatch_build_commit(void);

#endif
