/// Turns text into a `Document`: tokens and sentences by ICU's word and
/// sentence rules (`PlainWordBreaks` and `SentenceBreaks` where ICU's
/// iterators are not needed), each token with its features.
///
/// Tokens are ICU's word-break segments that are not white space. Two
/// adjustments follow English news conventions: a possessive `'s` or `’s` is
/// split from its word (`Russia’s` gives `Russia` and `’s`), and punctuation
/// segments are single tokens. ICU splits hyphenated words and designations at
/// the hyphen, so `S-200` is the three tokens `S`, `-`, `200`; a rule literal
/// or lexicon entry written `"S-200"` is tokenized the same way and matches
/// that token sequence.
///
/// Not thread-safe (it owns a cache of word features): each worker owns a `Tokenizer`.
public final class Tokenizer {
    public let folder: Folder
    /// The word forms seen. Moved out into a local while a document is
    /// tokenized: a class's stored property would be checked for exclusive
    /// access at every token.
    private var cache: WordCache? = WordCache()
    /// The cache starts over past this many word forms, so memory stays
    /// bounded over any number of documents. It starts over between documents
    /// only: all tokens of a document are numbered in one `WordForms`.
    let formLimit: Int

    /// Numbers for the fold keys a program names; tokens get them (`Token.keyID`).
    public let keys: KeyTable
    /// Where ICU's sentence rules would end a sentence but the pack says not to.
    public let abbreviations: Abbreviations

    private let wordBreaker: ICUBreaker
    /// ICU's sentence iterator, only to compare `SentenceBreaks` with.
    private lazy var sentenceBreaker = try? ICUBreaker(.sentences)

    public convenience init(keys: KeyTable = KeyTable(), abbreviations: Abbreviations = .none) throws {
        try self.init(keys: keys, abbreviations: abbreviations, formLimit: 1 << 20)
    }

    /// Tokens as `program`'s rules read them: its fold-key numbers and abbreviations.
    public convenience init(program: Program) throws {
        try self.init(keys: program.keys, abbreviations: program.abbreviations)
    }

    init(keys: KeyTable, abbreviations: Abbreviations = .none, formLimit: Int) throws {
        self.formLimit = formLimit
        folder = Folder()
        wordBreaker = try ICUBreaker(.words)
        self.keys = keys
        self.abbreviations = abbreviations
    }

