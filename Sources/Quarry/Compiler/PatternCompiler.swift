import Foundation

/// What a name in a pattern refers to.
enum ResolvedName {
    case pattern(PatternNode)
    case lexicon(Int)
    case type(Int)
}

/// Compiles one rule's pattern into NFA instructions, appended to the
/// phase's instruction list. Construction runs backwards from a continuation:
/// `compile(node, next:)` returns the entry instruction of `node`.
struct PatternCompiler {
    /// Repetition bounds above this are rejected: `{0,100000}` would expand
    /// to a hundred thousand copies.
    static let maximumRepetition = 1_000
    /// A rule whose NFA grows past this many instructions is rejected.
    static let maximumInstructions = 200_000

    var instructions: [Instruction]
    /// Where in the rule files each instruction of `instructions` comes from
    /// (only those this compiler added; `quarry explain` shows them).
    var locations: [SourceLocation] = []
    var predicates: PredicateTable
    let resolve: (String, SourceLocation) throws -> ResolvedName
    let tokenizeLiteral: (String) -> [String]
    private(set) var captureNames: [String] = []
    private var expanding: [String] = []
    private let ruleName: String
    private let startCount: Int

    init(instructions: [Instruction], predicates: PredicateTable, ruleName: String,
         resolve: @escaping (String, SourceLocation) throws -> ResolvedName,
         tokenizeLiteral: @escaping (String) -> [String]) {
        self.instructions = instructions
        self.predicates = predicates
        self.resolve = resolve
        self.tokenizeLiteral = tokenizeLiteral
        self.ruleName = ruleName
        self.startCount = instructions.count
    }

    mutating func add(_ instruction: Instruction, at location: SourceLocation) throws -> Int {
        if instructions.count - startCount > PatternCompiler.maximumInstructions {
            throw Diagnostic.error("rule \(ruleName) compiles to more than \(PatternCompiler.maximumInstructions) instructions; simplify its repetitions", at: location)
        }
        instructions.append(instruction)
        locations.append(location)
        return instructions.count - 1
    }

    mutating func captureSlot(_ name: String) -> Int {
        if let index = captureNames.firstIndex(of: name) { return index }
        captureNames.append(name)
        return captureNames.count - 1
    }

    /// Recursion through nested nodes and named patterns together; the parser
    /// bounds one file's nesting, this bounds chains of pattern references.
    static let maximumDepth = 1000
    private var depth = 0

    mutating func compile(_ node: PatternNode, next: Int) throws -> Int {
        depth += 1
        defer { depth -= 1 }
        if depth > PatternCompiler.maximumDepth {
            throw Diagnostic.error("rule \(ruleName) nests patterns more than \(PatternCompiler.maximumDepth) deep", at: location(of: node))
        }
        switch node {
        case let .literal(text, at):
            let keys = tokenizeLiteral(text)
            if keys.isEmpty { throw Diagnostic.error("literal \"\(text)\" has no tokens", at: at) }
            var entry = next
            for key in keys.reversed() {
                entry = try add(.token(predicate: predicates.intern(.literal(foldKey: key), key: "lit:" + key), next: entry), at: at)
            }
            return entry
        case let .token(predicate, at):
            let index = try predicates.compile(predicate, at: at)
            return try add(.token(predicate: index, next: next), at: at)
        case let .name(name, at):
            return try compileName(name, at: at, next: next, capture: nil)
        case let .sequence(items):
            var entry = next
            for item in items.reversed() { entry = try compile(item, next: entry) }
            return entry
        case let .alternation(branches):
            return try compileAlternation(branches, of: node, next: next)
        case let .repeated(inner, minimum, maximum, at):
            return try compileRepetition(inner, minimum: minimum, maximum: maximum, at: at, next: next)
        case let .capture(name, inner, at):
            let slot = captureSlot(name)
            if case let .name(target, nameAt) = inner {
                return try compileName(target, at: nameAt, next: next, capture: slot)
            }
            let close = try add(.closeCapture(slot, next: next), at: at)
            let body = try compile(inner, next: close)
            return try add(.openCapture(slot, next: body), at: at)
        }
    }

