/// Checks the examples written in rule files against what the program
/// extracts from their text.
public struct ExampleChecker {
    /// The outcome of one example.
    public struct Failure: Sendable {
        public var example: Example
        /// What went wrong, one line per unmet expectation.
        public var problems: [String]
        /// What the program actually extracted from the example text.
        public var found: [Record]
    }

    private let extractor: Extractor

    public init(extractor: Extractor) { self.extractor = extractor }

    /// The failing examples, in file order; empty when all pass.
    public func failures() -> [Failure] {
        extractor.program.examples.compactMap(check)
    }

    public func check(_ example: Example) -> Failure? {
        let records = extractor.extract(id: "example", text: example.text)
        var problems: [String] = []
        if example.expectsNothing && !records.isEmpty {
            problems.append("expected nothing, found \(records.count) record(s)")
        }
        for expectation in example.expectations {
            let matching = records.filter { Self.matches($0, expectation) }
            if expectation.negated && !matching.isEmpty {
                problems.append("expected no \(Self.describe(expectation)), found one")
            } else if !expectation.negated && matching.isEmpty {
                problems.append("expected \(Self.describe(expectation)), found none")
            }
        }
        return problems.isEmpty ? nil : Failure(example: example, problems: problems, found: records)
    }

    /// A record meets an expectation when the types agree and every listed
    /// attribute (and `text`, if listed) has the listed value.
    static func matches(_ record: Record, _ expectation: ExampleDeclaration.Expectation) -> Bool {
        guard record.type == expectation.type else { return false }
        return expectation.attributes.allSatisfy { key, value in
            if key == "text" { return record.text == value }
            return record.attribute(key)?.description == value
        }
    }

    public static func describe(_ expectation: ExampleDeclaration.Expectation) -> String {
        let attributes = expectation.attributes.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return attributes.isEmpty ? expectation.type : "\(expectation.type)(\(attributes))"
    }

    public static func describe(_ record: Record) -> String {
        let attributes = (record.attributes.map { "\($0.0): \($0.1)" } + ["text: \"\(record.text)\""]).joined(separator: ", ")
        return "\(record.type)(\(attributes)) by \(record.rule)"
    }
}
