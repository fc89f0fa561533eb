/// Loops over one token test whose way out starts only with tokens the test
/// refuses: `Inside*` before a closing quotation mark, where `Inside` is any
/// token but a quotation mark. While the test holds, a thread in such a loop
/// can only go round it (every way out fails at that token), so the VM
/// moves it to the next token without following the way out, which for a
/// quotation closed a capture and tested for the closing mark at every
/// quoted token. The thread is queued exactly when and where the full step
/// would queue it, so matches, captures and their order do not change.
enum ScanLoops {
    /// Per instruction of `phase`: for the split of such a loop, the
    /// predicate its body tests; -1 for every other instruction.
    static func of(_ phase: Phase, predicates: [TokenPredicate]) -> [Int32] {
        let instructions = phase.instructions
        var predecessors = [Int](repeating: 0, count: instructions.count)
        for start in phase.ruleStarts { predecessors[start] += 1 }
        for instruction in instructions {
            for next in instruction.successors { predecessors[next] += 1 }
        }
        var loops = [Int32](repeating: -1, count: instructions.count)
        for (pc, instruction) in instructions.enumerated() {
            // x* compiles to split(body, exit) with the body's step going back to the split.
            guard case let .split(body, exit) = instruction, case let .token(test, next) = instructions[body],
                  next == pc, predecessors[body] == 1 else { continue }
            // Every first step of the way out is a token test that refuses what the body takes.
            let (steps, reachesMatch) = instructions.consumingSteps(from: exit)
            let refused = !reachesMatch && steps.allSatisfy { step in
                guard case let .token(exitTest, _) = instructions[step] else { return false }
                return predicates[test].excludes(predicates[exitTest])
            }
            if refused { loops[pc] = Int32(test) }
        }
        return loops
    }
}
