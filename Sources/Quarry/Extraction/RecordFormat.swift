/// Machine-readable renderings of records: JSON Lines, one JSON array, TSV.
/// Keys come in a fixed order so that equal inputs give byte-identical output.
public enum RecordFormat: String, CaseIterable, Sendable {
    case jsonl, json, tsv

    /// One record as a JSON object, appended piece by piece to one string
    /// (one is written per record, hundreds of thousands per run).
    public static func json(_ record: Record) -> String {
        var out = "{\"doc\":"
        out.reserveCapacity(96 + record.document.utf8.count + record.text.utf8.count + record.rule.utf8.count)
        appendJSONString(record.document, to: &out)
        out += ",\"type\":"
        appendJSONString(record.type, to: &out)
        out += ",\"start\":"
        out += String(record.start)
        out += ",\"end\":"
        out += String(record.end)
        out += ",\"text\":"
        appendJSONString(record.text, to: &out)
        out += ",\"rule\":"
        appendJSONString(record.rule, to: &out)
        out += ",\"attrs\":{"
        for (index, (key, value)) in record.attributes.enumerated() {
            if index > 0 { out += "," }
            appendJSONString(key, to: &out)
            out += ":"
            out += jsonValue(value)
        }
        return out + "}}"
    }

    /// One record as a TSV line: doc, type, start, end, text, rule, key=value;…
    public static func tsv(_ record: Record) -> String {
        let clean = { (text: String) in String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        let attributes = record.attributes.map { "\($0.0)=\(clean($0.1.description))" }.joined(separator: ";")
        return [record.document, record.type, String(record.start), String(record.end), clean(record.text), record.rule, attributes]
            .joined(separator: "\t")
    }

    public static let tsvHeader = "doc\ttype\tstart\tend\ttext\trule\tattrs"

    static func jsonValue(_ value: AttributeValue) -> String {
        switch value {
        case let .string(text): return jsonString(text)
        case let .number(number): return formatNumber(number)
        }
    }
}

/// A JSON string literal with the escapes JSON requires.
public func jsonString(_ text: String) -> String {
    var out = ""
    appendJSONString(text, to: &out)
    return out
}

/// Appends `text` as a JSON string literal.
func appendJSONString(_ text: String, to out: inout String) {
    // Most texts need no escape: copied whole.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        out += "\""
        out += text
        out += "\""
        return
    }
    out += "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
}
