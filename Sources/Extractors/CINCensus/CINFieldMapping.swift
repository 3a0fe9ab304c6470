import CSCCore

/// Where each value element of a child goes in the canonical tables.
extension CINCensusParser {
    /// Reads one value element at its end tag: `bytes` is its trimmed text,
    /// `line` the line of its start tag.
    mutating func readValue(of element: CINElement, in parent: CINElement, bytes: UnsafeBufferPointer<UInt8>,
                            line: Int) {
        guard inChild else {
            readHeaderValue(element, text: String(decoding: bytes, as: UTF8.self), line: line)
            return
        }
        let table = element.dataset
        switch element {
        case .laChildID:
            child.childID = String(decoding: bytes, as: UTF8.self)
        case .upn:
            child[child: CanonicalColumns.Children.upn] = String(decoding: bytes, as: UTF8.self)
        case .formerUPN:
            child[child: CanonicalColumns.Children.formerUPN] = String(decoding: bytes, as: UTF8.self)
        case .upnUnknown:
            child[child: CanonicalColumns.Children.upnUnknown] = code(bytes, .upnUnknown, element, line, table)
        case .personBirthDate:
            child[child: CanonicalColumns.Children.birthDate] = date(bytes, element, line, table)
        case .expectedPersonBirthDate:
            child[child: CanonicalColumns.Children.expectedBirthDate] = date(bytes, element, line, table)
        case .personDeathDate:
            child[child: CanonicalColumns.Children.deathDate] = date(bytes, element, line, table)
        case .sex:
            checkSexElementYear(element, bytes: bytes, line: line)
            child[child: CanonicalColumns.Children.sex] = code(bytes, .sex, element, line, table)
        case .genderCurrent:
            checkSexElementYear(element, bytes: bytes, line: line)
            child[child: CanonicalColumns.Children.sex] = code(bytes, .genderCurrent, element, line, table)
        case .ethnicity:
            child[child: CanonicalColumns.Children.ethnicity] = code(bytes, .ethnicity, element, line, table)
        case .disability:
            let c = code(bytes, .disability, element, line, table)
            if !c.isEmpty { child.disabilities.append(c) }

        case .cinReferralDate:
            let d = date(bytes, element, line, table)
            child.referrals[child.openReferral!].date = d
            setReferral(CanonicalColumns.Referrals.referralDate, d)
        case .referralSource:
            setReferral(CanonicalColumns.Referrals.referralSource, code(bytes, .referralSource, element, line, table))
        case .primaryNeedCode:
            setReferral(CanonicalColumns.Referrals.primaryNeed, code(bytes, .primaryNeed, element, line, table))
        case .cinClosureDate:
            setReferral(CanonicalColumns.Referrals.closureDate, date(bytes, element, line, table))
        case .reasonForClosure:
            setReferral(CanonicalColumns.Referrals.closureReason, code(bytes, .closureReason, element, line, table))
        case .referralNFA:
            setReferral(CanonicalColumns.Referrals.nfa, flag(bytes, element, line, table))
        case .dateOfInitialCPC where parent == .cinDetails:
            // An initial conference with no section 47 in the year: a section47 row of its own
            // (none when the date is blank or bad: a row with no dates would say nothing).
            let d = date(bytes, element, line, table)
            if !d.isEmpty {
                let i = child.open(.section47, line: line)
                child.records[i].values[CanonicalColumns.Section47.icpcDate] = d
            }

        case .assessmentActualStartDate:
            setOpen(CanonicalColumns.Assessments.startDate, date(bytes, element, line, table))
        case .assessmentAuthorisationDate:
            setOpen(CanonicalColumns.Assessments.authorisedDate, date(bytes, element, line, table))
        case .assessmentFactors:
            let c = code(bytes, .assessmentFactors, element, line, table)
            if !c.isEmpty { child.factors.append(c) }

        case .cinPlanStartDate:
            setOpen(CanonicalColumns.CINPlans.startDate, date(bytes, element, line, table))
        case .cinPlanEndDate:
            setOpen(CanonicalColumns.CINPlans.endDate, date(bytes, element, line, table))

        case .s47ActualStartDate:
            setOpen(CanonicalColumns.Section47.startDate, date(bytes, element, line, table))
        case .initialCPCtarget:
            setOpen(CanonicalColumns.Section47.icpcTargetDate, date(bytes, element, line, table))
        case .dateOfInitialCPC:
            setOpen(CanonicalColumns.Section47.icpcDate, date(bytes, element, line, table))
        case .icpcNotRequired:
            setOpen(CanonicalColumns.Section47.icpcNotRequired, flag(bytes, element, line, table))

        case .cppStartDate:
            setOpen(CanonicalColumns.CPPlans.startDate, date(bytes, element, line, table))
        case .cppEndDate:
            setOpen(CanonicalColumns.CPPlans.endDate, date(bytes, element, line, table))
        case .initialCategoryOfAbuse:
            setOpen(CanonicalColumns.CPPlans.initialCategory, code(bytes, .categoryOfAbuse, element, line, table))
        case .latestCategoryOfAbuse:
            setOpen(CanonicalColumns.CPPlans.latestCategory, code(bytes, .categoryOfAbuse, element, line, table))
        case .numberOfPreviousCPP:
            setOpen(CanonicalColumns.CPPlans.previousPlans, count(bytes, element, line, table))
        case .cppReviewDate:
            // One row per review date; none for a blank or bad one, which is reported.
            let d = date(bytes, element, line, table)
            if !d.isEmpty {
                let i = child.open(.cp_reviews, line: line)
                child.records[i].values[CanonicalColumns.CPReviews.reviewDate] = d
                child.planReviews.append(i)
            }

        default:
            // AssessmentInternalReviewDate has no canonical column.
            break
        }
    }

    /// Sets a column of the open referral's record.
    private mutating func setReferral(_ column: Int, _ value: String) {
        child.records[child.referrals[child.openReferral!].record].values[column] = value
    }

    /// Sets a column of the open assessment, CIN plan, section 47 or protection plan record.
    private mutating func setOpen(_ column: Int, _ value: String) {
        child.records[child.openRecord!].values[column] = value
    }
}
