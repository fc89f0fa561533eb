/// A place in a source file: 1-based line and column (in characters).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found in a rule file, lexicon or sample: a value that the
/// command line renders; the library never prints it.
public struct Diagnostic: Sendable, Error, CustomStringConvertible {
    /// A note points at a place without a problem there (`quarry explain` shows rule steps so).
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The text of the offending line, for the caret display.
    public var lineText: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, lineText: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.lineText = lineText
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, lineText: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, lineText: lineText)
    }

    /// `path:line:column: error: message`, then the line and a caret under the column.
    public var rendered: String {
        var out = location.map { "\($0): " } ?? ""
        out += "\(severity.rawValue): \(message)"
        if let lineText, let location {
            out += "\n\(lineText)\n"
            let prefix = lineText.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }
            out += prefix.joined() + "^"
        }
        return out
    }

    public var description: String { rendered }
}

/// Errors collected from loading a rule pack; thrown when any is an error.
public struct DiagnosticList: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
