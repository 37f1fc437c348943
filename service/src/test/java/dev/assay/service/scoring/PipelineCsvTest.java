package dev.assay.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.core.Rating;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PipelineCsvTest {

    @Test
    @DisplayName("one row per skill with the stage list, the candidate-level recommendation and the sources,"
            + " quoted and safe for spreadsheets")
    void oneRowPerSkillWithTheStages() {
        CandidateScorecard card = new CandidateScorecard(
                CandidateScorecard.SCHEMA,
                "devops-engineer",
                "=cmd@test.local",
                "=HYPERLINK(\"x\")",
                List.of(
                        new CandidateScorecard.StageLine(
                                "screening", "Screen", "labs", List.of("linux"), null, "not invited", null),
                        new CandidateScorecard.StageLine(
                                "technical", "Tech", "labs", List.of("aws"), 4L, "done", Verdict.REJECT)),
                List.of(
                        new CandidateScorecard.Skill(
                                "aws", true, 0.25, 1.0, 3, Rating.NO, null, List.of("technical/aws-x (3)")),
                        new CandidateScorecard.Skill(
                                "linux",
                                true,
                                null,
                                0.0,
                                0,
                                null,
                                "-no check; still to come: screening (not invited)",
                                List.of())),
                new Scorecard.Recommendation(Verdict.REJECT, List.of("must-have aws rated no", "a, b")));
        String csv = PipelineCsv.of(4, card);
        String common = "4,devops-engineer,screening: not invited; technical: done (reject),reject,"
                + "\"must-have aws rated no; a, b\",";
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        String.join(",", PipelineCsv.HEADER),
                        common + "aws,true,0.2500,1.0000,3,no,,technical/aws-x (3)",
                        common + "linux,true,,0.0000,0,,'-no check; still to come: screening (not invited),");
        assertThat(csv).as("no name or email in the export").doesNotContain("HYPERLINK", "cmd@test.local");
    }
}
