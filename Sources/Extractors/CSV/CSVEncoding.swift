/// The character encoding a CSV file was found to be in. Every encoding is
/// converted to UTF-8 while reading; the manifest records which one it was.
public enum CSVEncoding: String, Sendable, Hashable, CaseIterable, Codable {
    /// UTF-8 without a byte order mark (plain ASCII files are reported as this).
    case utf8 = "utf-8"
    /// UTF-8 starting with a byte order mark, as Excel's "CSV UTF-8" writes; the mark is dropped.
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little-endian, as Excel's "Unicode Text" writes.
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian.
    case utf16BE = "utf-16be"
    /// Windows-1252 ("ANSI"), assumed when the bytes are not valid UTF-8.
    case windows1252 = "windows-1252"

    /// True when the reader had to convert the bytes to UTF-8, not just drop a BOM.
    public var isConverted: Bool {
        switch self {
        case .utf8, .utf8BOM: false
        case .utf16LE, .utf16BE, .windows1252: true
        }
    }
}
