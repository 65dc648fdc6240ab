#pragma once
// chronokg::cli::use_huge_pages_for_heap — the program's heap in 2 MiB pages where Linux allows.
//
// Why: a page fault costs about 14 µs in this benchmark's VM (touching 512 MiB took 1.8 s in
// 4 KiB pages, 0.7 s in 2 MiB pages), and `build` of a million events faults in 800 MB: two
// seconds of CPU, more than the graph itself. tcmalloc takes memory from the system in large
// runs; with this, each run is mapped on 2 MiB boundaries and marked MADV_HUGEPAGE, so the kernel
// backs it with transparent huge pages (in its default "madvise" mode) and faults 512 times less.
// Where huge pages are off, or the program is built without tcmalloc (CHRONOKG_TCMALLOC), this
// does nothing and the heap is as before.
// Thread safety: call once, at the start of main(), before any thread starts.
namespace chronokg::cli {

void use_huge_pages_for_heap();

}  // namespace chronokg::cli
