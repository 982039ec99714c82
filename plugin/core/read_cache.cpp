// The process-wide lifetime of read cache entries (see read_cache.h).
#include "plugin/core/read_cache.h"

#include <atomic>

namespace placette::core {

namespace {
std::atomic<std::int64_t> g_ttl_ms{0};
std::atomic<std::uint64_t> g_writes{0};
}  // namespace

void SetReadCacheTtl(std::chrono::milliseconds ttl) {
    g_ttl_ms = ttl.count() > 0 ? ttl.count() : 0;
}

std::chrono::milliseconds ReadCacheTtl() { return std::chrono::milliseconds(g_ttl_ms.load()); }

void NoteCommittedWrite() { g_writes.fetch_add(1); }

std::uint64_t CommittedWrites() { return g_writes.load(); }

}  // namespace placette::core
