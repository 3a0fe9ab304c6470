#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSCCore
import Dispatch

/// Turns a file's records into records and issues for the sink it was made
/// with. A reader makes one per core, so each keeps its own lookup tables
/// and counters and nothing is shared while parsing.
protocol CSVRowConsumer: AnyObject {
    associatedtype Counts: AdditiveArithmetic
    /// Reads every record `reader` has left (the reader's whole segment, or
    /// the rest of the file). Records before an error count as read.
    func consumeAll(_ reader: CSVReader) throws(CSVError)
    /// What was counted since the last call, which starts the count again.
    func takeCounts() -> Counts
}

/// How the rest of a big UTF-8 file is shared out between cores.
struct CSVParallelism: Sendable {
    /// Cores to parse on; 1 reads sequentially.
    var workers: Int
    /// Bytes cut off for one core at a time (rounded to whole records).
    var segmentBytes: Int
    /// Files with fewer bytes left than this are read sequentially.
    var minimumBytes: Int

    /// Every core, in segments of 1 MB, for files of 4 MB or more.
    static let automatic = CSVParallelism(workers: cores, segmentBytes: 1 << 20, minimumBytes: 4 << 20)
    static let sequential = CSVParallelism(workers: 1, segmentBytes: 1 << 20, minimumBytes: .max)

    /// Segments cut ahead of the one being delivered: enough to keep every
    /// core busy while the oldest waits, few enough to keep memory flat.
    var inFlight: Int { workers * 2 + 1 }

    static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

extension CSVReader {
    /// Reads every record after the current one through consumers `make`
    /// gives, delivering what they send to `sink` in file order, and returns
    /// the sum of their counts.
    ///
    /// A UTF-8 file with at least `parallelism.minimumBytes` left is cut into
    /// segments of whole records (`CSVSegmentCutter`) parsed on all cores,
    /// each by its own consumer into a buffer that is replayed into `sink` in
    /// order once the segments before it are in. Where segments cannot be
    /// cut with certainty (see the cutter), reading carries on sequentially
    /// from the first record in doubt, so the records, issues and line
    /// numbers are those of a sequential read, and so is any error.
    func consumeRemaining<Consumer: CSVRowConsumer>(into sink: RecordSink, parallelism: CSVParallelism = .automatic,
                                                   _ make: (RecordSink) -> Consumer) throws(CSVError) -> Consumer.Counts {
        var counts = Consumer.Counts.zero
        if parallelism.workers > 1, let start = scanner.resumePoint,
           fileSize() - start.offset >= parallelism.minimumBytes {
            let run = CSVSegmentRun<Consumer>(path: path, fd: scanner.fd, from: start, parallelism: parallelism,
                                              make: make)
            let outcome: (counts: Consumer.Counts, resume: CSVResumePoint)
            do throws(CSVError) {
                outcome = try run.deliver(into: sink)
            } catch {
                throw fail(error)
            }
            counts += outcome.counts
            do throws(CSVError) {
                try scanner.resume(atOffset: outcome.resume.offset, line: outcome.resume.line,
                                   sawNonASCII: outcome.resume.sawNonASCII)
            } catch {
                throw fail(error)
            }
        }
        let consumer = make(sink)
        try consumer.consumeAll(self)
        return counts + consumer.takeCounts()
    }

    private func fileSize() -> Int {
        var info = stat()
        guard fstat(scanner.fd, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }
}

/// Records and issues held back in the order they were sent, until the
/// segments before theirs are delivered.
///
/// The slots of `records` are reused from segment to segment: each new
/// record replaces one already delivered, so the memory of the record it
/// replaces (if the sink let it go) is freed just before the next record
/// asks for as much, and the allocator hands the same block straight back
/// instead of sorting thousands of freed blocks at once.
final class CSVSegmentOutput: RecordSink {
    // Unchecked: one thread at a time uses the output (see `CSVSegmentSlot`),
    // and the check would cost more than making the record.
    @exclusivity(unchecked) private var records: [Record] = []
    /// Records of the current segment: `records[0..<count]`; later slots hold delivered ones.
    private var count = 0
    /// Each issue with the number of records sent before it.
    @exclusivity(unchecked) private var issues: [(before: Int, issue: Issue)] = []

    func accept(_ record: Record) { take(record) }
    func report(_ issue: Issue) { issues.append((count, issue)) }

    /// `accept` for a record made only to be sent: moved in, not copied
    /// (a consumer's hot path, through `CSVRecordTarget`).
    @inline(__always)
    func take(_ record: consuming Record) {
        if count < records.count {
            records[count] = record
        } else {
            records.append(record)
        }
        count += 1
    }

    /// Sends everything held, in the order it came, to `sink`.
    func replay(into sink: RecordSink) {
        let count = self.count
        records.withUnsafeMutableBufferPointer { records in
            guard let base = records.baseAddress else {
                for (_, issue) in issues { sink.report(issue) }
                return
            }
            // Each record is moved out for the call and back after it: lent
            // to the sink without a copy (a sink that keeps it makes its own).
            func send(_ i: Int) {
                let record = (base + i).move()
                sink.accept(record)
                (base + i).initialize(to: record)
            }
            var next = 0
            for (before, issue) in issues {
                while next < before {
                    send(next)
                    next += 1
                }
                sink.report(issue)
            }
            while next < count {
                send(next)
                next += 1
            }
        }
    }

