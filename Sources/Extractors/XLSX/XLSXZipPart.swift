import ZIPFoundation

extension XLSXPartParser {
    /// Inflates `entry` of `archive` into `handler`, 64 KiB at a time, until
    /// the part ends or the handler wants no more.
    func parse<Handler: XLSXPartHandler>(_ entry: Entry, of archive: Archive, into handler: inout Handler) throws(XLSXError) {
        try parse(into: &handler) { feed in
            do {
                _ = try archive.extract(entry, bufferSize: 64 * 1024) { data in
                    let more = data.withUnsafeBytes { feed($0) }
                    if !more { throw XLSXZipStop() }
                }
            } catch is XLSXZipStop {
                // The parser has what it needs.
            }
        }
    }
}

/// Thrown from the zip consumer to stop inflating a part early.
private struct XLSXZipStop: Error {}
