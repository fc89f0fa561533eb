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

/// The lexer reads the file's UTF-8 bytes: everything the language spells
/// is ASCII, and reading Characters, each compared as a string, was most of
/// parsing the default pack. Columns still count characters (`LineColumns`).
struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var columns: LineColumns
    private let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile) {
        self.file = file
        bytes = Array(file.text.utf8)
        columns = LineColumns(bytes, lineStart: 0)
    }

    static let symbols = ["=>", "<=", ">=", "!=", "(", ")", "[", "]", "{", "}", "|", "?", "*", "+", ",",
                          ":", "=", "!", "&", ".", "<", ">", "@"]
    /// The symbols as bytes, the two-byte ones first (the longest match wins).
    private static let symbolBytes = symbols.map { (symbol: $0, bytes: Array($0.utf8)) }

    mutating func all() -> [Lexeme] {
        var out: [Lexeme] = []
        while true {
            let lexeme = next()
            out.append(lexeme)
            if lexeme.kind == .end { return out }
        }
    }

    /// The byte at `index + offset`, or nil past the end.
    private func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
    private var column: Int { columns.column(at: index) }

    /// The scalar starting at byte `offset` and its length in bytes (the
    /// bytes come from a String, so they are valid UTF-8).
    private func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let (value, length) = decodeScalar(bytes, at: offset)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    // What Character's properties said of a character, from its (first) scalar; ASCII by its byte.
    private func isLetter(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        return scalar(at: offset).scalar.properties.isAlphabetic
    }
    private func isNumber(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x30 && byte <= 0x39 }
        return scalar(at: offset).scalar.properties.numericType != nil
    }
    /// A combining mark, which belongs to the character before it.
    private func isMark(at offset: Int) -> Bool {
        guard bytes[offset] >= 0x80 else { return false }
        let scalar = scalar(at: offset).scalar
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.value == 0x200D
        }
    }
    private func isWhitespace(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        return scalar(at: offset).scalar.properties.isWhitespace
    }
    private func isLineEnd(at offset: Int) -> Bool {
        bytes[offset] == UInt8(ascii: "\n") || (bytes[offset] == UInt8(ascii: "\r") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n"))
    }

    /// Moves past one scalar (past "\r\n" at once); a line end starts the next line's columns.
    private mutating func advance() {
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        if bytes[index] == UInt8(ascii: "\n") {
            index += 1
            line += 1
            columns = LineColumns(bytes, lineStart: index)
            return
        }
        index += scalar(at: index).length
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private mutating func next() -> Lexeme {
        skipTrivia()
        let startLine = line, startColumn = column
        func make(_ kind: Lexeme.Kind) -> Lexeme { Lexeme(kind: kind, line: startLine, column: startColumn) }
        guard let c = peek() else { return make(.end) }
        let start = index
        if isLetter(at: index) || c == UInt8(ascii: "_") {
            // A hyphen joins words into one identifier (`S-200`, `Rostov-on-Don`):
            // the language has no minus operator, so this is never ambiguous.
            while let d = peek(), isLetter(at: index) || isNumber(at: index) || isMark(at: index) || d == UInt8(ascii: "_")
                    || (d == UInt8(ascii: "-") && index + 1 < bytes.count && (isLetter(at: index + 1) || isNumber(at: index + 1))) {
                advance()
            }
            return make(.identifier(text(start..<index)))
        }
        if isNumber(at: index) {
            while let d = peek(), isNumber(at: index) || (d == UInt8(ascii: ".") && index + 1 < bytes.count && isNumber(at: index + 1)) {
                advance()
            }
            return make(.number(Double(text(start..<index)) ?? 0))
        }
        if c == UInt8(ascii: "\"") { return make(.string(readString())) }
        if c == UInt8(ascii: "/") { return make(readRegex(startLine, startColumn)) }
        for (symbol, symbolBytes) in Lexer.symbolBytes
            where symbolBytes.indices.allSatisfy({ peek($0) == symbolBytes[$0] }) {
            index += symbolBytes.count
            return make(.symbol(symbol))
        }
        // The character: its scalar and any marks after it.
        advance()
        while index < bytes.count && isMark(at: index) { advance() }
        diagnostics.append(file.error("unexpected character '\(text(start..<index))'", line: startLine, column: startColumn))
        return next()
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if isWhitespace(at: index) {
                // Marks after a space belong to it, as in a Character.
                advance()
                while index < bytes.count && isMark(at: index) { advance() }
            }
            else if c == UInt8(ascii: "#") { while index < bytes.count && !isLineEnd(at: index) { advance() } }
            else { return }
        }
    }

    private mutating func readRegex(_ startLine: Int, _ startColumn: Int) -> Lexeme.Kind {
        advance()
        var pattern: [UInt8] = []
        while let d = peek(), d != UInt8(ascii: "/") && d != UInt8(ascii: "\n") {
            if d == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: "/") { pattern.append(UInt8(ascii: "/")); index += 2; continue }
            pattern.append(d)
            index += 1
        }
        if peek() == UInt8(ascii: "/") { advance() } else {
            diagnostics.append(file.error("unterminated regular expression", line: startLine, column: startColumn))
        }
        var insensitive = false
        if peek() == UInt8(ascii: "i"), !(index + 1 < bytes.count && (isLetter(at: index + 1) || isNumber(at: index + 1))) {
            insensitive = true
            advance()
        }
        return .regex(String(decoding: pattern, as: UTF8.self), caseInsensitive: insensitive)
    }

    private mutating func readString() -> String {
        let startLine = line, startColumn = column
        advance()
        var text: [UInt8] = []
        while let c = peek() {
            if c == UInt8(ascii: "\"") { advance(); return String(decoding: text, as: UTF8.self) }
            if isLineEnd(at: index) { break }
            if c == UInt8(ascii: "\\") {
                advance()
                guard let e = peek() else { break }
                switch e {
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "u"):
                    advance()
                    var hex: [UInt8] = []
                    if peek() == UInt8(ascii: "{") {
                        advance()
                        while let h = peek(), h != UInt8(ascii: "}") && !isLineEnd(at: index) { hex.append(h); advance() }
                    }
                    if let value = UInt32(String(decoding: hex, as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value) {
                        text += Array(String(scalar).utf8)
                    } else {
                        diagnostics.append(file.error("invalid \\u{…} escape", line: line, column: column))
                    }
                    // Past the closing brace, or whatever stands where it should.
                    if peek() == nil || isLineEnd(at: index) { continue }
                default:
                    let length = scalar(at: index).length
                    text += bytes[index..<(index + length)]
                }
                advance()
                continue
            }
            // The run up to the next quote, backslash or line end, copied whole:
            // it ends at an ASCII byte, so on a scalar's boundary.
            var end = index + 1
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                end += 1
            }
            text.append(contentsOf: bytes[index..<end])
            index = end
        }
        diagnostics.append(file.error("unterminated string", line: startLine, column: startColumn))
        return String(decoding: text, as: UTF8.self)
    }
}

