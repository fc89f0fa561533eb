/// Chains of splits folded into one step. An alternation of several branches,
/// or an optional part before another, compiles to splits that lead into
/// further splits: a thread walked each of them, one visit check and two
/// pushes a split, to reach the instructions at their ends. The first split
/// of such a chain becomes a fork of all its ends, in the order the splits
/// would have reached them, so threads, matches and captures do not change:
/// the splits it skips only passed threads on, and a thread that reaches one
/// of them by another way (they stay in the code) finds its ends visited as
/// before. The splits that head scanning loops (`ScanLoops`) stay as they are.
enum ForkChains {
    /// `ops` with the chains' first splits made forks (kind `.fork`): a
    /// fork's targets follow the phase's instructions as data ops, whose `a`
    /// is the target.
    static func fold(_ ops: [VMOp], loops: [Int32]) -> [VMOp] {
        func folds(_ pc: Int) -> Bool { ops[pc].kind == .split && loops[pc] < 0 }
        // A split another one leads into is inside a chain: only the first is
        // folded, or an alternation of n branches would get n forks, n²/2 targets.
        var inside = [Bool](repeating: false, count: ops.count)
        for pc in ops.indices where folds(pc) {
            if folds(Int(ops[pc].a)) { inside[Int(ops[pc].a)] = true }
            if folds(Int(ops[pc].b)) { inside[Int(ops[pc].b)] = true }
        }
        var folded = ops
        var onPath = [Bool](repeating: false, count: ops.count)
        var targets: [Int32] = []
        // False on a cycle of splits (an empty loop): that chain stays as it is.
        func expand(_ target: Int32) -> Bool {
            let next = Int(target)
            guard folds(next) else { targets.append(target); return true }
            guard !onPath[next] else { return false }
            onPath[next] = true
            defer { onPath[next] = false }
            return expand(ops[next].a) && expand(ops[next].b)
        }
        for pc in ops.indices where folds(pc) && !inside[pc] && (folds(Int(ops[pc].a)) || folds(Int(ops[pc].b))) {
            targets.removeAll(keepingCapacity: true)
            onPath[pc] = true
            defer { onPath[pc] = false }
            guard expand(ops[pc].a), expand(ops[pc].b) else { continue }
            folded[pc] = VMOp(kind: .fork, slots: ops[pc].slots, a: Int32(folded.count), b: Int32(targets.count))
            for target in targets { folded.append(VMOp(kind: .jump, slots: 0, a: target, b: -1)) }
        }
        return folded
    }
}
