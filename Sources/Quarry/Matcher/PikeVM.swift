/// Runs one phase's NFA over a document's tokens: a Pike VM, so time is
/// linear in the number of tokens for any rule (each instruction is visited
/// at most once per position), and nothing ever backtracks.
///
/// Consuming a lexicon entry or an earlier phase's span moves a thread
/// several tokens ahead, so threads wait in a queue per position rather than
/// in the usual two lists. Within a position threads run in order of their
/// start (earliest first), which gives leftmost-longest semantics per rule:
/// for each rule and start the longest match is kept, and a later start that
/// reaches the same instruction at the same position is dropped because the
/// earlier one covers it.
///
/// The VM holds scratch space only; the program stays immutable and shared.
/// It is a struct so that its scratch arrays are checked for exclusive access
/// at compile time, not on every access as a class's stored properties are.
/// Capture slots live in one arena per search: a thread holds an offset into
/// it and copies its slots only when it writes one, so moving a thread costs
/// no reference counting.
struct PikeVM {
    private struct Thread {
        var pc: Int32
        var start: Int32
        /// Offset of the thread's capture slots in `arena`.
        var captures: Int32
    }

    private let program: Program
    private var visited: SparseSet
    private var queues: [[Thread]] = []
    private var stack: [Thread] = []
    private var arena: [Capture] = []
    /// Per predicate, the position (plus one) its cached result is for, and
    /// the result: the prefilter and every thread at a position share one test.
    private var predicateStamp: [Int]
    private var predicateResult: [Bool]
    /// The same per lexicon, for whether an entry may start at the position.
    private var lexiconStamp: [Int]
    private var lexiconResult: [Bool]
    /// Rules gathered to start at the current position, and a mark per rule
    /// (position plus one) so each is gathered once.
    private var starting: [Int] = []
    private var startingStamp: [Int]

    init(program: Program) {
        self.program = program
        visited = SparseSet(capacity: program.phases.map(\.instructions.count).max() ?? 0)
        predicateStamp = Array(repeating: 0, count: program.predicates.count)
        predicateResult = Array(repeating: false, count: program.predicates.count)
        lexiconStamp = Array(repeating: 0, count: program.lexicons.count)
        lexiconResult = Array(repeating: false, count: program.lexicons.count)
        startingStamp = Array(repeating: 0, count: program.phases.map(\.ruleStarts.count).max() ?? 0)
    }

    /// Every longest match per rule and start in `phase`.
    /// `enabled`: per rule of the phase, whether it may run at all (nil: all).
    mutating func candidates(phase: Phase, tokens: [Token], spans: SpanIndex, enabled: [Bool]? = nil) -> [Candidate] {
        let count = tokens.count
        let instructions = phase.instructions
        if queues.count < count + 1 { queues = Array(repeating: [], count: count + 1) }
        arena.removeAll(keepingCapacity: true)
        // Cached results belong to this token sequence only.
        for index in predicateStamp.indices { predicateStamp[index] = 0 }
        for index in lexiconStamp.indices { lexiconStamp[index] = 0 }
        for index in startingStamp.indices { startingStamp[index] = 0 }
        // A disabled rule is marked as already gathered at every position.
        if let enabled { for (rule, on) in enabled.enumerated() where !on { startingStamp[rule] = Int.max } }
        var best: [Int: Candidate] = [:]  // keyed by rule * (count + 1) + start
        var lexiconMatches: [Int: [(end: Int, entry: Int)]] = [:]
        let captureCounts = phase.ruleIndexes.map { program.rules[$0].captureNames.count }
        let emptyCaptures = Array(repeating: Capture(), count: captureCounts.max() ?? 0)

        for position in 0...count {
            visited.clear()
            lexiconMatches.removeAll(keepingCapacity: true)
            var waiting: [Thread] = []
            swap(&waiting, &queues[position])
            if waiting.count > 1 {
                waiting = waiting.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
            }
            if position < count {
                // Every rule gathered can take its first step here (the start index is exact).
                for k in rulesStarting(at: position, phase, tokens, spans) {
                    let offset = Int32(arena.count)
                    arena.append(contentsOf: emptyCaptures[0..<captureCounts[k]])
                    waiting.append(Thread(pc: Int32(phase.ruleStarts[k]), start: Int32(position), captures: offset))
                }
            }
            for thread in waiting {
                stack.append(thread)
                while let current = stack.popLast() {
                    let pc = Int(current.pc)
                    guard visited.insert(pc) else { continue }
                    switch instructions[pc] {
                    case let .jump(target):
                        stack.append(Thread(pc: Int32(target), start: current.start, captures: current.captures))
                    case let .split(first, second):
                        stack.append(Thread(pc: Int32(second), start: current.start, captures: current.captures))
                        stack.append(Thread(pc: Int32(first), start: current.start, captures: current.captures))
                    case let .openCapture(slot, next):
                        let copy = copyCaptures(current.captures, count: captureCount(of: pc, phase, captureCounts))
                        arena[Int(copy) + slot] = Capture(start: Int32(position), end: -1, payload: .none)
                        stack.append(Thread(pc: Int32(next), start: current.start, captures: copy))
                    case let .closeCapture(slot, next):
                        let copy = copyCaptures(current.captures, count: captureCount(of: pc, phase, captureCounts))
                        arena[Int(copy) + slot].end = Int32(position)
                        stack.append(Thread(pc: Int32(next), start: current.start, captures: copy))
                    case let .token(predicate, next):
                        if position < count, test(predicate, tokens, position) {
                            queues[position + 1].append(Thread(pc: Int32(next), start: current.start, captures: current.captures))
                        }
                    case let .span(source, next, slot):
                        let captureSlots = slot == nil ? 0 : captureCount(of: pc, phase, captureCounts)
                        switch source {
                        case let .lexicon(index):
                            let found: [(end: Int, entry: Int)]
                            if let known = lexiconMatches[index] { found = known } else {
                                found = program.lexicons[index].matches(in: tokens, at: position)
                                lexiconMatches[index] = found
                            }
                            for (end, entry) in found {
                                enqueue(current, next: next, end: end, slot: slot, captureSlots: captureSlots, position: position,
                                        payload: .lexiconEntry(lexicon: Int32(index), entry: Int32(entry)))
                            }
                        case let .type(type):
                            for spanIndex in spans.starting(at: position, type: type) {
                                enqueue(current, next: next, end: spans.spans[spanIndex].tokens.upperBound, slot: slot,
                                        captureSlots: captureSlots, position: position, payload: .span(Int32(spanIndex)))
                            }
                        }
                    case let .match(rule):
                        // Empty matches are never reported.
                        let start = Int(current.start)
                        guard position > start else { break }
                        let key = rule * (count + 1) + start
                        if let existing = best[key], existing.end >= position { break }
                        let slots = captureCount(of: pc, phase, captureCounts)
                        let offset = Int(current.captures)
                        best[key] = Candidate(rule: rule, start: start, end: position, captures: Array(arena[offset..<(offset + slots)]))
                    }
                }
            }
        }
        return Array(best.values)
    }

