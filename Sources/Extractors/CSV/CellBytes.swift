/// Byte-level helpers for a cell's UTF-8 bytes, shared by the readers that
/// work on bytes rather than Strings (SSDA903, mapped exports).
enum CellBytes {
    /// `bytes` without surrounding spaces, tabs, line breaks or no-break
    /// spaces (the same blanks `CSVRecord.trimmedString` drops).
    @inline(__always)
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end {
            let b = bytes[start]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                start += 1
            } else if b == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let b = bytes[end - 1]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                end -= 1
            } else if b == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// The cell's text as a String. The reader has already checked the bytes
    /// are UTF-8, and text of up to 15 bytes is built in place in the String's
    /// inline storage, where the standard library checks ASCII text with one
    /// test instead of validating it byte by byte.
    @inline(__always)
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let count = bytes.count
        guard count > 0 else { return "" }
        guard count <= 15 else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: count) { out in
            out.baseAddress!.update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            return count
        }
    }
}
