/// A tokenizer's word forms: their numbers (`FormTable`), features and
/// strings, so that whatever a surface alone determines is computed once per
/// distinct surface, not per token.
struct WordCache {
    private var forms = FormTable()
    private var features: [WordFeatures] = []
    /// The strings by form number (`Token.form`); a new numbering starts with the cache.
    private(set) var words = WordTexts()

    mutating func removeAll() {
        forms.removeAll()
        features.removeAll(keepingCapacity: true)
        words = WordTexts()
    }

    /// The number and features of the word form `scalars[start..<end]`: ICU
    /// and Unicode property lookups are paid per word form, not per occurrence.
    mutating func form(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, folder: Folder,
                       keys: KeyTable) -> (number: Int32, features: WordFeatures) {
        let hash = FormTable.hash(scalars, start, end)
        if let form = forms.find(scalars, start, end, hash: hash) { return (form, features[Int(form)]) }
        let surface = String(scalars: scalars[start..<end]), foldKey = folder.key(surface)
        var word = WordFeatures(surface, foldKey: foldKey)
        word.keyID = keys.id(of: foldKey)
        let form = forms.insert(scalars, start, end, hash: hash)
        words.append(WordText(surface: surface, foldKey: foldKey, shape: WordShape.of(surface)))
        features.append(word)
        return (form, word)
    }
}

/// What a token's surface alone determines, besides its strings.
struct WordFeatures {
    var script: Script
    var numericValue: Double?
    var isWord: Bool
    var flags: TokenFlags
    var keyID: Int32 = -1

    init(_ surface: String, foldKey: String) {
        (script, isWord) = Script.ofLetters(surface.unicodeScalars)
        numericValue = NumberValue.ofToken(foldKey: foldKey)
        flags = TokenFlags.of(surface)
    }
}
