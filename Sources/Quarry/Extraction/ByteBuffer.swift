import Foundation

/// Bytes appended without an array's checks on every append: output is
/// written a field at a time, for hundreds of thousands of records a run,
/// and `Array.append(contentsOf:)` cost more than the bytes it copied.
public final class ByteBuffer {
    // Unchecked: a class's stored properties are otherwise checked for
    // exclusive access at every read and write, which cost more than the copying.
    @exclusivity(unchecked) public private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    public init(capacity: Int = 1 << 12) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far; valid until the next append or `removeAll`.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    public func removeAll() { count = 0 }

    @inline(__always)
    public func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count &+= bytes.count
    }

    /// Appends a literal's bytes, copied from the binary with no string made.
    @inline(__always)
    public func append(literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a string's UTF-8, read from its own storage.
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}

extension String {
    /// The buffer's bytes as a string (invalid UTF-8 repaired).
    init(decoding buffer: ByteBuffer) {
        self = String(decoding: buffer.bytes, as: UTF8.self)
    }
}
