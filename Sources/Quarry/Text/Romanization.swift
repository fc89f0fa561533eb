/// A romanization written as a table of rewrites, the way a rule pack gives
/// one (`romanize(x, Table)`): each entry rewrites a run of letters, `^` in
/// front of it for a word's start only, `$` after it for a word's end only.
/// A word is rewritten from left to right, at each place by the longest entry
/// that applies there (of equally long ones, the anchored one first), and a
/// character no entry rewrites is kept; every apostrophe reads as `'`. The
/// table, not Swift, knows the language: Ukrainian writes `є` as `ye` at a
/// word's start and `ie` elsewhere, and Russian `ый` as `y` at its end.
struct Romanization: Sendable {
    /// Rewrites by their lower-case letters, with the anchors written as in the table.
    private let rewrites: [String: String]
    /// The most characters an entry rewrites, anchors left out.
    private let longest: Int

    init(_ entries: [(from: String, to: String)]) {
        var rewrites: [String: String] = [:]
        var longest = 0
        for (from, to) in entries {
            let key = from.lowercased()
            rewrites[key] = to
            longest = max(longest, key.count - (key.hasPrefix("^") ? 1 : 0) - (key.hasSuffix("$") && key.count > 1 ? 1 : 0))
        }
        self.rewrites = rewrites
        self.longest = longest
    }

    /// `text` romanized word by word; what lies between letters is kept.
    func apply(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard characters[index].isLetter else {
                result.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count && (characters[end].isLetter || Romanization.isWordInside(characters, end)) { end += 1 }
            result += romanized(characters[index..<end])
            index = end
        }
        return result
    }

    /// An apostrophe between letters belongs to the word (`Куп'янськ`): the table may drop it.
    private static func isWordInside(_ characters: [Character], _ index: Int) -> Bool {
        guard index > 0, index + 1 < characters.count, characters[index - 1].isLetter, characters[index + 1].isLetter else { return false }
        return apostrophes.contains(characters[index])
    }

    /// The apostrophes texts write (typewriter, typographic, modifier letter),
    /// which the table lists as `'` alone.
    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{02BC}"]

    private func romanized(_ word: ArraySlice<Character>) -> String {
        if word.contains(where: { $0 != "'" && Romanization.apostrophes.contains($0) }) {
            return romanized(ArraySlice(word.map { Romanization.apostrophes.contains($0) ? "'" : $0 }))
        }
        // A word in capitals stays in capitals ("ХАРКІВ", not "KhARKIV").
        if word.count > 1 && word.allSatisfy({ !$0.isLetter || $0.isUppercase }) {
            return romanized(ArraySlice(word.map { Character($0.lowercased()) })).uppercased()
        }
        var result = ""
        var index = word.startIndex
        while index < word.endIndex {
            var rewritten = false
            for length in stride(from: min(longest, word.endIndex - index), through: 1, by: -1) {
                let letters = String(word[index..<(index + length)])
                let lower = letters.lowercased()
                let atStart = index == word.startIndex, atEnd = index + length == word.endIndex
                let candidates = [atStart && atEnd ? "^" + lower + "$" : nil, atStart ? "^" + lower : nil,
                                  atEnd ? lower + "$" : nil, lower]
                guard let replacement = candidates.lazy.compactMap({ $0 }).compactMap({ rewrites[$0] }).first else { continue }
                result += Romanization.matchingCase(replacement, of: letters)
                index += length
                rewritten = true
                break
            }
            if !rewritten {
                result.append(word[index])
                index += 1
            }
        }
        return result
    }

    /// The replacement with a capital first where the letters it replaces begin with one.
    private static func matchingCase(_ replacement: String, of letters: String) -> String {
        guard let first = letters.first, first.isUppercase else { return replacement }
        return replacement.prefix(1).uppercased() + replacement.dropFirst()
    }
}
