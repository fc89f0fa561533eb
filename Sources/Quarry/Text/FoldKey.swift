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

    public init() throws {
        transliterator = try Transliterator(id: Folder.transformID)
    }

    /// The fold key of one token's surface.
    public func key(_ surface: String) -> String {
        if surface.utf8.allSatisfy({ $0 < 0x80 }) {
            return surface.lowercased()
        }
        if surface == "\u{2019}s" || surface == "\u{2019}S" { return "'s" }
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
        // Transliteration writes soft and hard signs as primes; they carry no
        // letter and would split spellings that differ only by them.
        folded.removeAll { $0 == "'" || $0 == "\"" || $0 == "ʹ" || $0 == "ʺ" }
        if folded.isEmpty { return surface.lowercased() }
        return folded
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
