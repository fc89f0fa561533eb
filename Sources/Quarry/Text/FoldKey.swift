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
    /// ICU's transform of each Cyrillic letter alone (U+0400 to U+04FF), filled
    /// as letters are met: a word of Cyrillic letters folds to its letters'
    /// folds in a row (ICU's Cyrillic-Latin rules look at no neighbours; the
    /// differential test holds this to ICU), without a transform call per word.
    private var cyrillicLetters = [String?](repeating: nil, count: 0x100)

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
        if let folded = cyrillicKey(surface) { return folded }
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

    /// The fold key of a surface made of Cyrillic letters and ASCII signs that
    /// are not letters (digits, hyphens), letter by letter; nil for any other.
    private func cyrillicKey(_ surface: String) -> String? {
        var folded = ""
        var letters = 0
        for scalar in surface.unicodeScalars {
            if scalar.isASCII {
                if ScalarKind(scalar).isAlphabetic { return nil }
                if !Folder.isPrime(Character(scalar)) { folded.unicodeScalars.append(scalar) }
                continue
            }
            let offset = Int(scalar.value) - 0x400
            guard offset >= 0 && offset < 0x100 else { return nil }
            if cyrillicLetters[offset] == nil {
                guard scalar.properties.isAlphabetic else { return nil }
                cyrillicLetters[offset] = transformedLetter(scalar)
            }
            folded += cyrillicLetters[offset]!
            letters += 1
        }
        if letters == 0 { return nil }
        return folded.isEmpty ? surface.lowercased() : folded
    }

    /// One letter's part of a fold key: ICU's transform of it alone, without
    /// the primes that soft and hard signs become.
    private func transformedLetter(_ scalar: Unicode.Scalar) -> String {
        var folded = transliterator.apply(String(scalar))
        folded.removeAll(where: Folder.isPrime)
        return folded
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
