#ifndef SPECMARK_CCMARK_SHIM_H
#define SPECMARK_CCMARK_SHIM_H

#include <cmark.h>

#endif
