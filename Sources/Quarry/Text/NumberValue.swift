/// Numeric values of tokens and of token sequences: digits with separators
/// (`1,200`, `3.5`), English number words (`fourteen`, `twenty`, `dozen`,
/// `hundreds`), and their combinations (`twenty-one`, `a dozen`,
/// `two hundred`, `1.5 million`, `1 200`). (The rule pack names Russian and
/// Ukrainian number words and multipliers itself.)
public enum NumberValue {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    /// Words that multiply what stands before them; plurals denote the
    /// magnitude itself (`hundreds` is 100, `dozens` is 12).
    static let multipliers: [String: Double] = [
        "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000,
    ]

    /// The value of one token, given its fold key.
    public static func ofToken(foldKey: String) -> Double? {
        if let first = foldKey.utf8.first, first >= 48 && first <= 57 {
            return parseDigits(foldKey)
        }
        return units[foldKey] ?? multipliers[foldKey]
    }

    /// Digits with `,` or thin-space group separators and an optional `.`
    /// fraction. A comma not followed by a group of three digits is a decimal
    /// comma, as Russian and Ukrainian write it (`1,5 млн`; `1,200` is 1200).
    static func parseDigits(_ text: String) -> Double? {
        var digits = ""
        var sawPoint = false
        let characters = Array(text)
        for (index, c) in characters.enumerated() {
            if c.isASCII && c.isNumber { digits.append(c) }
            else if c == "," && !sawPoint && !startsGroup(characters, after: index) { sawPoint = true; digits.append(".") }
            else if c == "," || c == "\u{202F}" || c == "\u{2009}" || c == "\u{00A0}" { continue }
            else if c == "." && !sawPoint { sawPoint = true; digits.append(c) }
            else { return nil }
        }
        return Double(digits)
    }

    /// Whether exactly three digits follow `index`, up to the end or the next non-digit.
    private static func startsGroup(_ characters: [Character], after index: Int) -> Bool {
        var count = 0
        var next = index + 1
        while next < characters.count, characters[next].isASCII, characters[next].isNumber { count += 1; next += 1 }
        return count == 3
    }

    /// Combines the number tokens of a sequence into one value: `twenty - one`
    /// is 21, `a dozen` 12, `two hundred` 200, `1.5 million` 1,500,000, and a
    /// three-digit group after digits (`1 200`) continues the number. Tokens
    /// that are neither numbers, `a`/`an`, `and` nor hyphens are ignored.
    /// Returns nil when no token is a number.
    public static func combine(_ range: Range<Int>, of document: Document) -> Double? {
        var total = 0.0
        var current = 0.0
        var sawNumber = false
        var previousWasDigits = false
        for token in document.tokens[range] {
            let text = document.words[token.form], key = text.foldKey
            if key == "a" || key == "an" {
                current = max(current, 1)
                previousWasDigits = false
                continue
            }
            guard let value = token.numericValue else {
                previousWasDigits = false
                continue
            }
            let isDigits = text.surface.first?.isNumber == true
            if let multiplier = multipliers[key] {
                current = max(current, 1) * multiplier
                if multiplier >= 1_000 { total += current; current = 0 }
            } else if isDigits && previousWasDigits && text.surface.count == 3 && token.spaceBefore {
                current = current * 1_000 + value
            } else if isDigits && previousWasDigits {
                current = value
            } else {
                current += value
            }
            sawNumber = true
            previousWasDigits = isDigits
        }
        return sawNumber ? total + current : nil
    }
}
