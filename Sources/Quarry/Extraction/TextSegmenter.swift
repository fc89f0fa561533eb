/// Cuts a long text into overlapping windows so that memory stays bounded by
/// the window size, not the document size (a 100 MB file with no line breaks
/// is one document).
///
/// Each window has a core, and context of about `overlap` code points on each
/// side. A record belongs to the window whose core holds its first character;
/// the context lets matches that cross the core's edge, and attributes that
/// look back (`previous`, `fullest`), come out as they would in the whole text.
/// What is lost: a match longer than the overlap, and a look-back further
/// than the overlap. Cores end at a line break where there is one near the
/// target size, else after a sentence-ending mark, else at a space.
public struct Segmentation: Sendable, Equatable {
    /// Target code points in a window's core.
    public var coreLength: Int
    /// Code points of context on each side of the core.
    public var overlap: Int

    public init(coreLength: Int, overlap: Int) {
        precondition(coreLength > 0 && overlap >= 0)
        self.coreLength = coreLength
        self.overlap = overlap
    }

    /// 256 Ki code points of core with 16 Ki of context each side: a few MB of
    /// tokens at a time, and context longer than any quote in the samples.
    public static let standard = Segmentation(coreLength: 1 << 18, overlap: 1 << 14)
}

/// One window: its text and where its core lies, in code points of the whole text.
struct TextWindow {
    var text: Substring
    /// Code-point offset of the window's first character in the whole text.
    var offset: Int
    /// The core, as code-point offsets in the whole text.
    var core: Range<Int>
}

struct TextSegmenter {
    let text: String
    let segmentation: Segmentation

    /// The windows in order; their cores tile the whole text.
    func windows() -> [TextWindow] {
        let scalars = text.unicodeScalars
        // Core boundaries, as indices and code-point offsets.
        var cuts: [(String.Index, Int)] = [(scalars.startIndex, 0)]
        var index = scalars.startIndex
        var offset = 0
        while true {
            guard let target = scalars.index(index, offsetBy: segmentation.coreLength, limitedBy: scalars.endIndex),
                  target != scalars.endIndex else { break }
            let cut = bestCut(before: target, after: index)
            offset += scalars.distance(from: index, to: cut)
            index = cut
            cuts.append((cut, offset))
        }
        let total = offset + scalars.distance(from: index, to: scalars.endIndex)
        cuts.append((scalars.endIndex, total))

        var windows: [TextWindow] = []
        for k in 0..<(cuts.count - 1) {
            let (coreStart, coreStartOffset) = cuts[k]
            let (coreEnd, coreEndOffset) = cuts[k + 1]
            let start = spaceBoundary(scalars.index(coreStart, offsetBy: -segmentation.overlap, limitedBy: scalars.startIndex) ?? scalars.startIndex,
                                      forward: false)
            let end = spaceBoundary(scalars.index(coreEnd, offsetBy: segmentation.overlap, limitedBy: scalars.endIndex) ?? scalars.endIndex,
                                    forward: true)
            let startOffset = coreStartOffset - scalars.distance(from: start, to: coreStart)
            windows.append(TextWindow(text: text[start..<end], offset: startOffset, core: coreStartOffset..<coreEndOffset))
        }
        return windows
    }

    /// The best place to end a core near `target`: just after a line break,
    /// else after `.`, `!` or `?` and a space, else after a space, within the
    /// last eighth of the core; else `target` itself.
    private func bestCut(before target: String.Index, after floor: String.Index) -> String.Index {
        let scalars = text.unicodeScalars
        let reach = max(1, segmentation.coreLength / 8)
        let lowest = scalars.index(target, offsetBy: -reach, limitedBy: floor) ?? floor
        var sentenceCut: String.Index?
        var spaceCut: String.Index?
        var position = target
        while position > lowest {
            let previous = scalars.index(before: position)
            let scalar = scalars[previous]
            if scalar == "\n" { return position }
            if scalar.properties.isWhitespace {
                if spaceCut == nil { spaceCut = position }
                if sentenceCut == nil, previous > lowest, ".!?".unicodeScalars.contains(scalars[scalars.index(before: previous)]) {
                    sentenceCut = position
                }
            }
            position = previous
        }
        return sentenceCut ?? spaceCut ?? target
    }

    /// `index` moved to the nearest whitespace (so no word is cut in two), at
    /// most 64 code points, else left where it is.
    private func spaceBoundary(_ index: String.Index, forward: Bool) -> String.Index {
        let scalars = text.unicodeScalars
        var position = index
        for _ in 0..<64 {
            if position == scalars.startIndex || position == scalars.endIndex || scalars[position].properties.isWhitespace {
                return position
            }
            position = forward ? scalars.index(after: position) : scalars.index(before: position)
        }
        return index
    }
}
