/// A compiled test on one token.
enum TokenPredicate {
    case literal(foldKey: String)
    /// A literal once the program's keys are numbered (see `KeyTable`).
    case literalKey(Int32)
    /// A regular expression that must match the whole surface.
    case regex(TokenRegex)
    case builtin(BuiltinClass)
    /// The token is a one-token entry of a lexicon.
    case lexiconMember(Int)
    case shape(String)
    case script(Script)
    case numeric(feature: NumericFeature, op: String, value: Double)
    // Only the recursive case is boxed: testing a leaf costs no reference counting.
    indirect case not(TokenPredicate)
    case and([TokenPredicate])
    case or([TokenPredicate])

    /// True when the test reads where the token stands (`sentence_start`,
    /// `space_before`, `line_start`), not only its surface: other tests give one answer for
    /// every token of a word form, and the matcher caches them per form (these
    /// per form and combination of the three facts).
    var dependsOnPosition: Bool {
        switch self {
        case .builtin(.sentenceStart), .builtin(.spaceBefore), .builtin(.lineStart): return true
        case let .not(inner): return inner.dependsOnPosition
        case let .and(terms), let .or(terms): return terms.contains { $0.dependsOnPosition }
        default: return false
        }
    }

    /// The predicate with every literal, nested ones included, replaced by
    /// its key's number in `keys` (added when new).
    func numberingLiterals(_ keys: inout KeyTable) -> TokenPredicate {
        switch self {
        case let .literal(key): return .literalKey(keys.insert(key))
        case let .not(inner): return .not(inner.numberingLiterals(&keys))
        case let .and(terms): return .and(terms.map { $0.numberingLiterals(&keys) })
        case let .or(terms): return .or(terms.map { $0.numberingLiterals(&keys) })
        default: return self
        }
    }

    /// When the test is only "the token's key is one of these" (a numbered
    /// literal or a union of them), those key numbers.
    var keyAlternatives: [Int32]? {
        switch self {
        case let .literalKey(key): return [key]
        case let .or(terms):
            var keys: [Int32] = []
            for term in terms {
                guard let inner = term.keyAlternatives else { return nil }
                keys += inner
            }
            return keys
        default: return nil
        }
    }

    /// Keys one of which every token passing the test has (nil: no such set known).
    var requiredKeys: Set<Int32>? {
        switch self {
        case let .literalKey(key): return [key]
        case let .or(terms):
            var keys = Set<Int32>()
            for term in terms {
                guard let inner = term.requiredKeys else { return nil }
                keys.formUnion(inner)
            }
            return keys
        case let .and(terms): return terms.compactMap(\.requiredKeys).min { $0.count < $1.count }
        default: return nil
        }
    }

    /// Keys that no token passing the test has.
    var excludedKeys: Set<Int32> {
        switch self {
        case let .not(inner): return Set(inner.keyAlternatives ?? [])
        case let .and(terms): return terms.reduce(into: Set<Int32>()) { $0.formUnion($1.excludedKeys) }
        case let .or(terms):
            guard let first = terms.first?.excludedKeys else { return [] }
            return terms.dropFirst().reduce(first) { $0.intersection($1.excludedKeys) }
        default: return []
        }
    }

    /// Whether no token can pass both this test and `other`, as far as their
    /// keys tell (false when they do not tell).
    func excludes(_ other: TokenPredicate) -> Bool {
        guard let required = other.requiredKeys, !required.isEmpty else { return false }
        return required.isSubset(of: excludedKeys)
    }
}

/// Token classes usable inside `[ … ]`.
enum BuiltinClass: String, CaseIterable {
    case any, word, punct, number, digits, cap, upper, lower, alpha
    /// The first token of a sentence.
    case sentenceStart = "sentence_start"
    /// White space separates the token from the one before it.
    case spaceBefore = "space_before"
    /// A line break stands before the token (or nothing does): it begins a line.
    case lineStart = "line_start"
}

/// Numeric token features usable in comparisons: `[value>=1900]`, `[length<3]`.
enum NumericFeature: String, CaseIterable {
    case value, length
}

/// What a token's surface shows at a glance: its flags (`TokenFlags`),
/// whether it is a word or a number, and its script. A test's
/// `requiredFacts` are facts every token passing it has, so a token that
/// lacks one fails it without running it: most of the tests a new word
/// form is asked (its rules' first steps) want a capital, digits or
/// another script.
struct SurfaceFacts: OptionSet, Sendable {
    let rawValue: UInt32

    static let word = SurfaceFacts(rawValue: 1 << 8)
    static let punct = SurfaceFacts(rawValue: 1 << 9)
    static let number = SurfaceFacts(rawValue: 1 << 10)

    /// The token flags' bits, in the low byte.
    init(_ flags: TokenFlags) { rawValue = UInt32(flags.rawValue) }
    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The fact that a token is written in `script`.
    static func script(_ script: Script) -> SurfaceFacts { SurfaceFacts(rawValue: 1 << (11 + UInt32(script.ordinal))) }

    static func of(_ token: Token) -> SurfaceFacts {
        var facts = SurfaceFacts(token.flags).union(.script(token.script))
        facts.insert(token.isWord ? .word : .punct)
        if token.numericValue != nil { facts.insert(.number) }
        return facts
    }
}

extension TokenPredicate {
    /// Facts every token passing the test has (none where the test's own
    /// work would have to tell).
    var requiredFacts: SurfaceFacts {
        switch self {
        case let .builtin(builtin):
            switch builtin {
            case .cap: return SurfaceFacts(.capitalized)
            case .upper: return SurfaceFacts(.upperCase)
            case .lower: return SurfaceFacts(.lowerCase)
            case .alpha: return SurfaceFacts(.alphabetic)
            case .digits: return SurfaceFacts(.digits)
            case .word: return .word
            case .punct: return .punct
            case .number: return .number
            case .any, .sentenceStart, .spaceBefore, .lineStart: return []
            }
        case let .script(script): return .script(script)
        case .numeric(feature: .value, _, _): return .number
        case let .and(terms): return terms.reduce(into: []) { $0.formUnion($1.requiredFacts) }
        case let .or(terms):
            guard let first = terms.first?.requiredFacts else { return [] }
            return terms.dropFirst().reduce(first) { $0.intersection($1.requiredFacts) }
        case .literal, .literalKey, .regex, .lexiconMember, .shape, .numeric, .not: return []
        }
    }
}
