#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of whole records cut from a UTF-8 file, for one core to read.
struct CSVSegment {
    /// The segment's bytes, owned by whoever reads it next.
    var bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    var capacity: Int
    /// Where the segment starts: a record start, its file offset and line.
    var start: CSVResumePoint
}

/// A record start in a UTF-8 file: its byte offset, the line it is on, and
/// whether a multi-byte character came before it (which decides how the
/// sequential reader treats a byte that is not UTF-8 further on).
struct CSVResumePoint: Sendable, Equatable {
    var offset: Int
    var line: Int
    var sawNonASCII: Bool
}

/// Cuts a UTF-8 file into segments of whole records, reading ahead of the
/// cores that parse them.
///
/// A line end is a record boundary exactly when an even number of quotes
/// comes before it (RFC 4180), so boundaries are found by counting quotes,
/// with no parsing; line ends (LF, CR, CRLF, each one line) are counted on
/// the way, which gives every segment its first line. The count can only be
/// wrong after a quote that is not RFC 4180 (`ab"c`); the segment that
/// follows then ends inside a quoted cell, which its parser notices, and the
/// caller goes back to reading sequentially from there.
///
/// The cutter stops (`stop`) where it cannot go on: a byte that is not UTF-8,
/// a run of more than `maxPending` bytes with no boundary (an unclosed quote,
/// a huge cell), an odd number of quotes at the end of the file, or the end
/// itself. What follows the stop is for the sequential reader.
struct CSVSegmentCutter {
    let fd: Int32
    let path: String
    let segmentBytes: Int
    let maxPending: Int
    /// Bytes read but not yet cut off, starting at `pendingStart`.
    private var pending: UnsafeMutablePointer<UInt8>
    private var pendingCount = 0
    private var pendingCapacity: Int
    private var pendingStart: CSVResumePoint
    private var readOffset: Int
    private var atEnd = false

    enum Item {
        case segment(CSVSegment)
        /// Nothing more will be cut; reading goes on sequentially from here.
        case stop(CSVResumePoint)
    }

    init(fd: Int32, path: String, from start: CSVResumePoint, segmentBytes: Int) {
        self.fd = fd
        self.path = path
        self.segmentBytes = max(segmentBytes, 1)
        maxPending = max(segmentBytes, 1) * 4
        pendingStart = start
        readOffset = start.offset
        pendingCapacity = self.segmentBytes + Self.padding
        pending = .allocate(capacity: pendingCapacity)
    }

    /// Frees what was read but not cut.
    func release() {
        pending.deallocate()
    }

    /// Slack after a segment's last byte, so a reader may load a word that runs past it.
    static let padding = 8

    /// The next segment, or where the sequential reader takes over.
    mutating func next() throws(CSVError) -> Item {
        while true {
            if atEnd, pendingCount == 0 { return .stop(pendingStart) }
            if !atEnd { try readMore() }
            let found = Self.lastBoundary(pending, count: pendingCount, atEnd: atEnd)
            if found.highBits {
                let check = UTF8Validation.validate(pending, from: 0, to: pendingCount, atEnd: atEnd)
                if check.invalidAt != nil { return .stop(pendingStart) }
            }
            guard let cut = found.cut else {
                if atEnd || pendingCount > maxPending { return .stop(pendingStart) }
                continue
            }
            return .segment(takeSegment(upTo: cut, lineBreaks: found.lineBreaks, highBits: found.highBits))
        }
    }

    /// Hands `pending[0..<cut]` out as a segment and keeps the rest.
    private mutating func takeSegment(upTo cut: Int, lineBreaks: Int, highBits: Bool) -> CSVSegment {
        let segment = CSVSegment(bytes: pending, count: cut, capacity: pendingCapacity, start: pendingStart)
        let rest = pendingCount - cut
        let capacity = rest + segmentBytes + Self.padding
        let next = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        next.update(from: pending + cut, count: rest)
        let sawNonASCII = pendingStart.sawNonASCII || (highBits && CSVByte.anyNonASCII(pending, count: cut))
        pendingStart = CSVResumePoint(offset: pendingStart.offset + cut, line: pendingStart.line + lineBreaks,
                                      sawNonASCII: sawNonASCII)
        pending = next
        pendingCount = rest
        pendingCapacity = capacity
        return segment
    }

