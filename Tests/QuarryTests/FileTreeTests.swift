import Foundation
import XCTest
@testable import Quarry

/// `filesBelow` lists what `FileManager`'s enumerator lists, at a walk's cost.
final class FileTreeTests: XCTestCase {
    func testListsWhatTheEnumeratorLists() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["top.txt", "a/b/deep.txt", "a/b/other.ann", "a/notes.md", ".hidden/h.txt", "a/Z.txt", "a/ä.txt", "b.txt.bak"]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for suffix in [".txt", ".ann", ".jsonl"] {
            let enumerated = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(suffix) }.sorted()
            XCTAssertEqual(filesBelow(root.path, withSuffix: suffix), enumerated, suffix)
        }
        XCTAssertEqual(filesBelow(root.path, withSuffix: ".txt"), [".hidden/h.txt", "a/Z.txt", "a/b/deep.txt", "a/ä.txt", "top.txt"])
    }

    /// A link to a directory is listed by its name, not walked into (no loop).
    func testDoesNotFollowLinksToDirectories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("real"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("real/a.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: root.path)
        XCTAssertEqual(filesBelow(root.path, withSuffix: ".txt"), ["real/a.txt"])
    }

    func testAMissingDirectoryIsNil() {
        XCTAssertNil(filesBelow("/nonexistent-\(UUID().uuidString)", withSuffix: ".txt"))
    }
}
