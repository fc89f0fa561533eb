/// Parses one rule file into its syntax tree, collecting every error it
/// finds: after an error it skips to the next statement and goes on.
public struct Parser {
    private let file: SourceFile
    private var lexemes: [Lexeme]
    private var position = 0
    public private(set) var diagnostics: [Diagnostic] = []

    static let keywords: Set<String> = ["import", "lexicon", "pattern", "phase", "internal", "rule", "example"]

    private struct Failure: Error { var diagnostic: Diagnostic }

    public init(file: SourceFile) {
        self.file = file
        var lexer = Lexer(file: file)
        lexemes = lexer.all()
        diagnostics = lexer.diagnostics
    }

    public static func parse(_ file: SourceFile) -> (RuleFileSyntax, [Diagnostic]) {
        var parser = Parser(file: file)
        let syntax = parser.parseFile()
        return (syntax, parser.diagnostics)
    }

    mutating func parseFile() -> RuleFileSyntax {
        var statements: [Statement] = []
        while current.kind != .end {
            do {
                statements.append(try parseStatement())
            } catch let failure as Failure {
                diagnostics.append(failure.diagnostic)
                skipToNextStatement()
            } catch {}
        }
        return RuleFileSyntax(file: file, statements: statements)
    }

    // MARK: - Lexeme access

    private var current: Lexeme { lexemes[position] }
    private var location: SourceLocation { file.location(line: current.line, column: current.column) }

    private mutating func advance() { if position < lexemes.count - 1 { position += 1 } }

    private func failure(_ message: String, at lexeme: Lexeme? = nil) -> Failure {
        let lexeme = lexeme ?? current
        return Failure(diagnostic: file.error(message, line: lexeme.line, column: lexeme.column))
    }

    private func describe(_ lexeme: Lexeme) -> String {
        switch lexeme.kind {
        case let .identifier(name): return "'\(name)'"
        case let .string(text): return "string \"\(text)\""
        case .regex: return "regular expression"
        case let .number(value): return "number \(value)"
        case let .symbol(symbol): return "'\(symbol)'"
        case .end: return "end of file"
        }
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    private func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }
    private var atStatementStart: Bool {
        if case let .identifier(name) = current.kind, current.column == 1, Parser.keywords.contains(name) { return true }
        return current.kind == .end
    }

    private mutating func expect(_ symbol: String, _ context: String) throws {
        guard isSymbol(symbol) else { throw failure("expected '\(symbol)' \(context), found \(describe(current))") }
        advance()
    }

    private mutating func identifier(_ what: String) throws -> String {
        guard case let .identifier(name) = current.kind else { throw failure("expected \(what), found \(describe(current))") }
        advance()
        return name
    }

    private mutating func string(_ what: String) throws -> String {
        guard case let .string(text) = current.kind else { throw failure("expected \(what), found \(describe(current))") }
        advance()
        return text
    }

    private mutating func skipToNextStatement() {
        advance()
        while !atStatementStart { advance() }
    }

    // MARK: - Statements

    private mutating func parseStatement() throws -> Statement {
        let start = location
        guard case let .identifier(keyword) = current.kind, Parser.keywords.contains(keyword) else {
            throw failure("expected a statement (import, lexicon, pattern, phase, internal, rule or example), found \(describe(current))")
        }
        advance()
        switch keyword {
        case "import":
            return .importFile(path: try string("a file name in quotes after 'import'"), at: start)
        case "phase":
            return .phase(name: try identifier("a phase name"), at: start)
        case "internal":
            var names = [try identifier("a type name")]
            while isSymbol(",") { advance(); names.append(try identifier("a type name")) }
            return .internalTypes(names: names, at: start)
        case "pattern":
            let name = try identifier("a pattern name")
            try expect("=", "after the pattern name")
            return .pattern(name: name, body: try parseAlternation(), at: start)
        case "lexicon":
            return .lexicon(try parseLexicon(start))
        case "rule":
            return .rule(try parseRule(start))
        default:
            return .example(try parseExample(start))
        }
    }

