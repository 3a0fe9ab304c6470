import CSCCore

/// What `Synthesizer.write` produced.
public struct SynthResult: Sendable {
    /// Paths written, relative to the output directory, e.g. `cin/cin_2024-25.xml`,
    /// `ssda903/2024-25/episodes.csv`.
    public var files: [String]
    /// Children written to the CIN census.
    public var children: Int
    /// Canonical records the readers of the written files produce, per table
    /// (`children` counts the CIN census's and the 903 Header's rows).
    public var records: [CanonicalTable: Int]
}

/// `cscpipe synth`: a coherent synthetic council written in the statutory formats.
public enum Synthesizer {
    /// The synthetic council the options describe, without writing anything.
    /// Traps on invalid options; `write` reports them as errors instead.
    public static func council(_ options: SynthOptions) -> SyntheticCouncil {
        SyntheticCouncil(options)
    }

    /// Generates the council and writes its inputs under `directory`
    /// (created if needed): `cin/cin_<YYYY-YY>.xml`, the CIN census of the
    /// collection year containing the as-of date, then the SSDA903 files of
    /// that year, `ssda903/<YYYY-YY>/{header,episodes,reviews,missing,oc3}.csv`,
    /// then the council's casework as two case systems export it
    /// (`exports/lcs/*.csv`, `exports/mosaic/*`; see `CaseSystemExportWriter`),
    /// whose records `SynthResult.records` does not count (they repeat each other),
    /// and a case-audit tool's export, `exports/audits.csv` (`auditExportPath`).
    public static func write(_ options: SynthOptions, to directory: String) throws -> SynthResult {
        try options.validate()
        let council = SyntheticCouncil(options)
        let census = CINCensusWriter(council: council)
        let counts = try census.write(toDirectory: directory)
        let ssda903 = try SSDA903Writer(council: council).write(toDirectory: directory)
        let exports = try CaseSystemExportWriter(activity: CaseSystemActivity(council: council)).write(toDirectory: directory)
        let audits = try AuditExportWriter(council: council).write(toDirectory: directory)
        return SynthResult(files: [census.relativePath] + ssda903.files + exports + [AuditExportWriter.relativePath],
                           children: counts[.children] ?? 0,
                           records: counts.merging(ssda903.counts, uniquingKeysWith: +).merging(audits, uniquingKeysWith: +))
    }
}
