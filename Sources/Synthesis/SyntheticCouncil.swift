import CSCCore

/// A synthetic council: children with coherent journeys through children's
/// services over the three years before the collection year containing the
/// as-of date, up to that date.
///
/// `children` holds exactly the children the CIN census of that year includes
/// (an episode open at some point in the year, or starting in it), each with
/// their whole history: earlier closed episodes stay in the model for writers
/// of other returns even though this year's census leaves them out.
/// Same options, same council: generation uses only `SeededGenerator`.
public struct SyntheticCouncil: Sendable {
    public let options: SynthOptions
    /// The collection year containing `options.asOf`.
    public let collectionYear: CollectionYear
    /// Ordered by `id`, ascending.
    public let children: [SyntheticChild]
    /// The children who were looked after (about one in ten), in the
    /// children's order: those whose protection plan escalated, and a few
    /// other children in need.
    public let careHistories: [SyntheticCareHistory]

    /// Generates the council; traps when `options.laCode` is not three digits
    /// (`SynthOptions.validate()` reports it as an error instead).
    public init(_ options: SynthOptions) {
        let code = Array(options.laCode.utf8)
        precondition(code.count == 3 && code.allSatisfy { (48...57).contains($0) },
                     "the LA code must be three digits, not `\(options.laCode)`")
        self.options = options
        self.collectionYear = options.collectionYear
        let generator = CouncilGenerator(asOf: options.asOf, laCode: options.laCode)
        self.children = generator.generate(children: max(0, options.children), seed: options.seed)
        self.careHistories = CareGenerator(asOf: options.asOf, seed: options.seed).histories(of: children)
    }

    public init(children: Int, seed: UInt64, asOf: Day, laCode: String = "999") {
        self.init(SynthOptions(children: children, seed: seed, asOf: asOf, laCode: laCode))
    }

    /// A council from children built elsewhere (a test's hand-made journeys).
    init(options: SynthOptions, children: [SyntheticChild]) {
        self.options = options
        self.collectionYear = options.collectionYear
        self.children = children
        self.careHistories = CareGenerator(asOf: options.asOf, seed: options.seed).histories(of: children)
    }

    /// Whether this year's CIN census includes the episode: referred on or
    /// before the as-of date and not closed before 1 April of the year.
    public func isInCensus(_ episode: SyntheticEpisode) -> Bool {
        Self.isInCensus(episode, from: collectionYear.start, asOf: options.asOf)
    }

    static func isInCensus(_ episode: SyntheticEpisode, from yearStart: Day, asOf: Day) -> Bool {
        guard episode.referralDate <= asOf else { return false }
        guard let closed = episode.closureDate else { return true }
        return closed >= yearStart
    }

    /// Where `Synthesizer.write` puts the CIN census, relative to its directory:
    /// `cin/cin_2024-25.xml`.
    public var cinCensusPath: String { CINCensusWriter(council: self).relativePath }

    /// The canonical records a CIN census reader makes of the written census,
    /// per table (children, referrals, assessments, cin_plans, section47,
    /// cp_plans, cp_reviews; every one present, possibly empty), each in file
    /// order: values in `CanonicalTable.columns` order, ISO dates, `;`-joined
    /// codes in written order, booleans 0/1, `la_code` from the header,
    /// `referral_id` = child id + "/" + referral date, and the CIN-level
    /// `DateOfInitialCPC` as a `section47` row with no start date. Each
    /// record's source is `sourceFile` (default `cinCensusPath`) and the line
    /// of the element's start tag (`<Child>`, `<CINdetails>`, `<Assessments>`,
    /// `<CINPlanDates>`, `<Section47>` or the CIN-level `<DateOfInitialCPC>`,
    /// `<ChildProtectionPlans>`, `<CPPreviewDate>`).
    public func cinCensusRecords(sourceFile: String? = nil) -> [CanonicalTable: [Record]] {
        let writer = CINCensusWriter(council: self)
        var collector = CanonicalRowCollector(file: sourceFile ?? writer.relativePath, tables: CINCensusWriter.tables)
        writer.emitWithoutWriting(into: &collector)
        return collector.records
    }

    /// Where `Synthesizer.write` puts the SSDA903 files, relative to its
    /// directory, in writing order: `ssda903/2024-25/header.csv`, then
    /// `episodes.csv`, `reviews.csv`, `missing.csv` and `oc3.csv`.
    public var ssda903Paths: [String] {
        let writer = SSDA903Writer(council: self)
        return SSDA903Writer.File.allCases.map(writer.relativePath)
    }

    /// The canonical records an SSDA903 reader makes of the written 903 files,
    /// per table: `children` (Header), `cla_episodes`, `cla_reviews`,
    /// `missing_episodes` and `care_leavers` (OC3), every one present,
    /// possibly empty, each in file order: values in `CanonicalTable.columns`
    /// order, ISO dates, codes as their lists' canonical form (SEX as M/F/U),
    /// the UPN or its UN1–UN5 reason, the care leaver's `year` as the
    /// collection year and ACCOM split into letter and suitability (1/0).
    /// Each record's source is the file's path in `ssda903Paths` and its line.
    public func ssda903Records() -> [CanonicalTable: [Record]] {
        SSDA903Writer(council: self).records()
    }
}
