/// One token of a document, with the features that rules can test. Its
/// strings (surface, fold key, shape) are its word form's, read from the
/// document (`Document.surface(of:)`): a token is a plain value.
public struct Token: Sendable {
    /// Code-point offsets into the document text, end exclusive.
    public var start: Int
    public var end: Int
    public var script: Script
    /// The number the token denotes, for digits (`1,200`) and number words (`fourteen`).
    public var numericValue: Double?
    /// True when the token holds a letter or digit (not punctuation or a symbol).
    public var isWord: Bool
    /// True when white space separates this token from the previous one.
    public var spaceBefore: Bool
    /// Index of the sentence holding the token.
    public var sentence: Int
    /// True for the first token of its sentence.
    public var isSentenceStart: Bool
    /// True when a line break stands between this token and the one before
    /// it, or no token does: the token begins a line (a paragraph, in news text).
    public var isLineStart: Bool = false

    /// Letter-case and character classes, computed once when the token is made.
    public var flags: TokenFlags = []
    /// The fold key's number in the program's `KeyTable`, or -1 when no rule names it.
    public var keyID: Int32 = -1
    /// The surface's number in the document's `WordTexts`: tokens with the
    /// same surface have the same number.
    public var form: Int32 = -1

    /// The facts about where the token stands that tests can read besides its
    /// surface (`sentence_start`, `space_before`, `line_start`), as a number
    /// from 0 to `positionFactCount - 1`: caches per word form keep one answer per value.
    var positionFacts: Int { (isSentenceStart ? 1 : 0) + (spaceBefore ? 2 : 0) + (isLineStart ? 4 : 0) }
    /// The number of values `positionFacts` takes.
    static let positionFactCount = 8

    /// True when the first letter is upper case.
    public var isCapitalized: Bool { flags.contains(.capitalized) }
    /// True when every letter is upper case and there is at least one.
    public var isUpperCase: Bool { flags.contains(.upperCase) }
    /// True when every letter is lower case and there is at least one.
    public var isLowerCase: Bool { flags.contains(.lowerCase) }
}

/// Character classes of a token, as bits.
public struct TokenFlags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let capitalized = TokenFlags(rawValue: 1 << 0)
    public static let upperCase = TokenFlags(rawValue: 1 << 1)
    public static let lowerCase = TokenFlags(rawValue: 1 << 2)
    /// Letters only.
    public static let alphabetic = TokenFlags(rawValue: 1 << 3)
    /// Starts with a digit and holds only digits, `,` and `.`.
    public static let digits = TokenFlags(rawValue: 1 << 4)

    /// Whether the first letter (digits and signs passed over) is upper case:
    /// what `capitalized` means.
    static func startsUppercase<Scalars: Sequence>(_ scalars: Scalars) -> Bool where Scalars.Element == Unicode.Scalar {
        scalars.first { ScalarKind($0).isAlphabetic }.map { ScalarKind($0).isUppercase } ?? false
    }

    /// The classes of a surface.
    public static func of(_ surface: String) -> TokenFlags {
        var flags: TokenFlags = []
        var sawLetter = false, allUpper = true, allLower = true, allAlphabetic = true
        var allDigits = true
        for (index, scalar) in surface.unicodeScalars.enumerated() {
            let kind = ScalarKind(scalar)
            let isDigit = kind.isDecimalDigit
            if index == 0 && !isDigit { allDigits = false }
            if !(isDigit || scalar == "," || scalar == ".") { allDigits = false }
            guard kind.isAlphabetic else { allAlphabetic = false; continue }
            sawLetter = true
            let upper = kind.isUppercase, lower = kind.isLowercase
            if !upper { allUpper = false }
            if !lower { allLower = false }
        }
        if startsUppercase(surface.unicodeScalars) { flags.insert(.capitalized) }
        if sawLetter && allUpper { flags.insert(.upperCase) }
        if sawLetter && allLower { flags.insert(.lowerCase) }
        if allAlphabetic && !surface.isEmpty { flags.insert(.alphabetic) }
        if allDigits && !surface.isEmpty { flags.insert(.digits) }
        return flags
    }
}
