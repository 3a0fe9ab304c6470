/// Why a workbook, or one part of it, could not be read.
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened (missing, a folder, no permission).
        case cannotOpen
        /// The file is not a zip archive, or has no `xl/workbook.xml`: not an .xlsx workbook.
        case notAWorkbook
        /// A zip entry is damaged (bad checksum, cannot be inflated).
        case damagedZip
        /// A part of the workbook is not well-formed XML.
        case malformedPart
    }

    public let kind: Kind
    /// The part inside the zip (`xl/worksheets/sheet3.xml`), when the problem is in one.
    public let part: String
    public let line: Int?
    public let message: String

    public init(_ kind: Kind, part: String = "", line: Int? = nil, message: String) {
        self.kind = kind
        self.part = part
        self.line = line
        self.message = message
    }

    /// `xl/worksheets/sheet3.xml line 2: Opening and ending tag mismatch`, or just the message.
    public var description: String {
        var at = part
        if let line { at += at.isEmpty ? "line \(line)" : " line \(line)" }
        return at.isEmpty ? message : "\(at): \(message)"
    }
}
