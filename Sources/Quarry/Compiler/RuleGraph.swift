/// One rule's instructions as a graph numbered from 0 (`pc - range.lowerBound`),
/// for the analyses that walk every rule at each start-up (`RequiredKeys`,
/// `MatchReach`): marks in arrays rather than sets and dictionaries of pcs,
/// and successors without an array per step. A rule's instructions are
/// contiguous in its phase (its pattern compiles after its match instruction,
/// named patterns inline), so the graph never leaves `range`.
struct RuleGraph {
    let instructions: [Instruction]
    let range: Range<Int>
    /// Per local node, its successors (-1: none).
    private(set) var first: [Int32]
    private(set) var second: [Int32]

    /// The graph of the rule whose instructions are `range` of `instructions`.
    init(_ instructions: [Instruction], range: Range<Int>) {
        self.instructions = instructions
        self.range = range
        first = Array(repeating: -1, count: range.count)
        second = Array(repeating: -1, count: range.count)
        for pc in range {
            let local = pc - range.lowerBound
            let (a, b) = instructions[pc].successorPair
            precondition(a < 0 || range.contains(a), "a rule's instruction leads out of its range")
            precondition(b < 0 || range.contains(b), "a rule's instruction leads out of its range")
            if a >= 0 { first[local] = Int32(a - range.lowerBound) }
            if b >= 0 { second[local] = Int32(b - range.lowerBound) }
        }
    }

    var count: Int { range.count }

    /// The instruction of local node `node`.
    func instruction(_ node: Int) -> Instruction { instructions[range.lowerBound + node] }

    /// The local node of `pc`.
    func node(_ pc: Int) -> Int { pc - range.lowerBound }

    /// Calls `body` with each successor of `node`.
    @inline(__always)
    func forEachSuccessor(_ node: Int, _ body: (Int) -> Void) {
        if first[node] >= 0 { body(Int(first[node])) }
        if second[node] >= 0 { body(Int(second[node])) }
    }

    /// Per node, its predecessors among `nodes`.
    func predecessors(among nodes: [Int]) -> [[Int]] {
        var result = Array(repeating: [Int](), count: count)
        for node in nodes { forEachSuccessor(node) { result[$0].append(node) } }
        return result
    }

    /// The nodes reachable from `start` (depth first, never entering `avoided`).
    func reachable(from start: Int, avoiding avoided: Int = -1) -> [Int] {
        var visits = NodeVisits(count: count)
        var reached: [Int] = []
        walk(from: start, avoiding: avoided, visits: &visits) { reached.append($0); return true }
        return reached
    }

    /// Visits the nodes reachable from `start` (depth first, never entering
    /// `avoided`) until `visit` returns false; `visits` is cleared by a new round.
    func walk(from start: Int, avoiding avoided: Int, visits: inout NodeVisits, _ visit: (Int) -> Bool) {
        visits.newRound()
        _ = visits.mark(start)
        var stack = [start]
        while let node = stack.popLast() {
            guard visit(node) else { return }
            forEachSuccessor(node) { next in
                if next != avoided && visits.mark(next) { stack.append(next) }
            }
        }
    }
}

/// Which nodes a walk has seen, by stamp: a new round costs nothing, so one
/// array serves many walks of a rule.
struct NodeVisits {
    private var stamps: [UInt32]
    private var round: UInt32 = 0

    init(count: Int) { stamps = Array(repeating: 0, count: count) }

    mutating func newRound() { round &+= 1 }

    /// Marks `node`; false if it was marked this round already.
    mutating func mark(_ node: Int) -> Bool {
        guard stamps[node] != round else { return false }
        stamps[node] = round
        return true
    }
}
