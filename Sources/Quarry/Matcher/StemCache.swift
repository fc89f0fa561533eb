/// The stems of word forms (`Lexicon.stems(of:foldKey:keys:)`), found once
/// per form and list of endings: the VM's `TokenStems`. (As a closure
/// that wrote to the VM, the trie walk retained and released the lexicon's
/// arrays at every step, some 500,000 atomic operations per MB of text.)
final class StemCache: TokenStems {
    /// By the lexicon's endings (`Lexicon.endingsSignature`), not the lexicon:
    /// the default pack's inflecting lexicons all take the same endings.
    private struct Key: Hashable {
        let endings: Int
        let form: Int32
    }

    private let lexicons: [Lexicon]
    private let keys: KeyTable
    private var cached: [Key: [Int32]] = [:]
    /// The strings of the forms the cached stems belong to.
    private(set) var words = WordTexts()

    init(lexicons: [Lexicon], keys: KeyTable) {
        self.lexicons = lexicons
        self.keys = keys
    }

    /// Starts on a document's word forms, forgetting the stems of another numbering's.
    func use(_ words: WordTexts) {
        if self.words.numbering !== words.numbering { cached.removeAll() }
        self.words = words
    }

    func stems(of token: Token, in lexicon: Lexicon) -> [Int32] {
        guard lexicon.endingsSignature >= 0 else { return [] }
        let key = Key(endings: lexicon.endingsSignature, form: token.form)
        if let known = cached[key] { return known }
        let stems = lexicon.stems(of: token, foldKey: words[token.form].foldKey, keys: keys)
        if token.form >= 0 { cached[key] = stems }
        return stems
    }

    /// The stems of `token` for the program's lexicon `index`.
    func stems(_ index: Int, _ token: Token) -> [Int32] {
        stems(of: token, in: lexicons[index])
    }
}
