#ifndef CABATCH_CZSTD_SHIM_H
#define CABATCH_CZSTD_SHIM_H
#include <zstd.h>
#include <zstd_errors.h>
#endif
