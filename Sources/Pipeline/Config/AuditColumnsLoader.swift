import Extractors
import Yams

/// `columns:` and `domains:` of a `kind: audits` input: which column of the
/// audit tool's export holds each audit field, and which hold graded domains.
///
/// ```yaml
///   - kind: audits
///     path: exports/audits.csv
///     columns: { audit_id: Audit Ref, child_id: Child ID, audit_date: Date Completed, overall_grade: Overall Judgement }
///     domains: { voice_of_the_child: Voice of the Child, planning: Planning }
/// ```
enum AuditColumnsLoader {
    /// The columns of an audits input; nil for every other kind, which may not have the keys.
    static func load(_ r: MappingReader, kind: InputKind, inputLine: Int?) throws(ConfigError) -> AuditColumns? {
        guard kind == .audits else {
            for key in ["columns", "domains"] where r.node(key) != nil {
                throw ConfigError(file: r.file, line: r.line(of: key), key: r.context + key,
                                  message: "only for `kind: audits` inputs")
            }
            return nil
        }
        let fieldNames = AuditColumns.Field.allCases.map(\.rawValue)
        guard let columnsNode = r.node("columns") else {
            throw ConfigError(file: r.file, line: inputLine, key: r.context + "columns",
                              message: "missing: which export column holds each audit field, e.g. "
                                + "`columns: { audit_id: Audit Ref, audit_date: Date Completed }` "
                                + "(fields: \(fieldNames.joined(separator: ", ")))")
        }
        let columns = try namedHeadings(columnsNode, r, key: "columns", what: "audit field", allowed: fieldNames)
        var headings: [AuditColumns.Field: String] = [:]
        for (name, heading) in columns.pairs {
            headings[AuditColumns.Field(rawValue: name)!] = heading
        }
        for field in AuditColumns.Field.required where headings[field] == nil {
            throw ConfigError(file: r.file, line: columnsNode.mark?.line, key: r.context + "columns.\(field.rawValue)",
                              message: "missing: the export column holding the audit's "
                                + (field == .auditID ? "reference (its id)" : "date"))
        }

        var domains: [AuditColumns.Domain] = []
        if let domainsNode = r.node("domains") {
            let named = try namedHeadings(domainsNode, r, key: "domains", what: "domain")
            for (index, (name, heading)) in named.pairs.enumerated() {
                if name == "overall" {
                    throw ConfigError(file: r.file, line: named.lines[index], key: r.context + "domains.overall",
                                      message: "`overall` is the overall judgement's name in audit_outcomes.csv; "
                                        + "give the overall judgement's column as `columns.overall_grade` and name this domain otherwise")
                }
                domains.append(AuditColumns.Domain(name: name, heading: heading))
            }
        }
        return AuditColumns(headings: headings, domains: domains)
    }

    /// The `name: heading` pairs of a mapping, in file order, each heading a non-empty single value.
    /// With `allowed`, any other name is refused with a "did you mean".
    private static func namedHeadings(_ node: Node, _ r: MappingReader, key: String, what: String, allowed: [String]? = nil)
        throws(ConfigError) -> (pairs: [(String, String)], lines: [Int?]) {
        guard let mapping = node.mapping else {
            throw ConfigError(file: r.file, line: node.mark?.line, key: r.context + key,
                              message: "a mapping of \(what) name to the export's column heading, e.g. `{ planning: Planning }`")
        }
        if let allowed {
            try MappingReader(mapping: mapping, file: r.file, context: r.context + key + ".").rejectUnknownKeys(allowed: allowed)
        }
        var pairs: [(String, String)] = []
        var lines: [Int?] = []
        for (k, v) in mapping {
            let name = k.string ?? ""
            guard let heading = v.scalar?.string, !heading.trimmingBlanks.isEmpty else {
                throw ConfigError(file: r.file, line: v.mark?.line ?? k.mark?.line, key: r.context + "\(key).\(name)",
                                  message: "the export's column heading, as a single value")
            }
            if let earlier = pairs.firstIndex(where: { $0.0 == name }) {
                throw ConfigError(file: r.file, line: k.mark?.line, key: r.context + "\(key).\(name)",
                                  message: "given twice (first on line \(lines[earlier].map(String.init) ?? "?"))")
            }
            pairs.append((name, heading))
            lines.append(k.mark?.line)
        }
        return (pairs, lines)
    }
}

extension String {
    /// Without surrounding spaces and tabs.
    fileprivate var trimmingBlanks: Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return self[first...last]
    }
}
