import Extractors

/// `cscpipe validate` for an `audits` input: every column the pipeline names
/// must be in each file's header, checked before any data is read.
enum AuditHeaderValidation {
    static func check(_ columns: AuditColumns, input: PipelineDefinition.Input, pipeline: String,
                      files: [InputFiles.Match]) throws(ConfigError) -> String {
        for file in files {
            let match: AuditHeaderMatch
            do {
                match = try AuditsReader(columns: columns).matchHeader(path: file.path, displayName: file.displayName)
            } catch {
                throw ConfigError(file: file.displayName, line: error.issue.line, key: "", message: error.issue.message)
            }
            if let gap = match.missing.first {
                throw ConfigError(file: pipeline, line: input.line, key: gap.key, message: "\(match.missingMessage) of \(file.displayName)")
            }
        }
        return "every configured column is in the header (\(columns.allHeadings.count) columns)"
    }
}
