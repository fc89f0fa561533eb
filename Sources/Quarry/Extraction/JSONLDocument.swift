import Foundation

/// One line of JSONL input, `{"id": …, "text": …}`: the shape shared by
/// `quarry extract --input-format jsonl` and JSONL gold files.
public struct JSONLDocument {
    /// The `id`, as a string (numbers are accepted), or nil when absent.
    public var id: String?
    public var text: String
    private let values: Values

    private enum Values {
        case flat([String: FlatJSONObject.Value])
        case foundation([String: Any])
    }

    /// The whole object, for readers that need more keys (`spans`).
    public var object: [String: Any] {
        switch values {
        case let .foundation(object): return object
        case let .flat(values):
            return values.mapValues { value -> Any in
                switch value {
                case let .string(text): return text
                case let .integer(number): return NSNumber(value: number)
                }
            }
        }
    }

    /// Parses a line; nil when it is not an object with a string `text`.
    /// Lines of strings and integers only are read without Foundation.
    public init?(line: Substring) {
        if let flat = FlatJSONObject.parse(line) {
            guard case let .string(text)? = flat["text"] else { return nil }
            self.text = text
            switch flat["id"] {
            case let .string(id)?: self.id = id
            case let .integer(number)?: id = String(number)
            case nil: id = nil
            }
            values = .flat(flat)
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = object["text"] as? String else { return nil }
        values = .foundation(object)
        self.text = text
        id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
    }
}
