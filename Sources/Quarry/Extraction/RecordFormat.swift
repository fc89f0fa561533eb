/// Machine-readable renderings of records: JSON Lines, one JSON array, TSV.
/// Keys come in a fixed order so that equal inputs give byte-identical output.
public enum RecordFormat: String, CaseIterable, Sendable {
    case jsonl, json, tsv

    /// One record as a JSON object.
    public static func json(_ record: Record) -> String {
        let bytes = ByteBuffer()
        appendJSON(record, to: bytes)
        return String(decoding: bytes)
    }

    /// Appends each record as a JSON object and a line feed (JSON Lines).
    /// (A loop here, not the caller's: a record read from an array in the
    /// other module was copied, a retain and a release of each string; read
    /// through the buffer, in place, it is not copied at all.)
    public static func appendJSONLines(_ records: [Record], to out: ByteBuffer) {
        records.withUnsafeBufferPointer { records in
            guard let first = records.baseAddress else { return }
            for index in records.indices {
                appendJSON(at: first + index, to: out)
                out.append(10)
            }
        }
    }

    /// Appends one record as a JSON object to `out` as UTF-8: written straight
    /// into an output buffer, hundreds of thousands of records per run make
    /// no string each.
    public static func appendJSON(_ record: Record, to out: ByteBuffer) {
        withUnsafePointer(to: record) { appendJSON(at: $0, to: out) }
    }

    /// `appendJSON` for the record at `pointer`, whose fields are read in
    /// place: a record passed by value was copied (a retain and a release of
    /// each string) even as a `borrowing` argument.
    private static func appendJSON(at pointer: UnsafePointer<Record>, to out: ByteBuffer) {
        field("{\"doc\":", pointer.pointee.document, to: out)
        field(",\"type\":", pointer.pointee.type, to: out)
        field(",\"start\":", pointer.pointee.start, to: out)
        field(",\"end\":", pointer.pointee.end, to: out)
        field(",\"text\":", pointer.pointee.text, to: out)
        field(",\"rule\":", pointer.pointee.rule, to: out)
        out.append(literal: ",\"attrs\":{")
        for index in pointer.pointee.attributes.indices {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendJSONString(pointer.pointee.attributes[index].0, to: out)
            out.append(UInt8(ascii: ":"))
            switch pointer.pointee.attributes[index].1 {
            case let .string(text): appendJSONString(text, to: out)
            case let .number(number):
                if let integral = integralValue(number) {
                    appendDecimal(integral, to: out)
                } else {
                    out.append(String(number))
                }
            }
        }
        out.append(literal: "}}")
    }

    /// A key, with what opens it, and its value.
    @inline(__always)
    private static func field(_ key: StaticString, _ value: String, to out: ByteBuffer) {
        out.append(literal: key)
        appendJSONString(value, to: out)
    }

    @inline(__always)
    private static func field(_ key: StaticString, _ value: Int, to out: ByteBuffer) {
        out.append(literal: key)
        appendDecimal(value, to: out)
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
func appendDecimal(_ value: Int, to out: ByteBuffer) {
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

/// A JSON string literal with the escapes JSON requires.
public func jsonString(_ text: String) -> String {
    let bytes = ByteBuffer()
    appendJSONString(text, to: bytes)
    return String(decoding: bytes)
}

/// Appends `text` as a JSON string literal, in UTF-8. Only ASCII needs an
/// escape (quote, backslash, control characters), so bytes of longer UTF-8
/// sequences are copied as they are; runs without an escape are copied
/// whole, read from the string's own storage. (Looking through eight bytes
/// at a time saved 2 M instructions per MB of input: record texts are short.)
/// (Inlined into the record writer: a call per string cost 3 M instructions per MB.)
@inline(__always)
func appendJSONString(_ text: String, to out: ByteBuffer) {
    out.append(UInt8(ascii: "\""))
    // A native string's bytes are read in place; `withUTF8` needs a `var`,
    // whose copy retained and released every string written.
    if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: out) }) == nil {
        var text = text
        text.withUTF8 { appendEscaped($0, to: out) }
    }
    out.append(UInt8(ascii: "\""))
}

/// UTF-8 bytes as the inside of a JSON string.
private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
    var clean = 0
    for index in bytes.indices {
        let byte = bytes[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        out.append(UnsafeBufferPointer(rebasing: bytes[clean..<index]))
        clean = index + 1
        switch byte {
        case UInt8(ascii: "\""): out.append(literal: "\\\"")
        case UInt8(ascii: "\\"): out.append(literal: "\\\\")
        case UInt8(ascii: "\n"): out.append(literal: "\\n")
        case UInt8(ascii: "\r"): out.append(literal: "\\r")
        case UInt8(ascii: "\t"): out.append(literal: "\\t")
        default:
            let hex = String(byte, radix: 16)
            out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
    }
    out.append(UnsafeBufferPointer(rebasing: bytes[clean...]))
}
