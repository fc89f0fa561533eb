/// The literal prefilter: fold keys of which every match of a rule must
/// contain at least one. A document that has none of a rule's keys cannot
/// match it, so the rule is not run there at all; in a large pack most rules
/// name words that most documents lack.
enum RequiredKeys {
    /// Walks the rule's NFA from `start`, stopping at literal tokens (and
    /// unions of literals, `"was" | "were"`). If the
    /// match instruction cannot be reached without passing a literal, every
    /// match holds one of the literals met; otherwise there is no such set (nil).
    static func of(start: Int, instructions: [Instruction], predicates: [TokenPredicate]) -> [Int32]? {
        var seen = Set<Int>(), stack = [start], keys = Set<Int32>()
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[pc] {
            case let .token(predicate, next):
                if let alternatives = predicates[predicate].keyAlternatives { keys.formUnion(alternatives) } else { stack.append(next) }
            case let .span(_, next, _): stack.append(next)
            case let .jump(target): stack.append(target)
            case let .split(a, b): stack.append(a); stack.append(b)
            case let .openCapture(_, next), let .closeCapture(_, next): stack.append(next)
            case .match: return nil
            }
        }
        return keys.isEmpty ? nil : keys.sorted()
    }
}
