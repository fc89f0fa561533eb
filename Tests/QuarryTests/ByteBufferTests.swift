import XCTest
@testable import Quarry

final class ByteBufferTests: XCTestCase {
    /// Appends of every kind, past the first capacity many times over, keep
    /// every byte in order: the same bytes an array collects.
    func testGrowsAndKeepsEveryByteInOrder() {
        let buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<300 {
            buffer.append(UInt8(round % 256))
            expected.append(UInt8(round % 256))
            let text = String(repeating: "Київ ", count: round % 7)
            buffer.append(text)
            expected += Array(text.utf8)
            buffer.append(literal: "{\"doc\":")
            expected += Array("{\"doc\":".utf8)
            let raw: [UInt8] = Array(repeating: 0x41, count: round % 50)
            raw.withUnsafeBufferPointer { buffer.append($0) }
            expected += raw
        }
        XCTAssertEqual(Array(buffer.bytes), expected)
        buffer.removeAll()
        XCTAssertEqual(buffer.count, 0)
        buffer.append(literal: "ok")
        XCTAssertEqual(String(decoding: buffer), "ok")
    }
}
