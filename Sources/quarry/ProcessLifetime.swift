/// Objects a command is done with but the process need not free: the
/// compiled program and the extractors' caches are hundreds of thousands of
/// allocations, and freeing them one by one as `run` returns cost 6% of
/// extracting a megabyte. The process ends just after; the system takes the
/// memory back at once.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ objects: Any...) {
        kept.append(contentsOf: objects)
    }
}
