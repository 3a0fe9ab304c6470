import CSCCore

/// How the CIN census's values become canonical values. Each returns the
/// canonical text, or an empty string after reporting what was wrong: a value
/// that cannot be read is never guessed at, and its record is still loaded.
extension CINCensusParser {
    /// `YYYY-MM-DD` and a real calendar day (`2024-02-30` is not).
    mutating func date(_ bytes: UnsafeBufferPointer<UInt8>, _ element: CINElement, _ line: Int,
                       _ dataset: String) -> String {
        if bytes.isEmpty { return "" }
        let (original, result) = normalised(bytes, kind: CINValueCache.Kind.date.rawValue) { text in
            Self.isCalendarDate(bytes) ? text : nil
        }
        if let result { return result }
        raise(Issue(.badDate, dataset: dataset, file: file, line: line, column: element.rawValue,
                    childID: inChild ? child.issueChildID : "", value: original))
        return ""
    }

    /// The element's text and what `normalise` makes of it (nil: unreadable).
    /// Census values repeat endlessly (the same dates, codes and flags), so
    /// short ones are worked out once per file and then looked up by bytes.
    @inline(__always)
    mutating func normalised(_ bytes: UnsafeBufferPointer<UInt8>, kind: UInt64,
                             _ normalise: (String) -> String?) -> (original: String, result: String?) {
        let key = CINValueCache.key(bytes, kind: kind)
        if let key, let hit = cache.lookup(key) { return (hit.original, hit.result) }
        let original = String(decoding: bytes, as: UTF8.self)
        let result = normalise(original)
        if let key { cache.store(key, original: original, result: result) }
        return (original, result)
    }

    /// The same test as `Day(iso:)`, on the element's bytes without making a String.
    @inline(__always)
    static func isCalendarDate(_ b: UnsafeBufferPointer<UInt8>) -> Bool { Day.parseISO(b) != nil }

    /// A code valid in the file's collection year, as the canonical model stores it.
    mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, _ name: CINCodeListName, _ element: CINElement,
                       _ line: Int, _ dataset: String) -> String {
        if bytes.isEmpty { return "" }
        let table = codeTables[name.rawValue]
        let (original, result) = normalised(bytes, kind: CINValueCache.Kind.code.rawValue + UInt64(name.rawValue)) {
            table.canonical($0)
        }
        if let result { return result }
        let list = codeTables[name.rawValue].list
        let inYear = year.map { " in \($0)" } ?? " in the latest code lists"
        let message: String
        if let validity = list.list.validity(of: original) {
            message = "\(Rule.unknownCode.message): \(original) is not valid\(inYear) (\(validity))"
        } else {
            message = "\(Rule.unknownCode.message): \(original) is not \(list.noun)\(inYear)"
        }
        raise(Issue(.unknownCode, dataset: dataset, file: file, line: line, column: element.rawValue,
                    childID: inChild ? child.issueChildID : "", value: original, message: message))
        return ""
    }

    /// `0`, `1`, `true` or `false` in any case (the public samples use
    /// true/false though the schema says 0/1), as `0`/`1`.
    mutating func flag(_ bytes: UnsafeBufferPointer<UInt8>, _ element: CINElement, _ line: Int,
                       _ dataset: String) -> String {
        if bytes.isEmpty { return "" }
        let (original, result) = normalised(bytes, kind: CINValueCache.Kind.flag.rawValue) { text in
            switch text.lowercased() {
            case "0", "false": "0"
            case "1", "true": "1"
            default: nil
            }
        }
        if let result { return result }
        raise(Issue(.badValue, dataset: dataset, file: file, line: line, column: element.rawValue,
                    childID: inChild ? child.issueChildID : "", value: original,
                    message: "\(element.rawValue) must be 0, 1, true or false"))
        return ""
    }

    /// A whole number, 0 or more (leading zeros dropped).
    mutating func count(_ bytes: UnsafeBufferPointer<UInt8>, _ element: CINElement, _ line: Int,
                        _ dataset: String) -> String {
        if bytes.isEmpty { return "" }
        let (original, result) = normalised(bytes, kind: CINValueCache.Kind.count.rawValue) { text in
            text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(text).map { String($0) } : nil
        }
        if let result { return result }
        raise(Issue(.badValue, dataset: dataset, file: file, line: line, column: element.rawValue,
                    childID: inChild ? child.issueChildID : "", value: original,
                    message: "\(element.rawValue) must be a whole number, 0 or more"))
        return ""
    }

    /// `Sex` (M/F/U) replaced `GenderCurrent` (1/2/0/9) in 2024-25. A file
    /// using the other year's element is still read, with that element's own
    /// list, and warned about once.
    mutating func checkSexElementYear(_ element: CINElement, bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        guard let year else { return }
        let sexFrom = Self.sexElementFrom
        switch element {
        case .sex where year < sexFrom && !warnedSexElement:
            warnedSexElement = true
            raise(Issue(.elementNotInYear, dataset: CanonicalTable.children.name, file: file, line: line,
                        column: element.rawValue, childID: inChild ? child.issueChildID : "",
                        value: String(decoding: bytes, as: UTF8.self),
                        message: "Sex is used from \(sexFrom), but this file is \(year), which uses GenderCurrent;"
                            + " values were read as Sex (M, F, U)"))
        case .genderCurrent where year >= sexFrom && !warnedGenderCurrentElement:
            warnedGenderCurrentElement = true
            raise(Issue(.elementNotInYear, dataset: CanonicalTable.children.name, file: file, line: line,
                        column: element.rawValue, childID: inChild ? child.issueChildID : "",
                        value: String(decoding: bytes, as: UTF8.self),
                        message: "GenderCurrent was replaced by Sex in \(sexFrom), but this file is \(year);"
                            + " values were read as GenderCurrent (1, 2, 0, 9)"))
        default:
            break
        }
    }

    static let sexElementFrom = CollectionYear(startYear: 2024)
}
