/// Reads the entries of a lexicon file: one entry a line,
/// `phrase<TAB>value<TAB>key=value;…`, the value defaulting to the phrase,
/// `#` starting a comment line. The lines and fields are found in the
/// file's bytes: the gazetteer is 21,000 lines, and splitting it into
/// Substrings and Strings first was a fifth of start-up. Strings are made
/// only for what an entry keeps.
struct LexiconFileReader {
    let path: String
    let text: String
    private(set) var entries: [LexiconEntry] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The file with its lines, made only when a diagnostic needs to show one.
    private var sourceFile: SourceFile?
    /// Attribute fields parsed lately, by their bytes.
    private var recentFields = RecentlyUsed<[UInt8], [(String, String)]>(limit: 8)

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    mutating func read() {
        var text = self.text
        text.withUTF8 { bytes in
            var fields: [Range<Int>] = []
            var start = 0, lineNumber = 1
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let next = end + 1
                if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                readLine(bytes, start..<end, lineNumber, &fields)
                start = next
                lineNumber += 1
            }
        }
    }

    private mutating func readLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ lineNumber: Int,
                                   _ fields: inout [Range<Int>]) {
        if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") || isSpacesOnly(bytes, line) { return }
        fields.removeAll(keepingCapacity: true)
        var fieldStart = line.lowerBound
        for index in line where bytes[index] == UInt8(ascii: "\t") {
            fields.append(fieldStart..<index)
            fieldStart = index + 1
        }
        fields.append(fieldStart..<line.upperBound)
        var phrase = trimmed(bytes, fields[0])
        // A stem's `+`, as `LexiconEntry.stem(of:)` reads it, but by its byte: asking the string cost 400 instructions an entry.
        let isStem = lastByte(bytes, fields[0]) == UInt8(ascii: "+") && phrase.utf8.count > 1
        if isStem { phrase.removeLast() }
        if phrase.isEmpty {
            report("lexicon entry has an empty phrase", line: lineNumber, column: 1)
            return
        }
        let value = fields.count > 1 && !fields[1].isEmpty ? string(bytes, fields[1]) : phrase
        var attributes: [(String, String)] = []
        for fieldIndex in fields.indices.dropFirst(2) {
            let pairs = attributePairs(bytes, fields, fieldIndex, lineNumber)
            // One field, the usual case, shares its parsed pairs rather than copying them.
            if attributes.isEmpty { attributes = pairs } else { attributes += pairs }
        }
        entries.append(LexiconEntry(phrase: phrase, value: value, attributes: attributes,
                                    location: SourceLocation(file: path, line: lineNumber, column: 1), isStem: isStem))
    }

    /// The key=value pairs of attribute field `fieldIndex`, each distinct
    /// field that parses cleanly split once; a bad pair is reported on every
    /// line it is on.
    private mutating func attributePairs(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], _ fieldIndex: Int,
                                         _ lineNumber: Int) -> [(String, String)] {
        let field = fields[fieldIndex]
        if let known = recentFields.value(where: { Self.equal($0, bytes, field) }) { return known }
        var pairs: [(String, String)] = []
        var clean = true
        var pairStart = field.lowerBound
        for index in field.lowerBound...field.upperBound where index == field.upperBound || bytes[index] == UInt8(ascii: ";") {
            let pair = pairStart..<index
            pairStart = index + 1
            let equals = pair.first { bytes[$0] == UInt8(ascii: "=") }
            let key = trimmed(bytes, pair.lowerBound..<(equals ?? pair.upperBound))
            // A value may be spaces but not nothing ("k=" is an error, as it always was).
            if let equals, !key.isEmpty && equals + 1 < pair.upperBound {
                pairs.append((key, trimmed(bytes, (equals + 1)..<pair.upperBound)))
            } else if equals != nil || !key.isEmpty {
                clean = false
                // The field's column in characters: the fields before it and their tabs.
                let column = fields[..<fieldIndex].reduce(1) { $0 + string(bytes, $1).count + 1 }
                report("expected key=value in column 3 or later, found '\(string(bytes, pair))'", line: lineNumber, column: column)
            }
        }
        if clean {
            recentFields.insert(Array(UnsafeBufferPointer(rebasing: bytes[field])), pairs)
        }
        return pairs
    }

    private static func equal(_ known: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard known.count == range.count else { return false }
        return known.withUnsafeBufferPointer { known in
            var offset = 0
            while offset < known.count && known[offset] == bytes[range.lowerBound + offset] { offset += 1 }
            return offset == known.count
        }
    }

    private mutating func report(_ message: String, line: Int, column: Int) {
        if sourceFile == nil { sourceFile = SourceFile(path: path, text: text) }
        diagnostics.append(sourceFile!.error(message, line: line, column: column))
    }

    /// The field's last byte that is no ASCII space (nil: none).
    private func lastByte(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8? {
        var upper = range.upperBound
        while upper > range.lowerBound && Self.isASCIISpace(bytes[upper - 1]) { upper -= 1 }
        return upper > range.lowerBound ? bytes[upper - 1] : nil
    }

    private func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The field without spaces and tabs at its ends: by the bytes, unless
    /// an end may be another space separator (U+00A0, U+1680, U+2000 to
    /// U+200A, U+202F, U+205F, U+3000), for which `trimmedSpaces` asks the
    /// scalars' properties.
    private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && Self.isASCIISpace(bytes[lower]) { lower += 1 }
        while upper > lower && Self.isASCIISpace(bytes[upper - 1]) { upper -= 1 }
        guard lower < upper else { return "" }
        var lastStart = upper - 1
        while lastStart > lower && bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
        if Self.mayStartSpaceSeparator(bytes[lower]) || Self.mayStartSpaceSeparator(bytes[lastStart]) {
            return string(bytes, lower..<upper).trimmedSpaces
        }
        return string(bytes, lower..<upper)
    }

    /// Whether the line holds only spaces and tabs (or other space separators).
    private func isSpacesOnly(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard let first = line.first(where: { !Self.isASCIISpace(bytes[$0]) }) else { return true }
        return Self.mayStartSpaceSeparator(bytes[first]) && string(bytes, line).isSpacesOnly
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The lead bytes of the UTF-8 of the space separators past ASCII.
    private static func mayStartSpaceSeparator(_ byte: UInt8) -> Bool { byte == 0xC2 || (0xE1...0xE3).contains(byte) }
}
