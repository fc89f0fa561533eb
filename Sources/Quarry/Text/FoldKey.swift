/// Computes fold keys, the form in which literals and lexicon entries are
/// compared with tokens (the tokenizer caches them per word form).
///
/// A fold key is NFKC, lower case, without diacritics, in Latin letters:
/// `KYIV` gives `kyiv`, `Київ` gives `kiiv`, `Киев` gives `kiev`. In a token
/// that mixes Latin with Cyrillic or Greek letters, the Cyrillic and Greek
/// look-alikes are first mapped to the Latin letters they imitate, so that a
/// Cyrillic Es in `Сruise` folds like the Latin C. Transliteration does not
/// unify spellings by itself: lexicons list the aliases, and the fold key
/// makes each alias cover its case, diacritic and script variants.
///
/// Not thread-safe: each worker owns a `Folder`.
public final class Folder {
    /// The ICU transform applied to tokens that are not plain ASCII.
    public static let transformID = "Any-NFKC; Any-Latin; Latin-ASCII; Any-Lower"

    private let transliterator: Transliterator
    /// Words of one alphabet fold letter by letter, each letter by ICU's
    /// transform of it alone, cached as it is met: Cyrillic (U+0400 to
    /// U+04FF, ASCII signs between) and Latin with diacritics (U+00C0 to
    /// U+024F among ASCII). ICU's rules for these letters look at no
    /// neighbours, and the differential tests hold this to ICU's transform
    /// of whole words; one transform call per word cost more than the rest
    /// of compiling a lexicon.
    private let cyrillicLetters = LetterFolds(first: 0x400, count: 0x100, asciiLetters: false, dropsPrimes: true)
    private let latinLetters = LetterFolds(first: 0xC0, count: 0x250 - 0xC0, asciiLetters: true, dropsPrimes: false)

    public init() throws {
        transliterator = try Transliterator(id: Folder.transformID)
    }

    /// The fold key of one token's surface.
    public func key(_ surface: String) -> String {
        if surface.utf8.allSatisfy({ $0 < 0x80 }) {
            return surface.lowercased()
        }
        // (Its length first: comparing strings that are not ASCII is not cheap.)
        if surface.utf8.count == 4 && (surface == "\u{2019}s" || surface == "\u{2019}S") { return "'s" }
        if let folded = letterKey(surface, cyrillicLetters) ?? letterKey(surface, latinLetters) { return folded }
        return transformedKey(surface)
    }

    /// The fold key by ICU's transform of the whole surface (the general path).
    func transformedKey(_ surface: String) -> String {
        var text = surface
        var scripts = Set<Script>()
        for scalar in surface.unicodeScalars where scalar.properties.isAlphabetic {
            scripts.insert(Script.of(scalar))
        }
        guard scripts.contains(.cyrillic) || scripts.contains(.greek) || scripts.contains(.other) else {
            return transliterator.apply(text)
        }
        if scripts.contains(.latin) && (scripts.contains(.cyrillic) || scripts.contains(.greek)) {
            text = mapLookAlikes(surface)
        }
        var folded = transliterator.apply(text)
        folded.removeAll(where: Folder.isPrime)
        if folded.isEmpty { return surface.lowercased() }
        return folded
    }

    /// The fold key of a surface made of letters of `block` and ASCII
    /// characters (only signs, for a block without ASCII letters), letter by
    /// letter; nil for any other surface.
    private func letterKey(_ surface: String, _ block: LetterFolds) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(surface.utf8.count + 4)
        var letters = 0
        for scalar in surface.unicodeScalars {
            if scalar.isASCII {
                if ScalarKind(scalar).isAlphabetic {
                    guard block.asciiLetters else { return nil }
                    folded.append(UInt8(ascii: scalar) | 0x20)
                } else if !(block.dropsPrimes && Folder.isPrime(Character(scalar))) {
                    folded.append(UInt8(ascii: scalar))
                }
                continue
            }
            let offset = Int(scalar.value) - Int(block.first)
            guard offset >= 0 && offset < block.folds.count else { return nil }
            if block.folds[offset] == nil {
                guard scalar.properties.isAlphabetic else { return nil }
                var letter = transliterator.apply(String(scalar))
                if block.dropsPrimes { letter.removeAll(where: Folder.isPrime) }
                block.folds[offset] = Array(letter.utf8)
            }
            folded += block.folds[offset]!
            letters += 1
        }
        if letters == 0 { return nil }
        return folded.isEmpty ? surface.lowercased() : String(decoding: folded, as: UTF8.self)
    }

    /// Transliteration writes soft and hard signs as primes (or quotes); they
    /// carry no letter and would split spellings that differ only by them, so
    /// fold keys leave them out.
    private static func isPrime(_ character: Character) -> Bool {
        character == "'" || character == "\"" || character == "ʹ" || character == "ʺ"
    }

    private func mapLookAlikes(_ surface: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in surface.unicodeScalars {
            let script = Script.of(scalar)
            if script == .cyrillic || script == .greek,
               let skeleton = confusableSkeleton(of: scalar),
               skeleton.unicodeScalars.count == 1,
               let mapped = skeleton.unicodeScalars.first, mapped.isASCII,
               mapped.properties.isAlphabetic {
                // Skeletons are lower case for some letters; keep the original case.
                let text = scalar.properties.isUppercase ? String(mapped).uppercased() : String(mapped).lowercased()
                result.append(contentsOf: text.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// The cached folds of the letters of one block of code points (see `Folder.letterKey`).
private final class LetterFolds {
    let first: UInt32
    /// Per code point from `first`, the UTF-8 of its fold, once met.
    var folds: [[UInt8]?]
    /// Whether ASCII letters may stand among the block's letters (they fold to lower case).
    let asciiLetters: Bool
    /// Whether the primes that transliteration writes for soft and hard signs are left out.
    let dropsPrimes: Bool

    init(first: UInt32, count: Int, asciiLetters: Bool, dropsPrimes: Bool) {
        self.first = first
        folds = Array(repeating: nil, count: count)
        self.asciiLetters = asciiLetters
        self.dropsPrimes = dropsPrimes
    }
}