    private mutating func parseLexicon(_ start: SourceLocation) throws -> LexiconDeclaration {
        let name = try identifier("a lexicon name")
        if isKeyword("from") {
            advance()
            let path = try string("a file name in quotes")
            return try parseLexiconOptions(LexiconDeclaration(name: name, source: .file(path), location: start))
        }
        try expect("=", "or 'from' after the lexicon name")
        try expect("{", "to open the lexicon's entries")
        var entries: [LexiconEntry] = []
        while !isSymbol("}") {
            let at = location
            let phrase = try string("an entry in quotes")
            var value = phrase
            var attributes: [(String, String)] = []
            if isSymbol("=>") { advance(); value = try parseValue() }
            if isSymbol("(") {
                advance()
                while !isSymbol(")") {
                    let key = try identifier("an attribute name")
                    try expect(":", "after the attribute name")
                    attributes.append((key, try parseValue()))
                    if isSymbol(",") { advance() } else { break }
                }
                try expect(")", "to close the entry's attributes")
            }
            entries.append(LexiconEntry(phrase: phrase, value: value, attributes: attributes, location: at))
            if isSymbol(",") { advance() } else if !isSymbol("}") {
                throw failure("expected ',' or '}' after a lexicon entry, found \(describe(current))")
            }
        }
        advance()
        return try parseLexiconOptions(LexiconDeclaration(name: name, source: .inline(entries), location: start))
    }

    /// `with endings Name`, `with capitals`, in any order.
    private mutating func parseLexiconOptions(_ declaration: LexiconDeclaration) throws -> LexiconDeclaration {
        var declaration = declaration
        while isKeyword("with") {
            advance()
            if isKeyword("endings") {
                advance()
                declaration.endings = try identifier("the name of a lexicon of endings")
            } else if isKeyword("capitals") {
                advance()
                declaration.requiresCapitals = true
            } else {
                throw failure("expected 'endings' or 'capitals' after 'with', found \(describe(current))")
            }
        }
        return declaration
    }

    /// A constant value: a word, a string or a number.
    private mutating func parseValue() throws -> String {
        switch current.kind {
        case let .identifier(word): advance(); return word
        case let .string(text): advance(); return text
        case let .number(value): advance(); return formatNumber(value)
        default: throw failure("expected a value, found \(describe(current))")
        }
    }

    private mutating func parseRule(_ start: SourceLocation) throws -> RuleDeclaration {
        var name = try identifier("a rule name")
        while isSymbol(".") {
            advance()
            name += "." + (try identifier("a rule name part after '.'"))
        }
        var priority = 0
        if isKeyword("priority") {
            advance()
            guard case let .number(value) = current.kind else { throw failure("expected a number after 'priority', found \(describe(current))") }
            priority = Int(value)
            advance()
        }
        let pattern = try parseAlternation()
        guard isSymbol("=>") else { throw failure("expected '=>' and an output after the rule's pattern, found \(describe(current))") }
        advance()
        return RuleDeclaration(name: name, priority: priority, pattern: pattern, output: try parseOutput(), location: start)
    }

    private mutating func parseOutput() throws -> OutputDeclaration {
        let at = location
        let type = try identifier("an output type")
        var attributes: [(String, ExpressionNode)] = []
        if isSymbol("(") {
            advance()
            while !isSymbol(")") {
                let key = try identifier("an attribute name")
                try expect(":", "after the attribute name")
                attributes.append((key, try parseExpression()))
                if isSymbol(",") { advance() } else { break }
            }
            try expect(")", "to close the output's attributes")
        }
        var reported: String?
        if isKeyword("at") {
            advance()
            reported = try identifier("a capture name after 'at'")
        }
        return OutputDeclaration(type: type, attributes: attributes, reportedCapture: reported, location: at)
    }

    private mutating func parseExpression() throws -> ExpressionNode {
        let at = location
        switch current.kind {
        case let .string(text): advance(); return .constant(text)
        case let .number(value): advance(); return .number(value)
        case let .identifier(word):
            advance()
            if isSymbol(".") {
                advance()
                return .member(capture: word, member: try identifier("an attribute name after '.'"), at: at)
            }
            if isSymbol("(") {
                advance()
                var arguments: [ExpressionNode] = []
                while !isSymbol(")") {
                    arguments.append(try parseExpression())
                    if isSymbol(",") { advance() } else { break }
                }
                try expect(")", "to close the call")
                return .call(function: word, arguments: arguments, at: at)
            }
            return .word(word, at: at)
        default:
            throw failure("expected an attribute value, found \(describe(current))")
        }
    }

    private mutating func parseExample(_ start: SourceLocation) throws -> ExampleDeclaration {
        let text = try string("the example's text in quotes")
        try expect("=>", "after the example's text")
        if isKeyword("nothing") {
            advance()
            return ExampleDeclaration(text: text, expectations: [], expectsNothing: true, location: start)
        }
        var expectations: [ExampleDeclaration.Expectation] = []
        repeat {
            if isSymbol(",") { advance() }
            let at = location
            var negated = false
            if isKeyword("not") { negated = true; advance() }
            let type = try identifier("a record type")
            var attributes: [(String, String)] = []
            if isSymbol("(") {
                advance()
                while !isSymbol(")") {
                    let key = try identifier("an attribute name")
                    try expect(":", "after the attribute name")
                    attributes.append((key, try parseValue()))
                    if isSymbol(",") { advance() } else { break }
                }
                try expect(")", "to close the record")
            }
            expectations.append(.init(negated: negated, type: type, attributes: attributes, location: at))
        } while isSymbol(",")
        return ExampleDeclaration(text: text, expectations: expectations, expectsNothing: false, location: start)
    }

