import CSCCore
import Extractors
import Foundation
import Yams

/// Reads a mapping file (`pipelines/mappings/*.yaml`) into a `MappedExport`,
/// refusing with the file, line and key anything that would make the export
/// read differently from what the file says: an unknown table or column, a
/// date column without its formats, a label sent to two codes, a pattern
/// that is not a regular expression.
///
/// ```yaml
/// table: visits
/// columns:
///   child_id: Person ID                 # the export column, by name
///   visit_date: { source: Actual Date, dates: [dd-MMM-yyyy] }
///   kind:
///     source: Visit Type
///     values: { cp: [CP Visit, Child Protection Statutory Visit], cin: CIN Visit }
///   worker: { pattern: '^(allocated )?worker', optional: true }
/// where: { Case Status: Open }
/// ```
public enum MappingFileLoader {
    static let topLevelKeys = ["table", "format", "record", "columns", "where", "where_not", "description"]
    static let columnKeys = ["source", "pattern", "optional", "dates", "values", "default", "blank", "constant"]

    /// Loads the mapping at `path`; `name` is how issues name it (the path as the pipeline wrote it).
    public static func load(path: String, name: String? = nil) throws(ConfigError) -> MappedExport {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, line: nil, key: "", message: "cannot read the mapping file (\(PipelineLoader.reason(error)))")
        }
        return try parse(text, path: path, name: name ?? path)
    }

    /// Parses mapping text; `path` names the file in errors, `name` in the issues of a run.
    public static func parse(_ text: String, path: String, name: String) throws(ConfigError) -> MappedExport {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PipelineLoader.yamlSyntaxError(error, file: path)
        } catch {
            throw ConfigError(file: path, line: nil, key: "", message: "not valid YAML (\(error))")
        }
        guard let root, let top = root.mapping else {
            throw ConfigError(file: path, line: root?.mark?.line, key: "",
                              message: "a mapping is a YAML mapping with keys \(topLevelKeys.joined(separator: ", "))")
        }
        let r = MappingReader(mapping: top, file: path, context: "")
        try r.rejectUnknownKeys(allowed: topLevelKeys)

        guard let tableName = try r.string("table") else {
            throw ConfigError(file: path, line: top.mark?.line, key: "table", message: "missing: the canonical table the export fills")
        }
        guard let table = CanonicalTable(rawValue: tableName) else {
            throw ConfigError(file: path, line: r.line(of: "table"), key: "table",
                              message: "`\(tableName)` is not a canonical table\(suggestion(tableName, CanonicalTable.allCases.map(\.name)))")
        }

        let format: MappedExport.Format
        switch try r.string("format") ?? "csv" {
        case "csv":
            if r.node("record") != nil {
                throw ConfigError(file: path, line: r.line(of: "record"), key: "record", message: "only for `format: xml`")
            }
            format = .csv
        case "xml":
            guard let record = try r.string("record"), !record.isEmpty else {
                throw ConfigError(file: path, line: r.line(of: "format"), key: "record",
                                  message: "missing: the path of the record element from the root, e.g. `VisitExport/Visit`")
            }
            format = .xml(recordPath: record.split(separator: "/").map(String.init))
        case let other:
            throw ConfigError(file: path, line: r.line(of: "format"), key: "format", message: "`\(other)` is not a format; use csv or xml")
        }
        let isXML = format != .csv

        guard let columnsNode = r.node("columns") else {
            throw ConfigError(file: path, line: top.mark?.line, key: "columns", message: "missing: the canonical columns and where each comes from")
        }
        guard let columnsMap = columnsNode.mapping, !columnsMap.isEmpty else {
            throw ConfigError(file: path, line: columnsNode.mark?.line, key: "columns",
                              message: "must map canonical column names to their sources, e.g. `child_id: Person ID`")
        }
        var columns: [MappedColumn] = []
        for (keyNode, spec) in columnsMap {
            let canonical = keyNode.string ?? ""
            let key = "columns.\(canonical)"
            guard table.columns.contains(canonical) else {
                throw ConfigError(file: path, line: keyNode.mark?.line, key: key,
                                  message: "`\(canonical)` is not a column of \(table.name)\(suggestion(canonical, table.columns)); "
                                    + "its columns are \(table.columns.joined(separator: ", "))")
            }
            if columns.contains(where: { $0.canonical == canonical }) {
                throw ConfigError(file: path, line: keyNode.mark?.line, key: key, message: "listed twice")
            }
            columns.append(try column(canonical, spec, table: table, isXML: isXML, key: key, file: path))
        }
        for required in requiredColumns(table) where !columns.contains(where: { $0.canonical == required }) {
            throw ConfigError(file: path, line: columnsNode.mark?.line, key: "columns.\(required)",
                              message: "missing: \(table.name) records need `\(required)` "
                                + (required == "child_id" ? "(a record without a child cannot be attributed)"
                                   : "(it is part of the table's natural key, which merges records across inputs)"))
        }

        var filters: [MappedFilter] = []
        for (key, exclude) in [("where", false), ("where_not", true)] {
            guard let node = r.node(key) else { continue }
            guard let map = node.mapping else {
                throw ConfigError(file: path, line: node.mark?.line, key: key,
                                  message: "a mapping of export column to the value(s) \(exclude ? "to leave out" : "to keep"), e.g. `{ Case Status: Open }`")
            }
            for (columnNode, valuesNode) in map {
                let column = columnNode.string ?? ""
                let values = try labels(valuesNode, file: path, key: "\(key).\(column)")
                filters.append(MappedFilter(source: MappedSource(.name(column), line: columnNode.mark?.line),
                                            values: values, exclude: exclude))
            }
        }
        return MappedExport(mappingFile: name, table: table, format: format, columns: columns, filters: filters)
    }

    /// The columns a table's records cannot do without: the child (except
    /// audits, which may be thematic) and the natural key.
    static func requiredColumns(_ table: CanonicalTable) -> [String] {
        var required = table.naturalKey
        if table.columns.contains("child_id"), table != .audits, !required.contains("child_id") {
            required.insert("child_id", at: 0)
        }
        return required
    }

    private static func column(_ canonical: String, _ spec: Node, table: CanonicalTable, isXML: Bool, key: String,
                               file: String) throws(ConfigError) -> MappedColumn {
        let isDate = table.dateColumns.contains(canonical)
        if let name = spec.scalar?.string {
            if isDate {
                throw ConfigError(file: file, line: spec.mark?.line, key: key,
                                  message: "a date column needs its formats: `{ source: \(name), dates: [dd/MM/yyyy] }`")
            }
            return MappedColumn(canonical: canonical, source: try source(.name(name), optional: false, line: spec.mark?.line,
                                                                         isXML: isXML, file: file, key: key),
                                conversion: .text)
        }
        guard let m = spec.mapping else {
            throw ConfigError(file: file, line: spec.mark?.line, key: key,
                              message: "the export column's name, or a mapping with \(columnKeys.joined(separator: ", "))")
        }
        let r = MappingReader(mapping: m, file: file, context: key + ".")
        try r.rejectUnknownKeys(allowed: columnKeys)
        let name = try r.string("source"), pattern = try r.string("pattern"), constant = try r.string("constant")
        guard [name, pattern, constant].compactMap({ $0 }).count == 1 else {
            throw ConfigError(file: file, line: spec.mark?.line, key: key,
                              message: "give exactly one of `source` (the export column), `pattern` or `constant`")
        }
        if let constant {
            for other in ["optional", "dates", "values", "default", "blank"] where r.node(other) != nil {
                throw ConfigError(file: file, line: r.line(of: other), key: key + "." + other, message: "not used with `constant`")
            }
            return MappedColumn(canonical: canonical, source: nil, conversion: .constant(constant))
        }
        let optional: Bool
        switch try r.string("optional") ?? "false" {
        case "true", "yes": optional = true
        case "false", "no": optional = false
        case let other:
            throw ConfigError(file: file, line: r.line(of: "optional"), key: key + ".optional", message: "`\(other)` is not true or false")
        }
        let line = r.line(of: name != nil ? "source" : "pattern")
        let src = try source(name.map { .name($0) } ?? .pattern(pattern ?? ""), optional: optional, line: line,
                             isXML: isXML, file: file, key: key + (name != nil ? ".source" : ".pattern"))

        if let datesNode = r.node("dates") {
            guard isDate else {
                throw ConfigError(file: file, line: r.line(of: "dates"), key: key + ".dates",
                                  message: "\(canonical) is not a date column of \(table.name)")
            }
            if r.node("values") != nil {
                throw ConfigError(file: file, line: r.line(of: "values"), key: key + ".values", message: "a column has `dates` or `values`, not both")
            }
            var formats: [MappedDateFormat] = []
            for pattern in try labels(datesNode, file: file, key: key + ".dates") {
                switch MappedDateFormat.parse(pattern) {
                case .success(let format): formats.append(format)
                case .failure(let problem):
                    throw ConfigError(file: file, line: r.line(of: "dates"), key: key + ".dates", message: "`\(pattern)`: \(problem)")
                }
            }
            return MappedColumn(canonical: canonical, source: src, conversion: .date(formats))
        }
        if isDate {
            throw ConfigError(file: file, line: spec.mark?.line, key: key + ".dates",
                              message: "missing: the date format(s) the export uses, e.g. `dates: [dd/MM/yyyy, excel]`")
        }
        guard let valuesNode = r.node("values") else {
            for other in ["default", "blank"] where r.node(other) != nil {
                throw ConfigError(file: file, line: r.line(of: other), key: key + "." + other, message: "only with `values`")
            }
            return MappedColumn(canonical: canonical, source: src, conversion: .text)
        }
        return MappedColumn(canonical: canonical, source: src,
                            conversion: .values(try valueMap(valuesNode, r, file: file, key: key)))
    }

    private static func source(_ match: MappedSource.Match, optional: Bool, line: Int?, isXML: Bool, file: String,
                               key: String) throws(ConfigError) -> MappedSource {
        switch match {
        case .name(let name) where name.trimmingCharacters(in: .whitespaces).isEmpty:
            throw ConfigError(file: file, line: line, key: key, message: "the export column's name is empty")
        case .pattern(let pattern):
            if isXML {
                throw ConfigError(file: file, line: line, key: key, message: "XML exports name elements by path (`source:`), not by pattern")
            }
            if let problem = MappedHeaderMatch.patternProblem(pattern) {
                throw ConfigError(file: file, line: line, key: key, message: problem)
            }
        case .name:
            break
        }
        return MappedSource(match, optional: optional, line: line)
    }

    /// `values:` maps each canonical code to the label or labels that mean it.
    private static func valueMap(_ node: Node, _ r: MappingReader, file: String, key: String) throws(ConfigError) -> MappedValueMap {
        guard let map = node.mapping, !map.isEmpty else {
            throw ConfigError(file: file, line: node.mark?.line, key: key + ".values",
                              message: "a mapping of canonical code to the export's label(s), e.g. `{ M: [a) Male, Male, \"1\"] }`")
        }
        var entries: [MappedValueMap.Entry] = []
        var firstCode: [String: (code: String, label: String)] = [:]
        for (codeNode, labelsNode) in map {
            let code = codeNode.string ?? ""
            for label in try labels(labelsNode, file: file, key: "\(key).values.\(code)") {
                let normal = MappedLabel.normalized(label)
                if let earlier = firstCode[normal], earlier.code != code {
                    throw ConfigError(file: file, line: labelsNode.mark?.line ?? codeNode.mark?.line, key: "\(key).values.\(code)",
                                      message: "the label `\(label)` is already mapped to `\(earlier.code)` (as `\(earlier.label)`); "
                                        + "a label can mean only one code (labels compare ignoring case and spacing)")
                }
                firstCode[normal] = (code, label)
                entries.append(.init(label: label, code: code))
            }
        }
        return MappedValueMap(entries: entries, otherwise: try r.string("default"), blank: try r.string("blank") ?? "")
    }

    /// A single value or a list of values.
    private static func labels(_ node: Node, file: String, key: String) throws(ConfigError) -> [String] {
        if let s = node.scalar?.string { return [s] }
        if let list = node.sequence {
            var out: [String] = []
            for item in list {
                guard let s = item.scalar?.string else {
                    throw ConfigError(file: file, line: item.mark?.line, key: key, message: "each entry must be a single value")
                }
                out.append(s)
            }
            if !out.isEmpty { return out }
        }
        throw ConfigError(file: file, line: node.mark?.line, key: key, message: "a value or a list of values")
    }

    private static func suggestion(_ name: String, _ candidates: [String]) -> String {
        guard let best = candidates.min(by: { editDistance($0, name) < editDistance($1, name) }),
              editDistance(best, name) <= 3 else { return "" }
        return " (did you mean `\(best)`?)"
    }
}
