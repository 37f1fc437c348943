package dev.assay.service.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The candidate-level scorecard as CSV: one row per skill of the role, with the plan's stages and the candidate-level
 * recommendation on every row, and where each skill's evidence came from. Quoted and formula-safe as {@link
 * ScorecardCsv} is; the candidate's name and email are left out, as in the stage CSV.
 */
public final class PipelineCsv {
    static final List<String> HEADER = List.of(
            "assessment",
            "role",
            "stages",
            "recommendation",
            "recommendation_reasons",
            "skill",
            "must_have",
            "score",
            "coverage",
            "counted_checks",
            "rating",
            "no_decision",
            "sources");

    private PipelineCsv() {}

    public static String of(long assessmentId, CandidateScorecard card) {
        StringBuilder csv = new StringBuilder(ScorecardCsv.line(HEADER));
        String stages =
                String.join("; ", card.stages().stream().map(PipelineCsv::stage).toList());
        String reasons = String.join("; ", card.recommendation().reasons());
        for (CandidateScorecard.Skill skill : card.skills()) {
            List<@Nullable String> row = new ArrayList<>(List.of(
                    Long.toString(assessmentId),
                    card.role(),
                    stages,
                    card.recommendation().verdict().wire(),
                    reasons,
                    skill.id(),
                    Boolean.toString(skill.mustHave())));
            row.add(skill.score() == null ? "" : String.format(Locale.ROOT, "%.4f", skill.score()));
            row.add(String.format(Locale.ROOT, "%.4f", skill.coverage()));
            row.add(Integer.toString(skill.countedChecks()));
            row.add(skill.rating() == null ? null : skill.rating().label());
            row.add(skill.noDecision());
            row.add(String.join("; ", skill.sources()));
            csv.append(ScorecardCsv.line(row));
        }
        return csv.toString();
    }

    /** "technical: done (reject)", "star: not invited". */
    private static String stage(CandidateScorecard.StageLine line) {
        Verdict verdict = line.verdict();
        return line.stage() + ": " + line.state() + (verdict == null ? "" : " (" + verdict.wire() + ")");
    }

    private static String line(List<@Nullable String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            quoted.add(ScorecardCsv.field(field == null ? "" : field));
        }
        return String.join(",", quoted) + "\r\n";
    }
}