    /// Alternatives as a chain of splits. Kept out of `compile` so that its
    /// stack frame stays small: named patterns recurse through `compile` up to
    /// `maximumDepth` times (an AddressSanitizer build overflowed the stack).
    private mutating func compileAlternation(_ branches: [PatternNode], of node: PatternNode, next: Int) throws -> Int {
        var entries: [Int] = []
        // Branches of one token test each ("were" | "was" | [number]) become
        // one test of their union: one step instead of two per branch. They
        // hold no captures and go on to the same place, so which branch
        // took the token cannot be seen, and their order does not matter.
        let single = branches.filter { singleTokenTest($0) != nil }
        if single.count > 1 {
            let tests = try single.map { try predicates.build(singleTokenTest($0)!, at: location(of: $0)) }
            let union = predicates.intern(.or(tests.map(\.0)), key: "|(" + tests.map(\.1).joined(separator: ",") + ")")
            entries.append(try add(.token(predicate: union, next: next), at: location(of: node)))
        }
        for branch in branches where single.count < 2 || singleTokenTest(branch) == nil {
            entries.append(try compile(branch, next: next))
        }
        var entry = entries[entries.count - 1]
        for branch in entries.dropLast().reversed() {
            entry = try add(.split(branch, entry), at: location(of: node))
        }
        return entry
    }

    private mutating func compileName(_ name: String, at: SourceLocation, next: Int, capture: Int?) throws -> Int {
        switch try resolve(name, at) {
        case let .lexicon(index):
            return try add(.span(.lexicon(index), next: next, capture: capture), at: at)
        case let .type(index):
            return try add(.span(.type(index), next: next, capture: capture), at: at)
        case let .pattern(body):
            if expanding.contains(name) {
                throw Diagnostic.error("pattern \(name) refers to itself (\((expanding + [name]).joined(separator: " → ")))", at: at)
            }
            expanding.append(name)
            defer { expanding.removeLast() }
            guard let capture else { return try compile(body, next: next) }
            let close = try add(.closeCapture(capture, next: next), at: at)
            let entry = try compile(body, next: close)
            return try add(.openCapture(capture, next: entry), at: at)
        }
    }

    private mutating func compileRepetition(_ inner: PatternNode, minimum: Int, maximum: Int?, at: SourceLocation, next: Int) throws -> Int {
        if minimum > PatternCompiler.maximumRepetition || (maximum ?? 0) > PatternCompiler.maximumRepetition {
            throw Diagnostic.error("repetition bound \(max(minimum, maximum ?? 0)) is above the limit of \(PatternCompiler.maximumRepetition); use * or + for unbounded repetition", at: at)
        }
        var entry = next
        if let maximum {
            // Optional copies, nested: x{0,2} is (x x?)?.
            for _ in 0..<(maximum - minimum) {
                let placeholder = try add(.jump(next), at: at)
                let body = try compile(inner, next: entry)
                instructions[placeholder] = .split(body, next)
                entry = placeholder
            }
        } else {
            // x* as a greedy loop.
            let loop = try add(.jump(next), at: at)
            let body = try compile(inner, next: loop)
            instructions[loop] = .split(body, entry)
            entry = loop
        }
        for _ in 0..<minimum { entry = try compile(inner, next: entry) }
        return entry
    }

    /// The node as one token test, when it is one: a literal of one token or `[ … ]`.
    private func singleTokenTest(_ node: PatternNode) -> TokenPredicateNode? {
        switch node {
        case let .literal(text, _): return tokenizeLiteral(text).count == 1 ? .literal(text) : nil
        case let .token(predicate, _): return predicate
        default: return nil
        }
    }

    private func location(of node: PatternNode) -> SourceLocation {
        switch node {
        case let .literal(_, at), let .token(_, at), let .name(_, at), let .repeated(_, _, _, at), let .capture(_, _, at): return at
        case let .sequence(items), let .alternation(items): return items.first.map(location(of:)) ?? SourceLocation(file: "", line: 0, column: 0)
        }
    }
}

/// The program's token predicates, shared by all phases; equal ones are stored once.
struct PredicateTable {
    private(set) var predicates: [TokenPredicate] = []
    private var indexByKey: [String: Int] = [:]
    let lexiconIndex: (String) -> Int?
    let tokenizeLiteral: (String) -> [String]

