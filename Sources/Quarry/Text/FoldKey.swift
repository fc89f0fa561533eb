/// Computes fold keys, the form in which literals and lexicon entries are
/// compared with tokens (the tokenizer caches them per word form).
///
/// A fold key is NFKC, lower case, without diacritics, in Latin letters:
/// `KYIV` gives `kyiv`, `Київ` gives `kiiv`, `Киев` gives `kiev`. In a token
/// that mixes Latin with Cyrillic or Greek letters, the Cyrillic and Greek
/// look-alikes are first mapped to the Latin letters they imitate, so that a
/// Cyrillic Es in `Сruise` folds like the Latin C. The Cyrillic letters that
/// ICU writes with a caron (ш š, ж ž, ч č, щ ŝ) are spelled as English
/// digraphs first (sh, zh, ch, shch): stripped of the caron they folded like
/// с, з and ц, and `Шумськ` (a village) like `Сумськ` (the Sumy region's
/// adjective).
///
/// Transliteration does not unify spellings by itself: lexicons list the
/// aliases, and the fold key makes each alias cover its case, diacritic and
/// script variants.
///
/// Not thread-safe: each worker owns a `Folder`.
public final class Folder {
    /// The ICU transform applied to tokens that are not plain ASCII.
    public static let transformID = "Any-NFKC; Any-Latin; Latin-ASCII; Any-Lower"

    /// ICU's transform, opened at the first surface that needs it: opening
    /// it reads ICU's registry of transforms, a fifth of compiling the
    /// default pack, whose words all fold by `LetterFoldTable`.
    private var opened: Transliterator?
    /// Words of one alphabet fold character by character, each by ICU's
    /// transform of it alone (`LetterFoldTable`): Cyrillic letters (U+0400
    /// to U+04FF, with ASCII signs between), and Latin letters with
    /// diacritics, punctuation and symbols (U+00A0 to U+024F, U+1E00 to
    /// U+1EFF, U+2010 to U+205E) among ASCII. ICU's rules for these look at
    /// no neighbours, and the differential tests hold this to ICU's transform
    /// of whole words; one transform call per word cost more than the rest
    /// of compiling a lexicon.
    private let cyrillicLetters = LetterFolds([(LetterFoldTable.cyrillicBlock.lowerBound, LetterFoldTable.cyrillic)],
                                              asciiLetters: false, dropsPrimes: true)
    /// `letterKey`'s buffer, kept between calls: one per word form and lexicon word.
    private var folded: [UInt8] = []
    private let latinLetters = LetterFolds([(LetterFoldTable.latinBlock.lowerBound, LetterFoldTable.latin),
                                            (LetterFoldTable.latinAdditionalBlock.lowerBound, LetterFoldTable.latinAdditional),
                                            (LetterFoldTable.punctuationBlock.lowerBound, LetterFoldTable.punctuation)],
                                           asciiLetters: true, dropsPrimes: false)

    public init() {}

    private var transliterator: Transliterator {
        if let opened { return opened }
        do {
            let transliterator = try Transliterator(id: Folder.transformID)
            opened = transliterator
            return transliterator
        } catch {
            // The transform ships with every ICU: failing to open it means a broken installation.
            fatalError("\(error)")
        }
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
        var folded = transliterator.apply(Folder.spellingDigraphs(text))
        folded.removeAll(where: Folder.isPrime)
        if folded.isEmpty { return surface.lowercased() }
        return folded
    }

    /// The fold key of a surface made of characters of `block` and ASCII
    /// characters (only signs, for a block without ASCII letters), character
    /// by character; nil for any other surface.
    private func letterKey(_ surface: String, _ block: LetterFolds) -> String? {
        // Moved out while in use: each append to a class's property is an access check.
        var folded: [UInt8] = []
        swap(&folded, &self.folded)
        defer { swap(&folded, &self.folded) }
        folded.removeAll(keepingCapacity: true)
        var found = 0
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
            guard block.appendFold(of: scalar.value, to: &folded) else { return nil }
            found += 1
        }
        if found == 0 { return nil }
        // ICU's transform leaves no letter of a word of soft and hard signs; its key is then the word.
        if folded.isEmpty && block.dropsPrimes { return surface.lowercased() }
        return String(decoding: folded, as: UTF8.self)
    }

    /// `text` with ш, ж, ч and щ in either case spelled sh, zh, ch and shch,
    /// the step before ICU's transform (see the type's comment).
    static func spellingDigraphs(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { Folder.digraphs[$0] != nil }) else { return text }
        var spelled = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let digraph = Folder.digraphs[scalar] { spelled.append(contentsOf: digraph.unicodeScalars) } else { spelled.append(scalar) }
        }
        return String(spelled)
    }

    private static let digraphs: [Unicode.Scalar: String] = [
        "ш": "sh", "Ш": "Sh", "ж": "zh", "Ж": "Zh", "ч": "ch", "Ч": "Ch", "щ": "shch", "Щ": "Shch",
    ]

    /// Transliteration writes soft and hard signs as primes (or quotes); they
    /// carry no letter and would split spellings that differ only by them, so
    /// fold keys leave them out.
    fileprivate static func isPrime(_ character: Character) -> Bool {
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

/// The folds of the characters of a few ranges of code points (see `Folder.letterKey`).
private struct LetterFolds {
    /// Per range, its first code point and its first code point's place in `places`.
    private let ranges: [(first: UInt32, count: UInt32, place: Int)]
    /// Per code point of the ranges, where its fold's UTF-8 starts in `bytes`
    /// and its length (`offset << 8 | length`), or `unknown` for a code point
    /// that folds only in context. Flat, so that a character's fold costs no
    /// array of its own to reach.
    private let places: [UInt32]
    private let bytes: [UInt8]
    private static let unknown = UInt32.max
    /// Whether ASCII letters may stand among the block's letters (they fold to lower case).
    let asciiLetters: Bool
    /// Whether the primes that transliteration writes for soft and hard signs are left out.
    let dropsPrimes: Bool

    init(_ tables: [(first: UInt32, folds: [String?])], asciiLetters: Bool, dropsPrimes: Bool) {
        var ranges: [(first: UInt32, count: UInt32, place: Int)] = [], places: [UInt32] = [], bytes: [UInt8] = []
        for (first, folds) in tables {
            ranges.append((first, UInt32(folds.count), places.count))
            for fold in folds {
                guard let fold else { places.append(LetterFolds.unknown); continue }
                let utf8 = Array((dropsPrimes ? fold.filter { !Folder.isPrime($0) } : fold).utf8)
                precondition(utf8.count < 256, "a letter's fold longer than 255 bytes")
                places.append(UInt32(bytes.count) << 8 | UInt32(utf8.count))
                bytes += utf8
            }
        }
        self.ranges = ranges
        self.places = places
        self.bytes = bytes
        self.asciiLetters = asciiLetters
        self.dropsPrimes = dropsPrimes
    }

    /// Appends the fold of code point `value`; false when the ranges do not fold it alone.
    @inline(__always)
    func appendFold(of value: UInt32, to out: inout [UInt8]) -> Bool {
        for range in ranges where value >= range.first && value - range.first < range.count {
            let place = places[range.place + Int(value - range.first)]
            guard place != LetterFolds.unknown else { return false }
            let start = Int(place >> 8)
            for index in start..<(start + Int(place & 0xFF)) { out.append(bytes[index]) }
            return true
        }
        return false
    }
}
