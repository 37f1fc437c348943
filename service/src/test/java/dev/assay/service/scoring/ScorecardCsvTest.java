package dev.assay.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.core.Rating;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardCsvTest {

    @Test
    void oneRowPerSkillQuotedAndSafeForSpreadsheets() {
        Scorecard card = new Scorecard(
                Scorecard.SCHEMA,
                "devops-engineer",
                "technical",
                List.of(
                        new Scorecard.Skill("linux", true, true, 0.75, 1.0, 3, Rating.YES, null),
                        new Scorecard.Skill("git", true, false, null, 0.0, 0, null, "no check measures it")),
                new Scorecard.Recommendation(Verdict.REVIEW, List.of("git: no decision, \"route\" to an interviewer")),
                Map.of(),
                List.of(),
                new Scorecard.Decision(Verdict.ADVANCE, Verdict.REVIEW, "alternative-solution", "used podman", "Ian"));
        String csv = ScorecardCsv.of(7, card);
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        String.join(",", ScorecardCsv.HEADER),
                        "7,devops-engineer,technical,review,\"git: no decision, \"\"route\"\" to an interviewer\",advance,"
                                + "linux,true,true,0.7500,1.0000,3,yes,",
                        "7,devops-engineer,technical,review,\"git: no decision, \"\"route\"\" to an interviewer\",advance,"
                                + "git,true,false,,0.0000,0,,no check measures it");
        assertThat(ScorecardCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ScorecardCsv.field("+1")).isEqualTo("'+1");
        assertThat(ScorecardCsv.field("@cmd")).isEqualTo("'@cmd");
        assertThat(ScorecardCsv.field("plain")).isEqualTo("plain");
    }
}
