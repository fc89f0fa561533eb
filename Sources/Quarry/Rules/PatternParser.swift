/// The part of the parser that reads patterns and token tests:
/// alternation, sequences, quantifiers, captures, atoms and `[ … ]` predicates.
extension Parser {

    mutating func parseAlternation() throws -> PatternNode {
        var branches = [try parseSequence()]
        while isSymbol("|") {
            advance()
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() throws -> PatternNode {
        var items: [PatternNode] = []
        while !(isSymbol("|") || isSymbol(")") || isSymbol("=>") || atStatementStart) {
            items.append(try parseItem())
        }
        if items.isEmpty { throw failure("expected a pattern, found \(describe(current))") }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func parseItem() throws -> PatternNode {
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

    mutating func parseQuantifiers(_ atom: PatternNode) throws -> PatternNode {
        var node = atom
        var stacked = 0
        while true {
            let at = location
            if isSymbol("?") || isSymbol("*") || isSymbol("+") || isSymbol("{") {
                stacked += 1  // each quantifier wraps the node once more
                try checkNesting(depth + stacked)
            }
            if isSymbol("?") { advance(); node = .repeated(node, min: 0, max: 1, at: at) }
            else if isSymbol("*") { advance(); node = .repeated(node, min: 0, max: nil, at: at) }
            else if isSymbol("+") { advance(); node = .repeated(node, min: 1, max: nil, at: at) }
            else if isSymbol("{") {
                advance()
                let low = try wholeNumber("in '{m,n}'")
                var high: Int? = low
                if isSymbol(",") {
                    advance()
                    if case .number = current.kind { high = try wholeNumber("in '{m,n}'") } else { high = nil }
                }
                try expect("}", "to close the repetition")
                if let high, high < low {
                    throw Failure(diagnostic: file.error("repetition {\(low),\(high)} has its maximum below its minimum", line: at.line, column: at.column))
                }
                node = .repeated(node, min: low, max: high, at: at)
            } else { return node }
        }
    }

    mutating func parseAtom() throws -> PatternNode {
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
            return try enclosed(closing: ")", "to close the group") { try $0.parseAlternation() }
        case .symbol("["):
            return .token(try enclosed(closing: "]", "to close the token test") { try $0.parsePredicateOr() }, at: at)
        default:
            throw failure("expected a pattern element, found \(describe(current))")
        }
    }

    // MARK: - Token predicates

    mutating func parsePredicateOr() throws -> TokenPredicateNode {
        var terms = [try parsePredicateAnd()]
        while isSymbol("|") { advance(); terms.append(try parsePredicateAnd()) }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    mutating func parsePredicateAnd() throws -> TokenPredicateNode {
        var terms = [try parsePredicateUnary()]
        while isSymbol("&") { advance(); terms.append(try parsePredicateUnary()) }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    mutating func parsePredicateUnary() throws -> TokenPredicateNode {
        if isSymbol("!") {
            return .not(try nested { parser in
                parser.advance()
                return try parser.parsePredicateUnary()
            })
        }
        let at = location
        switch current.kind {
        case let .string(text): advance(); return .literal(text)
        case let .regex(pattern, insensitive): advance(); return .regex(pattern, caseInsensitive: insensitive)
        case .symbol("("):
            return try enclosed(closing: ")", "to close the group") { try $0.parsePredicateOr() }
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
