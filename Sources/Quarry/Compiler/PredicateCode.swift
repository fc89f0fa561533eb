/// The program's token tests laid out flat, the form the matcher runs: each
/// test is a run of ops in prefix order, a combined test's terms right after
/// it, and every op knows where its own terms end. No op holds a reference
/// (regular expressions and strings sit in tables beside the ops), so running
/// a test retains and releases nothing: walking `TokenPredicate`'s tree had
/// copied each term it looked at, retaining what the term held.
struct PredicateCode {
    enum Kind: UInt8 {
        case literalKey, literal, regex, lexiconMember, shape, script, valueCompare, lengthCompare
        // The builtin classes, one kind each, so that testing one reads the token at once.
        case any, word, punct, number, digits, cap, upper, lower, alpha, sentenceStart, spaceBefore, lineStart
        case not, and, or
    }

    /// Comparisons of `[value>=1900]` and `[length<3]`, by their `argument`.
    enum Comparison: Int32 { case less, lessOrEqual, greater, greaterOrEqual, notEqual, equal }

    struct Op {
        var kind: Kind
        /// The key, the table index (regular expression, string, lexicon),
        /// the script's ordinal or the comparison (`Comparison`).
        var argument: Int32
        /// The index after this op's terms (the next op for a leaf).
        var end: Int32
        /// What a comparison compares with.
        var value: Double
    }

    private(set) var ops: [Op] = []
    /// The op each test starts at, by the test's number in the program.
    private(set) var roots: [Int32] = []
    private var expressions: [TokenRegex] = []
    /// Literal fold keys not numbered yet, and shapes.
    private var strings: [String] = []

    init(_ predicates: [TokenPredicate]) {
        for predicate in predicates {
            roots.append(Int32(ops.count))
            append(predicate)
        }
    }

    private mutating func append(_ predicate: TokenPredicate) {
        let at = ops.count
        ops.append(Op(kind: .any, argument: 0, end: 0, value: 0))
        switch predicate {
        case let .literalKey(key): ops[at].kind = .literalKey; ops[at].argument = key
        case let .literal(foldKey): ops[at].kind = .literal; ops[at].argument = Int32(strings.count); strings.append(foldKey)
        case let .regex(expression): ops[at].kind = .regex; ops[at].argument = Int32(expressions.count); expressions.append(expression)
        case let .lexiconMember(index): ops[at].kind = .lexiconMember; ops[at].argument = Int32(index)
        case let .shape(shape): ops[at].kind = .shape; ops[at].argument = Int32(strings.count); strings.append(shape)
        case let .script(script): ops[at].kind = .script; ops[at].argument = Int32(script.ordinal)
        case let .numeric(feature, op, value):
            ops[at].kind = feature == .value ? .valueCompare : .lengthCompare
            ops[at].argument = Self.comparison(op).rawValue
            ops[at].value = value
        case let .builtin(builtin): ops[at].kind = Self.kind(of: builtin)
        case let .not(inner): ops[at].kind = .not; append(inner)
        case let .and(terms): ops[at].kind = .and; terms.forEach { append($0) }
        case let .or(terms): ops[at].kind = .or; terms.forEach { append($0) }
        }
        ops[at].end = Int32(ops.count)
    }

    private static func comparison(_ op: String) -> Comparison {
        switch op {
        case "<": return .less
        case "<=": return .lessOrEqual
        case ">": return .greater
        case ">=": return .greaterOrEqual
        case "!=": return .notEqual
        default: return .equal
        }
    }

    private static func kind(of builtin: BuiltinClass) -> Kind {
        switch builtin {
        case .any: return .any
        case .word: return .word
        case .punct: return .punct
        case .number: return .number
        case .digits: return .digits
        case .cap: return .cap
        case .upper: return .upper
        case .lower: return .lower
        case .alpha: return .alpha
        case .sentenceStart: return .sentenceStart
        case .spaceBefore: return .spaceBefore
        case .lineStart: return .lineStart
        }
    }

    /// Whether `token`, whose word form's strings are `text`, passes test
    /// number `test` (`keys` number the stems a lexicon with endings looks up).
    func passes(_ test: Int, _ token: Token, text: WordText, lexicons: [Lexicon], keys: KeyTable) -> Bool {
        ops.withUnsafeBufferPointer { evaluate(Int(roots[test]), in: $0, token, text, lexicons, keys) }
    }

    private func evaluate(_ index: Int, in ops: UnsafeBufferPointer<Op>, _ token: Token, _ text: WordText,
                          _ lexicons: [Lexicon], _ keys: KeyTable) -> Bool {
        let op = ops[index]
        switch op.kind {
        case .literalKey: return token.keyID == op.argument
        case .literal: return text.foldKey == strings[Int(op.argument)]
        case .regex: return expressions[Int(op.argument)].matchesWhole(text.surface)
        case .lexiconMember: return lexicons[Int(op.argument)].containsSingleToken(token, foldKey: text.foldKey, keys: keys)
        case .shape: return text.shape == strings[Int(op.argument)]
        case .script: return token.script.ordinal == op.argument
        case .valueCompare:
            guard let actual = token.numericValue else { return false }
            return Self.compare(actual, op)
        case .lengthCompare: return Self.compare(Double(token.end - token.start), op)
        case .any: return true
        case .word: return token.isWord
        case .punct: return !token.isWord
        case .number: return token.numericValue != nil
        case .digits: return token.flags.contains(.digits)
        case .cap: return token.isCapitalized
        case .upper: return token.isUpperCase
        case .lower: return token.isLowerCase
        case .alpha: return token.flags.contains(.alphabetic)
        case .sentenceStart: return token.isSentenceStart
        case .spaceBefore: return token.spaceBefore
        case .lineStart: return token.isLineStart
        case .not: return !evaluate(index + 1, in: ops, token, text, lexicons, keys)
        case .and, .or:
            // An `and` fails at its first failing term, an `or` passes at its first passing one.
            let stopsAt = op.kind == .or
            var term = index + 1
            while term < Int(op.end) {
                if evaluate(term, in: ops, token, text, lexicons, keys) == stopsAt { return stopsAt }
                term = Int(ops[term].end)
            }
            return !stopsAt
        }
    }

    private static func compare(_ actual: Double, _ op: Op) -> Bool {
        switch Comparison(rawValue: op.argument) ?? .equal {
        case .less: return actual < op.value
        case .lessOrEqual: return actual <= op.value
        case .greater: return actual > op.value
        case .greaterOrEqual: return actual >= op.value
        case .notEqual: return actual != op.value
        case .equal: return actual == op.value
        }
    }
}
