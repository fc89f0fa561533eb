// Swift wrappers over the CICU shim: boundary iteration, transliteration,
// regular expressions, scripts and confusable skeletons. Nothing else in
// Quarry calls CICU.
import CICU
import Foundation

/// Boundary analysis of UTF-16 text by an ICU break iterator, opened once and
/// reused for every text. Not thread-safe: each tokenizer owns its own.
final class ICUBreaker {
    enum Kind { case words, sentences }

    private let handle: OpaquePointer

    init(_ kind: Kind) throws {
        guard let handle = cicu_breaker_open(kind == .words ? CICU_BREAK_WORD : CICU_BREAK_SENTENCE) else {
            throw TextError.breakIterator(kind == .words ? "word" : "sentence")
        }
        self.handle = handle
    }

    deinit { cicu_breaker_close(handle) }

    /// The boundaries of `text` as UTF-16 offsets, starting with 0.
    func boundaries(in text: [UInt16]) -> [Int] {
        if text.isEmpty { return [0] }
        var capacity = Int32(text.count / 3 + 16)
        while true {
            var bounds = [Int32](repeating: 0, count: Int(capacity))
            let count = text.withUnsafeBufferPointer { buffer in
                cicu_breaker_run(handle, buffer.baseAddress, Int32(buffer.count), &bounds, capacity)
            }
            if count < 0 { return [0, text.count] }
            if count <= capacity { return bounds[0..<Int(count)].map { Int($0) } }
            capacity = count
        }
    }
}

/// A token test's regular expression, compiled and matched by ICU's C API:
/// `NSRegularExpression` on Linux bridged every surface to an `NSString` and
/// built a result object, a third of what its tests cost. Safe to share
/// between threads (a match holds the expression's lock).
final class TokenRegex: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Nil for a pattern ICU rejects.
    init?(pattern: String, caseInsensitive: Bool) {
        let units = Array(pattern.utf16)
        guard let handle = units.withUnsafeBufferPointer({
            cicu_regex_open($0.baseAddress, Int32($0.count), caseInsensitive ? 1 : 0)
        }) else { return nil }
        self.handle = handle
    }

    deinit { cicu_regex_close(handle) }

    /// Whether the whole of `text` matches.
    func matchesWhole(_ text: String) -> Bool {
        // (ICU takes no null text: an empty one still needs an address.)
        let units = text.isEmpty ? [0] : Array(text.utf16)
        return units.withUnsafeBufferPointer { cicu_regex_matches(handle, $0.baseAddress, Int32(text.isEmpty ? 0 : $0.count)) == 1 }
    }
}

/// A compiled ICU transliterator. Not thread-safe: give each worker its own.
final class Transliterator {
    private let handle: OpaquePointer
    /// How many transforms this process has opened: opening the first reads
    /// ICU's registry (150 M instructions), which compiling the default pack
    /// must not need (a test holds it to that). Workers open theirs on their
    /// own threads, hence the lock.
    static var openedCount: Int { openedLock.withLock { opened } }
    nonisolated(unsafe) private static var opened = 0
    private static let openedLock = NSLock()

    init(id: String) throws {
        var error = [CChar](repeating: 0, count: 256)
        guard let handle = cicu_transliterator_open(id, &error, 256) else {
            throw TextError.transliterator(id: id, reason: String(cString: error))
        }
        self.handle = handle
        Transliterator.openedLock.withLock { Transliterator.opened += 1 }
    }

    deinit { cicu_transliterator_close(handle) }

    func apply(_ text: String) -> String {
        var units = Array(text.utf16)
        var capacity = units.count * 4 + 16
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            let result = cicu_transliterate(handle, &buffer, Int32(units.count), Int32(capacity))
            if result >= 0 {
                return String(decoding: buffer[0..<Int(result)], as: UTF16.self)
            }
            capacity = Int(-result) + 16
            units = Array(text.utf16)
        }
    }
}

/// The writing systems that Quarry tells apart.
public enum Script: String, Sendable, CaseIterable {
    case common, latin, cyrillic, greek, other, mixed

    /// The script's place in `allCases`, for tables indexed by script.
    var ordinal: Int {
        switch self {
        case .common: return 0
        case .latin: return 1
        case .cyrillic: return 2
        case .greek: return 3
        case .other: return 4
        case .mixed: return 5
        }
    }

    /// The script of a word's letters: `.common` for none, `.mixed` for several.
    static func ofWord<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> Script { ofLetters(scalars).script }

    /// `ofWord`, and whether the scalars hold a letter or a number (a word).
    static func ofLetters<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> (script: Script, hasLetterOrNumber: Bool) {
        var script: Script?
        var hasLetterOrNumber = false
        for scalar in scalars {
            let kind = ScalarKind(scalar)
            guard kind.isAlphabetic || kind.isNumeric else { continue }
            hasLetterOrNumber = true
            guard kind.isAlphabetic else { continue }
            let own = Script.of(scalar)
            if own == .common { continue }
            if script == nil { script = own } else if script != own { script = .mixed }
        }
        return (script ?? .common, hasLetterOrNumber)
    }

    static func of(_ scalar: Unicode.Scalar) -> Script {
        let v = scalar.value
        if scalar.isASCII {
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) ? .latin : .common
        }
        // The Cyrillic block's letters without asking ICU (its combining marks
        // U+0483 to U+0489 are partly of the inherited script).
        if (0x400...0x482).contains(v) || (0x48A...0x4FF).contains(v) { return .cyrillic }
        switch cicu_script_of(Int32(bitPattern: v)) {
        case CICU_SCRIPT_LATIN: return .latin
        case CICU_SCRIPT_CYRILLIC: return .cyrillic
        case CICU_SCRIPT_GREEK: return .greek
        case CICU_SCRIPT_COMMON: return .common
        default: return .other
        }
    }
}

/// UTS #39 confusable skeleton of one scalar, e.g. Cyrillic "С" gives Latin "C".
func confusableSkeleton(of scalar: Unicode.Scalar) -> String? {
    var out = [UInt16](repeating: 0, count: 16)
    let length = cicu_skeleton(Int32(bitPattern: scalar.value), &out, 16)
    guard length > 0 else { return nil }
    return String(decoding: out[0..<Int(length)], as: UTF16.self)
}

/// Errors of the text layer.
public enum TextError: Error, CustomStringConvertible {
    case transliterator(id: String, reason: String)
    case breakIterator(String)

    public var description: String {
        switch self {
        case let .transliterator(id, reason): return "cannot open transliterator \(id): \(reason)"
        case let .breakIterator(kind): return "cannot open ICU's \(kind) break iterator"
        }
    }
}
