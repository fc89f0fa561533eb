/// Abbreviations after which no sentence ends ("U.S. President Joe Biden",
/// "Mr. Peskov", "с. Новая Таволжанка"), as the rule pack lists them in its
/// lexicon `SentenceAbbreviations`. ICU's sentence rules end a sentence at a
/// full stop before a capital; with an abbreviation before the stop the
/// boundary is dropped. (A sentence that does end with one, "aid from the
/// U.S. The president said", then runs on: the price ICU's own suppressions
/// pay too.)
public struct Abbreviations: Sendable {
    /// Each abbreviation's scalars, its full stop included.
    private let words: Set<[Unicode.Scalar]>
    /// The longest abbreviation's scalars: a longer word before a full stop is no abbreviation.
    private let longest: Int

    public static let none = Abbreviations([])

    public init(_ abbreviations: [String]) {
        words = Set(abbreviations.map { Array($0.unicodeScalars) }.filter { $0.last == "." })
        longest = words.map(\.count).max() ?? 0
    }

    /// `boundaries` (sentence starts, from 0, the text's length last) without
    /// those that follow an abbreviation on the same line.
    func keepingSentencesTogether(_ boundaries: [Int], _ scalars: [Unicode.Scalar]) -> [Int] {
        guard !words.isEmpty, boundaries.count > 2 else { return boundaries }
        var kept = [boundaries[0]]
        kept.reserveCapacity(boundaries.count)
        for boundary in boundaries.dropFirst().dropLast() {
            if !followsAbbreviation(boundary, scalars) { kept.append(boundary) }
        }
        kept.append(boundaries[boundaries.count - 1])
        return kept
    }

    /// Whether the text before `boundary`, past spaces but no line break,
    /// ends with a listed abbreviation that starts a word.
    private func followsAbbreviation(_ boundary: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var stop = boundary - 1
        while stop >= 0 && (scalars[stop] == " " || scalars[stop] == "\t" || scalars[stop] == "\u{A0}") { stop -= 1 }
        guard stop > 0, scalars[stop] == "." else { return false }
        var start = stop - 1
        while start >= 0 && !Abbreviations.endsWord(scalars[start]) {
            // Most sentences end with a word longer than any abbreviation.
            if stop - start >= longest { return false }
            start -= 1
        }
        return words.contains(Array(scalars[(start + 1)...stop]))
    }

    /// What stands before a word: a space or line break, an opening bracket or quotation mark.
    private static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{A0}", "(", "[", "\"", "“", "«", "„", "'", "‘": return true
        default: return false
        }
    }
}
