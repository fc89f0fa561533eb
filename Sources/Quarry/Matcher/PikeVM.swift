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
final class PikeVM {
    private struct Thread {
        var pc: Int
        var start: Int
        var captures: [Capture]
    }

    private let program: Program
    private var visited: SparseSet
    private var queues: [[Thread]] = []
    private var stack: [Thread] = []
    /// Per predicate, the position (plus one) its cached result is for, and
    /// the result: the prefilter and every thread at a position share one test.
    private var predicateStamp: [Int]
    private var predicateResult: [Bool]

    init(program: Program) {
        self.program = program
        visited = SparseSet(capacity: program.phases.map(\.instructions.count).max() ?? 0)
        predicateStamp = Array(repeating: 0, count: program.predicates.count)
        predicateResult = Array(repeating: false, count: program.predicates.count)
    }

    /// Every longest match per rule and start in `phase`.
    func candidates(phase: Phase, tokens: [Token], spans: SpanIndex) -> [Candidate] {
        let count = tokens.count
        let instructions = phase.instructions
        queues = Array(repeating: [], count: count + 1)
        // Cached results belong to this token sequence only.
        for index in predicateStamp.indices { predicateStamp[index] = 0 }
        var best: [Int: Candidate] = [:]  // keyed by rule * (count + 1) + start
        var lexiconMatches: [Int: [(end: Int, entry: Int)]] = [:]
        let captureCounts = phase.ruleIndexes.map { program.rules[$0].captureNames.count }

        for position in 0...count {
            visited.clear()
            lexiconMatches.removeAll(keepingCapacity: true)
            var waiting = queues[position]
            queues[position] = []
            if waiting.count > 1 {
                waiting = waiting.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
            }
            if position < count {
                for (k, start) in phase.ruleStarts.enumerated()
                where phase.ruleFirstSteps[k].contains(where: { canConsume($0, instructions, tokens, position, spans) }) {
                    waiting.append(Thread(pc: start, start: position, captures: Array(repeating: Capture(), count: captureCounts[k])))
                }
            }
            for thread in waiting {
                stack.append(thread)
                while let current = stack.popLast() {
                    guard visited.insert(current.pc) else { continue }
                    switch instructions[current.pc] {
                    case let .jump(target):
                        stack.append(Thread(pc: target, start: current.start, captures: current.captures))
                    case let .split(first, second):
                        stack.append(Thread(pc: second, start: current.start, captures: current.captures))
                        stack.append(Thread(pc: first, start: current.start, captures: current.captures))
                    case let .openCapture(slot, next):
                        var captures = current.captures
                        captures[slot] = Capture(start: Int32(position), end: -1, payload: .none)
                        stack.append(Thread(pc: next, start: current.start, captures: captures))
                    case let .closeCapture(slot, next):
                        var captures = current.captures
                        captures[slot].end = Int32(position)
                        stack.append(Thread(pc: next, start: current.start, captures: captures))
                    case let .token(predicate, next):
                        if position < count, test(predicate, tokens, position) {
                            queues[position + 1].append(Thread(pc: next, start: current.start, captures: current.captures))
                        }
                    case let .span(source, next, slot):
                        switch source {
                        case let .lexicon(index):
                            let found: [(end: Int, entry: Int)]
                            if let known = lexiconMatches[index] { found = known } else {
                                found = program.lexicons[index].matches(in: tokens, at: position)
                                lexiconMatches[index] = found
                            }
                            for (end, entry) in found {
                                var captures = current.captures
                                if let slot { captures[slot] = Capture(start: Int32(position), end: Int32(end), payload: .lexiconEntry(lexicon: Int32(index), entry: Int32(entry))) }
                                queues[end].append(Thread(pc: next, start: current.start, captures: captures))
                            }
                        case let .type(type):
                            for spanIndex in spans.starting(at: position, type: type) {
                                let end = spans.spans[spanIndex].tokens.upperBound
                                var captures = current.captures
                                if let slot { captures[slot] = Capture(start: Int32(position), end: Int32(end), payload: .span(Int32(spanIndex))) }
                                queues[end].append(Thread(pc: next, start: current.start, captures: captures))
                            }
                        }
                    case let .match(rule):
                        // Empty matches are never reported.
                        guard position > current.start else { break }
                        let key = rule * (count + 1) + current.start
                        if let existing = best[key], existing.end >= position { break }
                        best[key] = Candidate(rule: rule, start: current.start, end: position, captures: current.captures)
                    }
                }
            }
        }
        queues = []
        return Array(best.values)
    }
}

extension PikeVM {
    /// Whether `predicate` holds for the token at `position`, evaluated once per position.
    func test(_ predicate: Int, _ tokens: [Token], _ position: Int) -> Bool {
        if predicateStamp[predicate] == position + 1 { return predicateResult[predicate] }
        let result = program.predicates[predicate].matches(tokens[position], lexicons: program.lexicons)
        predicateStamp[predicate] = position + 1
        predicateResult[predicate] = result
        return result
    }

    /// Whether the consuming instruction at `pc` can take the token at `position`.
    func canConsume(_ pc: Int, _ instructions: [Instruction], _ tokens: [Token], _ position: Int, _ spans: SpanIndex) -> Bool {
        switch instructions[pc] {
        case let .token(predicate, _):
            return test(predicate, tokens, position)
        case let .span(.lexicon(index), _, _):
            return program.lexicons[index].mayStart(with: tokens[position])
        case let .span(.type(type), _, _):
            return !spans.starting(at: position, type: type).isEmpty
        default:
            return true
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