    public func document(id: String, text: String) -> Document {
        var cache = self.cache!
        self.cache = nil
        defer { self.cache = cache }
        if cache.words.count >= formLimit { cache.removeAll() }
        let scalars = [Unicode.Scalar](scalarsOf: text)
        let sentenceStarts = abbreviations.keepingSentencesTogether(SentenceBreaks.boundaries(scalars), scalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var sentence = 0
        var sentenceRanges: [Range<Int>] = []
        var sentenceFirstToken = 0
        var previousEnd = 0
        for (start, end) in segments(scalars) {
            while sentence + 1 < sentenceStarts.count - 1, sentenceStarts[sentence + 1] <= start {
                sentenceRanges.append(sentenceFirstToken..<tokens.count)
                sentenceFirstToken = tokens.count
                sentence += 1
            }
            var token = makeToken(&cache, scalars, start, end, spaceBefore: start > previousEnd, sentence: sentence)
            token.isSentenceStart = tokens.count == sentenceFirstToken
            token.isLineStart = tokens.isEmpty || Tokenizer.hasLineBreak(scalars, previousEnd, start)
            tokens.append(token)
            previousEnd = end
        }
        sentenceRanges.append(sentenceFirstToken..<tokens.count)
        return Document(id: id, text: text, scalars: scalars, tokens: tokens, sentences: sentenceRanges, words: cache.words)
    }

    /// The fold keys of a phrase's tokens, tokenized like document text: how
    /// rule literals and lexicon entries are compared with tokens.
    public func foldKeys(of text: String) -> [String] {
        phraseTokens(text, capitals: false).tokens.map(\.foldKey)
    }

    /// A phrase's tokens as document text would have them, with only what
    /// lexicons need: a 200,000-entry lexicon compiles without computing (or
    /// caching) every entry's full features. With the script of the phrase's
    /// letters (`.common` for none, `.mixed` for several), by which a lexicon
    /// tells apart entries that fold alike and which stems a token may take.
    func phraseTokens(_ text: String, capitals: Bool)
        -> (tokens: [(foldKey: String, isCapitalized: Bool)], script: Script) {
        if let simple = Tokenizer.simpleWords(text) {
            let tokens = simple.words.map { word -> (foldKey: String, isCapitalized: Bool) in
                (folder.key(word), capitals && TokenFlags.startsUppercase(word.unicodeScalars))
            }
            return (tokens, simple.script)
        }
        let scalars = [Unicode.Scalar](scalarsOf: text)
        let tokens = segments(scalars).map { start, end -> (foldKey: String, isCapitalized: Bool) in
            let surface = String(scalars: scalars[start..<end])
            return (folder.key(surface), capitals && TokenFlags.of(surface).contains(.capitalized))
        }
        return (tokens, Script.ofWord(scalars))
    }

    /// The words of a phrase made only of letters (ASCII, Latin with marks up
    /// to U+017F, basic Cyrillic), digits and hyphens, between spaces: the
    /// word-break rules join letters and digits and break at spaces and
    /// around hyphens, so these words are the phrase's tokens, found without
    /// the general splitting (most gazetteer entries; tested against it), and
    /// the script of their letters (Latin or Cyrillic by their bytes). Nil for
    /// any other phrase.
    static func simpleWords(_ text: String) -> (words: [String], script: Script)? {
        var text = text
        return text.withUTF8 { bytes -> (words: [String], script: Script)? in
            var words: [String] = []
            var wordStart = -1
            var latin = false, cyrillic = false
            var index = 0
            func word(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            while index < bytes.count {
                let byte = bytes[index]
                var next = index + 1
                switch byte {
                case 0x20:
                    if wordStart >= 0 { words.append(word(wordStart, index)) }
                    wordStart = -1
                case 0x2D:
                    // A hyphen is a token of its own between words ("Білгороді-Дністровському",
                    // "S-200"): the word-break rules break on both sides of it.
                    if wordStart >= 0 { words.append(word(wordStart, index)) }
                    words.append("-")
                    wordStart = -1
                case 0x30...0x39:
                    if wordStart < 0 { wordStart = index }
                case 0x41...0x5A, 0x61...0x7A:
                    if wordStart < 0 { wordStart = index }
                    latin = true
                case 0xC3...0xC5:
                    // Two-byte Latin letters with marks: U+00C0 to U+017F (C3 80 to C5 BF) but × and ÷ (Zamość, Ölüdeniz).
                    guard next < bytes.count, (0x80...0xBF).contains(bytes[next]),
                          !(byte == 0xC3 && (bytes[next] == 0x97 || bytes[next] == 0xB7)) else { return nil }
                    if wordStart < 0 { wordStart = index }
                    latin = true
                    next += 1
                case 0xD0...0xD3:
                    // Two-byte Cyrillic letters: U+0400 to U+047F (D0 80 to D1 BF) and U+0490 to U+04FF (D2 90 to D3 BF).
                    guard next < bytes.count else { return nil }
                    let second = bytes[next]
                    guard (byte <= 0xD1 && (0x80...0xBF).contains(second)) || (byte == 0xD2 && (0x90...0xBF).contains(second))
                        || (byte == 0xD3 && (0x80...0xBF).contains(second)) else { return nil }
                    if wordStart < 0 { wordStart = index }
                    cyrillic = true
                    next += 1
                default:
                    return nil
                }
                index = next
            }
            if wordStart >= 0 { words.append(word(wordStart, bytes.count)) }
            return (words, latin ? (cyrillic ? .mixed : .latin) : (cyrillic ? .cyrillic : .common))
        }
    }

    /// The code-point ranges of the tokens: word segments (ICU's rules) that
    /// are not white space, with possessives split off.
    func segments(_ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        return ranges(between: wordBoundaries(scalars), scalars)
    }

    /// Word boundaries as code-point indexes, from 0: plain regions split by
    /// `PlainWordBreaks`, the others by ICU (each converted to UTF-16 alone).
    /// Equal to `icuWordBoundaries`.
    func wordBoundaries(_ scalars: [Unicode.Scalar]) -> [Int] {
        var boundaries = [0]
        // News text has a boundary every three code points or so: room for
        // that at once, not by doubling.
        boundaries.reserveCapacity(scalars.count / 2 + 1)
        for region in PlainWordBreaks.regions(scalars) {
            if region.isPlain {
                PlainWordBreaks.appendBoundaries(scalars, region.start, region.end, to: &boundaries)
            } else {
                for offset in Tokenizer.icuBoundaries(wordBreaker, scalars[region.start..<region.end]).dropFirst() {
                    boundaries.append(region.start + offset)
                }
            }
        }
        return boundaries
    }

    /// ICU's boundaries of `scalars` by `breaker`, as code-point indexes from
    /// the slice's start (ICU reads UTF-16, so the slice is converted first).
    private static func icuBoundaries(_ breaker: ICUBreaker?, _ scalars: ArraySlice<Unicode.Scalar>) -> [Int] {
        var units: [UInt16] = [], scalarOfUnit: [Int32] = []
        units.reserveCapacity(scalars.count)
        scalarOfUnit.reserveCapacity(scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            for unit in UTF16.encode(scalar)! {
                units.append(unit)
                scalarOfUnit.append(Int32(index))
            }
        }
        scalarOfUnit.append(Int32(scalars.count))
        return (breaker?.boundaries(in: units) ?? []).map { Int(scalarOfUnit[$0]) }
    }

    /// ICU's word boundaries of the whole text, as code-point indexes.
    func icuWordBoundaries(_ scalars: [Unicode.Scalar]) -> [Int] { Tokenizer.icuBoundaries(wordBreaker, scalars[...]) }

    /// The number of segments ICU's word iterator finds in `text`, UTF-16
    /// conversion included: what the tokenizer's speed is measured against.
    public func icuWordSegmentCount(_ text: String) -> Int {
        wordBreaker.boundaries(in: Array(text.utf16)).count - 1
    }

    /// ICU's sentence boundaries of the whole text, as code-point indexes.
    func icuSentenceBoundaries(_ scalars: [Unicode.Scalar]) -> [Int] { Tokenizer.icuBoundaries(sentenceBreaker, scalars[...]) }

    /// The tokens between word boundaries: segments that are not white space,
    /// with possessives split off.
    private func ranges(between boundaries: [Int], _ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        var ranges: [(Int, Int)] = []
        ranges.reserveCapacity(boundaries.count)
        // Read without bounds checks (once per boundary): boundaries lie within the text.
        boundaries.withUnsafeBufferPointer { boundaries in
            scalars.withUnsafeBufferPointer { scalars in
                var i = 0
                while i + 1 < boundaries.count {
                    i += 1
                    let start = boundaries[i - 1]
                    var end = boundaries[i]
                    if start >= end { continue }
                    // A lone apostrophe followed by "s" is the possessive clitic `'s`.
                    if end == start + 1, scalars[start] == "'" || scalars[start] == "\u{2019}", i + 1 < boundaries.count {
                        let next = boundaries[i + 1]
                        if next == end + 1, scalars[end] == "s" || scalars[end] == "S" {
                            end = next
                            i += 1
                        }
                    }
                    if Tokenizer.isWhitespace(scalars[start]) { continue }
                    appendPieces(scalars, start, end, to: &ranges)
                }
            }
        }
        return ranges
    }

    /// Whether the white space `start..<end` holds a line break (LF, CR,
    /// vertical tab, form feed, NEL, or the line and paragraph separators).
    static func hasLineBreak(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        precondition(start >= 0 && end <= scalars.count, "white space outside the text")
        // Most gaps are one space: asked between every two tokens, read without bounds checks.
        return scalars.withUnsafeBufferPointer { scalars in
            for index in start..<end {
                switch scalars[index].value {
                case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
                default: continue
                }
            }
            return false
        }
    }

    /// Unicode white space (the White_Space property), without a property
    /// lookup: the property lists these 25 code points and is kept stable.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Appends a word segment, with a possessive `'s` split off, to `ranges`
    /// (once per token: no array in between).
    private func appendPieces(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, to ranges: inout [(Int, Int)]) {
        if end - start >= 3 {
            let apostrophe = scalars[end - 2]
            let s = scalars[end - 1]
            if (apostrophe == "'" || apostrophe == "\u{2019}") && (s == "s" || s == "S") {
                ranges.append((start, end - 2))
                ranges.append((end - 2, end))
                return
            }
        }
        ranges.append((start, end))
    }

    private func makeToken(_ cache: inout WordCache, _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int,
                           spaceBefore: Bool, sentence: Int) -> Token {
        let (form, word) = cache.form(scalars, start, end, folder: folder, keys: keys)
        return Token(start: start, end: end, script: word.script,
                     numericValue: word.numericValue, isWord: word.isWord, spaceBefore: spaceBefore, sentence: sentence,
                     isSentenceStart: false, flags: word.flags, keyID: word.keyID, form: form)
    }
}
