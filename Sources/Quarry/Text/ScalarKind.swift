/// The Unicode properties that describe a token (letter, case, digit,
/// number), with ASCII answered without a property lookup: each lookup is a
/// call into the standard library's tables, and most words of English news
/// and of lexicons are ASCII. Used once per word form and per lexicon entry.
struct ScalarKind {
    var isAlphabetic: Bool
    var isUppercase: Bool
    var isLowercase: Bool
    /// A decimal digit (`Numeric_Type=Decimal`).
    var isDecimalDigit: Bool
    /// Any numeric character (digits, fractions, numerals).
    var isNumeric: Bool

    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value >= 0x80 && value < ScalarKind.tableLimit {
            self = ScalarKind.table[Int(value)]
            return
        }
        self.init(computing: scalar)
    }

    /// Latin, Greek and Cyrillic letters (below U+0530) are answered from a
    /// table made once per process: lexicons hold thousands of Cyrillic words,
    /// each letter of which would cost four property lookups.
    private static let tableLimit: UInt32 = 0x530
    private static let table: [ScalarKind] = (0..<tableLimit).map { ScalarKind(computing: Unicode.Scalar($0)!) }

    private init(computing scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            isUppercase = value >= 0x41 && value <= 0x5A
            isLowercase = value >= 0x61 && value <= 0x7A
            isAlphabetic = isUppercase || isLowercase
            isDecimalDigit = value >= 0x30 && value <= 0x39
            isNumeric = isDecimalDigit
            return
        }
        let properties = scalar.properties
        isAlphabetic = properties.isAlphabetic
        isUppercase = isAlphabetic && properties.isUppercase
        isLowercase = isAlphabetic && properties.isLowercase
        let numericType = properties.numericType
        isDecimalDigit = numericType == .decimal
        isNumeric = numericType != nil
    }
}