    /// Reads up to `segmentBytes` more onto the pending bytes.
    private mutating func readMore() throws(CSVError) {
        let wanted = segmentBytes
        if pendingCount + wanted + Self.padding > pendingCapacity {
            let capacity = pendingCount + wanted + Self.padding
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: pending, count: pendingCount)
            pending.deallocate()
            pending = bigger
            pendingCapacity = capacity
        }
        var got = 0
        while got < wanted {
            let n = pread(fd, pending + pendingCount + got, wanted - got, off_t(readOffset + got))
            if n < 0 {
                if errno == EINTR { continue }
                throw CSVError(.cannotRead(CSVScanner.systemMessage(errno)), path: path)
            }
            if n == 0 {
                atEnd = true
                break
            }
            got += n
        }
        pendingCount += got
        readOffset += got
    }

    /// The end of the last record that ends in `b[0..<count]`: just after a
    /// line end with an even number of quotes before it (a CR only when the
    /// next byte is known not to be an LF), or `count` itself at the end of
    /// the file with the quotes even. With the line ends before it, and
    /// whether any byte of the text is not ASCII.
    static func lastBoundary(_ b: UnsafePointer<UInt8>, count: Int, atEnd: Bool)
        -> (cut: Int?, lineBreaks: Int, highBits: Bool) {
        if memchr(b, Int32(CSVByte.quote), count) == nil, memchr(b, Int32(CSVByte.cr), count) == nil {
            return plainBoundary(b, count: count, atEnd: atEnd)
        }
        var scan = BoundaryScan()
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= count {
            let w = UInt64(littleEndian: UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self))
            high |= w
            var special = matches(w, CSVByte.quote) | matches(w, CSVByte.lf) | matches(w, CSVByte.cr)
            while special != 0 {
                scan.visit(b, at: i + special.trailingZeroBitCount &>> 3, count: count)
                special &= special &- 1
            }
            i += 8
        }
        while i < count {
            let c = b[i]
            high |= UInt64(c)
            if c == CSVByte.quote || c == CSVByte.lf || c == CSVByte.cr { scan.visit(b, at: i, count: count) }
            i += 1
        }
        let highBits = high & 0x8080_8080_8080_8080 != 0
        if atEnd, scan.quotes & 1 == 0, count > 0 { return (count, scan.lines, highBits) }
        return (scan.cut >= 0 ? scan.cut : nil, scan.linesAtCut, highBits)
    }

    /// `lastBoundary` for text with no quote and no CR, as most files are:
    /// every LF ends a record, and the lines are the LFs.
    private static func plainBoundary(_ b: UnsafePointer<UInt8>, count: Int, atEnd: Bool)
        -> (cut: Int?, lineBreaks: Int, highBits: Bool) {
        // memchr hops from line end to line end faster than any loop here
        // (the baseline x86-64 target has no popcount instruction).
        var lines = 0
        var last = -1
        var p = 0
        while p < count, let found = memchr(b + p, Int32(CSVByte.lf), count - p) {
            last = UnsafeRawPointer(b).distance(to: UnsafeRawPointer(found))
            lines &+= 1
            p = last + 1
        }
        var high: UInt64 = 0
        var i = 0
        while i + 16 <= count {
            high |= UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
                | UnsafeRawPointer(b + i + 8).loadUnaligned(as: UInt64.self)
            i += 16
        }
        while i < count {
            high |= UInt64(b[i])
            i += 1
        }
        let highBits = high & 0x8080_8080_8080_8080 != 0
        if atEnd, count > 0 { return (count, lines, highBits) }
        // Bytes after the last LF hold no LF, so every LF counted lies before the cut.
        return (last >= 0 ? last + 1 : nil, lines, highBits)
    }

    /// The top bit of each byte of `word` that equals `byte`, and only those.
    @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    /// Quotes and line ends met so far, and the last boundary.
    private struct BoundaryScan {
        var quotes = 0
        var lines = 0
        var cut = -1
        var linesAtCut = 0

        @inline(__always)
        mutating func visit(_ b: UnsafePointer<UInt8>, at j: Int, count: Int) {
            let c = b[j]
            if c == CSVByte.quote {
                quotes &+= 1
            } else if c == CSVByte.lf {
                // A segment starts after a boundary, never between a CR and its LF.
                if j == 0 || b[j - 1] != CSVByte.cr { lines += 1 }
                if quotes & 1 == 0 {
                    cut = j + 1
                    linesAtCut = lines
                }
            } else {
                lines += 1
                if quotes & 1 == 0, j + 1 < count, b[j + 1] != CSVByte.lf {
                    cut = j + 1
                    linesAtCut = lines
                }
            }
        }
    }
}
