/// Why an XML file could not be read to the end.
public struct XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read (missing, a folder, no permission).
        case cannotOpen
        /// The file holds nothing but whitespace (or a byte order mark).
        case empty
        /// The file is not well-formed XML; `line` and `column` say where libxml2 stopped.
        case malformed
    }

    public let kind: Kind
    /// The file, as its path was given to the reader.
    public private(set) var file: String
    /// 1-based line of the error, when the parser knows it.
    public let line: Int?
    /// 1-based column of the error, when the parser knows it.
    public let column: Int?
    /// The operating system's or libxml2's own words.
    public let message: String

    public init(kind: Kind, file: String = "", line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The same error, naming `file`.
    func naming(_ file: String) -> XMLReadError {
        var e = self
        e.file = file
        return e
    }

    /// `line 120, column 14: Premature end of data in tag Child`, or just the
    /// message when there is no position (the file is left to the caller,
    /// which usually names it in its own words).
    public var description: String {
        switch (line, column) {
        case let (l?, c?): "line \(l), column \(c): \(message)"
        case let (l?, nil): "line \(l): \(message)"
        default: message
        }
    }
}
