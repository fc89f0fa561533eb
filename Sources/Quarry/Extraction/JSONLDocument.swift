import Foundation

/// One line of JSONL input, `{"id": …, "text": …}`: the shape shared by
/// `quarry extract --input-format jsonl` and JSONL gold files.
public struct JSONLDocument {
    /// The `id`, as a string (numbers are accepted), or nil when absent.
    public var id: String?
    public var text: String
    /// The whole object, for readers that need more keys (`spans`).
    public var object: [String: Any]

    /// Parses a line; nil when it is not an object with a string `text`.
    public init?(line: Substring) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = object["text"] as? String else { return nil }
        self.object = object
        self.text = text
        id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
    }
}
