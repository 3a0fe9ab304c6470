import CSCCore

/// Hand-built records as the 903 reader emits them (canonical values, ISO dates).
enum IntegrityFixtures {
    static func header(_ id: String, dob: String = "2015-03-01", sex: String = "F", line: Int,
                       file: String = "header.csv") -> Record {
        var r = Record(.children, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["birth_date"] = dob
        r["sex"] = sex
        return r
    }

    static func uasc(_ id: String, dob: String = "2015-03-01", sex: String = "F", line: Int,
                     file: String = "uasc.csv") -> Record {
        var r = header(id, dob: dob, sex: sex, line: line, file: file)
        r["uasc"] = "1"
        return r
    }

    static func episode(_ id: String, _ start: String, _ end: String = "", rec: String = "", placement: String = "U1",
                        line: Int, file: String = "episodes.csv") -> Record {
        var r = Record(.cla_episodes, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["start_date"] = start
        r["end_date"] = end
        r["reason_ended"] = rec
        r["placement"] = placement
        return r
    }

    static func careLeaver(_ id: String, dob: String = "2006-03-01", line: Int, file: String = "oc3.csv") -> Record {
        var r = Record(.care_leavers, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["birth_date"] = dob
        return r
    }

    static func review(_ id: String, _ date: String, line: Int, file: String = "reviews.csv") -> Record {
        var r = Record(.cla_reviews, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["review_date"] = date
        return r
    }

    static func adoption(_ id: String, decided: String = "2024-01-10", line: Int, file: String = "ad1.csv") -> Record {
        var r = Record(.adoptions, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["decision_date"] = decided
        return r
    }

    static func allocation(_ id: String, worker: String, line: Int, file: String = "sw.csv") -> Record {
        var r = Record(.allocations, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["worker_id"] = worker
        return r
    }

    static func healthOutcome(_ id: String, year: String = "2024-25", line: Int, file: String = "oc2.csv") -> Record {
        var r = Record(.health_outcomes, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["year"] = year
        return r
    }

    static func previousPermanence(_ id: String, option: String = "P1", line: Int,
                                   file: String = "previous_permanence.csv") -> Record {
        var r = Record(.previous_permanence, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["previous_permanence"] = option
        return r
    }

    static func deprivationOfLiberty(_ id: String, _ start: String, line: Int, file: String = "dolo.csv") -> Record {
        var r = Record(.deprivation_of_liberty, source: SourceLocation(file: file, line: line))
        r["child_id"] = id
        r["start_date"] = start
        return r
    }
}
