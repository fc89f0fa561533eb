/// Splits rule-file text into lexemes. Comments run from `#` to the end of
/// the line; strings are in double quotes with `\"`, `\\`, `\n`, `\t` and
/// `\u{…}` escapes; regular expressions are between slashes with optional
/// `i` flag.
struct Lexeme: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case string(String)
        case regex(String, caseInsensitive: Bool)
        case number(Double)
        case symbol(String)
        case end
    }

    var kind: Kind
    var line: Int
    var column: Int
}

struct Lexer {
    private let scalars: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile) {
        self.file = file
        self.scalars = Array(file.text)
    }

    static let symbols = ["=>", "<=", ">=", "!=", "(", ")", "[", "]", "{", "}", "|", "?", "*", "+", ",",
                          ":", "=", "!", "&", ".", "<", ">", "@"]
    /// The symbols as characters, made once: making them per lexeme was most
    /// of compiling the default pack's rule files.
    private static let symbolCharacters = symbols.map { (symbol: $0, characters: Array($0)) }

    mutating func all() -> [Lexeme] {
        var out: [Lexeme] = []
        while true {
            let lexeme = next()
            out.append(lexeme)
            if lexeme.kind == .end { return out }
        }
    }

    private var current: Character? { index < scalars.count ? scalars[index] : nil }

    // Character's Unicode properties, answered for ASCII without asking them.
    private static func isLetter(_ c: Character) -> Bool {
        guard let byte = c.asciiValue else { return c.isLetter }
        return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
    private static func isNumber(_ c: Character) -> Bool {
        guard let byte = c.asciiValue else { return c.isNumber }
        return byte >= 0x30 && byte <= 0x39
    }
    private static func isWhitespace(_ c: Character) -> Bool {
        guard let byte = c.asciiValue else { return c.isWhitespace }
        return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
    private func peek(_ offset: Int) -> Character? { index + offset < scalars.count ? scalars[index + offset] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" || scalars[index] == "\r\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func next() -> Lexeme {
        skipTrivia()
        let startLine = line, startColumn = column
        func make(_ kind: Lexeme.Kind) -> Lexeme { Lexeme(kind: kind, line: startLine, column: startColumn) }
        guard let c = current else { return make(.end) }
        if Lexer.isLetter(c) || c == "_" {
            var name = ""
            // A hyphen joins words into one identifier (`S-200`, `Rostov-on-Don`):
            // the language has no minus operator, so this is never ambiguous.
            while let d = current, Lexer.isLetter(d) || Lexer.isNumber(d) || d == "_" || (d == "-" && (peek(1).map { Lexer.isLetter($0) || Lexer.isNumber($0) } ?? false)) {
                name.append(d); advance()
            }
            return make(.identifier(name))
        }
        if Lexer.isNumber(c) {
            var text = ""
            while let d = current, Lexer.isNumber(d) || (d == "." && peek(1).map(Lexer.isNumber) == true) { text.append(d); advance() }
            return make(.number(Double(text) ?? 0))
        }
        if c == "\"" { return make(.string(readString())) }
        if c == "/" {
            advance()
            var pattern = ""
            while let d = current, d != "/" && d != "\n" {
                if d == "\\", let e = peek(1), e == "/" { pattern.append("/"); advance(); advance(); continue }
                pattern.append(d); advance()
            }
            if current == "/" { advance() } else {
                diagnostics.append(file.error("unterminated regular expression", line: startLine, column: startColumn))
            }
            var insensitive = false
            if current == "i", !(peek(1).map { Lexer.isLetter($0) || Lexer.isNumber($0) } ?? false) { insensitive = true; advance() }
            return make(.regex(pattern, caseInsensitive: insensitive))
        }
        for (symbol, chars) in Lexer.symbolCharacters where chars[0] == c && (1..<chars.count).allSatisfy({ peek($0) == chars[$0] }) {
            for _ in chars { advance() }
            return make(.symbol(symbol))
        }
        diagnostics.append(file.error("unexpected character '\(c)'", line: startLine, column: startColumn))
        advance()
        return next()
    }

    private mutating func skipTrivia() {
        while let c = current {
            if Lexer.isWhitespace(c) { advance() }
            else if c == "#" { while let d = current, d != "\n" && d != "\r\n" { advance() } }
            else { return }
        }
    }

    private mutating func readString() -> String {
        let startLine = line, startColumn = column
        advance()
        var text = ""
        while let c = current {
            if c == "\"" { advance(); return text }
            if c == "\n" || c == "\r\n" { break }
            if c == "\\" {
                advance()
                guard let e = current else { break }
                switch e {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "u":
                    advance()
                    var hex = ""
                    if current == "{" {
                        advance()
                        while let h = current, h != "}" { hex.append(h); advance() }
                    }
                    if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        text.unicodeScalars.append(scalar)
                    } else {
                        diagnostics.append(file.error("invalid \\u{…} escape", line: line, column: column))
                    }
                default: text.append(e)
                }
                advance()
                continue
            }
            text.append(c)
            advance()
        }
        diagnostics.append(file.error("unterminated string", line: startLine, column: startColumn))
        return text
    }
}
