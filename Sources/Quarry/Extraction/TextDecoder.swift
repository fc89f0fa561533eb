/// Turns the bytes of an input file into text the way `quarry extract` reads
/// it: invalid UTF-8 becomes U+FFFD with a warning naming the first bad byte
/// (offsets then refer to the decoded text); a binary file (a NUL byte, or
/// mostly undecodable) is refused; a leading byte-order mark is dropped, so
/// offsets count from the first character after it.
public enum TextDecoder {
    public enum Outcome: Equatable {
        case text(String, warning: String?)
        case binary(reason: String)
    }

    public static func decode(_ bytes: [UInt8]) -> Outcome {
        // Read as contiguous memory: the generic paths of the standard library
        // went through a byte at a time.
        bytes.withUnsafeBufferPointer(decode)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        if let nul = bytes.firstIndex(of: 0) {
            return .binary(reason: "binary file (NUL byte at offset \(nul))")
        }
        var warning: String?
        // The common case is checked in one pass; invalid input is decoded
        // with replacements and its first bad byte located.
        let valid = String(validating: bytes, as: UTF8.self)
        var text = valid ?? String(decoding: bytes, as: UTF8.self)
        if valid == nil, let offset = firstInvalidByte(bytes) {
            let replaced = text.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
            if replaced * 3 > max(1, text.unicodeScalars.count) {
                return .binary(reason: "mostly not UTF-8 (first invalid byte at offset \(offset))")
            }
            warning = "invalid UTF-8 at byte offset \(offset); decoded with U+FFFD replacement, offsets refer to the decoded text"
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return .text(text, warning: warning)
    }

    static func firstInvalidByte<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
