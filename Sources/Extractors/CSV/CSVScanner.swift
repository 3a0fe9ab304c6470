#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine behind `CSVReader`: a byte state machine over decoded UTF-8.
///
/// A struct rather than the reader's own properties because the hot loop then
/// runs on `inout self` with no runtime exclusivity checks; `CSVReader` makes
/// one access per record. The scan stops at the end of a record or where the
/// ready bytes run out; in the second case its state survives the next read
/// and it carries on where it was, so no record is scanned twice.
struct CSVScanner {
    let path: String
    let fd: Int32
    /// Bytes asked of each `read(2)`; tests use tiny chunks to cross every boundary.
    let chunkSize: Int
    /// A record longer than this stops the read: without a limit one unclosed
    /// quote would pull the rest of a large file into memory.
    let maxRecordBytes: Int
    var encoding = CSVEncoding.utf8

    // The text buffer: [0, readyEnd) is UTF-8 the scanner may read; [readyEnd, dataEnd)
    // is raw UTF-8 not yet validated (a sequence cut by the end of a read).
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var dataEnd = 0
    var readyEnd = 0
    /// File offset of `buffer[0]` while the file is read as UTF-8 in place, so
    /// a record's place in the file is known (`resumePoint`).
    var fileOffset = 0
    /// The file has been read to its end and every byte decoded.
    var exhausted = false
    var started = false

    enum Decoding {
        case utf8
        case utf16(UTF16Decoder)
        case windows1252
    }
    var decoding = Decoding.utf8
    /// Landing area for reads that must be converted before the scanner sees them.
    let raw: UnsafeMutablePointer<UInt8>
    let rawCapacity: Int
    var sawNonASCII = false
    /// A UTF-8 file had a byte that is not UTF-8: such bytes are read as Windows-1252 from then on.
    var utf8Fallback = false
    var reportedInvalidUTF8 = false
    /// Buffer offset of the first such byte, until the record holding it is delivered.
    var invalidUTF8Offset: Int?

    enum State: UInt8 {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted, afterClosingQuote
    }
    var state = State.recordStart
    var pos = 0
    var recordStart = 0
    var fieldStart = 0
    /// The cell being scanned needs unescaping (doubled quotes or text after the closing quote).
    var fieldDecode = false
    /// Physical line at `pos`.
    var line = 1
    var recordLine = 1
    /// The last line ended in CR: an LF right after it belongs to the same line end.
    var skipLF = false
    var fields: UnsafeMutablePointer<FieldSpan>
    var fieldCapacity = 32
    var fieldCount = 0
    var problems: [CSVProblem] = []

    /// Where one cell lies in `buffer`. A `decode` cell spans its raw text from
    /// the opening quote and is unescaped when read; any other cell is its value.
    struct FieldSpan {
        var start: Int
        var end: Int
        var decode: Bool
    }

    /// What a caller needs to read the record just scanned.
    struct Scanned {
        var line: Int
        var count: Int
        var buffer: UnsafePointer<UInt8>
        var fields: UnsafePointer<FieldSpan>
        var hasProblems: Bool
    }

