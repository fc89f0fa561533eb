/// The fold keys of the rule files' literals, each distinct literal
/// tokenized once: the default pack names about nine thousand literals, most
/// of them again and again ("the", "said", each word of a pattern that
/// several rules use), and tokenizing them was a twentieth of compiling it.
final class LiteralKeys {
    private let tokenizer: Tokenizer
    private var known: [String: [String]] = [:]

    init(_ tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    func keys(of literal: String) -> [String] {
        if let keys = known[literal] { return keys }
        let keys = tokenizer.foldKeys(of: literal)
        known[literal] = keys
        return keys
    }
}
