import CSCCore

/// A second, deliberately naive reading of a CIN census tree into canonical
/// rows, written from canonical-model.md rather than from the writer, so the
/// records the council promises can be checked against the bytes written.
enum CINTestReader {
    static func records(_ root: XMLNode, file: String, genderCodes: CodeList, year: CollectionYear)
        -> [CanonicalTable: [Record]]
    {
        var out: [CanonicalTable: [Record]] = [:]
        func add(_ table: CanonicalTable, _ line: Int, _ values: [String]) {
            out[table, default: []].append(Record(table: table, values: values, source: SourceLocation(file: file, line: line)))
        }
        let la = root.first("Header")?.first("Source")?.value("LEA") ?? ""
        for child in root.first("Children")?.all("Child") ?? [] {
            let ids = child.first("ChildIdentifiers")!
            let chars = child.first("ChildCharacteristics")!
            let id = ids.value("LAchildID")
            let sex = ids.first("Sex")?.text ?? genderCodes.canonical(ids.value("GenderCurrent"), in: year) ?? "?"
            let disabilities = chars.first("Disabilities")?.all("Disability").map(\.text).joined(separator: ";") ?? ""
            add(.children, child.line, [
                id, ids.value("UPN"), ids.value("FormerUPN"), ids.value("UPNunknown"), ids.value("PersonBirthDate"),
                ids.value("ExpectedPersonBirthDate"), sex, chars.value("Ethnicity"), ids.value("PersonDeathDate"),
                disabilities, "", la,
            ])
            for details in child.all("CINdetails") {
                let referral = details.value("CINreferralDate")
                let rid = id + "/" + referral
                add(.referrals, details.line, [
                    id, rid, referral, details.value("ReferralSource"), details.value("PrimaryNeedCode"),
                    details.value("CINclosureDate"), details.value("ReasonForClosure"), bool(details.value("ReferralNFA")),
                    "", "",
                ])
                if let icpc = details.first("DateOfInitialCPC") {
                    add(.section47, icpc.line, [id, rid, "", "", icpc.text, "", ""])
                }
                for a in details.all("Assessments") {
                    let factors = a.first("FactorsIdentifiedAtAssessment")?.all("AssessmentFactors").map(\.text) ?? []
                    add(.assessments, a.line, [
                        id, rid, a.value("AssessmentActualStartDate"), a.value("AssessmentAuthorisationDate"),
                        factors.joined(separator: ";"), "", "", "", "",
                    ])
                }
                for p in details.all("CINPlanDates") {
                    add(.cin_plans, p.line, [id, rid, p.value("CINPlanStartDate"), p.value("CINPlanEndDate")])
                }
                for s in details.all("Section47") {
                    add(.section47, s.line, [
                        id, rid, s.value("S47ActualStartDate"), s.value("InitialCPCtarget"), s.value("DateOfInitialCPC"),
                        bool(s.value("ICPCnotRequired")), "",
                    ])
                }
                for p in details.all("ChildProtectionPlans") {
                    let start = p.value("CPPstartDate")
                    add(.cp_plans, p.line, [
                        id, rid, start, p.value("CPPendDate"), p.value("InitialCategoryOfAbuse"),
                        p.value("LatestCategoryOfAbuse"), p.value("NumberOfPreviousCPP"),
                    ])
                    for r in p.first("Reviews")?.all("CPPreviewDate") ?? [] {
                        add(.cp_reviews, r.line, [id, start, r.text])
                    }
                }
            }
        }
        return out
    }

    private static func bool(_ text: String) -> String {
        switch text.lowercased() {
        case "1", "true": "1"
        case "0", "false": "0"
        default: "?" + text
        }
    }
}
