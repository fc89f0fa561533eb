/// Parses one rule file into its syntax tree, collecting every error it
/// finds: after an error it skips to the next statement and goes on.
public struct Parser {
    let file: SourceFile
    var lexemes: [Lexeme]
    var position = 0
    /// Open groups, token tests and calls around the current lexeme.
    var depth = 0
    public private(set) var diagnostics: [Diagnostic] = []

    static let keywords: Set<String> = ["import", "lexicon", "pattern", "let", "phase", "internal", "rule", "example"]

    struct Failure: Error { var diagnostic: Diagnostic }

    /// Deeper nesting is an error rather than a stack overflow in the parser
    /// or the compiler, which both recurse over the tree.
    static let maximumNesting = 500

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
            depth = 0
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

    var current: Lexeme { lexemes[position] }
    var location: SourceLocation { file.location(line: current.line, column: current.column) }

    /// Refuses a construct `level` deep when that is past `maximumNesting`.
    func checkNesting(_ level: Int) throws {
        if level > Parser.maximumNesting { throw failure("nesting deeper than \(Parser.maximumNesting) levels") }
    }

    /// Runs `body` one nesting level deeper.
    mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
        try checkNesting(depth + 1)
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// Skips the opening symbol (the current lexeme), parses with `body` one
    /// level deeper, and expects `closing`.
    mutating func enclosed<T>(closing: String, _ purpose: String, _ body: (inout Parser) throws -> T) throws -> T {
        try nested { parser in
            parser.advance()
            let inner = try body(&parser)
            try parser.expect(closing, purpose)
            return inner
        }
    }

    mutating func advance() { if position < lexemes.count - 1 { position += 1 } }

    func failure(_ message: String, at lexeme: Lexeme? = nil) -> Failure {
        let lexeme = lexeme ?? current
        return Failure(diagnostic: file.error(message, line: lexeme.line, column: lexeme.column))
    }

    /// The current number as an Int, when it is whole and not absurdly large
    /// (limits such as the repetition bound are checked by the compiler).
    mutating func wholeNumber(_ context: String) throws -> Int {
        guard case let .number(value) = current.kind else { throw failure("expected a number \(context), found \(describe(current))") }
        guard value == value.rounded(), value >= 0, value <= Double(Int32.max) else {
            throw failure("expected a whole number from 0 to \(Int32.max) \(context), found \(describe(current))")
        }
        advance()
        return Int(value)
    }

    func describe(_ lexeme: Lexeme) -> String {
        switch lexeme.kind {
        case let .identifier(name): return "'\(name)'"
        case let .string(text): return "string \"\(text)\""
        case .regex: return "regular expression"
        case let .number(value): return "number \(value)"
        case let .symbol(symbol): return "'\(symbol)'"
        case .end: return "end of file"
        }
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }
    var atStatementStart: Bool {
        if case let .identifier(name) = current.kind, current.column == 1, Parser.keywords.contains(name) { return true }
        return current.kind == .end
    }

    mutating func expect(_ symbol: String, _ context: String) throws {
        guard isSymbol(symbol) else { throw failure("expected '\(symbol)' \(context), found \(describe(current))") }
        advance()
    }

    mutating func identifier(_ what: String) throws -> String {
        guard case let .identifier(name) = current.kind else { throw failure("expected \(what), found \(describe(current))") }
        advance()
        return name
    }

    mutating func string(_ what: String) throws -> String {
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
            throw failure("expected a statement (import, lexicon, pattern, let, phase, internal, rule or example), found \(describe(current))")
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
        case "let":
            let name = try identifier("a name after 'let'")
            try expect("=", "after the name")
            return .value(name: name, body: try parseExpression(), at: start)
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
        if !isSymbol("{") {
            var names = [try identifier("'{' or the name of a lexicon")]
            while isSymbol("|") {
                advance()
                names.append(try identifier("the name of a lexicon after '|'"))
            }
            return try parseLexiconOptions(LexiconDeclaration(name: name, source: .union(names), location: start))
        }
        try expect("{", "to open the lexicon's entries")
        var entries: [LexiconEntry] = []
        while !isSymbol("}") {
            let at = location
            let (phrase, isStem) = LexiconEntry.stem(of: try string("an entry in quotes"))
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
            entries.append(LexiconEntry(phrase: phrase, value: value, attributes: attributes, location: at, isStem: isStem))
            if isSymbol(",") { advance() } else if !isSymbol("}") {
                throw failure("expected ',' or '}' after a lexicon entry, found \(describe(current))")
            }
        }
        advance()
        return try parseLexiconOptions(LexiconDeclaration(name: name, source: .inline(entries), location: start))
    }

    /// `with endings Name, Other`, `with capitals`, in any order.
    private mutating func parseLexiconOptions(_ declaration: LexiconDeclaration) throws -> LexiconDeclaration {
        var declaration = declaration
        while isKeyword("with") {
            advance()
            if isKeyword("endings") {
                repeat {
                    advance()
                    declaration.endings.append(try identifier("the name of a lexicon of endings"))
                } while isSymbol(",")
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
    mutating func parseValue() throws -> String {
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
            priority = try wholeNumber("after 'priority'")
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
                let arguments = try enclosed(closing: ")", "to close the call") { parser -> [ExpressionNode] in
                    var arguments: [ExpressionNode] = []
                    while !parser.isSymbol(")") {
                        arguments.append(try parser.parseExpression())
                        if parser.isSymbol(",") { parser.advance() } else { break }
                    }
                    return arguments
                }
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
}

/// Numbers print without a fractional part when they have none.
func formatNumber(_ value: Double) -> String {
    integralValue(value).map { String($0) } ?? String(value)
}

/// The value as an integer when it is one small enough to write as one.
func integralValue(_ value: Double) -> Int? {
    value == value.rounded() && abs(value) < 1e15 ? Int(value) : nil
}
