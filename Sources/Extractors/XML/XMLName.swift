import CLibXML2

/// An element's local name as the parser interned it.
///
/// libxml2 keeps one copy of every name in the parser's dictionary, so two
/// names are equal exactly when their pointers are: comparing or hashing an
/// `XMLName` never reads the characters. That keeps the per-element cost of a
/// 200 MB census at a pointer compare instead of a `String` per element.
/// A name is only meaningful while the `XMLStreamReader` that made it is alive.
public struct XMLName: Hashable, @unchecked Sendable {
    // @unchecked: the pointer is used as an identity and never dereferenced
    // except through `string`, while its reader (the dictionary's owner) is alive.
    let pointer: UnsafePointer<xmlChar>?

    init(_ pointer: UnsafePointer<xmlChar>?) { self.pointer = pointer }

    /// No name (text nodes, or before the first read).
    public static let none = XMLName(nil)

    /// The name as a `String`, for messages; not for the hot path.
    public var string: String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
