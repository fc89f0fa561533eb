// Start-up shared by the fuzz targets: what every input uses (the default
// rule pack) is built once, with the leak checker looking away, since it is
// kept for the life of the process rather than leaked.
#include <sanitizer/lsan_interface.h>
#include "fuzz_support.h"

extern void quarry_fuzz_prepare(void);  // FuzzEntries.prepare, exported to C

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    __lsan_disable();
    quarry_fuzz_prepare();
    __lsan_enable();
    return 0;
}
