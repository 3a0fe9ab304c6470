#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first bytes of a file, and what they look like before any parser is tried.
struct FileSniff {
    enum Look: Equatable {
        case cannotOpen(String)
        case empty
        case xml
        /// Text whose first line has commas: a CSV file.
        case csv
        /// Not XML; the words say what it seems to be instead.
        case notXML(String)

        /// Why a parser that wants XML cannot read this file, or nil when it may be XML.
        var notXMLReason: String? {
            switch self {
            case .csv: "not XML (first bytes look like CSV)"
            case let .notXML(what): what
            case .cannotOpen, .empty, .xml: nil
            }
        }
    }

    static let sampleSize = 4096

    static func look(at path: String) -> Look {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .cannotOpen(String(cString: strerror(errno))) }
        defer { close(fd) }
        var sample = [UInt8](repeating: 0, count: sampleSize)
        let n = sample.withUnsafeMutableBytes { read(fd, $0.baseAddress!, sampleSize) }
        guard n >= 0 else { return .cannotOpen(String(cString: strerror(errno))) }
        return look(at: sample.prefix(n))
    }

    static func look(at bytes: ArraySlice<UInt8>) -> Look {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        // UTF-16 files start with a byte order mark; libxml2 reads them as XML.
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return .xml }
        let content = b.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        guard let first = content.first else { return .empty }
        if first == UInt8(ascii: "<") { return .xml }
        if content.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return .notXML("not XML (a ZIP file: perhaps an Excel workbook)")
        }
        if content.contains(0) { return .notXML("not XML (binary data)") }
        let firstLine = content.prefix(while: { $0 != 0x0A && $0 != 0x0D })
        if firstLine.contains(UInt8(ascii: ",")) { return .csv }
        if firstLine.contains(0x09) || firstLine.contains(UInt8(ascii: ";")) {
            return .notXML("not XML (first bytes look like CSV, but not comma-separated)")
        }
        let shown = String(decoding: firstLine.prefix(40), as: UTF8.self)
        return .notXML("not XML (it starts \"\(shown)\")")
    }
}