    init(lexiconIndex: @escaping (String) -> Int?, tokenizeLiteral: @escaping (String) -> [String]) {
        self.lexiconIndex = lexiconIndex
        self.tokenizeLiteral = tokenizeLiteral
    }

    mutating func intern(_ predicate: TokenPredicate, key: String) -> Int {
        if let index = indexByKey[key] { return index }
        predicates.append(predicate)
        indexByKey[key] = predicates.count - 1
        return predicates.count - 1
    }

    /// The index of the test written at each place in the rule files: a
    /// named pattern's tests are compiled once, however many rules use it
    /// (building a test again made its key string and regular expressions again).
    private var indexByLocation: [SourceLocation: Int] = [:]

    mutating func compile(_ node: TokenPredicateNode, at: SourceLocation) throws -> Int {
        if let known = indexByLocation[at] { return known }
        let (predicate, key) = try build(node, at: at)
        let index = intern(predicate, key: key)
        indexByLocation[at] = index
        return index
    }

    /// The predicate of a node and the key it is stored under.
    func build(_ node: TokenPredicateNode, at: SourceLocation) throws -> (TokenPredicate, String) {
        switch node {
        case let .literal(text):
            let keys = tokenizeLiteral(text)
            guard keys.count == 1 else {
                throw Diagnostic.error("a token test matches one token, but \"\(text)\" has \(keys.count); write it outside [ ] to match the sequence", at: at)
            }
            return (.literal(foldKey: keys[0]), "lit:" + keys[0])
        case let .regex(pattern, insensitive):
            // Anchored at both ends, so that the whole token decides:
            // unanchored, /(a|ab)/ would find "a" in "ab" and fail it.
            // (A stray ")" would close the wrapper and pass as valid.)
            guard PredicateTable.closesEveryGroupItOpens(pattern),
                  let expression = TokenRegex(pattern: "^(?:\(pattern))$", caseInsensitive: insensitive)
            else { throw Diagnostic.error("invalid regular expression /\(pattern)/", at: at) }
            return (.regex(expression), "re:\(insensitive):" + pattern)
        case let .name(name, nameAt):
            if let builtin = BuiltinClass(rawValue: name) { return (.builtin(builtin), "b:" + name) }
            if let lexicon = lexiconIndex(name) { return (.lexiconMember(lexicon), "lex:\(lexicon)") }
            let classes = BuiltinClass.allCases.map(\.rawValue).joined(separator: ", ")
            throw Diagnostic.error("unknown token class '\(name)' (expected one of \(classes), or a lexicon)", at: nameAt)
        case let .comparison(feature, op, value, compareAt):
            switch feature {
            case "shape":
                guard op == "=" || op == "!=" else { throw Diagnostic.error("shape takes = or !=", at: compareAt) }
                let predicate = TokenPredicate.shape(value)
                return (op == "=" ? predicate : .not(predicate), "shape\(op)" + value)
            case "script":
                guard let script = Script(rawValue: value.lowercased()) else {
                    throw Diagnostic.error("unknown script '\(value)' (expected latin, cyrillic, greek, common, mixed or other)", at: compareAt)
                }
                guard op == "=" || op == "!=" else { throw Diagnostic.error("script takes = or !=", at: compareAt) }
                return (op == "=" ? .script(script) : .not(.script(script)), "script\(op)" + value)
            default:
                guard let numeric = NumericFeature(rawValue: feature) else {
                    throw Diagnostic.error("unknown token feature '\(feature)' (expected shape, script, value or length)", at: compareAt)
                }
                guard let number = Double(value) else {
                    throw Diagnostic.error("\(feature) compares with a number, not '\(value)'", at: compareAt)
                }
                return (.numeric(feature: numeric, op: op, value: number), "\(feature)\(op)\(value)")
            }
        case let .not(inner):
            let (predicate, key) = try build(inner, at: at)
            return (.not(predicate), "!(" + key + ")")
        case let .and(terms):
            let built = try terms.map { try build($0, at: at) }
            return (.and(built.map(\.0)), "&(" + built.map(\.1).joined(separator: ",") + ")")
        case let .or(terms):
            let built = try terms.map { try build($0, at: at) }
            return (.or(built.map(\.0)), "|(" + built.map(\.1).joined(separator: ",") + ")")
        }
    }
}
