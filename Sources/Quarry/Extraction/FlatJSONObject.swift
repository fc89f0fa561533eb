/// A reader for the common shape of a JSONL input line: one object whose
/// values are all strings or integers (`{"id": "a1", "text": "…"}`), read
/// straight from the line's UTF-8. Anything else (nested values, fractions,
/// literals, duplicate keys, anything malformed) gives nil, and the caller
/// asks `JSONSerialization`, which decides: this reader never accepts a line
/// it would reject, nor reads one differently. `JSONSerialization` builds
/// Foundation values for every line, a tenth of `quarry extract`'s reading.
enum FlatJSONObject {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
    }

    static func parse(_ line: Substring) -> [String: Value]? {
        var line = line
        return line.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func object() -> [String: Value]? {
            skipSpaces()
            guard take(UInt8(ascii: "{")) else { return nil }
            var object: [String: Value] = [:]
            skipSpaces()
            if !take(UInt8(ascii: "}")) {
                while true {
                    skipSpaces()
                    guard let key = string() else { return nil }
                    skipSpaces()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpaces()
                    guard let value = value(), object.updateValue(value, forKey: key) == nil else { return nil }
                    skipSpaces()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "}")) else { return nil }
                    break
                }
            }
            skipSpaces()
            return index == bytes.count ? object : nil
        }

        private mutating func value() -> Value? {
            if index < bytes.count && bytes[index] == UInt8(ascii: "\"") { return string().map(Value.string) }
            return integer().map(Value.integer)
        }

        /// `-`? (`0` | [1-9][0-9]*), not followed by a fraction or exponent;
        /// at most 18 digits, so it fits.
        private mutating func integer() -> Int? {
            let negative = take(UInt8(ascii: "-"))
            let first = index
            var value = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                guard index - first < 18 else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            let digits = index - first
            guard digits > 0, digits == 1 || bytes[first] != UInt8(ascii: "0") else { return nil }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
            // `-0` may be read as a floating-point zero.
            guard !(negative && value == 0) else { return nil }
            return negative ? -value : value
        }

        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            var clean = index
            while index < bytes.count {
                skipPlainBytes()
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    // Without an escape, straight from the line (copying a
                    // document's text into an array first cost a copy of every byte).
                    if out.isEmpty { return String(decoding: UnsafeBufferPointer(rebasing: bytes[clean..<index]), as: UTF8.self) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                    return String(decoding: out, as: UTF8.self)
                }
                guard byte >= 0x20 else { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                index += 1
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = escapedScalar() else { return nil }
                    out.append(contentsOf: String(scalar).utf8)
                default: return nil
                }
                clean = index
            }
            return nil
        }

        /// Moves past eight bytes at a time while none of them ends a string
        /// or needs a look (a quote, a backslash, a control character): a
        /// document's text is almost all such bytes.
        private mutating func skipPlainBytes() {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
            guard let base = bytes.baseAddress else { return }
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // A byte below 0x20 borrows in `word - 0x20…`; a false alarm only ends the skip early.
                if hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || (word &- ones &* 0x20) & ~word & highs != 0 {
                    return
                }
                index += 8
            }
        }

        /// The code point of `\uXXXX` (after the `u`), a surrogate pair read
        /// whole; a lone surrogate gives nil.
        private mutating func escapedScalar() -> Unicode.Scalar? {
            guard let unit = hex4() else { return nil }
            if unit < 0xD800 || unit > 0xDFFF { return Unicode.Scalar(unit) }
            guard unit < 0xDC00, take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                  low >= 0xDC00, low <= 0xDFFF else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { return nil }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipSpaces() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
    }
}
