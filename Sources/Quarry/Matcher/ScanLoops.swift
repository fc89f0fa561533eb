/// Loops over one token test whose way out starts only with tokens the test
/// refuses: `Inside*` before a closing quotation mark, where `Inside` is any
/// token but a quotation mark. While the test holds, a thread in such a loop
/// can only go round it (every way out fails at that token), so the VM
/// moves it to the next token without following the way out, which for a
/// quotation closed a capture and tested for the closing mark at every
/// quoted token. The thread is queued exactly when and where the full step
/// would queue it, so matches, captures and their order do not change.
enum ScanLoops {
    /// Per instruction of `code`: for the split of such a loop, the predicate
    /// its body tests; -1 for every other instruction.
    static func of(_ code: [VMOp], ruleStarts: [Int], predicates: [TokenPredicate]) -> [Int32] {
        var predecessors = [Int](repeating: 0, count: code.count)
        for start in ruleStarts { predecessors[start] += 1 }
        for op in code {
            for next in successors(op) { predecessors[next] += 1 }
        }
        var loops = [Int32](repeating: -1, count: code.count)
        for (pc, op) in code.enumerated() where op.kind == .split {
            // x* compiles to split(body, exit) with the body's step going back to the split.
            let body = code[Int(op.a)]
            guard body.kind == .token, Int(body.b) == pc, predecessors[Int(op.a)] == 1 else { continue }
            let test = predicates[Int(body.a)]
            if exitStepsExclude(test, from: Int(op.b), loop: pc, code, predicates) { loops[pc] = body.a }
        }
        return loops
    }

    /// Whether every step the way out reaches first (without consuming) is a
    /// token test that no token passing `test` passes. Bounded: a way out
    /// with more than 64 instructions before its steps is not looked at.
    private static func exitStepsExclude(_ test: TokenPredicate, from exit: Int, loop: Int, _ code: [VMOp],
                                         _ predicates: [TokenPredicate]) -> Bool {
        var stack = [exit], seen = Set<Int>()
        while let pc = stack.popLast() {
            guard pc != loop else { return false }
            guard seen.insert(pc).inserted else { continue }
            guard seen.count <= 64 else { return false }
            let op = code[pc]
            switch op.kind {
            case .jump, .split, .openCapture, .closeCapture: stack += successors(op)
            case .token: guard test.excludes(predicates[Int(op.a)]) else { return false }
            case .lexicon, .type, .match: return false
            }
        }
        return true
    }

    private static func successors(_ op: VMOp) -> [Int] {
        switch op.kind {
        case .split: return [Int(op.a), Int(op.b)]
        case .jump: return [Int(op.a)]
        case .token, .lexicon, .type, .openCapture, .closeCapture: return [Int(op.b)]
        case .match: return []
        }
    }
}
