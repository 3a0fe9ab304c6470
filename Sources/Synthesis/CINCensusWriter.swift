import CSCCore

/// Writes a synthetic council as the DfE CIN census XML of its collection
/// year: every child with an episode open at some point in the year or
/// starting in it, each in-scope episode in full, in the year's element order
/// (formats.md §1.2, §1.4). Booleans are written 0/1, the form the XSD accepts.
///
/// The same pass reports the canonical rows a reader makes of each element,
/// so the expected records can never drift from the bytes written.
struct CINCensusWriter {
    /// The canonical tables a CIN census fills.
    static let tables: [CanonicalTable] = [
        .children, .referrals, .assessments, .cin_plans, .section47, .cp_plans, .cp_reviews,
    ]

    let council: SyntheticCouncil
    let rules: CINYearRules

    init(council: SyntheticCouncil) {
        self.council = council
        rules = CINYearRules(year: council.collectionYear)
    }

    /// `cin/cin_2024-25.xml`.
    var relativePath: String { "cin/cin_\(council.collectionYear).xml" }

    /// Writes the census under `directory`; returns the canonical rows per table.
    func write(toDirectory directory: String) throws(SynthError) -> [CanonicalTable: Int] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let output = try FileOutput(path: (base.isEmpty ? "." : base) + "/" + relativePath)
        var xml = XMLByteWriter(output: output)
        var counter = CanonicalRowCounter(tables: Self.tables)
        do {
            try emit(into: &xml, rows: &counter) { (xml: inout XMLByteWriter) throws(SynthError) in try xml.flushIfFull() }
            try xml.finish()
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        return counter.counts
    }

    /// Runs the writing pass with no file, for the rows alone.
    func emitWithoutWriting<Rows: CanonicalRowSink>(into rows: inout Rows) {
        var xml = XMLByteWriter(output: nil, chunkSize: 1 << 16)
        emit(into: &xml, rows: &rows) { (xml: inout XMLByteWriter) in xml.discardBuffered() }
    }

    private func emit<Rows: CanonicalRowSink, Failure: Error>(
        into xml: inout XMLByteWriter, rows: inout Rows,
        afterEachChild: (inout XMLByteWriter) throws(Failure) -> Void
    ) throws(Failure) {
        xml.declaration()
        xml.open("Message", depth: 0)
        header(&xml)
        xml.open("Children", depth: 1)
        for child in council.children {
            let episodes = child.episodes.filter { council.isInCensus($0) }
            if episodes.isEmpty { continue }
            self.child(child, episodes: episodes, into: &xml, rows: &rows)
            try afterEachChild(&xml)
        }
        xml.close("Children", depth: 1)
        xml.close("Message", depth: 0)
    }

    private func header(_ xml: inout XMLByteWriter) {
        xml.open("Header", depth: 1)
        xml.open("CollectionDetails", depth: 2)
        xml.element("Collection", "CIN", depth: 3)
        xml.element("Year", rules.endYear, depth: 3)
        xml.element("ReferenceDate", council.collectionYear.end, depth: 3)
        xml.close("CollectionDetails", depth: 2)
        xml.open("Source", depth: 2)
        xml.element("SourceLevel", "L", depth: 3)
        xml.element("LEA", council.options.laCode, depth: 3)
        xml.element("SoftwareCode", "cscpipe synth", depth: 3)
        xml.element("Release", "1", depth: 3)
        xml.element("SerialNo", "001", depth: 3)
        // The as-of day, not the clock: the same options give the same bytes.
        xml.element("DateTime", council.options.asOf, time: "00:00:00", depth: 3)
        xml.close("Source", depth: 2)
        xml.close("Header", depth: 1)
    }

    private func child<Rows: CanonicalRowSink>(_ child: SyntheticChild, episodes: [SyntheticEpisode],
                                                into xml: inout XMLByteWriter, rows: inout Rows) {
        let writesExpectedBirth = child.birthDate == nil
        rows.add(.children, line: xml.line, values: [
            child.id, child.upn ?? "", child.formerUPN ?? "", child.upnUnknown ?? "",
            child.birthDate?.iso ?? "", writesExpectedBirth ? (child.expectedBirthDate?.iso ?? "") : "",
            child.sex.rawValue, child.ethnicity, child.deathDate?.iso ?? "",
            child.disabilities.joined(separator: ";"), "", council.options.laCode,
        ])
        xml.open("Child", depth: 2)
        xml.open("ChildIdentifiers", depth: 3)
        xml.element("LAchildID", child.id, depth: 4)
        if let upn = child.upn { xml.element("UPN", upn, depth: 4) }
        if let former = child.formerUPN { xml.element("FormerUPN", former, depth: 4) }
        if let reason = child.upnUnknown { xml.element("UPNunknown", reason, depth: 4) }
        if let birth = child.birthDate {
            xml.element("PersonBirthDate", birth, depth: 4)
        } else if let expected = child.expectedBirthDate {
            xml.element("ExpectedPersonBirthDate", expected, depth: 4)
        }
        if rules.writesSex {
            xml.element("Sex", child.sex.rawValue, depth: 4)
        } else {
            xml.element("GenderCurrent", Self.genderCurrent(child.sex), depth: 4)
        }
        if let death = child.deathDate { xml.element("PersonDeathDate", death, depth: 4) }
        xml.close("ChildIdentifiers", depth: 3)
        xml.open("ChildCharacteristics", depth: 3)
        xml.element("Ethnicity", child.ethnicity, depth: 4)
        xml.open("Disabilities", depth: 4)
        for d in child.disabilities { xml.element("Disability", d, depth: 5) }
        xml.close("Disabilities", depth: 4)
        xml.close("ChildCharacteristics", depth: 3)
        for episode in episodes { self.episode(episode, of: child.id, into: &xml, rows: &rows) }
        xml.close("Child", depth: 2)
    }

