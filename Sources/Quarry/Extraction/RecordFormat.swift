/// Machine-readable renderings of records: JSON Lines, one JSON array, TSV.
/// Keys come in a fixed order so that equal inputs give byte-identical output.
public enum RecordFormat: String, CaseIterable, Sendable {
    case jsonl, json, tsv

    /// One record as a JSON object.
    public static func json(_ record: Record) -> String {
        var bytes: [UInt8] = []
        appendJSON(record, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one record as a JSON object to `out` as UTF-8: written straight
    /// into an output buffer, hundreds of thousands of records per run make
    /// no string each.
    public static func appendJSON(_ record: Record, to out: inout [UInt8]) {
        appendLiteral("{\"doc\":", to: &out)
        appendJSONString(record.document, to: &out)
        appendLiteral(",\"type\":", to: &out)
        appendJSONString(record.type, to: &out)
        appendLiteral(",\"start\":", to: &out)
        appendDecimal(record.start, to: &out)
        appendLiteral(",\"end\":", to: &out)
        appendDecimal(record.end, to: &out)
        appendLiteral(",\"text\":", to: &out)
        appendJSONString(record.text, to: &out)
        appendLiteral(",\"rule\":", to: &out)
        appendJSONString(record.rule, to: &out)
        appendLiteral(",\"attrs\":{", to: &out)
        for (index, (key, value)) in record.attributes.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendJSONString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            switch value {
            case let .string(text): appendJSONString(text, to: &out)
            case let .number(number):
                if let integral = integralValue(number) {
                    appendDecimal(integral, to: &out)
                } else {
                    out.append(contentsOf: String(number).utf8)
                }
            }
        }
        appendLiteral("}}", to: &out)
    }

    /// One record as a TSV line: doc, type, start, end, text, rule, key=value;…
    public static func tsv(_ record: Record) -> String {
        let clean = { (text: String) in String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        let attributes = record.attributes.map { "\($0.0)=\(clean($0.1.description))" }.joined(separator: ";")
        return [record.document, record.type, String(record.start), String(record.end), clean(record.text), record.rule, attributes]
            .joined(separator: "\t")
    }

    public static let tsvHeader = "doc\ttype\tstart\tend\ttext\trule\tattrs"
}

/// Appends `value` in decimal digits (what `String(value)` spells, without the string).
func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    // Most significant digit first, so the digits are appended in place.
    var divisor: UInt = 1
    while divisor <= magnitude / 10 { divisor *= 10 }
    repeat {
        out.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
        divisor /= 10
    } while divisor > 0
}

/// Appends the bytes of a literal: copied from the binary, with no string made.
@inline(__always)
func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
}

/// A JSON string literal with the escapes JSON requires.
public func jsonString(_ text: String) -> String {
    var bytes: [UInt8] = []
    appendJSONString(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// Appends `text` as a JSON string literal, in UTF-8. Only ASCII needs an
/// escape (quote, backslash, control characters), so bytes of longer UTF-8
/// sequences are copied as they are; runs without an escape are copied
/// whole, read from the string's own storage.
func appendJSONString(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
        var clean = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
            clean = index + 1
            switch byte {
            case UInt8(ascii: "\""): appendLiteral("\\\"", to: &out)
            case UInt8(ascii: "\\"): appendLiteral("\\\\", to: &out)
            case UInt8(ascii: "\n"): appendLiteral("\\n", to: &out)
            case UInt8(ascii: "\r"): appendLiteral("\\r", to: &out)
            case UInt8(ascii: "\t"): appendLiteral("\\t", to: &out)
            default:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
    }
    out.append(UInt8(ascii: "\""))
}
