import Foundation

/// Numbered pieces of work shared out to several threads: each takes the next
/// piece until none is left, results are kept in piece order whatever
/// finishes first, and the first error stops further pieces being handed out.
final class ParallelWork<Result>: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var nextIndex = 0
    private var done: [Result?]
    private var error: Error?

    init(count: Int) { done = Array(repeating: nil, count: count) }

    /// The next piece to do, or nil when all are taken or one failed.
    func next() -> Int? {
        lock.withLock {
            guard error == nil, nextIndex < done.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, with result: Result) { lock.withLock { done[index] = result } }

    func fail(_ error: Error) { lock.withLock { self.error = self.error ?? error } }

    /// Every piece's result in order, or the first error any piece threw.
    func results() throws -> [Result] {
        try lock.withLock {
            if let error { throw error }
            return done.compactMap { $0 }
        }
    }

    /// Runs `body` for every piece on up to `threads` threads; the results in order, or the first error.
    static func run(count: Int, threads: Int, _ body: @Sendable (Int) throws -> Result) throws -> [Result] {
        let work = ParallelWork(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while let i = work.next() {
                do {
                    work.finish(i, with: try body(i))
                } catch {
                    work.fail(error)
                }
            }
        }
        return try work.results()
    }
}