    init(path: String, chunkSize: Int, maxRecordBytes: Int) throws(CSVError) {
        precondition(chunkSize > 0)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CSVError(.cannotOpen(Self.systemMessage(errno)), path: path) }
        self.path = path
        self.fd = fd
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes
        capacity = chunkSize * 2 + 64
        buffer = .allocate(capacity: capacity)
        rawCapacity = max(chunkSize, 4)
        raw = .allocate(capacity: rawCapacity)
        fields = .allocate(capacity: fieldCapacity)
    }

    /// A scanner over `count` UTF-8 bytes already in memory (one segment of a
    /// file, see `CSVSegments`), whose first byte starts a record on `line`.
    /// The scanner owns `bytes` from now on and frees them in `release()`.
    init(path: String, segment bytes: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int, line: Int) {
        self.path = path
        fd = -1
        chunkSize = 1
        maxRecordBytes = Self.defaultMaxRecordBytesInMemory
        buffer = bytes
        self.capacity = capacity
        dataEnd = count
        readyEnd = count
        exhausted = true
        started = true
        rawCapacity = 4
        raw = .allocate(capacity: rawCapacity)
        fields = .allocate(capacity: fieldCapacity)
        self.line = line
        recordLine = line
    }

    /// A segment is already whole in memory, so no record in it can outgrow the read buffer.
    private static let defaultMaxRecordBytesInMemory = Int.max

    /// Closes the file and frees the buffers; the scanner is not used again.
    func release() {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
        raw.deallocate()
        fields.deallocate()
    }

    /// Scans the next record; nil at the end of the file.
    mutating func next() throws(CSVError) -> Scanned? {
        fieldCount = 0
        if !problems.isEmpty { problems.removeAll(keepingCapacity: true) }
        if !started { try start() }
        while true {
            if scan() { return deliver() }
            if exhausted { return try finishAtEnd() }
            try fill()
        }
    }

    /// Goes back to the start of the file, as if just opened.
    mutating func rewind() throws(CSVError) {
        if lseek(fd, 0, SEEK_SET) < 0 {
            throw CSVError(.cannotRead(Self.systemMessage(errno)), path: path)
        }
        encoding = .utf8
        restart(atOffset: 0, line: 1, started: false, sawNonASCII: false)
    }

    /// Where the next record starts in the file, when the scanner stands
    /// between records of a file read as UTF-8 in place with nothing repaired:
    /// the byte offset, its line, and whether a multi-byte character came
    /// before it. A line end cut in two (CR read, LF not yet) is stepped over
    /// when the LF is already in the buffer, and gives nil when it is not.
    var resumePoint: CSVResumePoint? {
        guard fd >= 0, started, state == .recordStart, case .utf8 = decoding, encoding != .windows1252,
              !utf8Fallback, invalidUTF8Offset == nil else { return nil }
        var p = pos
        if skipLF {
            guard p < readyEnd else { return nil }
            if buffer[p] == CSVByte.lf { p += 1 }
        }
        // `sawNonASCII` covers every byte validated so far, which may run past
        // `p`; the bytes before `p` tell, while the buffer still starts at the file's first character.
        var nonASCII = false
        if sawNonASCII {
            guard fileOffset == (encoding == .utf8BOM ? 3 : 0) else { return nil }
            nonASCII = CSVByte.anyNonASCII(buffer, count: p)
        }
        return CSVResumePoint(offset: fileOffset + p, line: line, sawNonASCII: nonASCII)
    }

    /// Carries on from `offset` in the file, a record start on `line`, as the
    /// scanner would have arrived there itself: UTF-8 read in place, with
    /// `sawNonASCII` saying whether a multi-byte character came before it.
    mutating func resume(atOffset offset: Int, line: Int, sawNonASCII: Bool) throws(CSVError) {
        precondition(fd >= 0, "only a scanner reading a file resumes")
        if lseek(fd, off_t(offset), SEEK_SET) < 0 {
            throw CSVError(.cannotRead(Self.systemMessage(errno)), path: path)
        }
        restart(atOffset: offset, line: line, started: true, sawNonASCII: sawNonASCII)
    }

    /// The reading state of a scanner about to read a record at `offset` on
    /// `line`, with an empty buffer (the caller has moved the file position there).
    private mutating func restart(atOffset offset: Int, line: Int, started: Bool, sawNonASCII: Bool) {
        dataEnd = 0
        readyEnd = 0
        fileOffset = offset
        exhausted = false
        self.started = started
        decoding = .utf8
        self.sawNonASCII = sawNonASCII
        utf8Fallback = false
        reportedInvalidUTF8 = false
        invalidUTF8Offset = nil
        state = .recordStart
        pos = 0
        recordStart = 0
        fieldStart = 0
        fieldDecode = false
        self.line = line
        recordLine = line
        skipLF = false
        fieldCount = 0
        problems.removeAll()
    }

    private mutating func deliver() -> Scanned {
        attachInvalidUTF8()
        return Scanned(line: recordLine, count: fieldCount, buffer: buffer, fields: fields,
                       hasProblems: !problems.isEmpty)
    }

    /// The input ended: close the record in progress, if any.
    private mutating func finishAtEnd() throws(CSVError) -> Scanned? {
        switch state {
        case .recordStart:
            return nil
        case .fieldStart:
            appendField(start: pos, end: pos, decode: false)
        case .unquoted:
            appendField(start: fieldStart, end: pos, decode: false)
        case .afterClosingQuote:
            appendField(start: fieldStart, end: pos, decode: true)
        case .quoteInQuoted:
            appendQuotedField(closingQuoteEnd: pos)
        case .quoted:
            let at = position(of: fieldStart)
            throw CSVError(.unterminatedQuote, path: path, line: at.line, column: at.column)
        }
        state = .recordStart
        return deliver()
    }

    // MARK: The state machine

    /// Scans on from `pos`; true when a record is complete, false when more input is needed.
    mutating func scan() -> Bool {
        let b = buffer
        let end = readyEnd
        var p = pos
        var line = self.line
        var state = self.state
        defer {
            pos = p
            self.line = line
            self.state = state
        }
        while true {
            switch state {
            case .recordStart:
                while p < end {
                    let c = b[p]
                    if c == CSVByte.lf {
                        if skipLF { skipLF = false } else { line += 1 }
                    } else if c == CSVByte.cr {
                        line += 1
                        skipLF = true
                    } else {
                        break
                    }
                    p += 1
                }
                if p == end { return false }
                skipLF = false
                recordStart = p
                recordLine = line
                if let lineEnd = plainRecord(from: p, end: end) {
                    p = lineEnd + 1
                    line += 1
                    skipLF = b[lineEnd] == CSVByte.cr
                    return true
                }
                state = .fieldStart

            case .fieldStart:
                if p == end { return false }
                fieldStart = p
                if b[p] == CSVByte.quote {
                    fieldDecode = false
                    p += 1
                    state = .quoted
                } else {
                    state = .unquoted
                }

            case .unquoted, .afterClosingQuote:
                var c: UInt8
                while true {
                    // Eight bytes at a time up to the next comma, quote, CR or LF.
                    var found = false
                    while p + 8 <= end {
                        let special = Self.specialBytes(in: UnsafeRawPointer(b + p).loadUnaligned(as: UInt64.self))
                        if special != 0 {
                            p += special.trailingZeroBitCount &>> 3
                            found = true
                            break
                        }
                        p += 8
                    }
                    if !found {
                        while p < end, !Self.isSpecial(b[p]) { p += 1 }
                        if p == end { return false }
                    }
                    c = b[p]
                    guard c == CSVByte.quote else { break }
                    if state == .unquoted { noteProblem(.strayQuote, at: p, line: line) }
                    p += 1
                }
                appendField(start: fieldStart, end: p, decode: state == .afterClosingQuote)
                p += 1
                if c == CSVByte.comma {
                    state = .fieldStart
                    continue
                }
                line += 1
                skipLF = c == CSVByte.cr
                state = .recordStart
                return true

            case .quoted:
                guard let found = memchr(b + p, Int32(CSVByte.quote), end - p) else {
                    line += Self.lineBreaks(b, from: p, to: end)
                    p = end
                    return false
                }
                let q = UnsafeMutableRawPointer(b).distance(to: found)
                line += Self.lineBreaks(b, from: p, to: q)
                p = q + 1
                state = .quoteInQuoted

            case .quoteInQuoted:
                if p == end { return false }
                let c = b[p]
                if c == CSVByte.quote {
                    fieldDecode = true
                    p += 1
                    state = .quoted
                } else if c == CSVByte.comma || c == CSVByte.lf || c == CSVByte.cr {
                    appendQuotedField(closingQuoteEnd: p)
                    p += 1
                    if c == CSVByte.comma {
                        state = .fieldStart
                        continue
                    }
                    line += 1
                    skipLF = c == CSVByte.cr
                    state = .recordStart
                    return true
                } else {
                    fieldDecode = true
                    noteProblem(.textAfterClosingQuote, at: p - 1, line: line)
                    state = .afterClosingQuote
                }
            }
        }
    }

    /// The common record, read in one pass: no quote in it and its line end
    /// already in the buffer. Its cells are recorded and the offset of its CR
    /// or LF returned; for any other record nothing is recorded and the state
    /// machine reads it instead.
    ///
    /// Eight bytes are tested at a time and every comma among them taken
    /// from the one mask, so a row of short cells costs a few instructions a
    /// byte instead of a pass through the state machine per cell.
    @inline(__always)
    mutating func plainRecord(from start: Int, end: Int) -> Int? {
        let b = buffer, fields = self.fields, capacity = fieldCapacity
        var count = 0
        var cellStart = start
        var word = start
        while word < end {
            var mask = word &+ 8 <= end
                ? Self.exactSpecialBytes(in: UnsafeRawPointer(b + word).loadUnaligned(as: UInt64.self))
                : Self.specialBytes(b, from: word, to: end)
            while mask != 0 {
                let at = word &+ mask.trailingZeroBitCount &>> 3
                mask &= mask &- 1
                let c = b[at]
                if c == CSVByte.quote || count == capacity { return nil }
                fields[count] = FieldSpan(start: cellStart, end: at, decode: false)
                count &+= 1
                if c != CSVByte.comma {
                    fieldCount = count
                    return at
                }
                cellStart = at &+ 1
            }
            word &+= 8
        }
        return nil
    }

    /// `exactSpecialBytes` of the fewer than eight bytes left before `end`, one by one.
    private static func specialBytes(_ b: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var mask: UInt64 = 0
        for i in 0..<(end - start) where isSpecial(b[start + i]) { mask |= 0x80 << UInt64(8 * i) }
        return mask
    }

    /// A mask with the top bit set in exactly the bytes of `word` that are a
    /// comma, quote, CR or LF. Each byte's low seven bits plus 0x7F carries
    /// into its top bit unless they are zero, and never into the next byte.
    @inline(__always)
    static func exactSpecialBytes(in word: UInt64) -> UInt64 {
        let w = UInt64(littleEndian: word)
        let low = w & 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func differs(_ byte: UInt64) -> UInt64 { (low ^ byte) &+ 0x7F7F_7F7F_7F7F_7F7F }
        let notSpecial = (differs(0x2C2C_2C2C_2C2C_2C2C) & differs(0x2222_2222_2222_2222)
            & differs(0x0A0A_0A0A_0A0A_0A0A) & differs(0x0D0D_0D0D_0D0D_0D0D)) | w
        return ~notSpecial & 0x8080_8080_8080_8080
    }

    /// A mask with the top bit set in each byte of `word` that is a comma,
    /// quote, CR or LF. Bits can also be set above a real match (borrows), never
    /// below one, so the lowest set bit always marks the first such byte.
    @inline(__always)
    static func specialBytes(in word: UInt64) -> UInt64 {
        let w = UInt64(littleEndian: word)
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        return zeroBytes(w ^ 0x2C2C_2C2C_2C2C_2C2C) | zeroBytes(w ^ 0x2222_2222_2222_2222)
            | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
    }

    @inline(__always)
    static func isSpecial(_ c: UInt8) -> Bool {
        c <= CSVByte.comma && (c == CSVByte.comma || c == CSVByte.quote || c == CSVByte.lf || c == CSVByte.cr)
    }

    /// Line ends inside a quoted cell: LF, CR and CRLF each count once. The
    /// byte before `from` is always in the buffer (at least the opening quote),
    /// so a CRLF split across two reads is still counted once.
    static func lineBreaks(_ b: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        var i = from
        while i < to {
            let c = b[i]
            if c <= CSVByte.cr {
                if c == CSVByte.cr || (c == CSVByte.lf && b[i - 1] != CSVByte.cr) { n += 1 }
            }
            i += 1
        }
        return n
    }

    @inline(__always)
    mutating func appendField(start: Int, end: Int, decode: Bool) {
        if fieldCount == fieldCapacity { growFields() }
        fields[fieldCount] = FieldSpan(start: start, end: end, decode: decode)
        fieldCount += 1
    }

    /// Ends a quoted cell whose closing quote is just before `closingQuoteEnd`.
    @inline(__always)
    mutating func appendQuotedField(closingQuoteEnd end: Int) {
        if fieldDecode {
            appendField(start: fieldStart, end: end, decode: true)
        } else {
            appendField(start: fieldStart + 1, end: end - 1, decode: false)
        }
    }

    private mutating func growFields() {
        let bigger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: fieldCapacity * 2)
        bigger.moveInitialize(from: fields, count: fieldCount)
        fields.deallocate()
        fields = bigger
        fieldCapacity *= 2
    }

    // MARK: Positions and problems

    /// Line and character column of a buffer offset inside the current record.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let b = buffer
        var line = recordLine
        var lineStart = recordStart
        var i = recordStart
        while i < offset {
            let c = b[i]
            if c == CSVByte.lf {
                if i == recordStart || b[i - 1] != CSVByte.cr { line += 1 }
                lineStart = i + 1
            } else if c == CSVByte.cr {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, Self.characters(b, from: lineStart, to: offset) + 1)
    }

    /// Character column of `offset` when the scanner is on that offset's line.
    func column(of offset: Int) -> Int {
        let b = buffer
        var lineStart = offset
        while lineStart > recordStart, b[lineStart - 1] != CSVByte.lf, b[lineStart - 1] != CSVByte.cr { lineStart -= 1 }
        return Self.characters(b, from: lineStart, to: offset) + 1
    }

    static func characters(_ b: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        for i in from..<max(from, to) where b[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    mutating func noteProblem(_ kind: CSVProblem.Kind, at offset: Int, line: Int) {
        problems.append(CSVProblem(kind: kind, line: line, column: column(of: offset), field: fieldCount))
    }

    /// Reports the first non-UTF-8 byte of a mixed file on the record that holds it.
    private mutating func attachInvalidUTF8() {
        guard let offset = invalidUTF8Offset, offset < pos else { return }
        invalidUTF8Offset = nil
        let at = position(of: max(offset, recordStart))
        var field = 0
        for i in 0..<fieldCount where fields[i].start <= offset { field = i }
        problems.append(CSVProblem(kind: .invalidUTF8, line: at.line, column: at.column, field: field))
    }

    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// The bytes RFC 4180 gives meaning to.
enum CSVByte {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C

    /// Whether any of the first `count` bytes at `bytes` is outside ASCII: a
    /// resume point must say so, because a file that is all ASCII up to it
    /// may still turn out to be Windows-1252 after it.
    static func anyNonASCII(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var i = 0
        while i < count {
            if bytes[i] >= 0x80 { return true }
            i += 1
        }
        return false
    }
}
