import CSCCore

/// Writes the CIN census XML of one collection year from the canonical tables:
/// the children and referrals open at some point in the year with all their
/// events (`CINCensusScope`), in that year's elements and order (formats.md
/// §1.2, §1.4: `GenderCurrent` up to 2023-24 and `Sex` from 2024-25,
/// `CINPlanDates` from 2021-22), booleans as 0/1, so it validates against the
/// year's XSD when the data is complete.
///
/// Values are written as the canonical tables hold them; a code the year does
/// not know is written all the same, for the DfE's validator to report
/// rather than for the writer to hide. A required value that is empty is
/// written as the code that means "not known" where the list has one (`Sex`
/// U, `GenderCurrent` 0, `Ethnicity` NOBT, `ReferralSource` 10), and as an
/// empty element where it has none, which the validator reports as missing.
public struct CINCensusReturnWriter {
    /// The collection year the census is for.
    public let year: CollectionYear
    /// The run's as-of day: the header's `DateTime`, so one run's data gives the same bytes.
    public let asOf: Day
    let scope: CINCensusScope
    /// The header's `LEA`: the commonest three-digit `children.la_code` in the census, or 999.
    public let laCode: String

    /// Selects the census's children and events from `tables` (the run's canonical tables).
    public init(tables: [CanonicalTable: [Record]], year: CollectionYear, asOf: Day) {
        self.year = year
        self.asOf = asOf
        scope = CINCensusScope(tables: tables, year: year)
        laCode = Self.commonestLACode(scope.children.compactMap { $0.record?.values[CanonicalColumns.Children.laCode] })
    }

    /// The children the census holds.
    public var childCount: Int { scope.children.count }

    /// `returns/cin-census.xml` inside `runFolder`.
    public static func path(inRunFolder runFolder: String) -> String {
        OutputFolder.join(OutputFolder.join(runFolder, "returns"), "cin-census.xml")
    }

    /// Writes the census to `path`, replacing any file there; returns the number of children.
    @discardableResult
    public func write(to path: String) throws -> Int {
        let file = try XMLReturnFile(path: path)
        var xml = XMLByteWriter(output: file)
        xml.declaration()
        xml.open("Message", depth: 0)
        header(&xml)
        xml.open("Children", depth: 1)
        for child in scope.children {
            self.child(child, into: &xml)
            try xml.flushIfFull()
        }
        xml.close("Children", depth: 1)
        xml.close("Message", depth: 0)
        try xml.finish()
        try file.close()
        return scope.children.count
    }

