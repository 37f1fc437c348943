package dev.assay.service.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A scorecard as CSV for an applicant-tracking system or a spreadsheet: one row per skill, the recommendation on
 * every row. Fields are quoted as RFC 4180 says, and a field that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) is prefixed with an apostrophe.
 */
public final class ScorecardCsv {
    static final List<String> HEADER = List.of(
            "assessment",
            "role",
            "stage",
            "recommendation",
            "recommendation_reasons",
            "decision",
            "skill",
            "must_have",
            "assessed",
            "score",
            "coverage",
            "counted_checks",
            "rating",
            "no_decision");

    private ScorecardCsv() {}

    public static String of(long assessmentId, Scorecard card) {
        StringBuilder csv = new StringBuilder(line(HEADER));
        String reasons = String.join("; ", card.recommendation().reasons());
        for (Scorecard.Skill skill : card.skills()) {
            List<@Nullable String> row = new ArrayList<>(List.of(
                    Long.toString(assessmentId),
                    card.role(),
                    card.stage(),
                    card.recommendation().verdict().wire(),
                    reasons,
                    card.finalVerdict().wire(),
                    skill.id(),
                    Boolean.toString(skill.mustHave()),
                    Boolean.toString(skill.assessed())));
            row.add(skill.score() == null ? "" : String.format(Locale.ROOT, "%.4f", skill.score()));
            row.add(String.format(Locale.ROOT, "%.4f", skill.coverage()));
            row.add(Integer.toString(skill.countedChecks()));
            row.add(skill.rating() == null ? null : skill.rating().label());
            row.add(skill.noDecision());
            csv.append(line(row));
        }
        return csv.toString();
    }

    /** One CSV record: each field quoted as {@link #field} does (a null is empty), ended by CRLF. */
    static String line(List<@Nullable String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            quoted.add(field(field == null ? "" : field));
        }
        return String.join(",", quoted) + "\r\n";
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
