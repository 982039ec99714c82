// Active workers: how many of placette-fcgi's worker threads take new requests at the same time.
//
// placette-fcgi runs more worker threads than the machine has processors, so that a request
// waiting for the database or a payment provider does not hold the others up. But when all of
// them have processor work at once, the kernel shares the processors out in time slices, and a
// request interrupted half-way waits for the other workers' slices before it finishes: that is
// where the slowest percent of the requests lost its time (bench/RESULTS.md, session 10).
//
// So only N workers are active ([server] active_workers; by default one per processor less one,
// at least one, since nginx and the database run on the same machine and need a processor too):
// they take requests from nginx in turn, and the others wait as spares. Requests that have not
// started wait in nginx's connection queue, in their order of arrival. A worker that waits for
// something that needs no processor here (a query or a commit, a payment provider's answer, the
// database pool, another thread's read of a cached page: a BlockingSection) stops counting at
// once and a spare takes its place; when its wait is over it counts again at once (a started
// request never waits for a place), and the first worker to finish a request while more than N
// are active becomes a spare. (Until session 13, waits shorter than half a millisecond kept
// their place; handing every wait over served the pages that query the database faster:
// bench/RESULTS.md, item 25.)
#pragma once

#include <cstdint>

namespace placette::core {

// The number of active workers; 0 (the default until start-up sets it) makes every worker
// active. Set it while no worker runs (at start-up, and between tests); it also ends a Stop.
void SetActiveWorkerLimit(unsigned limit);
unsigned ActiveWorkerLimit();

// The number of processors this process may run on (its affinity mask; at least 1).
unsigned ProcessorCount();
// The limit placette-fcgi uses when [server] active_workers is 0: one per processor less one
// (for nginx and the database), at least one.
unsigned DefaultActiveWorkers();

// The calling worker becomes active: at once when fewer than the limit are, else it waits as a
// spare until a place is free. False (and not active) once StopActiveWorkers was called.
bool BecomeActive();
// The calling worker stops being active (it no longer takes requests).
void BecomeSpare();
// Whether more workers than the limit are active: the caller should become a spare.
bool TooManyActive();
// Wakes every spare; BecomeActive returns false from now on (placette-fcgi stopping).
void StopActiveWorkers();

// What the workers did so far, for tests and diagnostics.
struct ActiveWorkerStats {
    std::uint64_t activations = 0;  // BecomeActive calls that succeeded
    std::uint64_t waited = 0;       // of those, after waiting as a spare
    std::uint64_t replaced = 0;     // waits (BlockingSection) that gave their place up
    std::uint64_t resumed = 0;      // of those, the ones over (the worker counts again)
    unsigned active = 0;            // workers active now
};
ActiveWorkerStats GetActiveWorkerStats();

// The calling worker waits for something that needs no processor: it gives its place up at once
// (a spare may take it), and counts again, without waiting, afterwards. Nothing for a thread that
// is not active (placette-admin, a spare, a nested section).
class BlockingSection {
  public:
    BlockingSection();
    ~BlockingSection();
    BlockingSection(const BlockingSection&) = delete;
    BlockingSection& operator=(const BlockingSection&) = delete;

  private:
    bool in_wait_ = false;
};

// Runs fn() in a BlockingSection and returns what it returns.
template <typename Fn>
auto WhileWaiting(Fn&& fn) {
    BlockingSection waiting;
    return fn();
}

}  // namespace placette::core
