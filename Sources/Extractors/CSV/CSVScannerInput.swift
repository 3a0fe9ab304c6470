#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Getting bytes into the scanner's buffer: reads, encoding detection, conversion to
/// UTF-8, and moving the unfinished record to the front before each read.
extension CSVScanner {
    /// First read: find the encoding from the BOM or the bytes themselves.
    mutating func start() throws(CSVError) {
        started = true
        // At least four bytes, whatever the chunk size, so a BOM is never split.
        var n = 0
        while n < 4 {
            let got = try readSome(into: raw + n, max: rawCapacity - n)
            if got == 0 {
                exhausted = true
                break
            }
            n += got
        }
        let r = raw
        var skip = 0
        if n >= 3, r[0] == 0xEF, r[1] == 0xBB, r[2] == 0xBF {
            encoding = .utf8BOM
            skip = 3
        } else if n >= 2, r[0] == 0xFF, r[1] == 0xFE {
            encoding = .utf16LE
            skip = 2
        } else if n >= 2, r[0] == 0xFE, r[1] == 0xFF {
            encoding = .utf16BE
            skip = 2
        } else if n >= 4, r[0] != 0, r[1] == 0, r[2] != 0, r[3] == 0 {
            // UTF-16 without a BOM still shows itself: ASCII text with every other byte zero.
            encoding = .utf16LE
        } else if n >= 4, r[0] == 0, r[1] != 0, r[2] == 0, r[3] != 0 {
            encoding = .utf16BE
        } else {
            encoding = .utf8
        }
        switch encoding {
        case .utf16LE, .utf16BE:
            decoding = .utf16(UTF16Decoder(bigEndian: encoding == .utf16BE))
            appendConverted(from: r + skip, count: n - skip)
        default:
            decoding = .utf8
            reserve(n - skip + chunkSize)
            buffer.update(from: r + skip, count: n - skip)
            dataEnd = n - skip
            fileOffset = skip
            prepareUTF8(firstRead: true)
        }
    }

    /// Reads the next chunk after keeping only the unfinished record.
    mutating func fill() throws(CSVError) {
        compact()
        if dataEnd > maxRecordBytes {
            let at = position(of: recordStart)
            throw CSVError(.recordTooLong(limit: maxRecordBytes), path: path, line: at.line, column: at.column)
        }
        switch decoding {
        case .utf8:
            // UTF-8 is read straight into the buffer: no copy on the common path.
            reserve(dataEnd + chunkSize)
            let n = try readSome(into: buffer + dataEnd, max: chunkSize)
            if n == 0 { exhausted = true } else { dataEnd += n }
            prepareUTF8(firstRead: false)
        case .utf16, .windows1252:
            let n = try readSome(into: raw, max: chunkSize)
            if n == 0 { exhausted = true }
            appendConverted(from: raw, count: n)
        }
    }

    /// Converts `count` bytes (UTF-16 or Windows-1252) onto the end of the buffer.
    private mutating func appendConverted(from src: UnsafeMutablePointer<UInt8>, count: Int) {
        switch decoding {
        case .utf16(var decoder):
            reserve(dataEnd + UTF16Decoder.maxOutput(forInput: count))
            dataEnd += decoder.decode(src, count: count, into: buffer + dataEnd)
            if exhausted { dataEnd += decoder.finish(into: buffer + dataEnd) }
            decoding = .utf16(decoder)
        case .windows1252:
            reserve(dataEnd + count * Windows1252.maxExpansion)
            dataEnd += Windows1252.convert(src, count: count, into: buffer + dataEnd)
        case .utf8:
            preconditionFailure("UTF-8 is read in place")
        }
        readyEnd = dataEnd
    }

