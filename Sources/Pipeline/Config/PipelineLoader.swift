import CSCCore
import Extractors
import Foundation
import Yams

/// Reads a pipeline YAML file into a `PipelineDefinition`, refusing anything
/// it does not understand with the file, line and key (a misspelt key that
/// were silently ignored would make a nightly run quietly do less).
public enum PipelineLoader {
    static let topLevelKeys = ["name", "as_of", "output", "fail_on", "inputs", "reference", "keep_runs", "kpis"]
    static let inputKeys = ["kind", "path", "year", "mapping", "columns", "domains"]

    public static func load(path: String) throws(ConfigError) -> PipelineDefinition {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, line: nil, key: "", message: "cannot read the pipeline file (\(Self.reason(error)))")
        }
        return try parse(text, path: path)
    }

    /// Parses pipeline text; `path` names the file in errors and anchors relative paths.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> PipelineDefinition {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlSyntaxError(error, file: path)
        } catch {
            throw ConfigError(file: path, line: nil, key: "", message: "not valid YAML (\(error))")
        }
        guard let root, let top = root.mapping else {
            throw ConfigError(file: path, line: root?.mark?.line, key: "", message: "a pipeline is a YAML mapping with keys \(topLevelKeys.joined(separator: ", "))")
        }
        let reader = MappingReader(mapping: top, file: path, context: "")
        try reader.rejectUnknownKeys(allowed: topLevelKeys)

        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String {
            if p.hasPrefix("/") { return p }
            return folder.isEmpty ? p : folder + "/" + p
        }

        /// Output and reference folders are shown to people: tidy `pipelines/../out` to `out`.
        func resolveFolder(_ p: String) -> String { (resolve(p) as NSString).standardizingPath }

        let name = try reader.string("name") ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let asOf = try parseAsOf(reader)
        guard let output = try reader.string("output") else {
            throw ConfigError(file: path, line: top.mark?.line, key: "output", message: "missing: the folder the run writes into (e.g. `output: ../out`)")
        }
        let failOn = try parseThresholds(reader)
        let keepRuns = try reader.int("keep_runs") ?? 14
        if keepRuns < 0 {
            throw ConfigError(file: path, line: reader.line(of: "keep_runs"), key: "keep_runs", message: "must be 0 or more")
        }
        let reference = resolveFolder(try reader.string("reference") ?? "reference")

        guard let inputsNode = reader.node("inputs") else {
            throw ConfigError(file: path, line: top.mark?.line, key: "inputs", message: "missing: the list of inputs to read")
        }
        guard let list = inputsNode.sequence else {
            throw ConfigError(file: path, line: inputsNode.mark?.line, key: "inputs", message: "must be a list of inputs (`- kind: ...`)")
        }
        var inputs: [PipelineDefinition.Input] = []
        for (i, item) in list.enumerated() {
            let key = "inputs[\(i + 1)]"
            guard let m = item.mapping else {
                throw ConfigError(file: path, line: item.mark?.line, key: key, message: "each input is a mapping with `kind` and `path`")
            }
            let r = MappingReader(mapping: m, file: path, context: key + ".")
            guard let kindText = try r.string("kind") else {
                throw ConfigError(file: path, line: item.mark?.line, key: key + ".kind", message: "missing: one of \(InputKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let kind = InputKind(rawValue: kindText) else {
                throw ConfigError(file: path, line: r.line(of: "kind"), key: key + ".kind",
                                  message: "`\(kindText)` is not an input kind; use one of \(InputKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try r.rejectUnknownKeys(allowed: inputKeys)
            guard let pattern = try r.string("path"), !pattern.isEmpty else {
                throw ConfigError(file: path, line: item.mark?.line, key: key + ".path", message: "missing: the file or glob to read")
            }
            var year: CollectionYear?
            if let y = try r.string("year") {
                guard let parsed = CollectionYear(y) else {
                    throw ConfigError(file: path, line: r.line(of: "year"), key: key + ".year", message: "`\(y)` is not a collection year; write it like 2024-25")
                }
                year = parsed
            }
            var input = PipelineDefinition.Input(kind: kind, pattern: pattern, resolvedPattern: resolve(pattern), year: year,
                                                 line: item.mark?.line)
            try loadMapping(r, into: &input, resolve: resolve)
            input.auditColumns = try AuditColumnsLoader.load(r, kind: kind, inputLine: item.mark?.line)
            inputs.append(input)
        }
        if inputs.isEmpty {
            throw ConfigError(file: path, line: inputsNode.mark?.line, key: "inputs", message: "the list is empty; a run needs at least one input")
        }
        var definition = PipelineDefinition(path: path, name: name, asOf: asOf, output: resolveFolder(output), failOn: failOn,
                                            inputs: inputs, reference: reference, keepRuns: keepRuns)
        try loadKPIs(reader, resolve: resolve, into: &definition)
        return definition
    }

    /// `kpis: [kpis/standard.yaml, ...]`: every file is read now, so a broken
    /// KPI file stops the run before any input is read.
    private static func loadKPIs(_ r: MappingReader, resolve: (String) -> String,
                                 into definition: inout PipelineDefinition) throws(ConfigError) {
        guard let node = r.node("kpis") else { return }
        let items: [Node]
        if let list = node.sequence {
            items = Array(list)
        } else if node.scalar != nil {
            items = [node]
        } else {
            throw ConfigError(file: r.file, line: node.mark?.line, key: "kpis", message: "a list of KPI files, e.g. `[kpis/standard.yaml]`")
        }
        var seen: [String: String] = [:]
        for (i, item) in items.enumerated() {
            guard let file = item.scalar?.string, !file.isEmpty else {
                throw ConfigError(file: r.file, line: item.mark?.line, key: "kpis[\(i + 1)]", message: "each entry is the path of a KPI file")
            }
            let resolved = resolve(file)
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw ConfigError(file: r.file, line: item.mark?.line, key: "kpis[\(i + 1)]",
                                  message: "no KPI file at `\(file)` (resolved against the pipeline's folder: \(resolved))")
            }
            for kpi in try KPIFileLoader.load(path: resolved, shownAs: (resolved as NSString).standardizingPath) {
                if let other = seen[kpi.id] {
                    throw ConfigError(file: resolved, line: kpi.line, key: "id",
                                      message: "KPI `\(kpi.id)` is also defined in \(other); ids must be unique across a pipeline's KPI files")
                }
                seen[kpi.id] = resolved
                definition.kpis.append(kpi)
            }
            definition.kpiFiles.append(resolved)
        }
    }

    /// `mapping:`: required for a `mapped` input, refused for any other kind;
    /// the mapping file is read now, so its mistakes stop the run before any input is read.
    private static func loadMapping(_ r: MappingReader, into input: inout PipelineDefinition.Input,
                                    resolve: (String) -> String) throws(ConfigError) {
        let mapping = try r.string("mapping")
        guard input.kind == .mapped else {
            if mapping != nil {
                throw ConfigError(file: r.file, line: r.line(of: "mapping"), key: r.context + "mapping", message: "only for `kind: mapped` inputs")
            }
            return
        }
        guard let mapping, !mapping.isEmpty else {
            throw ConfigError(file: r.file, line: input.line, key: r.context + "mapping",
                              message: "missing: the mapping file that says how to read this export (e.g. `mapping: mappings/lcs-visits.yaml`)")
        }
        let resolved = resolve(mapping)
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw ConfigError(file: r.file, line: r.line(of: "mapping"), key: r.context + "mapping",
                              message: "no mapping file at `\(mapping)` (resolved against the pipeline's folder: \(resolved))")
        }
        input.mappingPath = resolved
        input.mapping = try MappingFileLoader.load(path: resolved, name: mapping)
    }

    private static func parseAsOf(_ r: MappingReader) throws(ConfigError) -> PipelineDefinition.AsOf {
        guard let text = try r.string("as_of"), text != "today" else { return .today }
        guard let day = Day(iso: text) else {
            throw ConfigError(file: r.file, line: r.line(of: "as_of"), key: "as_of", message: "`\(text)` is not `today` or a date YYYY-MM-DD")
        }
        return .date(day)
    }

    private static func parseThresholds(_ r: MappingReader) throws(ConfigError) -> PipelineDefinition.Thresholds {
        guard let node = r.node("fail_on") else { return .default }
        guard let m = node.mapping else {
            throw ConfigError(file: r.file, line: node.mark?.line, key: "fail_on", message: "a mapping of severity to count, e.g. `{ error: 1 }`")
        }
        let sub = MappingReader(mapping: m, file: r.file, context: "fail_on.")
        try sub.rejectUnknownKeys(allowed: Severity.allCases.map(\.rawValue))
        var limits: [Severity: Int] = [:]
        for s in Severity.allCases {
            if let n = try sub.int(s.rawValue) {
                guard n >= 1 else {
                    throw ConfigError(file: r.file, line: sub.line(of: s.rawValue), key: "fail_on.\(s.rawValue)", message: "must be 1 or more (leave it out to never fail on \(s.rawValue)s)")
                }
                limits[s] = n
            }
        }
        return .init(limits: limits)
    }

    static func yamlSyntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return ConfigError(file: file, line: mark.line, key: "", message: "not valid YAML: \(what) (column \(mark.column))")
        default:
            return ConfigError(file: file, line: nil, key: "", message: "not valid YAML: \(error)")
        }
    }

    static func reason(_ error: Error) -> String {
        if let e = error as? CocoaError, let u = e.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(u.code)))
        }
        return (error as NSError).localizedDescription
    }
}
