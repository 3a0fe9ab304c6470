#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so encoding.h would include the system
   <unicode/ucnv.h>; its UErrorCode clashes with the copy Foundation bundles
   (_FoundationICU) in any module that imports both. cscpipe never touches
   libxml2's ICU converters (only pointers to encoding handlers), so the
   headers are read without them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlstring.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to
   touch from any isolation domain; a static inline wrapper is safe to call. */
static inline void cscpipe_xmlFree(void *p) { xmlFree(p); }
#endif
