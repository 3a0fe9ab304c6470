import Foundation
import Transformers
import Yams

/// Reads KPI files (`pipelines/kpis/standard.yaml` and any a pipeline names)
/// into definitions, refusing anything it does not understand with the KPI
/// file, line and key, so a typo in a threshold never quietly rates a figure.
///
/// ```yaml
/// kpis:
///   - id: referrals_nfa
///     title: Referrals with no further action
///     kind: rate            # count | rate | mean
///     better: lower         # rates and means: higher | lower
///     green: 0.30
///     amber: 0.40
///     sql: |
///       SELECT child_id, referral_id AS item_id, COALESCE(nfa = 1, 0) AS in_numerator
///       FROM referrals WHERE referral_date BETWEEN :period_start AND :period_end
/// ```
public enum KPIFileLoader {
    static let keys = ["id", "title", "description", "kind", "better", "green", "amber", "sql"]

    /// Loads one KPI file; `shownAs` names it in messages.
    public static func load(path: String, shownAs: String? = nil) throws(ConfigError) -> [KPIDefinition] {
        let name = shownAs ?? path
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: name, line: nil, key: "", message: "cannot read the KPI file (\(PipelineLoader.reason(error)))")
        }
        return try parse(text, file: name)
    }

    /// Parses KPI file text; `file` names it in messages and in each definition.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> [KPIDefinition] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PipelineLoader.yamlSyntaxError(error, file: file)
        } catch {
            throw ConfigError(file: file, line: nil, key: "", message: "not valid YAML (\(error))")
        }
        guard let top = root?.mapping else {
            throw ConfigError(file: file, line: root?.mark?.line, key: "", message: "a KPI file is a mapping with one key, `kpis:`, holding a list of KPIs")
        }
        let reader = MappingReader(mapping: top, file: file, context: "")
        try reader.rejectUnknownKeys(allowed: ["kpis"])
        guard let list = reader.node("kpis")?.sequence else {
            throw ConfigError(file: file, line: reader.node("kpis")?.mark?.line ?? top.mark?.line, key: "kpis",
                              message: "must be a list of KPIs (`- id: ...`)")
        }
        var definitions: [KPIDefinition] = []
        var seen: [String: Int?] = [:]
        for (i, item) in list.enumerated() {
            let definition = try parseKPI(item, index: i, file: file)
            if let earlier = seen[definition.id] {
                throw ConfigError(file: file, line: definition.line, key: "kpis[\(i + 1)].id",
                                  message: "`\(definition.id)` is already defined\(earlier.map { " at line \($0)" } ?? "")")
            }
            seen[definition.id] = definition.line
            definitions.append(definition)
        }
        return definitions
    }

    private static func parseKPI(_ item: Node, index i: Int, file: String) throws(ConfigError) -> KPIDefinition {
        let context = "kpis[\(i + 1)]"
        guard let m = item.mapping else {
            throw ConfigError(file: file, line: item.mark?.line, key: context, message: "each KPI is a mapping with id, title, kind and sql")
        }
        let r = MappingReader(mapping: m, file: file, context: context + ".")
        try r.rejectUnknownKeys(allowed: keys)
        func required(_ key: String, _ what: String) throws(ConfigError) -> String {
            guard let value = try r.string(key), !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ConfigError(file: file, line: item.mark?.line, key: "\(context).\(key)", message: "missing: \(what)")
            }
            return value
        }
        let id = try required("id", "a short name such as `referrals_nfa` (letters, digits and _)")
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ConfigError(file: file, line: r.line(of: "id"), key: "\(context).id", message: "`\(id)` may hold only letters, digits and _")
        }
        let kindText = try required("kind", "one of \(kindNames)")
        guard let kind = KPIDefinition.Kind(rawValue: kindText) else {
            throw ConfigError(file: file, line: r.line(of: "kind"), key: "\(context).kind", message: "`\(kindText)` is not a kind; use one of \(kindNames)")
        }
        var definition = KPIDefinition(
            id: id, title: try required("title", "the heading managers read"),
            description: try r.string("description") ?? "", kind: kind,
            sql: try required("sql", "the query that returns the population rows"),
            file: file, line: r.line(of: "id"), sqlLine: r.line(of: "sql"))
        definition.rating = try parseRating(r, kind: kind, context: context, itemLine: item.mark?.line)
        return definition
    }

    private static func parseRating(_ r: MappingReader, kind: KPIDefinition.Kind, context: String,
                                    itemLine: Int?) throws(ConfigError) -> KPIDefinition.Rating? {
        let given = ["better", "green", "amber"].filter { r.node($0) != nil }
        if kind == .count {
            if let key = given.first {
                throw ConfigError(file: r.file, line: r.line(of: key), key: "\(context).\(key)",
                                  message: "a count is not rated; leave out better, green and amber")
            }
            return nil
        }
        if given.isEmpty { return nil }
        guard let betterText = try r.string("better") else {
            throw ConfigError(file: r.file, line: itemLine, key: "\(context).better", message: "missing: higher or lower (which way is good)")
        }
        guard let better = KPIDefinition.Better(rawValue: betterText) else {
            throw ConfigError(file: r.file, line: r.line(of: "better"), key: "\(context).better", message: "`\(betterText)` must be higher or lower")
        }
        func threshold(_ key: String) throws(ConfigError) -> Threshold {
            guard let text = try r.string(key) else {
                throw ConfigError(file: r.file, line: itemLine, key: "\(context).\(key)", message: "missing: the \(key) threshold, e.g. 0.80")
            }
            guard let t = Threshold(text) else {
                throw ConfigError(file: r.file, line: r.line(of: key), key: "\(context).\(key)", message: "`\(text)` is not a number such as 0.80")
            }
            return t
        }
        let green = try threshold("green"), amber = try threshold("amber")
        let inOrder = better == .higher ? green.number >= amber.number : green.number <= amber.number
        guard inOrder else {
            throw ConfigError(file: r.file, line: r.line(of: "amber"), key: "\(context).amber",
                              message: "with better: \(better.rawValue), amber (\(amber.text)) must be \(better == .higher ? "at or below" : "at or above") green (\(green.text))")
        }
        return .init(better: better, green: green, amber: amber)
    }

    private static var kindNames: String { KPIDefinition.Kind.allCases.map(\.rawValue).joined(separator: ", ") }
}
