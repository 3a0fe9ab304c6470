import Foundation

/// A small RFC 4180 reader for the tests' own inputs (code lists, expected
/// datasets): quoted fields, doubled quotes, CRLF or LF. Not for production use.
enum SimpleCSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    static func rows(at url: URL) throws -> [[String]] {
        rows(try String(contentsOf: url, encoding: .utf8))
    }

    /// Rows as dictionaries keyed by the header.
    static func records(at url: URL) throws -> [[String: String]] {
        let all = try rows(at: url)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < row.count ? row[$0.offset] : "") })
        }
    }
}