    /// GenderCurrent (before 2024-25): 1 male, 2 female, 0 not recorded or unborn.
    private static func genderCurrent(_ sex: SyntheticChild.Sex) -> String {
        switch sex {
        case .male: "1"
        case .female: "2"
        case .unknown: "0"
        }
    }

    private func episode<Rows: CanonicalRowSink>(_ e: SyntheticEpisode, of childID: String,
                                                  into xml: inout XMLByteWriter, rows: inout Rows) {
        // Only the collecting pass needs the strings; the writing pass never builds them.
        let referralID = { childID + "/" + e.referralDate.iso }
        rows.add(.referrals, line: xml.line, values: [
            childID, referralID(), e.referralDate.iso, e.referralSource, e.primaryNeed ?? "",
            e.closureDate?.iso ?? "", e.closureReason ?? "", e.referralNFA ? "1" : "0", "", "",
        ])
        xml.open("CINdetails", depth: 3)
        xml.element("CINreferralDate", e.referralDate, depth: 4)
        xml.element("ReferralSource", e.referralSource, depth: 4)
        if let need = e.primaryNeed { xml.element("PrimaryNeedCode", need, depth: 4) }
        if let closed = e.closureDate { xml.element("CINclosureDate", closed, depth: 4) }
        if let reason = e.closureReason { xml.element("ReasonForClosure", reason, depth: 4) }
        if let conference = e.conferenceWithoutEnquiry {
            rows.add(.section47, line: xml.line, values: [childID, referralID(), "", "", conference.iso, "", ""])
            xml.element("DateOfInitialCPC", conference, depth: 4)
        }
        for a in e.assessments {
            rows.add(.assessments, line: xml.line, values: [
                childID, referralID(), a.startDate.iso, a.authorisedDate?.iso ?? "",
                a.factors.joined(separator: ";"), "", "", "", "",
            ])
            xml.open("Assessments", depth: 4)
            xml.element("AssessmentActualStartDate", a.startDate, depth: 5)
            if let done = a.authorisedDate { xml.element("AssessmentAuthorisationDate", done, depth: 5) }
            if !a.factors.isEmpty {
                xml.open("FactorsIdentifiedAtAssessment", depth: 5)
                for f in a.factors { xml.element("AssessmentFactors", f, depth: 6) }
                xml.close("FactorsIdentifiedAtAssessment", depth: 5)
            }
            xml.close("Assessments", depth: 4)
        }
        if rules.hasCINPlanDates {
            for p in e.cinPlans {
                rows.add(.cin_plans, line: xml.line, values: [childID, referralID(), p.startDate.iso, p.endDate?.iso ?? ""])
                xml.open("CINPlanDates", depth: 4)
                xml.element("CINPlanStartDate", p.startDate, depth: 5)
                if let end = p.endDate { xml.element("CINPlanEndDate", end, depth: 5) }
                xml.close("CINPlanDates", depth: 4)
            }
        }
        for s in e.enquiries {
            rows.add(.section47, line: xml.line, values: [
                childID, referralID(), s.startDate.iso, s.conferenceTargetDate.iso, s.conferenceDate?.iso ?? "",
                s.conferenceNotRequired ? "1" : "0", "",
            ])
            xml.open("Section47", depth: 4)
            xml.element("S47ActualStartDate", s.startDate, depth: 5)
            xml.element("InitialCPCtarget", s.conferenceTargetDate, depth: 5)
            if let conference = s.conferenceDate { xml.element("DateOfInitialCPC", conference, depth: 5) }
            xml.element("ICPCnotRequired", s.conferenceNotRequired ? "1" : "0", depth: 5)
            xml.close("Section47", depth: 4)
        }
        xml.element("ReferralNFA", e.referralNFA ? "1" : "0", depth: 4)
        for p in e.protectionPlans {
            rows.add(.cp_plans, line: xml.line, values: [
                childID, referralID(), p.startDate.iso, p.endDate?.iso ?? "", p.initialCategory, p.latestCategory,
                String(p.previousPlans),
            ])
            xml.open("ChildProtectionPlans", depth: 4)
            xml.element("CPPstartDate", p.startDate, depth: 5)
            if let end = p.endDate { xml.element("CPPendDate", end, depth: 5) }
            xml.element("InitialCategoryOfAbuse", p.initialCategory, depth: 5)
            xml.element("LatestCategoryOfAbuse", p.latestCategory, depth: 5)
            xml.element("NumberOfPreviousCPP", p.previousPlans, depth: 5)
            if !p.reviewDates.isEmpty {
                xml.open("Reviews", depth: 5)
                for r in p.reviewDates {
                    rows.add(.cp_reviews, line: xml.line, values: [childID, p.startDate.iso, r.iso])
                    xml.element("CPPreviewDate", r, depth: 6)
                }
                xml.close("Reviews", depth: 5)
            }
            xml.close("ChildProtectionPlans", depth: 4)
        }
        xml.close("CINdetails", depth: 3)
    }
}
