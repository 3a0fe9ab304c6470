import CSCCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Describes a CSV file as the SSDA903 table its columns make, with the year
/// its name gives and its number of rows, reading it one record at a time.
enum SSDA903FileInspector {
    static func inspect(_ path: String) -> FileDescription {
        do {
            return try describe(path)
        } catch {
            return .unknown(path, "a CSV file that cannot be read (\(error.message))")
        }
    }

    private static func describe(_ path: String) throws(CSVError) -> FileDescription {
        let reader = try CSVReader(path: path)
        var header: CSVHeader?
        while header == nil, let record = try reader.next() {
            if record.isBlank { continue }
            header = CSVHeader(names: record.strings, line: record.line)
        }
        guard let header else { return .unknown(path, "a CSV file with no header row") }
        switch SSDA903TableRecognition.recognise(header) {
        case .unknown(let closest, let missing, let matched):
            let reason = "CSV whose columns match no SSDA903 table"
            if matched <= 1 { return .unknown(path, reason) }
            return .unknown(path, "\(reason) (closest: \(closest.rawValue), missing \(missing.joined(separator: ", ")))")
        case .table(let columns, _):
            var rows = 0
            while let record = try reader.next() {
                if !record.isBlank { rows += 1 }
            }
            let named = SSDA903FileYear.year(ofPath: absolute(path))
            var text = "SSDA903 \(columns.table.rawValue)"
            if let named {
                text += " \(named.year) (year from \(named.source))"
            } else {
                text += " (collection year not in the file's or folder's name)"
            }
            text += ", \(rows) \(rows == 1 ? "row" : "rows")"
            return FileDescription(path: path, kind: .ssda903(table: columns.table, year: named?.year, rows: rows),
                                   summary: text)
        }
    }

    /// A relative path made absolute, so that `inspect episodes.csv` run inside
    /// a `2024-25` folder still finds the year in the folder's name.
    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }
}
