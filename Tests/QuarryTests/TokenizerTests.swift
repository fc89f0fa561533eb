import XCTest
@testable import Quarry

final class TokenizerTests: XCTestCase {
    var tokenizer: Tokenizer!

    override func setUpWithError() throws { tokenizer = try Tokenizer() }

    func tokens(_ text: String) -> [Token] { tokenizer.document(id: "t", text: text).tokens }
    func foldKeys(_ text: String) -> [String] {
        let document = tokenizer.document(id: "t", text: text)
        return document.tokens.map(document.foldKey(of:))
    }
    func surfaces(_ text: String) -> [String] {
        let document = tokenizer.document(id: "t", text: text)
        return document.tokens.map(document.surface(of:))
    }

    /// The answers of `ScalarKind` (ASCII, its table below U+0530, the rest) are the Unicode properties.
    func testScalarKindAgreesWithUnicodeProperties() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let kind = ScalarKind(scalar), properties = scalar.properties
            XCTAssertEqual(kind.isAlphabetic, properties.isAlphabetic, "\(value)")
            XCTAssertEqual(kind.isUppercase, properties.isAlphabetic && properties.isUppercase, "\(value)")
            XCTAssertEqual(kind.isLowercase, properties.isAlphabetic && properties.isLowercase, "\(value)")
            XCTAssertEqual(kind.isDecimalDigit, properties.numericType == .decimal, "\(value)")
            XCTAssertEqual(kind.isNumeric, properties.numericType != nil, "\(value)")
        }
    }

    func testWhitespaceShortcutAgreesWithUnicode() {
        // Every code point: the shortcut lists White_Space instead of asking.
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Tokenizer.isWhitespace(scalar) != scalar.properties.isWhitespace { disagreements.append("U+\(String(value, radix: 16))") }
        }
        XCTAssertEqual(disagreements, [])
    }

    func testFormTableFindsEveryFormAfterGrowing() {
        var table = FormTable()
        let words = (0..<5_000).map { Array("w\($0)ж".unicodeScalars) } + [[], Array("a".unicodeScalars)]
        for (number, word) in words.enumerated() {
            XCTAssertNil(table.find(word, 0, word.count, hash: FormTable.hash(word, 0, word.count)))
            XCTAssertEqual(table.insert(word, 0, word.count, hash: FormTable.hash(word, 0, word.count)), Int32(number))
        }
        for (number, word) in words.enumerated() {
            XCTAssertEqual(table.find(word, 0, word.count, hash: FormTable.hash(word, 0, word.count)), Int32(number))
        }
        // A slice of a longer text is found by its code points alone.
        let text = Array("xx w42ж yy".unicodeScalars)
        XCTAssertEqual(table.find(text, 3, 7, hash: FormTable.hash(text, 3, 7)), 42)
        table.removeAll()
        XCTAssertNil(table.find(text, 3, 7, hash: FormTable.hash(text, 3, 7)))
    }

    /// Past its limit of word forms the tokenizer starts a new numbering; a
    /// matcher must see the change and still find everything.
    func testFormNumberingStartsOverPastTheLimit() throws {
        let program = try compile("rule r \"delta\" [cap] => X")
        let small = try Tokenizer(keys: program.keys, formLimit: 3)
        let matcher = Matcher(program: program)
        let first = small.document(id: "1", text: "alpha beta delta Gamma")
        let second = small.document(id: "2", text: "delta Gamma delta Echo")
        XCTAssertFalse(first.forms === second.forms)
        XCTAssertEqual(second.tokens.map(second.foldKey(of:)), ["delta", "gamma", "delta", "echo"])
        XCTAssertEqual(second.tokens.map(\.form), [0, 1, 0, 2])
        XCTAssertEqual(matcher.spans(in: first).map(\.tokens), [2..<4])
        XCTAssertEqual(matcher.spans(in: second).map(\.tokens), [0..<2, 2..<4])
    }

    /// The texts of the bundled samples.
    func sampleTexts() throws -> [String] {
        let folder = packageRoot.appendingPathComponent("samples")
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertFalse(texts.isEmpty)
        return texts
    }

    /// The samples and 20,000 texts made by `make` from a seeded random
    /// source (`random(n)` is below `n`): what a split is held to ICU's on.
    func samplesAndRandomTexts(seed: UInt64, _ make: (_ random: (Int) -> Int) -> String) throws -> [String] {
        var state = seed
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        return try sampleTexts() + (0..<20_000).map { _ in make(random) }
    }

    /// A document reads its tokens' strings from its own copy of the word
    /// table: they stay right while the tokenizer goes on past a chunk of
    /// forms, starts its numbering over, and is freed.
    func testDocumentsKeepTheirWordsWhileTheTokenizerGoesOn() throws {
        var small: Tokenizer? = try Tokenizer(keys: KeyTable(), formLimit: 6_000)
        let words = (0..<5_000).map { "w\($0)" }
        let first = small!.document(id: "1", text: words.joined(separator: " "))
        let second = small!.document(id: "2", text: (5_000..<9_000).map { "w\($0)" }.joined(separator: " "))
        let third = small!.document(id: "3", text: "w0 fresh")
        small = nil
        XCTAssertEqual(first.tokens.map(first.surface(of:)), words)
        XCTAssertEqual(second.surface(of: second.tokens[3_999]), "w8999")
        XCTAssertEqual(second.tokens[3_999].form, 8_999)
        XCTAssertFalse(third.forms === first.forms)
        XCTAssertEqual(third.tokens.map(third.foldKey(of:)), ["w0", "fresh"])
        XCTAssertEqual(third.tokens.map(\.form), [0, 1])
    }

    /// Documents are read on other threads while their tokenizer fills the
    /// chunks they share (run under ThreadSanitizer by scripts/sanitizers/run).
    func testDocumentsCanBeReadOnOtherThreadsWhileTheTokenizerGoesOn() throws {
        let shared = try Tokenizer(keys: KeyTable(), formLimit: 50_000)
        let group = DispatchGroup(), queue = DispatchQueue(label: "readers", attributes: .concurrent)
        final class Count: @unchecked Sendable {
            private let lock = NSLock()
            private(set) var value = 0
            func add() { lock.lock(); value += 1; lock.unlock() }
        }
        let mismatches = Count()
        for batch in 0..<20 {
            let words = (0..<600).map { "b\(batch)w\($0)" }
            let document = shared.document(id: "\(batch)", text: words.joined(separator: " "))
            queue.async(group: group) {
                let read = document.tokens.map(document.surface(of:))
                if read != words { mismatches.add() }
            }
        }
        group.wait()
        XCTAssertEqual(mismatches.value, 0)
    }

    /// Plain regions (ASCII, typographic quotes and dashes) are split without ICU; the boundaries must be exactly ICU's.
    func testPlainWordBreaksAgreeWithICU() throws {
        let ascii = Array("aZ9x.,';:_-\"!?()/$%&@#*+=<>[]{}|~`^ \t\n\r\u{0B}\u{0C}")
        let other: [Character] = ["é", "Ж", "“", "”", "’", "‘", "–", "—", "…", "\u{0301}", "\u{200D}", "\u{00A0}", "😀", "\u{2028}",
                                  "・", "٣"]
        let texts = try samplesAndRandomTexts(seed: 7) { random in
            String((0..<random(40)).map { _ in random(8) == 0 ? other[random(other.count)] : ascii[random(ascii.count)] })
        }
        for text in texts {
            let scalars = [Unicode.Scalar](scalarsOf: text)
            XCTAssertEqual(tokenizer.wordBoundaries(scalars), tokenizer.icuWordBoundaries(scalars),
                           "\(text.debugDescription)")
        }
    }

    /// Sentences are split without ICU; the boundaries must be exactly ICU's.
    func testSentenceBreaksAgreeWithICU() throws {
        // Every Sentence_Break class: terminators, closers, spaces, letters of
        // both cases and other scripts, Extend and Format marks, separators.
        let alphabet: [Character] = ["a", "b", "A", "B", "1", "7", ".", ".", "!", "?", "(", ")", "\"", "'", " ", " ", " ",
                                     "\n", "\r", "\r\n", "\t", ",", ":", ";", "-", "“", "”", "’", "\u{0301}", "\u{00AD}",
                                     "\u{200D}", "\u{2029}", "\u{0085}", "Ж", "ж", "日", "٣", "\u{3002}", "\u{00A0}", "、",
                                     "\u{2013}", "$", "😀", "\u{1D400}", "\u{1D41A}", "\u{E0001}", "\u{2024}", "\u{FE52}", "«", "»"]
        let texts = try samplesAndRandomTexts(seed: 11) { random in
            String((0..<random(30)).map { _ in alphabet[random(alphabet.count)] })
        }
        for text in texts {
            let scalars = [Unicode.Scalar](scalarsOf: text)
            XCTAssertEqual(SentenceBreaks.boundaries(scalars), tokenizer.icuSentenceBoundaries(scalars),
                           "\(text.debugDescription)")
        }
    }

    /// Phrases of letters, digits, hyphens and spaces take a shortcut (`simpleWords`):
    /// their tokens must be those of the general path, for every entry of
    /// the default pack's lexicons and for random phrases of those characters.
    func testSimplePhrasesTokenizeAsTheGeneralPath() throws {
        let lexicons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../rules/lexicons")
        var phrases: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: lexicons.path) where file.hasSuffix(".tsv") {
            let text = try String(contentsOf: lexicons.appendingPathComponent(file), encoding: .utf8)
            phrases += text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: "\t").first ?? "") }
        }
        var state: UInt64 = 7
        let alphabet = Array("aZ9 Кк ЇїҐґ 0Яz  ёЁ--éÉŁłžß×")
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            phrases.append(String((0..<Int(state >> 33) % 20).map { _ -> Character in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return alphabet[Int(state >> 33) % alphabet.count]
            }))
        }
        var simple = 0
        for phrase in phrases {
            guard Tokenizer.simpleWords(phrase) != nil else { continue }
            simple += 1
            let scalars = [Unicode.Scalar](scalarsOf: phrase)
            let general = tokenizer.segments(scalars).map { start, end -> [String] in
                let surface = String(scalars: scalars[start..<end])
                return [tokenizer.folder.key(surface), String(TokenFlags.of(surface).contains(.capitalized))]
            }
            let (tokens, script) = tokenizer.phraseTokens(phrase, capitals: true)
            XCTAssertEqual(tokens.map { [$0.foldKey, String($0.isCapitalized)] }, general, phrase.debugDescription)
            XCTAssertEqual(script, Script.ofWord(scalars), phrase.debugDescription)
        }
        XCTAssertGreaterThan(simple, 10_000, "most gazetteer entries take the shortcut")
    }

    /// Lexicon phrases (mostly plain words) are split without ICU; the words
    /// must be exactly ICU's.
    func testPhraseWordsAgreeWithICU() throws {
        var state: UInt64 = 42
        let alphabet = Array("aZ9 bY0  cX1 Qq 7")
        var texts = ["S-200", "Київ", "Storm Shadow", "U.S. officials"]
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            texts.append(String((0..<Int(state >> 33) % 25).map { _ -> Character in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return alphabet[Int(state >> 33) % alphabet.count]
            }))
        }
        for text in texts {
            let scalars = [Unicode.Scalar](scalarsOf: text)
            let offsets = tokenizer.icuWordBoundaries(scalars)
            let icu = zip(offsets, offsets.dropFirst()).filter { $0.0 < $0.1 && scalars[$0.0] != " " }.map { [$0.0, $0.1] }
            XCTAssertEqual(tokenizer.segments(scalars).map { [$0.0, $0.1] }, icu, "\"\(text)\"")
        }
    }

    func testKyivSpellingsFoldToKeysThatOneEntryCanList() {
        let keys = foldKeys("Київ Киев Kiev KYIV Kyiv")
        XCTAssertEqual(keys, ["kiiv", "kiev", "kiev", "kyiv", "kyiv"])
    }

    func testCyrillicEsInDesignationFoldsLikeLatin() {
        XCTAssertEqual(foldKeys("С-200"), foldKeys("S-200"))
        XCTAssertEqual(foldKeys("S-200"), ["s", "-", "200"])
    }

    func testMixedScriptLookAlikesMapToLatin() {
        // A Cyrillic Es and a Cyrillic o inside a Latin word.
        XCTAssertEqual(foldKeys("\u{0421}ruise m\u{043E}de"), ["cruise", "mode"])
    }

    func testDiacriticsAndCaseAreFolded() {
        XCTAssertEqual(foldKeys("Dnipró ZAPORIZHZHIA"), ["dnipro", "zaporizhzhia"])
    }

    func testCodePointsDecodeAsTheStandardLibraryDoes() throws {
        var texts = try sampleTexts()
        texts += ["", "a", "é", "Київ", "€", "😀", "a\u{0301}😀Ж\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
                  String(repeating: "Ж😀x", count: 1_000)]
        for text in texts {
            XCTAssertEqual([Unicode.Scalar](scalarsOf: text), Array(text.unicodeScalars), text.debugDescription)
        }
    }

    func testOffsetsAreCodePoints() {
        let text = "😀 Київ 14"
        let document = tokenizer.document(id: "t", text: text)
        XCTAssertEqual(document.tokens.map(document.surface(of:)), ["😀", "Київ", "14"])
        XCTAssertEqual(document.tokens[1].start, 2)
        XCTAssertEqual(document.tokens[1].end, 6)
        XCTAssertEqual(document.slice(7, 9), "14")
    }

    func testPossessiveIsSplit() {
        XCTAssertEqual(surfaces("Russia’s Ukraine's"), ["Russia", "’s", "Ukraine", "'s"])
        XCTAssertEqual(foldKeys("Russia’s"), ["russia", "'s"])
    }

    func testShapesScriptsAndSpacing() {
        let document = tokenizer.document(id: "t", text: "Shahed-136 Таганрог"), t = document.tokens
        XCTAssertEqual(t.map(document.shape(of:)), ["Xxxxx", "-", "ddd", "Xxxxx"])
        XCTAssertEqual(t[0].script, .latin)
        XCTAssertEqual(t[3].script, .cyrillic)
        XCTAssertEqual(t.map(\.spaceBefore), [false, false, false, true])
    }

    func testNumberValuesOfSingleTokens() {
        let t = tokens("1,200 3.5 fourteen Twenty dozen hundreds 1979")
        XCTAssertEqual(t.map(\.numericValue), [1200, 3.5, 14, 20, 12, 100, 1979])
        // A comma before other than three digits is a decimal comma: Russian and Ukrainian write 1,5.
        XCTAssertEqual(tokens("1,5 2,75 12,000,000 1,2345").map(\.numericValue), [1.5, 2.75, 12_000_000, 1.2345])
        XCTAssertNil(tokens("people").first?.numericValue)
    }

    func testNumberValuesOfSequences() {
        func value(_ text: String) -> Double? {
            let document = tokenizer.document(id: "t", text: text)
            return NumberValue.combine(document.tokens.indices, of: document)
        }
        XCTAssertEqual(value("twenty-one"), 21)
        XCTAssertEqual(value("a dozen"), 12)
        XCTAssertEqual(value("two hundred"), 200)
        XCTAssertEqual(value("1.5 million"), 1_500_000)
        XCTAssertEqual(value("1 200"), 1200)
        XCTAssertEqual(value("three thousand four hundred and five"), 3405)
        // A decimal comma before a multiplier (Russian and Ukrainian multipliers are the rule pack's: numbers.qr).
        XCTAssertEqual(value("1,5 million"), 1_500_000)
        XCTAssertNil(value("several"))
    }

    func testSentences() {
        let document = tokenizer.document(id: "t", text: "One was killed. Two were injured.")
        XCTAssertEqual(document.sentences.count, 2)
        XCTAssertEqual(document.surface(of: document.tokens[document.sentences[1].lowerBound]), "Two")
        XCTAssertTrue(document.tokens[4].isSentenceStart)
    }

    func testFoldKeysAreCachedPerSurface() throws {
        let folder = Folder()
        XCTAssertEqual(folder.key("Київ"), "kiiv")
        XCTAssertEqual(folder.key("Київ"), "kiiv")
    }

    func testEmptyText() {
        let document = tokenizer.document(id: "t", text: "")
        XCTAssertTrue(document.tokens.isEmpty)
    }
}
