import ArgumentParser
import Dispatch
import Foundation
import Quarry

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract records from text files, directories or standard input.")

    @OptionGroup var rulesOption: RulesOption

    @Option(help: "Output format: jsonl, json or tsv.")
    var format: String = "jsonl"

    @Option(help: "Worker threads (default: one per core); the output is the same for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var input: InputOptions

    /// Documents are extracted in batches of at most this many documents and
    /// bytes, so memory does not grow with the number of inputs.
    static let batchSize = 64
    static let batchBytes = 16 << 20
    /// Larger documents go alone, their records written a window at a time.
    static let streamedDocumentBytes = 4 << 20

    func run() throws {
        guard let outputFormat = RecordFormat(rawValue: format) else {
            throw ValidationError("unknown format \(format) (expected jsonl, json or tsv)")
        }
        var reader = try input.reader()
        guard jobs >= 1 else { throw ValidationError("--jobs takes a number of at least 1") }
        let program = try rulesOption.compile()
        // One extractor per worker: the program is shared, scratch space is not.
        let extractors = try (0..<jobs).map { _ in try Extractor(program: program) }
        var writer = RecordWriter(format: outputFormat)
        var batch: [InputDocument] = []
        var bytes = 0
        func flush() {
            for records in extractAll(batch, extractors) { writer.write(records) }
            batch.removeAll(keepingCapacity: true)
            bytes = 0
        }
        reader.forEachDocument(in: input.inputs) { document in
            let size = document.text.utf8.count
            if size > Extract.streamedDocumentBytes {
                flush()
                extractors[0].extract(id: document.id, text: document.text) { writer.write($0) }
                return
            }
            batch.append(document)
            bytes += size
            if batch.count >= Extract.batchSize || bytes >= Extract.batchBytes { flush() }
        }
        flush()
        writer.finish()
        Console.flush()
        try reader.reportProblems()
        ProcessLifetime.keep(program, extractors)
    }

    /// Records of each document, in input order, using every extractor.
    private func extractAll(_ documents: [InputDocument], _ extractors: [Extractor]) -> [[Record]] {
        if extractors.count == 1 {
            return documents.map { extractors[0].extract(id: $0.id, text: $0.text) }
        }
        let results = ResultSlots(count: documents.count)
        let workers = extractors.count
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < documents.count {
                results.set(index, extractors[worker].extract(id: documents[index].id, text: documents[index].text))
                index += workers
            }
        }
        return results.values
    }
}

/// Slots written by worker threads, each slot by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[Record]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ records: [Record]) {
        lock.lock()
        slots[index] = records
        lock.unlock()
    }

    var values: [[Record]] { slots }
}

/// Writes records in the chosen format, in order.
struct RecordWriter {
    let format: RecordFormat
    private var first = true

    init(format: RecordFormat) {
        self.format = format
        if format == .json { Console.write("[") }
        if format == .tsv { Console.write(RecordFormat.tsvHeader) }
    }

    mutating func write(_ records: [Record]) {
        switch format {
        case .jsonl: Console.writeLines { RecordFormat.appendJSONLines(records, to: $0) }
        case .json:
            for record in records {
                let comma = !first
                Console.writeLine { out in
                    if comma { out.append(UInt8(ascii: ",")) }
                    RecordFormat.appendJSON(record, to: out)
                }
                first = false
            }
        case .tsv: for record in records { Console.write(RecordFormat.tsv(record)) }
        }
    }

    func finish() {
        if format == .json { Console.write("]") }
    }
}
