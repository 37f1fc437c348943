package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.db.AssessmentDao;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The candidate-level pages and export over HTTP: the CSV of the plan, and who reaches the list, the candidate page
 * and the CSV (an interviewer not assigned to any stage of the plan gets the 404 of a missing assessment).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The hiring plan's pages and CSV: content, escaping and scopes")
class PipelineIT {
    private static final String NAME = "Pia <b>Plan</b>";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static long technical;
    private static long design;

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
        technical = APP.invite(NAME, "technical").assessmentId();
        design = APP.invite(NAME, "system-design").assessmentId();
    }

    private static Browser signedIn(String email) {
        Browser browser = APP.browser();
        TestApp.signIn(browser, email);
        return browser;
    }

    @Test
    @DisplayName("the CSV has one row per skill of the role, every stage and the recommendation on each row")
    void csvOfThePlan() {
        HttpResponse<String> csv = signedIn(TestApp.ADMIN).get("/api/v1/assessments/" + technical + "/pipeline.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .contains("pipeline-" + technical + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("assessment,role,stages,recommendation");
        assertThat(lines).hasSize(1 + 14);
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line)
                        .startsWith(technical + ",devops-engineer,screening: not invited; technical: invited;"
                                + " system-design: invited; star: not invited; final: not invited,")
                        .contains(",review,"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains(",monitoring,true,,0.0000,0,,")
                        .contains("still to come: system-design (invited)"));
        assertThat(csv.body()).doesNotContain("Plan");
    }

    @Test
    @DisplayName("an interviewer assigned to a stage sees the plan; an unassigned one gets 404 on the candidate page"
            + " and the CSV, as for an assessment that does not exist, and an empty list")
    void scopes() {
        Browser outsider = signedIn(TestApp.OUTSIDER);
        for (String route : List.of("/admin/pipelines/" + design, "/api/v1/assessments/" + design + "/pipeline.csv")) {
            HttpResponse<String> answer = outsider.get(route);
            assertThat(answer.statusCode()).as(route).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Plan", "cand@test.local");
            HttpResponse<String> missing = outsider.get(route.replace("/" + design, "/987654321"));
            assertThat(answer.body().replaceAll("\\d+", "N"))
                    .isEqualTo(missing.body().replaceAll("\\d+", "N"));
        }
        HttpResponse<String> list = outsider.get("/admin/pipelines");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("Plan", "cand@test.local").contains("No candidates yet.");

        Browser interviewer = signedIn(TestApp.INTERVIEWER);
        assertThat(interviewer.get("/admin/pipelines/" + design).statusCode()).isEqualTo(200);
        assertThat(interviewer.get("/admin/pipelines").body()).contains("cand@test.local");
        assertThat(APP.browser().get("/admin/pipelines/" + design).statusCode())
                .as("anonymous: to the login page")
                .isEqualTo(303);
    }

    @Test
    @DisplayName("the candidate's name is escaped on the list and the candidate page")
    void escaped() {
        Browser admin = signedIn(TestApp.ADMIN);
        for (String route : List.of("/admin/pipelines?q=pia", "/admin/pipelines/" + technical)) {
            String page = admin.get(route).body();
            assertThat(page).as(route).contains("Pia &lt;b&gt;Plan").doesNotContain("<b>Plan");
        }
    }

    @Test
    @DisplayName("the lists find a candidate by part of a name or e-mail and page through the rest, newest first;"
            + " the search text is escaped and kept in the links")
    void findAndPage() {
        Instant at = Instant.parse("2030-01-01T00:00:00Z"); // after every other assessment of the class
        APP.jdbi().useExtension(AssessmentDao.class, dao -> {
            for (int i = 0; i < 55; i++) {
                String n = String.format(java.util.Locale.ROOT, "%02d", i);
                dao.insertAssessment(
                        dao.insertCandidate("pager-" + n + "@test.local", "Paige Pager " + n, null, at.plusSeconds(i)),
                        "devops-engineer",
                        "technical",
                        null,
                        at.plusSeconds(i));
            }
        });
        Browser admin = signedIn(TestApp.ADMIN);
        String first = admin.get("/admin/pipelines?q=PAIGE").body();
        assertThat(first)
                .contains("1\u201350 of 55 matching \u201cPAIGE\u201d", "Paige Pager 54", "Paige Pager 05")
                .contains("href=\"/admin/pipelines?q&#61;PAIGE&amp;page&#61;2\"") // Mustache escapes = and &
                .doesNotContain("Paige Pager 04", "Pia &lt;b&gt;Plan");
        String second = admin.get("/admin/pipelines?q=PAIGE&page=2").body();
        assertThat(second)
                .contains("51\u201355 of 55", "Paige Pager 04", "Paige Pager 00", "rel=\"prev\"")
                .doesNotContain("Paige Pager 05", "rel=\"next\"");
        assertThat(admin.get("/admin/pipelines?q=pager-07%40").body())
                .contains("1\u20131 of 1", "Paige Pager 07")
                .doesNotContain("Paige Pager 08");
        String hostile = admin.get("/admin/pipelines?q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E")
                .body();
        assertThat(hostile)
                .contains("No candidate matches \u201c&quot;&gt;&lt;script&gt;")
                .doesNotContain("<script>x");

        assertThat(admin.get("/admin?q=paige&page=2").body())
                .as("one page of 100 holds them all: page 2 shows the last page, the first")
                .contains("1\u201355 of 55", "Paige Pager 00", "Paige Pager 54")
                .doesNotContain("rel=\"next\"", "rel=\"prev\"");
        HttpResponse<String> api = admin.getJson("/api/v1/assessments?q=paige&limit=10&offset=50");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("X-Total-Count")).contains("55");
        assertThat(api.body())
                .contains("pager-04@test.local", "pager-00@test.local")
                .doesNotContain("pager-05@");
        assertThat(admin.getJson("/api/v1/assessments?offset=-1").statusCode()).isEqualTo(400);

        assertThat(signedIn(TestApp.INTERVIEWER).get("/admin/pipelines?q=paige").body())
                .as("none of them is assigned to the interviewer")
                .contains("No candidate matches")
                .doesNotContain("Paige Pager");
    }
}
