/// One reported extraction: what the command line prints.
public struct Record: Sendable, Equatable {
    public var document: String
    public var type: String
    /// Code-point offsets into the document text, end exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    public var rule: String
    public var attributes: [(String, AttributeValue)]

    public static func == (a: Record, b: Record) -> Bool {
        a.document == b.document && a.type == b.type && a.start == b.start && a.end == b.end && a.text == b.text
            && a.rule == b.rule && a.attributes.map(\.0) == b.attributes.map(\.0) && a.attributes.map(\.1) == b.attributes.map(\.1)
    }

    public func attribute(_ key: String) -> AttributeValue? {
        attributes.first { $0.0 == key }?.1
    }
}
