/// The text of a rule file with its lines, so that diagnostics can show them.
public struct SourceFile: Sendable {
    public let path: String
    public let text: String
    /// The lines, without their line ends (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // Split on the byte: split by Character, "\r\n" is one character and
        // a CRLF file would be one line.
        self.lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
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
