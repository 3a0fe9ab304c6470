/// The cells of one export record, however the file holds them (a CSV row,
/// the fields of an XML record), as bytes.
protocol MappedCells {
    /// Calls `body` with the UTF-8 bytes of cell `index` (empty when absent); valid only inside `body`.
    func withCell<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R
    /// The cell exactly as written, for an issue's value.
    func string(_ index: Int) -> String
}

extension CSVRecord: MappedCells {
    @inline(__always)
    func withCell<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        withBytes(at: index, body)
    }

    func string(_ index: Int) -> String { string(at: index) }
}

/// `bytes` without surrounding spaces, tabs, line breaks or no-break spaces.
@inline(__always)
func mappedTrimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
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
