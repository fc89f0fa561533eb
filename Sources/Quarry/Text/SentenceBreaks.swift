import CICU

/// Sentence boundaries by the rules of UAX #29 (SB1-SB11), as ICU's sentence
/// iterator draws them, read straight from code points: ICU would need the
/// whole text converted to UTF-16 first and costs as much again as splitting
/// the words. `TokenizerTests` holds it to ICU on random text and on the samples.
///
/// Extend and Format characters join the character before them (SB5), so the
/// rules run over "units": a character with the Extend and Format characters
/// that follow it. Only a unit after a terminator or a paragraph separator
/// can start a sentence, which the common path checks first.
enum SentenceBreaks {
    /// Sentence_Break classes, numbered as ICU numbers them.
    private typealias Class = UInt8
    private static let other: Class = 0, aTerm: Class = 1, close: Class = 2, format: Class = 3, lower: Class = 4,
                       numeric: Class = 5, oLetter: Class = 6, sep: Class = 7, sp: Class = 8, sTerm: Class = 9,
                       upper: Class = 10, cr: Class = 11, extend: Class = 12, lf: Class = 13, sContinue: Class = 14

    /// The class of every code point of the Basic Multilingual Plane, asked
    /// of ICU once per process (a few milliseconds); the others are asked each time.
    private static let basicPlane: [Class] = (0..<0x10000).map { Class(cicu_sentence_class_of(Int32($0)).rawValue) }

    private static func isParagraphSeparator(_ kind: Class) -> Bool { kind == sep || kind == cr || kind == lf }

    /// Where the text's sentences start, as code-point indexes, from 0, and
    /// its length last: ICU's boundaries.
    static func boundaries(_ scalars: [Unicode.Scalar]) -> [Int] {
        var boundaries = [0]
        guard !scalars.isEmpty else { return boundaries }
        let plane = basicPlane
        func classAt(_ index: Int) -> Class {
            let value = scalars[index].value
            return value < 0x10000 ? plane[Int(value)] : Class(cicu_sentence_class_of(Int32(value)).rawValue)
        }
        // The classes of the last two units before the one looked at.
        var previous = classAt(0), beforePrevious = other
        // Whether the units before the one looked at end in `SATerm Close*`
        // (`.closes`) or `SATerm Close* Sp+` (`.spaces`), and whether that
        // terminator is an ATerm.
        enum Tail { case none, closes, spaces }
        var tail = Tail.none, termIsATerm = false
        // SB8's look-ahead from a unit: where it stops, reused while the units
        // looked at have not passed it.
        var lookedAhead = -1, lowerAhead = false
        follow(previous)
        var index = 1
        while index < scalars.count {
            if tail == .none && !isParagraphSeparator(previous) {
                // No boundary falls in a run of ASCII without terminators
                // and line breaks (nor does the run change `tail`), so it
                // is passed over reading nothing but its classes.
                let run = index
                while index < scalars.count, scalars[index].value < 0x80, !startsContext(plane[Int(scalars[index].value)]) { index += 1 }
                if index > run {
                    beforePrevious = index - run >= 2 ? plane[Int(scalars[index - 2].value)] : previous
                    previous = plane[Int(scalars[index - 1].value)]
                    if index == scalars.count { break }
                }
            }
            let kind = classAt(index)
            index += 1
            if kind == extend || kind == format, !isParagraphSeparator(previous) { continue }
            if breaks(before: index - 1, kind) { boundaries.append(index - 1) }
            beforePrevious = previous
            previous = kind
            follow(kind)
        }
        boundaries.append(scalars.count)
        return boundaries

        func follow(_ kind: Class) {
            switch kind {
            case aTerm, sTerm:
                tail = .closes
                termIsATerm = kind == aTerm
            case close: tail = tail == .closes ? .closes : .none
            case sp: tail = tail == .none ? .none : .spaces
            default: tail = .none
            }
        }

        func breaks(before index: Int, _ kind: Class) -> Bool {
            guard tail != .none || isParagraphSeparator(previous) else { return false }  // SB998
            if previous == cr && kind == lf { return false }  // SB3
            if isParagraphSeparator(previous) { return true }  // SB4
            if previous == aTerm {
                if kind == numeric { return false }  // SB6
                if kind == upper && (beforePrevious == upper || beforePrevious == lower) { return false }  // SB7
            }
            if termIsATerm {  // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
                // Extend and Format never stop the look-ahead, so it reads code points, not units.
                if lookedAhead < index {
                    lookedAhead = index
                    while lookedAhead < scalars.count && !stopsLookAhead(classAt(lookedAhead)) { lookedAhead += 1 }
                    lowerAhead = lookedAhead < scalars.count && classAt(lookedAhead) == lower
                }
                if lowerAhead { return false }
            }
            if kind == sContinue || kind == aTerm || kind == sTerm { return false }  // SB8a
            if tail == .closes && (kind == close || kind == sp || isParagraphSeparator(kind)) { return false }  // SB9
            if kind == sp || isParagraphSeparator(kind) { return false }  // SB10
            return true  // SB11
        }
    }

    /// Whether a unit of this class can be followed by a boundary other than by SB998's "any × any".
    private static func startsContext(_ kind: Class) -> Bool {
        kind == aTerm || kind == sTerm || isParagraphSeparator(kind)
    }

    private static func stopsLookAhead(_ kind: Class) -> Bool {
        kind == oLetter || kind == upper || kind == lower || kind == sep || kind == cr || kind == lf || kind == aTerm || kind == sTerm
    }
}
