import Foundation
import Transformers

/// `cscpipe validate`: everything a run would refuse, found before a run.
public enum PipelineValidator {
    /// Checks the pipeline file, its reference data and that every input
    /// names at least one file. Returns a short report; throws the first problem.
    public static func validate(path: String) throws(ConfigError) -> String {
        let definition = try PipelineLoader.load(path: path)
        let reference: ReferenceData
        do {
            reference = try ReferenceData.load(folder: definition.reference)
        } catch {
            throw ConfigError(file: path, line: nil, key: "reference", message: "\(error)")
        }
        var lines = ["\(path): ok, pipeline `\(definition.name)`"]
        for input in definition.inputs {
            let files = InputFiles.expand(resolvedPattern: input.resolvedPattern, pattern: input.pattern)
            if files.isEmpty {
                throw ConfigError(file: path, line: input.line, key: "path",
                                  message: "no file matches `\(input.pattern)` (resolved against the pipeline's folder: \(input.resolvedPattern))")
            }
            lines.append("  \(input.kind.rawValue): \(input.pattern) (\(files.count) file\(files.count == 1 ? "" : "s"))")
            if let mapping = input.mapping {
                lines.append("    " + (try MappedHeaderValidation.check(mapping, mappingPath: input.mappingPath ?? "", files: files)))
            }
            if let columns = input.auditColumns {
                lines.append("    " + (try AuditHeaderValidation.check(columns, input: input, pipeline: path, files: files)))
            }
        }
        if !definition.kpis.isEmpty {
            let asOf = definition.resolvedAsOf(today: Date())
            do {
                try KPIStage(definitions: definition.kpis, calendar: reference.calendar, asOf: asOf).check()
            } catch let error as KPIQueryError {
                throw ConfigError(file: error.file, line: error.line, key: "sql", message: "KPI `\(error.kpi)`: \(error.message)")
            } catch {
                throw ConfigError(file: path, line: nil, key: "kpis", message: "the KPIs cannot be checked: \(error)")
            }
            lines.append("  kpis: \(definition.kpis.count) KPIs from \(definition.kpiFiles.count) file\(definition.kpiFiles.count == 1 ? "" : "s"), each query ran on an empty warehouse")
        }
        lines.append("  reference: \(reference.codes.lists.count) code lists, \(reference.calendar.holidays.count) bank holidays")
        lines.append("  output: \(definition.output)")
        return lines.joined(separator: "\n")
    }
}
