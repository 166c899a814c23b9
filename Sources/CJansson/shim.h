#ifndef CABATCH_CJANSSON_SHIM_H
#define CABATCH_CJANSSON_SHIM_H
#include <jansson.h>
#endif
