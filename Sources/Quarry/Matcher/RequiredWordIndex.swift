/// Where the required words of a program's rules (`RequiredKeys`) occur in
/// a document, built once per document for every phase. A word is a fold key
/// a rule requires, or a lexicon, which occurs where one of its entries may
/// start (a token with the key of an entry's first word, or for inflecting
/// lexicons also a token one of whose stems is an entry's first word). Words
/// are numbered across the program; `RequiredKeyFilter` reads the positions
/// of its phase's words.
struct RequiredWordIndex {
    /// The number of each required key and of each required lexicon.
    private(set) var keyWord: [Int32: Int32] = [:]
    private(set) var lexiconWord: [Int: Int32] = [:]
    var wordCount: Int { keyWord.count + lexiconWord.count }
    /// The words a token with key `k` is an occurrence of:
    /// `keyWords[keyWordBounds[k]..<keyWordBounds[k + 1]]`.
    private var keyWords: [Int32] = []
    private var keyWordBounds: [Int] = [0]
    /// The required lexicons that inflect, with their words: they also occur
    /// where a stem starts an entry, which the caller finds per token.
    private(set) var inflectingLexicons: [(lexicon: Int, word: Int32)] = []
    /// Positions of each word in the document: word `n`'s are
    /// `positions[positionBounds[n]..<positionBounds[n + 1]]`, ascending.
    private(set) var positions: [Int32] = []
    private(set) var positionBounds: [Int] = []
    /// Scratch: (word, position) pairs in position order.
    private var occurrences: [(word: Int32, position: Int32)] = []

    init(phases: [Phase], keyCount: Int, lexicons: [Lexicon]) {
        // Words are numbered in order of first mention.
        for required in phases.flatMap({ $0.ruleRequiredKeys + $0.ruleAlsoRequired.flatMap { $0 } }) {
            for key in required?.keys ?? [] where keyWord[key] == nil { keyWord[key] = Int32(wordCount) }
            for lexicon in required?.lexicons ?? [] where lexiconWord[lexicon] == nil { lexiconWord[lexicon] = Int32(wordCount) }
        }
        // An array by key, not a dictionary: the gazetteer alone starts entries with 20,000 keys.
        var wordsOfKey = [[Int32]](repeating: [], count: keyCount)
        // (A key has one word of its own: the order of the dictionary does not matter.)
        for (key, word) in keyWord where Int(key) < keyCount { wordsOfKey[Int(key)].append(word) }
        for (lexicon, word) in lexiconWord.sorted(by: { $0.key < $1.key }) {
            for key in lexicons[lexicon].firstKeys where Int(key) < keyCount { wordsOfKey[Int(key)].append(word) }
            if lexicons[lexicon].inflects { inflectingLexicons.append((lexicon, word)) }
        }
        keyWordBounds.reserveCapacity(keyCount + 1)
        for words in wordsOfKey {
            keyWords += words
            keyWordBounds.append(keyWords.count)
        }
    }

    /// Indexes where the words occur in `tokens`: one pass over the tokens,
    /// then the occurrences sorted by word (counting sort).
    /// `inflectedStarts`: the words of inflecting lexicons whose entries start
    /// inflected at a token (and not by its own key), in position order.
    mutating func index(_ tokens: [Token], inflectedStarts: [(position: Int32, word: Int32)]) {
        guard wordCount > 0 else { return }
        occurrences.removeAll(keepingCapacity: true)
        var nextInflected = 0
        // Unchecked reads: keys are the program's own numbers (asked at every token).
        keyWordBounds.withUnsafeBufferPointer { bounds in
            keyWords.withUnsafeBufferPointer { keyWords in
                for position in tokens.indices {
                    let key = Int(tokens[position].keyID)
                    if key >= 0 {
                        for index in bounds[key]..<bounds[key &+ 1] { occurrences.append((keyWords[index], Int32(position))) }
                    }
                    while nextInflected < inflectedStarts.count && inflectedStarts[nextInflected].position == position {
                        occurrences.append((inflectedStarts[nextInflected].word, Int32(position)))
                        nextInflected += 1
                    }
                }
            }
        }
        // New arrays, not the old ones overwritten: the filters of the last
        // document may still hold those, and writing would copy them.
        // (The counting sort reads and writes without bounds checks: words
        // are below `wordCount`, and each bound counts its own occurrences.)
        var bounds = Array(repeating: 0, count: wordCount + 1)
        var sorted = [Int32](repeating: 0, count: occurrences.count)
        occurrences.withUnsafeBufferPointer { occurrences in
            bounds.withUnsafeMutableBufferPointer { bounds in
                for (word, _) in occurrences { bounds[Int(word) &+ 1] &+= 1 }
                for word in 0..<wordCount { bounds[word &+ 1] &+= bounds[word] }
                var next = Array(bounds.dropLast())
                sorted.withUnsafeMutableBufferPointer { sorted in
                    next.withUnsafeMutableBufferPointer { next in
                        for (word, position) in occurrences {
                            sorted[next[Int(word)]] = position
                            next[Int(word)] &+= 1
                        }
                    }
                }
            }
        }
        positionBounds = bounds
        positions = sorted
    }
}
