/// The Pike VM's per-position work space as raw memory: the stack of threads
/// being followed and the set of instructions visited at the position. The
/// inner loop writes these at every step; as Swift arrays each write checked
/// the array's unique ownership. Sized once for the largest phase: the stack
/// holds one thread's closure at a time, which visits each instruction at most
/// once (a thread and the threads it spawns share one visit key), and each
/// visit pushes at most two threads, or a fork's targets (`ForkChains`).
/// Owned by one VM (not thread-safe); freed with it.
final class VMScratch {
    let stack: UnsafeMutablePointer<VMThread>
    /// The visited set: instruction `pc` was visited at the current position
    /// by a thread with visit key `k` when `visited[pc]` holds the position's
    /// stamp (`PikeVM` draws a new one per position) in its upper half and
    /// `k` in its lower (`VMThread.visitKey`): one load and compare per step,
    /// and nothing to clear between positions.
    let visited: UnsafeMutablePointer<UInt64>
    /// Room in `visited`: the most instructions of a phase.
    let instructionCount: Int
    private let stackCapacity: Int

    /// `forkTargets`: the most fork targets of a phase.
    init(instructions: Int, forkTargets: Int = 0) {
        instructionCount = max(1, instructions)
        stackCapacity = 2 * instructionCount + 2 + forkTargets
        stack = .allocate(capacity: stackCapacity)
        stack.initialize(repeating: VMThread(pc: 0, start: 0, captures: 0, visitKey: 0), count: stackCapacity)
        visited = .allocate(capacity: instructionCount)
        visited.initialize(repeating: 0, count: instructionCount)
    }

    deinit {
        stack.deallocate()
        visited.deallocate()
    }
}

/// A thread of the Pike VM: where it is, where its match started, and the
/// offset of its capture slots in the VM's arena.
struct VMThread {
    var pc: Int32
    var start: Int32
    var captures: Int32
    /// What tells its visits apart from other threads' at a position: the
    /// same for all threads of a rule (`VMThread.sharedVisits`), so that a
    /// later start is dropped where an earlier one has been, or its start in
    /// a rule that keeps its starts apart (`PikeVM`).
    var visitKey: UInt32

    static let sharedVisits = UInt32.max

    /// The thread moved on to `pc` with `captures`, from the same start.
    @inline(__always)
    func at(_ pc: Int32, captures: Int32) -> VMThread {
        VMThread(pc: pc, start: start, captures: captures, visitKey: visitKey)
    }
}
