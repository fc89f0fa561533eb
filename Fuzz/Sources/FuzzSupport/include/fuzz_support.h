#pragma once
// LLVMFuzzerInitialize for every fuzz target; see fuzz_support.c.
int LLVMFuzzerInitialize(int *argc, char ***argv);