    /// Queues `thread` to continue at `next` from token `end`, after it consumed
    /// a lexicon entry or span starting at `position` (stored in `slot` if any).
    private mutating func enqueue(_ thread: Thread, next: Int, end: Int, slot: Int?, captureSlots: Int, position: Int,
                                  payload: Capture.Payload) {
        var captures = thread.captures
        if let slot {
            captures = copyCaptures(thread.captures, count: captureSlots)
            arena[Int(captures) + slot] = Capture(start: Int32(position), end: Int32(end), payload: payload)
        }
        queues[end].append(Thread(pc: Int32(next), start: thread.start, captures: captures))
    }

    /// A fresh copy of a thread's capture slots at the end of the arena.
    private mutating func copyCaptures(_ offset: Int32, count: Int) -> Int32 {
        let copy = Int32(arena.count)
        let start = Int(offset)
        for index in start..<(start + count) { arena.append(arena[index]) }
        return copy
    }

    /// Capture slots of the rule that instruction `pc` belongs to.
    private func captureCount(of pc: Int, _ phase: Phase, _ counts: [Int]) -> Int {
        counts[phase.ruleOfInstruction[pc]]
    }
}

extension PikeVM {
    /// Whether `predicate` holds for the token at `position`, evaluated once per position.
    mutating func test(_ predicate: Int, _ tokens: [Token], _ position: Int) -> Bool {
        if predicateStamp[predicate] == position + 1 { return predicateResult[predicate] }
        let result = program.predicates[predicate].matches(tokens[position], lexicons: program.lexicons)
        predicateStamp[predicate] = position + 1
        predicateResult[predicate] = result
        return result
    }

    /// Whether an entry of lexicon `index` may start at `position` (exactly or
    /// inflected), looked up once per position.
    mutating func mayStart(_ index: Int, _ tokens: [Token], _ position: Int) -> Bool {
        if lexiconStamp[index] == position + 1 { return lexiconResult[index] }
        let lexicon = program.lexicons[index]
        let key = Int(tokens[position].keyID)
        let result = (key >= 0 && lexicon.startsWithKey[key]) || (lexicon.inflects && tokens[position].script == lexicon.endingScript)
        lexiconStamp[index] = position + 1
        lexiconResult[index] = result
        return result
    }

    /// The rules (indexes within the phase) that may begin at `position`, in rule order.
    mutating func rulesStarting(at position: Int, _ phase: Phase, _ tokens: [Token], _ spans: SpanIndex) -> [Int] {
        starting.removeAll(keepingCapacity: true)
        let key = Int(tokens[position].keyID)
        if key >= 0 { gather(phase.ruleStartIndex.byKey[key], position) }
        for (lexicon, rules) in phase.ruleStartIndex.byLexicon where mayStart(lexicon, tokens, position) { gather(rules, position) }
        for (predicate, rules) in phase.ruleStartIndex.byPredicate where test(predicate, tokens, position) { gather(rules, position) }
        for (type, rules) in phase.ruleStartIndex.byType where !spans.starting(at: position, type: type).isEmpty { gather(rules, position) }
        if starting.count > 1 { starting.sort() }
        return starting
    }

    private mutating func gather(_ rules: [Int], _ position: Int) {
        for rule in rules where startingStamp[rule] != position + 1 {
            startingStamp[rule] = position + 1
            starting.append(rule)
        }
    }
}

/// A set of small integers with O(1) insert and clear (Briggs and Torczon).
struct SparseSet {
    private var dense: [Int]
    private var sparse: [Int]
    private var count = 0

    init(capacity: Int) {
        dense = Array(repeating: 0, count: capacity)
        sparse = Array(repeating: 0, count: capacity)
    }

    /// Inserts `value`; returns false when it was already present.
    mutating func insert(_ value: Int) -> Bool {
        let index = sparse[value]
        if index < count && dense[index] == value { return false }
        sparse[value] = count
        dense[count] = value
        count += 1
        return true
    }

    mutating func clear() { count = 0 }
}
