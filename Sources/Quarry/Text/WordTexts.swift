/// The strings of one numbering's word forms, by form number (`Token.form`).
/// Tokens hold the number only, so they are plain values: copying or freeing
/// one costs no reference counting, and a document's tokens are freed as one
/// block. The tokenizer appends to its table; each document holds a copy.
///
/// The texts live in chunks of fixed size that never move. A copy shares the
/// chunks, and appending only writes slots past those any earlier copy can
/// read, so a document can be read on one thread while its tokenizer goes on
/// with the next on another.
public struct WordTexts: Sendable {
    /// The identity of the numbering: caches keyed by form number belong to one.
    public let numbering = WordForms()
    private var chunks: [Chunk] = []
    /// Number of forms.
    public private(set) var count = 0

    private static let chunkShift = 12
    private static let chunkSize = 1 << chunkShift

    init() {}

    /// The strings of form `form`, which must be below `count`.
    subscript(form: Int32) -> WordText {
        let index = Int(form)
        precondition(index >= 0 && index < count, "word form \(index) not in the numbering")
        return chunks[index >> WordTexts.chunkShift].texts[index & (WordTexts.chunkSize - 1)]
    }

    /// Numbers `text` as form `count`.
    mutating func append(_ text: WordText) {
        if count & (WordTexts.chunkSize - 1) == 0 { chunks.append(Chunk(capacity: WordTexts.chunkSize)) }
        chunks[chunks.count - 1].append(text)
        count += 1
    }

    /// A fixed block of texts filled in order. Only its owner's table
    /// appends; copies of the table read slots below their own `count`,
    /// which are written before the copy is made and never again.
    private final class Chunk: @unchecked Sendable {
        let texts: UnsafeMutablePointer<WordText>
        private var filled = 0

        init(capacity: Int) { texts = .allocate(capacity: capacity) }

        func append(_ text: WordText) {
            (texts + filled).initialize(to: text)
            filled += 1
        }

        deinit {
            texts.deinitialize(count: filled)
            texts.deallocate()
        }
    }
}

/// The strings of a word form: its surface, fold key and shape.
final class WordText: Sendable {
    let surface: String
    let foldKey: String
    let shape: String

    init(surface: String, foldKey: String, shape: String) {
        self.surface = surface
        self.foldKey = foldKey
        self.shape = shape
    }
}

/// The identity of a numbering of word forms: tokens of one surface share a
/// number (`Token.form`), so whatever depends on the surface alone can be
/// cached per number. Caches keyed by form numbers belong to one numbering
/// (compared by identity) and start over with a new one.
public final class WordForms: Sendable {
    public init() {}
}
