#include "cli/huge_page_heap.hpp"

#ifdef CHRONOKG_WITH_TCMALLOC
#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#endif

namespace chronokg::cli {

#ifdef CHRONOKG_WITH_TCMALLOC
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// tcmalloc's source of memory: runs of 1 MiB or more (the heap growing) are mapped whole huge
// pages at a time; smaller requests (tcmalloc's own bookkeeping) and unusual alignments go to the
// allocator tcmalloc had, so they take no more memory than before.
class HugePageAllocator : public SysAllocator {
public:
    explicit HugePageAllocator(SysAllocator* fallback) : fallback_(fallback) {}

    void* Alloc(std::size_t size, std::size_t* actual_size, std::size_t alignment) override {
        if (size < kHugePage / 2 || alignment > kHugePage) return fallback_->Alloc(size, actual_size, alignment);
        const std::size_t rounded = (size + kHugePage - 1) / kHugePage * kHugePage;
        // Mapped a huge page larger, then trimmed to a 2 MiB boundary at both ends.
        void* mapped = ::mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED) return fallback_->Alloc(size, actual_size, alignment);
        const auto start = reinterpret_cast<std::uintptr_t>(mapped);
        const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
        if (aligned > start) ::munmap(mapped, aligned - start);
        const std::size_t tail = kHugePage - (aligned - start);  // what is mapped past the run
        if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + rounded), tail);
        void* run = reinterpret_cast<void*>(aligned);
        ::madvise(run, rounded, MADV_HUGEPAGE);  // refused where huge pages are off: small pages then
        if (actual_size != nullptr) *actual_size = rounded;
        return run;
    }

private:
    SysAllocator* fallback_;
};

}  // namespace

void use_huge_pages_for_heap() {
    MallocExtension* extension = MallocExtension::instance();
    SysAllocator* current = extension->GetSystemAllocator();
    if (current == nullptr) return;  // not tcmalloc after all
    static HugePageAllocator allocator(current);  // lives as long as the heap
    extension->SetSystemAllocator(&allocator);
}
#else
void use_huge_pages_for_heap() {}
#endif

}  // namespace chronokg::cli