    static func commonestLACode(_ codes: [String]) -> String {
        var counts: [String: Int] = [:]
        for code in codes where code.utf8.count == 3 && code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            counts[code, default: 0] += 1
        }
        // Ties go to the lower code, so the header does not depend on dictionary order.
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "999"
    }

    private func header(_ xml: inout XMLByteWriter<XMLReturnFile>) {
        xml.open("Header", depth: 1)
        xml.open("CollectionDetails", depth: 2)
        xml.element("Collection", "CIN", depth: 3)
        xml.element("Year", year.startYear + 1, depth: 3)
        xml.element("ReferenceDate", year.end, depth: 3)
        xml.close("CollectionDetails", depth: 2)
        xml.open("Source", depth: 2)
        xml.element("SourceLevel", "L", depth: 3)
        xml.element("LEA", laCode, depth: 3)
        xml.element("DateTime", asOf, time: "00:00:00", depth: 3)
        xml.close("Source", depth: 2)
        xml.close("Header", depth: 1)
    }

    private func child(_ child: CINCensusScope.Child, into xml: inout XMLByteWriter<XMLReturnFile>) {
        typealias C = CanonicalColumns.Children
        let values = child.record?.values ?? CanonicalTable.children.emptyValues()
        xml.open("Child", depth: 2)
        xml.open("ChildIdentifiers", depth: 3)
        xml.element("LAchildID", child.id, depth: 4)
        optional(&xml, "UPN", values[C.upn], depth: 4)
        optional(&xml, "FormerUPN", values[C.formerUPN], depth: 4)
        optional(&xml, "UPNunknown", values[C.upnUnknown], depth: 4)
        optional(&xml, "PersonBirthDate", values[C.birthDate], depth: 4)
        optional(&xml, "ExpectedPersonBirthDate", values[C.expectedBirthDate], depth: 4)
        if year >= ReturnCodes.sexLettersFrom {
            xml.element("Sex", ReturnCodes.cinSex(values[C.sex]), depth: 4)
        } else {
            xml.element("GenderCurrent", ReturnCodes.genderCurrent(values[C.sex]), depth: 4)
        }
        optional(&xml, "PersonDeathDate", values[C.deathDate], depth: 4)
        xml.close("ChildIdentifiers", depth: 3)
        xml.open("ChildCharacteristics", depth: 3)
        xml.element("Ethnicity", values[C.ethnicity].isEmpty ? "NOBT" : values[C.ethnicity], depth: 4)
        list(&xml, "Disabilities", "Disability", values[C.disabilities], depth: 4)
        xml.close("ChildCharacteristics", depth: 3)
        for referral in child.referrals { self.referral(referral, into: &xml) }
        xml.close("Child", depth: 2)
    }

    private func referral(_ referral: CINCensusScope.Referral, into xml: inout XMLByteWriter<XMLReturnFile>) {
        typealias R = CanonicalColumns.Referrals
        typealias S = CanonicalColumns.Section47
        let values = referral.record.values
        // The referral-level initial conference: the first conference with no enquiry.
        let conference = referral.enquiries.firstIndex { $0.values[S.startDate].isEmpty && !$0.values[S.icpcDate].isEmpty }
        xml.open("CINdetails", depth: 3)
        xml.element("CINreferralDate", values[R.referralDate], depth: 4)
        xml.element("ReferralSource", values[R.referralSource].isEmpty ? "10" : values[R.referralSource], depth: 4)
        optional(&xml, "PrimaryNeedCode", values[R.primaryNeed], depth: 4)
        optional(&xml, "CINclosureDate", values[R.closureDate], depth: 4)
        optional(&xml, "ReasonForClosure", values[R.closureReason], depth: 4)
        if let conference { xml.element("DateOfInitialCPC", referral.enquiries[conference].values[S.icpcDate], depth: 4) }
        for assessment in referral.assessments { self.assessment(assessment, into: &xml) }
        if year.startYear + 1 >= 2022 {
            for plan in referral.cinPlans {
                xml.open("CINPlanDates", depth: 4)
                xml.element("CINPlanStartDate", plan.values[CanonicalColumns.CINPlans.startDate], depth: 5)
                optional(&xml, "CINPlanEndDate", plan.values[CanonicalColumns.CINPlans.endDate], depth: 5)
                xml.close("CINPlanDates", depth: 4)
            }
        }
        for (i, enquiry) in referral.enquiries.enumerated() where i != conference {
            xml.open("Section47", depth: 4)
            xml.element("S47ActualStartDate", enquiry.values[S.startDate], depth: 5)
            optional(&xml, "InitialCPCtarget", enquiry.values[S.icpcTargetDate], depth: 5)
            optional(&xml, "DateOfInitialCPC", enquiry.values[S.icpcDate], depth: 5)
            xml.element("ICPCnotRequired", enquiry.values[S.icpcNotRequired], depth: 5)
            xml.close("Section47", depth: 4)
        }
        xml.element("ReferralNFA", values[R.nfa], depth: 4)
        for plan in referral.protectionPlans { protectionPlan(plan, into: &xml) }
        xml.close("CINdetails", depth: 3)
    }

    private func assessment(_ record: Record, into xml: inout XMLByteWriter<XMLReturnFile>) {
        typealias A = CanonicalColumns.Assessments
        xml.open("Assessments", depth: 4)
        xml.element("AssessmentActualStartDate", record.values[A.startDate], depth: 5)
        optional(&xml, "AssessmentAuthorisationDate", record.values[A.authorisedDate], depth: 5)
        list(&xml, "FactorsIdentifiedAtAssessment", "AssessmentFactors", record.values[A.factors], depth: 5)
        xml.close("Assessments", depth: 4)
    }

    private func protectionPlan(_ plan: CINCensusScope.ProtectionPlan, into xml: inout XMLByteWriter<XMLReturnFile>) {
        typealias P = CanonicalColumns.CPPlans
        let values = plan.record.values
        xml.open("ChildProtectionPlans", depth: 4)
        xml.element("CPPstartDate", values[P.startDate], depth: 5)
        optional(&xml, "CPPendDate", values[P.endDate], depth: 5)
        xml.element("InitialCategoryOfAbuse", values[P.initialCategory], depth: 5)
        xml.element("LatestCategoryOfAbuse", values[P.latestCategory], depth: 5)
        xml.element("NumberOfPreviousCPP", values[P.previousPlans], depth: 5)
        if !plan.reviews.isEmpty {
            xml.open("Reviews", depth: 5)
            for review in plan.reviews {
                xml.element("CPPreviewDate", review.values[CanonicalColumns.CPReviews.reviewDate], depth: 6)
            }
            xml.close("Reviews", depth: 5)
        }
        xml.close("ChildProtectionPlans", depth: 4)
    }

    /// An element the XSD allows to be absent: left out when the value is empty.
    private func optional(_ xml: inout XMLByteWriter<XMLReturnFile>, _ name: StaticString, _ value: String,
                          depth: Int) {
        if !value.isEmpty { xml.element(name, value, depth: depth) }
    }

    /// A `;`-joined canonical list as a wrapper holding one element per code;
    /// no wrapper at all for an empty list (the XSD wants at least one code inside).
    private func list(_ xml: inout XMLByteWriter<XMLReturnFile>, _ wrapper: StaticString, _ item: StaticString,
                      _ joined: String, depth: Int) {
        let codes = joined.split(separator: ";", omittingEmptySubsequences: true)
        guard !codes.isEmpty else { return }
        xml.open(wrapper, depth: depth)
        for code in codes { xml.element(item, String(code), depth: depth + 1) }
        xml.close(wrapper, depth: depth)
    }
}
