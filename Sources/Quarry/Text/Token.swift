/// One token of a document, with the features that rules can test.
public struct Token: Sendable {
    /// Code-point offsets into the document text, end exclusive.
    public var start: Int
    public var end: Int
    /// The text as written.
    public var surface: String
    /// The comparison key: NFKC, lower-cased, diacritics removed, Cyrillic and
    /// Greek transliterated to Latin (look-alike letters mapped first).
    public var foldKey: String
    /// Word shape in spaCy's style: `Xxxxx`, `dd`, `X-ddd`.
    public var shape: String
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

    /// True when the first letter is upper case.
    public var isCapitalized: Bool {
        guard let first = surface.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return false }
        return first.properties.isUppercase
    }

    /// True when every letter is upper case and there is at least one.
    public var isUpperCase: Bool {
        var sawLetter = false
        for scalar in surface.unicodeScalars where scalar.properties.isAlphabetic {
            if !scalar.properties.isUppercase { return false }
            sawLetter = true
        }
        return sawLetter
    }

    /// True when every letter is lower case and there is at least one.
    public var isLowerCase: Bool {
        var sawLetter = false
        for scalar in surface.unicodeScalars where scalar.properties.isAlphabetic {
            if !scalar.properties.isLowercase { return false }
            sawLetter = true
        }
        return sawLetter
    }
}
