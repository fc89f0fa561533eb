/// For each word form and phase, the rules that may begin at a token of that
/// form as far as the token decides (literal keys, lexicon starts, token
/// tests): found once per form instead of at every token. Tests may read
/// whether the token starts a sentence or a line and follows a space, so a
/// form has a list per combination of the three (its variant, the token's
/// `positionFacts`) in phases where a first step reads them, and one list in
/// the others. Forms that begin the
/// same rules share one stored list.
struct FormStartCache {
    /// Per phase, at `form * variants[phase] + variant`: the list's number plus
    /// one, 0 while unknown. One array per phase, a slot per form where the
    /// variant does not matter: a phase reads only its own, so what it reads
    /// of it stays in the processor's caches.
    private var listOfForm: [[Int32]]
    /// Per phase: `Token.positionFactCount` when a first step reads the position facts, else 1.
    private let variants: [Int]
    private var listNumbers: [[Int32]: Int32] = [:]
    /// List `k` is `storage[bounds[k]..<bounds[k + 1]]`, rules in ascending order.
    private(set) var storage: [Int32] = []
    private var bounds: [Int] = [0]

    /// `positional[phase]`: whether a first step of the phase reads the position facts.
    init(positional: [Bool]) {
        listOfForm = Array(repeating: [], count: positional.count)
        variants = positional.map { $0 ? Token.positionFactCount : 1 }
    }

    private func slot(_ form: Int32, _ variant: Int, _ phase: Int) -> Int {
        variants[phase] == 1 ? Int(form) : Int(form) * Token.positionFactCount + variant
    }

    /// Forgets every form (a new `WordForms` numbering begins).
    mutating func removeAll() {
        for phase in listOfForm.indices { listOfForm[phase].removeAll(keepingCapacity: true) }
    }

    /// The stored range of the form's list in `phase`, or nil when not known yet.
    /// (Read without bounds checks past the one on the slot: asked at nearly every token.)
    func list(form: Int32, variant: Int, phase: Int) -> Range<Int>? {
        let slot = slot(form, variant, phase)
        let number = listOfForm[phase].withUnsafeBufferPointer { form >= 0 && slot < $0.count ? Int($0[slot]) &- 1 : -1 }
        guard number >= 0 else { return nil }
        return bounds.withUnsafeBufferPointer { $0[number]..<$0[number &+ 1] }
    }

    /// Stores the form's list in `phase` and returns its range.
    mutating func store(_ rules: [Int32], form: Int32, variant: Int, phase: Int) -> Range<Int> {
        let number: Int32
        if let known = listNumbers[rules] { number = known } else {
            number = Int32(bounds.count - 1)
            listNumbers[rules] = number
            storage.append(contentsOf: rules)
            bounds.append(storage.count)
        }
        if form >= 0 {
            let slot = slot(form, variant, phase)
            let count = listOfForm[phase].count
            if slot >= count { listOfForm[phase].append(contentsOf: repeatElement(0, count: max(slot + 1, 2 * count) - count)) }
            listOfForm[phase][slot] = number + 1
        }
        return bounds[Int(number)]..<bounds[Int(number) + 1]
    }
}
