/// The text of a rule file with its lines, so that diagnostics can show them.
public struct SourceFile: Sendable {
    public let path: String
    public let text: String
    /// The lines, without their line ends (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = SourceFile.lines(of: text)
    }

    /// The lines of `text` without their line ends. Split on the newline
    /// byte: split by Character, "\r\n" is one character and a CRLF file
    /// would be one line. The bytes are scanned in the string's own storage
    /// (the generic split walked `String.Index`es, a tenth of reading JSONL).
    private static func lines(of text: String) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        var lines: [Substring] = []
        func line(_ start: Int, _ end: Int) -> Substring {
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        }
        text.withUTF8 { bytes in
            var start = 0
            for end in bytes.indices where bytes[end] == UInt8(ascii: "\n") {
                lines.append(line(start, end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end))
                start = end + 1
            }
            let end = bytes.count
            lines.append(line(start, end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end))
        }
        return lines
    }

    /// The tab-separated fields of a line (lexicon files, brat standoff).
    /// Split on the tab byte: split by Character, a tab followed by a
    /// combining mark is no separator, and walking grapheme boundaries was a
    /// third of loading a 10,000-entry lexicon. The bytes are scanned in
    /// place (the generic split on the UTF-8 view was a fifth of start-up).
    public static func tabFields(_ line: Substring) -> [String] {
        var line = line
        return line.withUTF8 { bytes in
            var fields: [String] = []
            // Lexicon lines have three fields: made at that size, not grown twice.
            fields.reserveCapacity(4)
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\t") {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return fields
        }
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    public func lineText(_ line: Int) -> String? {
        guard line >= 1 && line <= lines.count else { return nil }
        return String(lines[line - 1])
    }

    public func error(_ message: String, line: Int, column: Int) -> Diagnostic {
        .error(message, at: location(line: line, column: column), lineText: lineText(line))
    }
}