    /// Starts the next segment. Called by the core about to parse it, so
    /// delivered records are let go there and not on the delivering thread.
    func clear() {
        count = 0
        if !issues.isEmpty { issues.removeAll() }
    }
}

/// Where a consumer sends its records: the caller's sink, or, when it parses
/// a segment, the segment's buffer, which takes each record without copying it.
struct CSVRecordTarget {
    let sink: RecordSink
    private let output: CSVSegmentOutput?

    init(_ sink: RecordSink) {
        self.sink = sink
        output = sink as? CSVSegmentOutput
    }

    @inline(__always)
    func accept(_ record: consuming Record) {
        if let output {
            output.take(record)
        } else {
            sink.accept(record)
        }
    }
}

/// One segment's place in the queue: the consumer that parses it (always
/// the same one for the slot), what it sent, and whether it ended inside a
/// quoted cell.
///
/// Unchecked Sendable: a slot is handed to one core by `DispatchQueue.async`
/// and handed back by `done`, so exactly one thread uses it at a time, and
/// the queue and the semaphore order each hand-over.
final class CSVSegmentSlot<Consumer: CSVRowConsumer>: @unchecked Sendable {
    let path: String
    let consumer: Consumer
    let output: CSVSegmentOutput
    let done = DispatchSemaphore(value: 0)
    var segment: CSVSegment?
    var counts = Consumer.Counts.zero
    /// `parse()` then `done`, as a job a queue can run.
    private(set) var job: CSVSegmentJob!
    /// The start of the segment's last record when the segment ended inside it.
    var broken: CSVResumePoint?

    init(path: String, make: (RecordSink) -> Consumer) {
        self.path = path
        output = CSVSegmentOutput()
        consumer = make(output)
        job = CSVSegmentJob { [unowned self] in
            parse()
            done.signal()
        }
    }

    deinit {
        if let segment { segment.bytes.deallocate() }
    }

    /// Parses the slot's segment into `output`.
    func parse() {
        output.clear()
        guard let segment else { return }
        self.segment = nil
        // The reader owns the bytes from here and frees them.
        let reader = CSVReader(path: path, segment: segment.bytes, count: segment.count, capacity: segment.capacity,
                               line: segment.start.line)
        broken = nil
        do {
            try consumer.consumeAll(reader)
        } catch {
            // In memory the one failure is a quoted cell still open at the end
            // of the segment: the quotes were miscounted before its last record.
            withExtendedLifetime(reader) {
                let start = reader.scanner.recordStart
                let sawNonASCII = segment.start.sawNonASCII || CSVByte.anyNonASCII(segment.bytes, count: start)
                broken = CSVResumePoint(offset: segment.start.offset + start, line: reader.scanner.recordLine,
                                        sawNonASCII: sawNonASCII)
            }
        }
        counts = consumer.takeCounts()
    }
}

/// Work for a core, without the consumer's type, so it can cross to another thread.
///
/// Unchecked Sendable: `run` belongs to a `CSVSegmentSlot`, and so is used by one thread at a time.
final class CSVSegmentJob: @unchecked Sendable {
    let run: () -> Void

    init(_ run: @escaping () -> Void) {
        self.run = run
    }
}

/// The cores' side of `consumeRemaining`: cuts segments, parses them on a
/// concurrent queue, and delivers them in order on the calling thread.
final class CSVSegmentRun<Consumer: CSVRowConsumer> {
    private var cutter: CSVSegmentCutter
    private let slots: [CSVSegmentSlot<Consumer>]
    private var head = 0
    private var tail = 0
    private var counts = Consumer.Counts.zero
    /// Set by the first segment that ended inside a quoted cell: everything after it is parsed again sequentially.
    private var broken: CSVResumePoint?

    init(path: String, fd: Int32, from start: CSVResumePoint, parallelism: CSVParallelism,
         make: (RecordSink) -> Consumer) {
        cutter = CSVSegmentCutter(fd: fd, path: path, from: start, segmentBytes: parallelism.segmentBytes)
        slots = (0..<max(parallelism.inFlight, 2)).map { _ in CSVSegmentSlot(path: path, make: make) }
    }

    deinit {
        cutter.release()
    }

    /// Delivers every segment the cutter gives into `sink`; returns the
    /// counts of what was delivered and where sequential reading takes over.
    func deliver(into sink: RecordSink) throws(CSVError) -> (counts: Consumer.Counts, resume: CSVResumePoint) {
        let queue = DispatchQueue.global()
        var stop: CSVResumePoint?
        while stop == nil, broken == nil {
            let item: CSVSegmentCutter.Item
            do {
                item = try cutter.next()
            } catch {
                // As a sequential read would: what came before the failed read is delivered, then the error.
                while head < tail { deliverHead(into: sink) }
                throw error
            }
            switch item {
            case .stop(let point):
                stop = point
            case .segment(let segment):
                if tail - head == slots.count { deliverHead(into: sink) }
                let slot = slots[tail % slots.count]
                slot.segment = segment
                tail += 1
                let job = slot.job!
                queue.async { job.run() }
                while head < tail, slots[head % slots.count].done.wait(timeout: .now()) == .success {
                    deliverHead(into: sink, waited: true)
                }
            }
        }
        while head < tail { deliverHead(into: sink) }
        guard let resume = broken ?? stop else { preconditionFailure("the loop ends with a stop or a broken segment") }
        return (counts, resume)
    }

    /// Waits for the oldest segment and delivers it, unless one before it was broken.
    private func deliverHead(into sink: RecordSink, waited: Bool = false) {
        let slot = slots[head % slots.count]
        if !waited { slot.done.wait() }
        head += 1
        guard broken == nil else { return }
        slot.output.replay(into: sink)
        counts += slot.counts
        broken = slot.broken
    }
}
