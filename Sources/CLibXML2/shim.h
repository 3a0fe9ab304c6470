#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlstring.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to
   touch from any isolation domain; a static inline wrapper is safe to call. */
static inline void cscpipe_xmlFree(void *p) { xmlFree(p); }
#endif
