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
    /// Sentence_Break classes, as `cicu.h` numbers them (ICU's numbering).
    private typealias Class = UInt8
    private static func number(_ kind: cicu_sentence_class) -> Class { Class(kind.rawValue) }
    private static let other = number(CICU_SB_OTHER), aTerm = number(CICU_SB_ATERM), close = number(CICU_SB_CLOSE),
                       format = number(CICU_SB_FORMAT), lower = number(CICU_SB_LOWER), numeric = number(CICU_SB_NUMERIC),
                       oLetter = number(CICU_SB_OLETTER), sep = number(CICU_SB_SEP), sp = number(CICU_SB_SP),
                       sTerm = number(CICU_SB_STERM), upper = number(CICU_SB_UPPER), cr = number(CICU_SB_CR),
                       extend = number(CICU_SB_EXTEND), lf = number(CICU_SB_LF), sContinue = number(CICU_SB_SCONTINUE)

    /// The class of every code point of the Basic Multilingual Plane, asked
    /// of ICU once per process (a few milliseconds); the others are asked each time.
    private static let basicPlane: [Class] = (0..<0x10000).map { number(cicu_sentence_class_of(Int32($0))) }

    private static func isParagraphSeparator(_ kind: Class) -> Bool { kind == sep || kind == cr || kind == lf }

    /// Where the text's sentences start, as code-point indexes, from 0, and
    /// its length last: ICU's boundaries.
    static func boundaries(_ scalars: [Unicode.Scalar]) -> [Int] {
        var boundaries = [0]
        guard !scalars.isEmpty else { return boundaries }
        let plane = basicPlane
        func classAt(_ index: Int) -> Class {
            let value = scalars[index].value
            return value < 0x10000 ? plane[Int(value)] : number(cicu_sentence_class_of(Int32(value)))
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
                scalars.withUnsafeBufferPointer { scalars in
                    plane.withUnsafeBufferPointer { plane in
                        while index < scalars.count, scalars[index].value < 0x80, !startsContext(plane[Int(scalars[index].value)]) { index += 1 }
                    }
                }
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
        kind == oLetter || kind == upper || kind == lower || kind == aTerm || kind == sTerm || isParagraphSeparator(kind)
    }
}