/// The columns of one line, in characters, as diagnostics show them: on an
/// ASCII line a byte's column is its offset plus one; on any other line
/// each byte's column is found once, by the line's grapheme clusters.
struct LineColumns {
    private let lineStart: Int
    /// Per byte of a line that is not ASCII, its character's column; empty for an ASCII line.
    private let byteColumns: [Int]

    init(_ bytes: [UInt8], lineStart: Int) {
        self.lineStart = lineStart
        var end = lineStart, ascii = true
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
            if bytes[end] >= 0x80 { ascii = false }
            end += 1
        }
        guard !ascii else { byteColumns = []; return }
        var columns: [Int] = []
        columns.reserveCapacity(end - lineStart)
        // Most lines of a rule pack hold Cyrillic and punctuation, each scalar
        // a character of its own: counted by scalars, without the grapheme
        // breaking that cost more than the rest of lexing.
        var offset = lineStart, number = 0
        while offset < end {
            let (value, length) = decodeScalar(bytes, at: offset)
            guard LineColumns.standsAlone(value) else { break }
            number += 1
            for _ in 0..<length { columns.append(number) }
            offset += length
        }
        if offset >= end { byteColumns = columns; return }
        columns.removeAll(keepingCapacity: true)
        let line = String(decoding: bytes[lineStart..<end], as: UTF8.self)
        for (number, character) in line.enumerated() {
            columns += repeatElement(number + 1, count: character.utf8.count)
        }
        byteColumns = columns
    }

    /// Whether a scalar is a character by itself, whatever stands around it:
    /// Latin-1, Greek and Cyrillic letters but the Cyrillic combining marks,
    /// and general punctuation but the joiners. (Any other scalar sends the
    /// line to grapheme breaking.)
    private static func standsAlone(_ value: UInt32) -> Bool {
        value < 0x300 || (0x370..<0x483).contains(value) || (0x48A..<0x530).contains(value)
            || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
    }

    func column(at offset: Int) -> Int {
        let inLine = offset - lineStart
        guard !byteColumns.isEmpty else { return inLine + 1 }
        return inLine < byteColumns.count ? byteColumns[inLine] : (byteColumns.last ?? 0) + 1
    }
}

/// The code point starting at byte `offset` of valid UTF-8 (the bytes come
/// from a String) and its length in bytes.
private func decodeScalar(_ bytes: [UInt8], at offset: Int) -> (value: UInt32, length: Int) {
    let lead = bytes[offset]
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
    for next in (offset + 1)..<(offset + length) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
    return (value, length)
}
