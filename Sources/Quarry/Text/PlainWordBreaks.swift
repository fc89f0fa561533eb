/// Word boundaries of plain text without ICU: the rules of UAX #29 that can
/// apply to ASCII characters and the typographic quotes and dashes of news
/// text, as ICU has them (the colon is not MidLetter, "@" is a letter), so
/// that most of an English text is split at a fraction of the cost of ICU's
/// iterator. `TokenizerTests` holds it to ICU on random text and on the samples.
///
/// A text is cut into regions at places where every rule agrees there is a
/// boundary whatever surrounds it: before an ASCII character that is not a
/// space and follows a space (no rule joins a space to what follows but
/// Extend and Format characters, which are not ASCII, and the rules that
/// look two characters around a boundary never see past a space). Regions
/// of plain characters are split here, the others by ICU.
enum PlainWordBreaks {
    /// A region of a text: code points `start..<end`.
    struct Region {
        var start: Int
        var end: Int
        var isPlain: Bool
    }

    /// The regions of `scalars`, neighbouring regions of one kind merged.
    /// Most texts have few characters that are not plain: the scan looks for
    /// them, and only around one looks for the cuts that bound its region.
    static func regions(_ scalars: [Unicode.Scalar]) -> [Region] {
        var regions: [Region] = []
        func isCut(_ index: Int) -> Bool {
            index > 0 && scalars[index].value < 0x80 && scalars[index] != " " && scalars[index - 1] == " "
        }
        var plainStart = 0, index = 0
        while index < scalars.count {
            // ASCII four at a time, read without bounds checks: most of a text.
            scalars.withUnsafeBufferPointer { scalars in
                while index + 4 <= scalars.count,
                      (scalars[index].value | scalars[index + 1].value | scalars[index + 2].value | scalars[index + 3].value) < 0x80 {
                    index += 4
                }
            }
            guard index < scalars.count else { break }
            let value = scalars[index].value
            if value < 0x80 || plainClass(value) != nil {
                index += 1
                continue
            }
            var start = index, end = index + 1
            while start > plainStart && !isCut(start) { start -= 1 }
            while end < scalars.count && !isCut(end) { end += 1 }
            if start > plainStart { regions.append(Region(start: plainStart, end: start, isPlain: true)) }
            if let last = regions.last, !last.isPlain, last.end == start {
                regions[regions.count - 1].end = end
            } else {
                regions.append(Region(start: start, end: end, isPlain: false))
            }
            plainStart = end
            index = end
        }
        if plainStart < scalars.count { regions.append(Region(start: plainStart, end: scalars.count, isPlain: true)) }
        return regions
    }

    /// Word-break classes of plain characters.
    /// (UAX #29's MidLetter holds no ASCII character once ICU removes the colon.)
    private enum Class: UInt8, CaseIterable {
        case other, letter, numeric, midNumLet, midNum, extendNumLet, cr, lf, newline, space
    }

    private static func classOf(_ scalar: Unicode.Scalar) -> Class {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x40: return .letter  // ICU's rules count "@" as a letter
        case 0x30...0x39: return .numeric
        case 0x2E, 0x27: return .midNumLet  // "." and the apostrophe (Single_Quote acts as MidNumLet here)
        case 0x2C, 0x3B: return .midNum  // "," and ";"
        case 0x5F: return .extendNumLet  // "_"
        case 0x0D: return .cr
        case 0x0A: return .lf
        case 0x0B, 0x0C: return .newline
        case 0x20: return .space
        default: return .other
        }
    }

    /// The class of a plain character that is not ASCII; nil for the others.
    private static func plainClass(_ value: UInt32) -> Class? {
        switch value {
        case 0x2018, 0x2019: return .midNumLet  // ‘ ’
        case 0x201C, 0x201D, 0x2013, 0x2014, 0x2026: return .other  // “ ” – — …
        default: return nil
        }
    }

    /// What `joins` says of each pair (before, after), at `before * count + after`:
    /// 0 never joins, 1 always joins, 2 depends on the characters around.
    private static let pairs: [UInt8] = Class.allCases.flatMap { before in
        Class.allCases.map { after in
            let answers = Set(Class.allCases.flatMap { previous in Class.allCases.map { joins(previous, before, after, $0) } })
            return answers.count > 1 ? 2 : answers.contains(true) ? 1 : 0
        }
    }

    /// `classOf` of every ASCII character, looked up in the loop below.
    private static let classes: [Class] = (0..<0x80).map { classOf(Unicode.Scalar(UInt8($0))) }

    /// Appends the boundaries inside `start..<end` of a plain region, and
    /// `end` itself (the caller has `start`).
    static func appendBoundaries(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, to boundaries: inout [Int]) {
        guard end > start else { return }
        let classCount = Class.allCases.count
        scalars.withUnsafeBufferPointer { scalars in
            pairs.withUnsafeBufferPointer { pairs in
                classes.withUnsafeBufferPointer { table in
                    // `.other` outside the region.
                    func classOf(_ value: UInt32) -> Class { value < 0x80 ? table[Int(value)] : plainClass(value) ?? .other }
                    func classAt(_ index: Int) -> Class { index >= start && index < end ? classOf(scalars[index].value) : .other }
                    var before = classAt(start)
                    var index = start + 1
                    while index < end {
                        // Letters join letters (WB5): a run of them holds no boundary.
                        if before == .letter {
                            while index < end && scalars[index].value < 0x80 && table[Int(scalars[index].value)] == .letter { index += 1 }
                            guard index < end else { break }
                        }
                        let after = classOf(scalars[index].value)
                        switch pairs[Int(before.rawValue) * classCount + Int(after.rawValue)] {
                        case 0: boundaries.append(index)
                        case 1: break
                        default: if !joins(classAt(index - 2), before, after, classAt(index + 1)) { boundaries.append(index) }
                        }
                        before = after
                        index += 1
                    }
                }
            }
        }
        boundaries.append(end)
    }

    /// Whether the rules keep `before` and `after` in one segment, given one
    /// more character on each side.
    private static func joins(_ previous: Class, _ before: Class, _ after: Class, _ next: Class) -> Bool {
        switch (before, after) {
        case (.cr, .lf): return true  // WB3
        case (.cr, _), (.lf, _), (.newline, _), (_, .cr), (_, .lf), (_, .newline): return false  // WB3a, WB3b
        case (.space, .space): return true  // WB3d
        case (.letter, .letter), (.numeric, .numeric), (.letter, .numeric), (.numeric, .letter): return true  // WB5, WB8-10
        case (.letter, .midNumLet): return next == .letter  // WB6
        case (.midNumLet, .letter): return previous == .letter  // WB7
        case (.midNum, .numeric), (.midNumLet, .numeric): return previous == .numeric  // WB11
        case (.numeric, .midNum), (.numeric, .midNumLet): return next == .numeric  // WB12
        case (.letter, .extendNumLet), (.numeric, .extendNumLet), (.extendNumLet, .extendNumLet): return true  // WB13a
        case (.extendNumLet, .letter), (.extendNumLet, .numeric): return true  // WB13b
        default: return false
        }
    }
}