    /// Validates the bytes after `readyEnd`. The first byte that is not UTF-8
    /// decides: in the first read, or when everything before it was ASCII, the
    /// file is Windows-1252 (its ASCII part reads the same either way); in a
    /// file already shown to hold UTF-8, such bytes are read as Windows-1252
    /// one by one and the first is reported.
    private mutating func prepareUTF8(firstRead: Bool) {
        let r = UTF8Validation.validate(buffer, from: readyEnd, to: dataEnd, atEnd: exhausted)
        if r.sawNonASCII { sawNonASCII = true }
        guard let bad = r.invalidAt else {
            readyEnd = r.end
            return
        }
        if encoding == .utf8, !utf8Fallback, firstRead || !sawNonASCII {
            encoding = .windows1252
            decoding = .windows1252
            convertFromWindows1252(from: firstRead ? 0 : readyEnd)
            return
        }
        utf8Fallback = true
        if invalidUTF8Offset == nil, !reportedInvalidUTF8 {
            reportedInvalidUTF8 = true
            invalidUTF8Offset = bad
        }
        repairUTF8(from: bad)
    }

    /// Re-reads `buffer[start..<dataEnd]` as Windows-1252.
    private mutating func convertFromWindows1252(from start: Int) {
        let count = dataEnd - start
        let original = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        defer { original.deallocate() }
        original.update(from: buffer + start, count: count)
        reserve(start + count * Windows1252.maxExpansion)
        dataEnd = start + Windows1252.convert(original, count: count, into: buffer + start)
        readyEnd = dataEnd
    }

    /// Rewrites `buffer[start..<dataEnd]` keeping valid UTF-8 and reading each
    /// invalid byte as Windows-1252; a sequence cut off by the end of the read
    /// is left for the next one.
    private mutating func repairUTF8(from start: Int) {
        let count = dataEnd - start
        let repaired = UnsafeMutablePointer<UInt8>.allocate(capacity: count * Windows1252.maxExpansion)
        defer { repaired.deallocate() }
        var out = 0
        var i = start
        while i < dataEnd {
            let r = UTF8Validation.validate(buffer, from: i, to: dataEnd, atEnd: exhausted)
            if r.sawNonASCII { sawNonASCII = true }
            (repaired + out).update(from: buffer + i, count: r.end - i)
            out += r.end - i
            guard let bad = r.invalidAt else {
                i = r.end
                break
            }
            out += Windows1252.encode(buffer[bad], into: repaired + out)
            i = bad + 1
        }
        let tail = dataEnd - i
        reserve(start + out + tail)
        // The repaired text is never shorter, so the unvalidated tail moves right (or stays).
        memmove(buffer + start + out, buffer + i, tail)
        (buffer + start).update(from: repaired, count: out)
        readyEnd = start + out
        dataEnd = readyEnd + tail
    }

    /// Moves the unfinished record (and any unvalidated bytes) to the front of the buffer.
    private mutating func compact() {
        let keepFrom = state == .recordStart ? pos : recordStart
        guard keepFrom > 0 else { return }
        memmove(buffer, buffer + keepFrom, dataEnd - keepFrom)
        fileOffset += keepFrom
        dataEnd -= keepFrom
        readyEnd -= keepFrom
        pos -= keepFrom
        recordStart = max(recordStart - keepFrom, 0)
        fieldStart = max(fieldStart - keepFrom, 0)
        for i in 0..<fieldCount {
            fields[i].start -= keepFrom
            fields[i].end -= keepFrom
        }
        if let offset = invalidUTF8Offset { invalidUTF8Offset = max(offset - keepFrom, 0) }
    }

    /// Makes room for `needed` bytes, keeping the contents.
    private mutating func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let newCapacity = max(needed, capacity * 2)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: buffer, count: dataEnd)
        buffer.deallocate()
        buffer = bigger
        capacity = newCapacity
    }

    private func readSome(into dst: UnsafeMutablePointer<UInt8>, max count: Int) throws(CSVError) -> Int {
        while true {
            let n = read(fd, dst, count)
            if n >= 0 { return n }
            if errno != EINTR { throw CSVError(.cannotRead(Self.systemMessage(errno)), path: path) }
        }
    }
}
