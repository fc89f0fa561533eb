/// A labeled annotation from a gold file.
public struct GoldAnnotation: Sendable {
    public var id: String
    public var type: String
    /// Code-point offsets, end exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    /// Attribute keys in lower case: outcome, category, count, name, speaker, …
    public var attributes: [String: String]
    /// Where the annotation is written (for error listings).
    public var location: SourceLocation
}

/// A labeled document: its text and gold annotations.
public struct GoldDocument: Sendable {
    public var id: String
    public var text: String
    public var textPath: String
    public var annotations: [GoldAnnotation]
}
