import CSCCore
import Extractors

/// The part of `cscpipe validate` that opens a mapped export: only its header
/// row, to check every column the mapping needs is there before any data is read.
enum MappedHeaderValidation {
    /// One line for the validation report; throws, naming the mapping file's
    /// line and key, at the first file whose header lacks a required column.
    static func check(_ mapping: MappedExport, mappingPath: String, files: [InputFiles.Match]) throws(ConfigError) -> String {
        let reader = MappedReader(export: mapping)
        var optionalAbsent: [String] = []
        for file in files {
            let found: (header: CSVHeader, match: MappedHeaderMatch)?
            do {
                found = try reader.matchHeader(path: file.path, displayName: file.displayName)
            } catch {
                throw ConfigError(file: file.displayName, line: error.issue.line, key: "", message: error.issue.message)
            }
            guard let (header, match) = found else {
                return "\(mapping.mappingFile): XML records at their path into \(mapping.table.name) (elements are checked as the file is read)"
            }
            if let gap = match.missing.first {
                throw ConfigError(file: mappingPath, line: gap.source.line, key: key(of: gap.source, in: mapping),
                                  message: "\(gap.source.description) is not in the header of \(file.displayName) (line \(header.line))"
                                    + (gap.closest.isEmpty ? "" : "; closest: " + gap.closest.map { "`\($0)`" }.joined(separator: ", ")))
            }
            optionalAbsent += match.absent.map { "\($0.source.description) in \(file.displayName)" }
        }
        let absent = optionalAbsent.isEmpty ? "" : "; optional, absent so read as empty: " + optionalAbsent.joined(separator: ", ")
        return "\(mapping.mappingFile): fills \(mapping.table.name); every column it needs is in the header\(absent)"
    }

    /// The mapping key a source is written under: `columns.child_id.source`, `where.Case Status`.
    private static func key(of source: MappedSource, in mapping: MappedExport) -> String {
        if let column = mapping.columns.first(where: { $0.source == source }) {
            if case .pattern = source.match { return "columns.\(column.canonical).pattern" }
            return "columns.\(column.canonical).source"
        }
        if let filter = mapping.filters.first(where: { $0.source == source }), case .name(let name) = source.match {
            return (filter.exclude ? "where_not." : "where.") + name
        }
        return "columns"
    }
}
