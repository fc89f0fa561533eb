/// The text of a rule file with its lines, so that diagnostics can show them.
public struct SourceFile: Sendable {
    public let path: String
    public let text: String
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // Split on the byte: split by Character, "\r\n" is one character and
        // a CRLF file would be one line. Lines keep their "\r".
        self.lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    public func lineText(_ line: Int) -> String? {
        guard line >= 1 && line <= lines.count else { return nil }
        var text = String(lines[line - 1])
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    public func error(_ message: String, line: Int, column: Int) -> Diagnostic {
        .error(message, at: location(line: line, column: column), lineText: lineText(line))
    }
}