    // MARK: - Patterns

    private mutating func parseAlternation() throws -> PatternNode {
        var branches = [try parseSequence()]
        while isSymbol("|") {
            advance()
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws -> PatternNode {
        var items: [PatternNode] = []
        while !(isSymbol("|") || isSymbol(")") || isSymbol("=>") || atStatementStart) {
            items.append(try parseItem())
        }
        if items.isEmpty { throw failure("expected a pattern, found \(describe(current))") }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseItem() throws -> PatternNode {
        var captureName: String?
        let at = location
        if case let .identifier(name) = current.kind, lexemes[position + 1].kind == .symbol(":") {
            captureName = name
            advance(); advance()
        }
        var node = try parseAtom()
        node = try parseQuantifiers(node)
        if let captureName { node = .capture(captureName, node, at: at) }
        return node
    }

    private mutating func parseQuantifiers(_ atom: PatternNode) throws -> PatternNode {
        var node = atom
        while true {
            let at = location
            if isSymbol("?") { advance(); node = .repeated(node, min: 0, max: 1, at: at) }
            else if isSymbol("*") { advance(); node = .repeated(node, min: 0, max: nil, at: at) }
            else if isSymbol("+") { advance(); node = .repeated(node, min: 1, max: nil, at: at) }
            else if isSymbol("{") {
                advance()
                guard case let .number(low) = current.kind else { throw failure("expected a number in '{m,n}', found \(describe(current))") }
                advance()
                var high: Int? = Int(low)
                if isSymbol(",") {
                    advance()
                    if case let .number(value) = current.kind { high = Int(value); advance() } else { high = nil }
                }
                try expect("}", "to close the repetition")
                if let high, high < Int(low) {
                    throw Failure(diagnostic: file.error("repetition {\(Int(low)),\(high)} has its maximum below its minimum", line: at.line, column: at.column))
                }
                node = .repeated(node, min: Int(low), max: high, at: at)
            } else { return node }
        }
    }

    private mutating func parseAtom() throws -> PatternNode {
        let at = location
        switch current.kind {
        case let .string(text):
            advance()
            if text.isEmpty { throw failure("an empty literal matches nothing", at: lexemes[position - 1]) }
            return .literal(text, at: at)
        case let .regex(pattern, insensitive):
            advance()
            return .token(.regex(pattern, caseInsensitive: insensitive), at: at)
        case let .identifier(name):
            advance()
            if name == "_" { return .token(.name("any", at: at), at: at) }
            return .name(name, at: at)
        case .symbol("("):
            advance()
            let inner = try parseAlternation()
            try expect(")", "to close the group")
            return inner
        case .symbol("["):
            advance()
            let predicate = try parsePredicateOr()
            try expect("]", "to close the token test")
            return .token(predicate, at: at)
        default:
            throw failure("expected a pattern element, found \(describe(current))")
        }
    }

    // MARK: - Token predicates

    private mutating func parsePredicateOr() throws -> TokenPredicateNode {
        var terms = [try parsePredicateAnd()]
        while isSymbol("|") { advance(); terms.append(try parsePredicateAnd()) }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parsePredicateAnd() throws -> TokenPredicateNode {
        var terms = [try parsePredicateUnary()]
        while isSymbol("&") { advance(); terms.append(try parsePredicateUnary()) }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parsePredicateUnary() throws -> TokenPredicateNode {
        if isSymbol("!") { advance(); return .not(try parsePredicateUnary()) }
        let at = location
        switch current.kind {
        case let .string(text): advance(); return .literal(text)
        case let .regex(pattern, insensitive): advance(); return .regex(pattern, caseInsensitive: insensitive)
        case .symbol("("):
            advance()
            let inner = try parsePredicateOr()
            try expect(")", "to close the group")
            return inner
        case let .identifier(name):
            advance()
            for op in ["<=", ">=", "!=", "=", "<", ">"] where isSymbol(op) {
                advance()
                return .comparison(feature: name, op: op, value: try parseValue(), at: at)
            }
            return .name(name, at: at)
        default:
            throw failure("expected a token test, found \(describe(current))")
        }
    }
}

/// Numbers print without a fractional part when they have none.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
