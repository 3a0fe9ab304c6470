import Foundation
import Testing
@testable import Pipeline

@Suite("Work shared out to several threads")
struct ParallelWorkTests {
    struct Broken: Error, Equatable { let piece: Int }

    @Test("results come back in piece order whichever thread finishes first")
    func order() throws {
        let results = try ParallelWork.run(count: 40, threads: 4) { i in
            if i % 3 == 0 { usleep(200) }  // later pieces often finish before earlier ones
            return i * i
        }
        #expect(results == (0..<40).map { $0 * $0 })
    }

    @Test("the first error is thrown, and no piece is handed out after it")
    func firstError() {
        let started = Counter()
        #expect(throws: Broken(piece: 5)) {
            _ = try ParallelWork.run(count: 1_000, threads: 1) { i -> Int in
                started.add()
                if i == 5 { throw Broken(piece: i) }
                return i
            }
        }
        #expect(started.value == 6)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.withLock { n += 1 } }
        var value: Int { lock.withLock { n } }
    }
}
