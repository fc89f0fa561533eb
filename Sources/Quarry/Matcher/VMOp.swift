/// One NFA instruction as the VM reads it: 16 bytes of plain integers, with
/// the capture-slot count of the rule it belongs to, so a step costs one
/// small load and no lookups. A phase's `Instruction`s are lowered to these
/// when a matcher is made.
struct VMOp {
    enum Kind: UInt8 {
        /// a: predicate, b: next, c: the predicate's first slot in the form
        /// test cache, complemented (`~slot`) when the token's position facts
        /// are to be added.
        case token
        /// a: lexicon, b: next, c: capture slot or -1.
        case lexicon
        /// a: type, b: next, c: capture slot or -1.
        case type
        /// a: first, b: second.
        case split
        /// a: target.
        case jump
        /// a: slot, b: next.
        case openCapture
        /// a: slot, b: next.
        case closeCapture
        /// a: rule (index in the program).
        case match
        /// a: where its targets begin, as data ops after the phase's
        /// instructions (their `a`), b: how many (`ForkChains`).
        case fork
    }

    var kind: Kind
    /// Capture slots of the instruction's rule.
    var slots: Int16
    var a: Int32
    var b: Int32
    var c: Int32 = -1

    /// `testSlots` and `positional` per predicate: where its results start
    /// in the form test cache, and whether they depend on position facts.
    static func lower(_ phase: Phase, captureCounts: [Int], testSlots: [Int], positional: [Bool]) -> [VMOp] {
        phase.instructions.enumerated().map { pc, instruction in
            let slots = Int16(captureCounts[phase.ruleOfInstruction[pc]])
            switch instruction {
            case let .token(predicate, next):
                let slot = Int32(testSlots[predicate])
                return VMOp(kind: .token, slots: slots, a: Int32(predicate), b: Int32(next), c: positional[predicate] ? ~slot : slot)
            case let .span(.lexicon(index), next, slot):
                return VMOp(kind: .lexicon, slots: slots, a: Int32(index), b: Int32(next), c: Int32(slot ?? -1))
            case let .span(.type(type), next, slot):
                return VMOp(kind: .type, slots: slots, a: Int32(type), b: Int32(next), c: Int32(slot ?? -1))
            case let .split(first, second): return VMOp(kind: .split, slots: slots, a: Int32(first), b: Int32(second))
            case let .jump(target): return VMOp(kind: .jump, slots: slots, a: Int32(target), b: -1)
            case let .openCapture(slot, next): return VMOp(kind: .openCapture, slots: slots, a: Int32(slot), b: Int32(next))
            case let .closeCapture(slot, next): return VMOp(kind: .closeCapture, slots: slots, a: Int32(slot), b: Int32(next))
            case let .match(rule): return VMOp(kind: .match, slots: slots, a: Int32(rule), b: -1)
            }
        }
    }
}
