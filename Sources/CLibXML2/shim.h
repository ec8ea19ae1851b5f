#include <libxml/xmlversion.h>
/* libxml2's encoding.h pulls in the system ICU headers, which clash with the
   ICU copy inside Foundation. This code never touches the ICU converter
   fields, so the ICU part of the headers is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <stdlib.h>

/* xmlFree is a global function pointer, which Swift 6 treats as shared
   mutable state; this wrapper is a plain function. */
static inline void ikigai_xml_free(void *p) { xmlFree(p); }
