/// A document: its text, tokens with code-point offsets, and sentences.
public struct Document: Sendable {
    public let id: String
    public let text: String
    public let tokens: [Token]
    /// Token index ranges of the sentences, in order.
    public let sentences: [Range<Int>]
    /// The text as code points, for slicing by code-point offsets.
    let scalars: [Unicode.Scalar]
    /// The strings of the word forms, by `Token.form`.
    public let words: WordTexts
    /// The numbering of `Token.form`.
    public var forms: WordForms { words.numbering }

    init(id: String, text: String, scalars: [Unicode.Scalar], tokens: [Token], sentences: [Range<Int>], words: WordTexts) {
        self.words = words
        self.id = id
        self.text = text
        self.scalars = scalars
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The text of a token as written.
    public func surface(of token: Token) -> String { words[token.form].surface }
    /// A token's comparison key: NFKC, lower-cased, diacritics removed,
    /// Cyrillic and Greek transliterated to Latin (look-alike letters mapped first).
    public func foldKey(of token: Token) -> String { words[token.form].foldKey }
    /// A token's word shape in spaCy's style: `Xxxxx`, `dd`, `X-ddd`.
    public func shape(of token: Token) -> String { words[token.form].shape }

    /// Number of code points in the text.
    public var length: Int { scalars.count }

    /// The text between two code-point offsets, end exclusive.
    public func slice(_ start: Int, _ end: Int) -> String {
        String(scalars: scalars[max(0, start)..<min(end, scalars.count)])
    }

    /// The text covered by tokens `range` (from the first's start to the last's end).
    public func text(ofTokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return slice(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }
}

extension String {
    /// The string of these code points: texts are sliced by code-point offsets.
    /// Written as UTF-8 straight into the string's storage (one allocation,
    /// none for short strings), since the tokenizer makes one per token.
    init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[index] = unit
                    index += 1
                }
            }
            return index
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The code points of `text`, decoded from its UTF-8 in one pass (the
    /// `unicodeScalars` view counts them first and then decodes them again).
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var index = 0
                count = 0
                let base = bytes.baseAddress
                while index < bytes.count {
                    // Runs of ASCII, most of a news text: a byte a code point, no
                    // check; eight at a time where a word's high bits are clear.
                    while index + 8 <= bytes.count,
                          UnsafeRawPointer(base! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        for offset in 0..<8 { buffer[count + offset] = Unicode.Scalar(bytes[index + offset]) }
                        count += 8
                        index += 8
                    }
                    while index < bytes.count && bytes[index] < 0x80 {
                        buffer[count] = Unicode.Scalar(bytes[index])
                        count += 1
                        index += 1
                    }
                    guard index < bytes.count else { break }
                    let lead = UInt32(bytes[index])
                    var value: UInt32
                    // A String's UTF-8 is valid: the continuation bytes are there.
                    if lead < 0x80 {
                        value = lead
                        index += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    buffer[count] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    count += 1
                }
            }
        }
    }
}

