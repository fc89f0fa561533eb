import Foundation
import XCTest
@testable import Quarry

/// Fold keys of Cyrillic words are built letter by letter from ICU's
/// transform of each letter; these tests hold that to ICU's transform of the
/// whole word.
final class FoldKeyTests: XCTestCase {
    func testCyrillicWordsOfThePackAndSamplesFoldAsICUFoldsThem() throws {
        let folder = Folder()
        let words = try cyrillicWords()
        XCTAssertGreaterThan(words.count, 10_000, "the lexicons and samples should give many Cyrillic words")
        for word in words {
            XCTAssertEqual(folder.key(word), folder.transformedKey(word), "fold key of \(word)")
        }
    }

    func testRandomCyrillicStringsFoldAsICUFoldsThem() throws {
        let folder = Folder()
        // Every letter of the Cyrillic block, and the ASCII signs that may sit inside a word.
        let letters = (0x400...0x4FF).compactMap(Unicode.Scalar.init).filter(\.properties.isAlphabetic)
        let alphabet = letters + ["-", "'", "\"", "1", "0"]
        assertRandomStringsFoldAsICU(alphabet, seed: 20261201, folder)
    }

    func testLatinWordsWithDiacriticsOfThePackAndSamplesFoldAsICUFoldsThem() throws {
        let folder = Folder()
        let words = try packAndSampleWords { scalar in
            FoldKeyTests.latinRanges.contains { $0.contains(scalar.value) } || (scalar.isASCII && scalar != " " && scalar != "\t" && scalar != "\n")
        }
            .filter { word in word.unicodeScalars.contains { !$0.isASCII } }
        XCTAssertGreaterThan(words.count, 500, "the lexicons and samples should give many Latin words with diacritics")
        for word in words {
            XCTAssertEqual(folder.key(word), folder.transformedKey(word), "fold key of \(word)")
        }
    }

    func testRandomLatinStringsWithDiacriticsFoldAsICUFoldsThem() throws {
        let folder = Folder()
        // Every code point of Latin-1 Supplement, Latin Extended-A, -B and
        // Additional and General Punctuation up to U+205E, among ASCII letters and signs.
        let extended = FoldKeyTests.latinRanges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        let alphabet = extended + ["a", "Z", "i", "s", "-", "'", "\"", "1", "."]
        assertRandomStringsFoldAsICU(alphabet, seed: 20261202, folder)
    }

    /// The code points besides ASCII that Latin words fold one by one.
    private static let latinRanges: [ClosedRange<UInt32>] = [0xA0...0x24F, 0x1E00...0x1EFF, 0x2010...0x205E]

    /// 20,000 random strings of 1 to 10 code points of `alphabet` fold as
    /// ICU's transform of the whole string folds them.
    private func assertRandomStringsFoldAsICU(_ alphabet: [Unicode.Scalar], seed: UInt64, _ folder: Folder,
                                              file: StaticString = #filePath, line: UInt = #line) {
        var generator = DifferentialTests.Generator(state: seed)
        for _ in 0..<20_000 {
            var word = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...10, using: &generator) {
                word.append(alphabet.randomElement(using: &generator)!)
            }
            let text = String(word)
            XCTAssertEqual(folder.key(text), folder.transformedKey(text), "fold key of \(text.unicodeScalars.map { String($0.value, radix: 16) })",
                           file: file, line: line)
        }
    }

    func testFoldKeysOfMixedAndOtherWordsAreUnchanged() throws {
        let folder = Folder()
        XCTAssertEqual(folder.key("Київ"), "kiiv")
        XCTAssertEqual(folder.key("Киев"), "kiev")
        XCTAssertEqual(folder.key("Мар'їнка"), "marinka")
        XCTAssertEqual(folder.key("С-200"), "s-200")
        XCTAssertEqual(folder.key("Сruise"), "cruise", "a Cyrillic Es among Latin letters is its look-alike")
        XCTAssertEqual(folder.key("Ζ"), folder.transformedKey("Ζ"))
    }

    /// Stripped of their carons, ш, ж and ч folded like с, з and ц: the Sumy
    /// region's adjective (Сумській) was read as the village Шумский.
    func testLettersWithCaronsFoldAsDigraphsAndStayApart() throws {
        let folder = Folder()
        XCTAssertEqual(folder.key("Шумськ"), "shumsk")
        XCTAssertEqual(folder.key("Сумськ"), "sumsk")
        XCTAssertEqual(folder.key("ЖОВКВА"), "zhovkva")
        XCTAssertEqual(folder.key("Чернігів"), "chernigiv")
        XCTAssertEqual(folder.key("Щёкино"), "shchekino")
        XCTAssertEqual(folder.key("Шахед"), folder.key("Shahed"), "a digraph meets the Latin spelling")
        XCTAssertEqual(folder.transformedKey("Шумськ"), "shumsk", "the general path spells them too")
        XCTAssertEqual(folder.key("Шcherbakov"), folder.transformedKey("Шcherbakov"))
    }

    /// The words of Cyrillic letters (with digits, hyphens and apostrophes
    /// inside) in the rule pack's lexicons and the labeled samples.
    private func cyrillicWords() throws -> Set<String> {
        try packAndSampleWords { (0x400...0x4FF).contains($0.value) || $0 == "-" || $0 == "'" || ("0"..."9").contains($0) }
            .filter { word in word.unicodeScalars.contains { $0.value >= 0x400 } }
    }

    /// The runs of code points that `belongs` accepts in the rule pack's
    /// lexicons and the labeled samples.
    private func packAndSampleWords(_ belongs: (Unicode.Scalar) -> Bool) throws -> Set<String> {
        var texts: [String] = []
        for folder in ["rules/lexicons", "samples"] {
            let directory = packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".tsv") || name.hasSuffix(".txt") {
                texts.append(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
            }
        }
        var words = Set<String>()
        for text in texts {
            var word = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if belongs(scalar) {
                    word.append(scalar)
                } else {
                    if !word.isEmpty { words.insert(String(word)) }
                    word = String.UnicodeScalarView()
                }
            }
            if !word.isEmpty { words.insert(String(word)) }
        }
        return words
    }
}

/// Compiling the default pack folds every lexicon entry and literal without
/// ICU's transform: opening it is a quarter of start-up. An entry written
/// with a character only the transform folds (a curly apostrophe in a
/// Cyrillic word) would open it; this test names it.
final class DefaultPackFoldingTests: XCTestCase {
    func testCompilingTheDefaultPackOpensNoTransform() throws {
        let before = Transliterator.openedCount
        guard case .success = Compiler.compile(path: packageRoot.appendingPathComponent("rules/main.qr").path) else {
            return XCTFail("the default pack did not compile")
        }
        XCTAssertEqual(Transliterator.openedCount, before, "an entry or literal of the default pack needs ICU's transform to fold")
        // The count does move when a surface needs the transform.
        _ = Folder().key("Слов\u{2019}янськ")
        XCTAssertEqual(Transliterator.openedCount, before + 1)
    }
}
