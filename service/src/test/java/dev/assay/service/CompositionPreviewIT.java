package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("POST /api/v1/compositions/preview: what a stage's labs give before anyone is invited (admins)")
class CompositionPreviewIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREVIEW = "/api/v1/compositions/preview";

    private static Browser admin;
    private static String csrf;

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
        admin = APP.browser();
        csrf = TestApp.signIn(admin, TestApp.ADMIN);
    }

    private static JsonNode post(String body, int status) throws Exception {
        HttpResponse<String> answer = admin.postJson(PREVIEW, body, csrf);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node ->
                texts.add(node.isTextual() ? node.asText() : node.path("id").asText()));
        return texts;
    }

    @Test
    @DisplayName("picked labs: minutes, budget, evidence per measured skill, and warnings in words")
    void pickedLabs() throws Exception {
        JsonNode two = post(
                "{\"roleId\":\"devops-engineer\",\"stage\":\"technical\","
                        + "\"labs\":[\"aws-policy-review\",\"k8s-crashloop\"]}",
                200);
        assertThat(two.path("composition").asText()).isEqualTo("picked");
        assertThat(texts(two.path("labs"))).containsExactly("aws-policy-review", "k8s-crashloop");
        assertThat(two.path("budget").asLong()).isEqualTo(90);
        long sum = 0;
        for (JsonNode lab : two.path("labs")) {
            sum += lab.path("minutes").asLong();
            assertThat(lab.path("difficulty").asText()).isIn("easy", "medium", "hard");
        }
        assertThat(two.path("minutes").asLong()).isEqualTo(sum);
        JsonNode iac = JSON.createObjectNode();
        for (JsonNode skill : two.path("skills")) {
            if (skill.path("skill").asText().equals("iac")) {
                iac = skill;
            }
        }
        assertThat(iac.path("skill").asText()).isEqualTo("iac");
        assertThat(iac.path("measured").asBoolean()).isTrue();
        assertThat(iac.path("checks").asInt()).isZero();
        assertThat(iac.path("decided").asBoolean()).isFalse();
        assertThat(texts(two.path("warnings"))).anyMatch(w -> w.startsWith("iac is short"));
    }

    @Test
    @DisplayName("every lab of the stage is over its 90-minute budget: warned, not refused")
    void overTheBudget() throws Exception {
        JsonNode all = post(
                "{\"roleId\":\"devops-engineer\",\"stage\":\"technical\",\"labs\":[\"aws-ci-deployer-policy\","
                        + "\"aws-policy-review\",\"iac-s3-cloudfront\",\"iac-risky-database\","
                        + "\"cicd-secure-pipeline\",\"cicd-pipeline-repair\",\"k8s-crashloop\"]}",
                200);
        assertThat(all.path("minutes").asLong()).isGreaterThan(90);
        assertThat(texts(all.path("warnings")))
                .contains("over the budget: the labs take "
                        + all.path("minutes").asLong() + " minutes, the stage's budget is 90 minutes (one sitting)");
    }

    @Test
    @DisplayName("labs left out: one example of composition, said so, meeting the blueprint")
    void automaticExample() throws Exception {
        JsonNode auto = post("{\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}", 200);
        assertThat(auto.path("composition").asText()).isEqualTo("auto");
        assertThat(auto.path("exampleSeed").isNumber()).isTrue();
        assertThat(auto.path("note").asText()).contains("one example", "their own seed");
        assertThat(auto.path("labs").size()).isPositive();
        assertThat(auto.path("minutes").asLong()).isLessThanOrEqualTo(90);
        assertThat(auto.path("warnings").size()).isZero();
    }

    @Test
    @DisplayName("a lab outside the stage or an interview stage is 400 with what to do; interviewers may not preview")
    void refusals() throws Exception {
        JsonNode outside =
                post("{\"roleId\":\"devops-engineer\",\"stage\":\"technical\",\"labs\":[\"design-incident\"]}", 400);
        assertThat(outside.path("message").asText()).contains("'design-incident' is not a lab of stage technical");
        JsonNode interview = post("{\"roleId\":\"devops-engineer\",\"stage\":\"star\"}", 400);
        assertThat(interview.path("message").asText()).contains("is an interview");
        JsonNode empty = post("{}", 400);
        assertThat(empty.path("message").asText()).contains("roleId");

        Browser interviewer = APP.browser();
        String theirs = TestApp.signIn(interviewer, TestApp.INTERVIEWER);
        HttpResponse<String> refused =
                interviewer.postJson(PREVIEW, "{\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}", theirs);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(APP.browser()
                        .postJson(PREVIEW, "{\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}", "")
                        .statusCode())
                .isIn(401, 403);
    }

    @Test
    @DisplayName("the dashboard form without script: preview re-renders the form, each candidate line is answered")
    void dashboardFormWithoutScript() {
        admin.get("/admin");
        String technical = "target=devops-engineer%2Ftechnical&compose=picked"
                + "&lab=devops-engineer%2Ftechnical%2Fk8s-crashloop&csrf=" + csrf;
        HttpResponse<String> preview =
                admin.postRaw("/admin/invitations", "application/x-www-form-urlencoded", technical + "&action=preview");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Preview: devops-engineer / technical, picked")
                .contains("Total time: 20 min of a 90 min budget")
                .contains("aws is short")
                .contains("value=\"devops-engineer/technical/k8s-crashloop\" checked");

        HttpResponse<String> elsewhere = admin.postRaw(
                "/admin/invitations",
                "application/x-www-form-urlencoded",
                technical + "&lab=devops-engineer%2Fscreening%2Flinux-disk-full&action=preview");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("ticked for another stage than devops-engineer/technical");

        String lines = java.net.URLEncoder.encode(
                "Lee Lines, lee@test.local\n\nNo Comma lee2@test.local\nBad Mail, not-an-email\n",
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> invited = admin.postRaw(
                "/admin/invitations",
                "application/x-www-form-urlencoded",
                technical + "&action=invite&candidates=" + lines);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(207);
        assertThat(invited.body())
                .contains("Invited 1, refused 2")
                .contains("Line 1: Lee Lines, lee@test.local")
                .contains("Line 3: No Comma lee2@test.local")
                .contains("write the line as &#39;Name, email&#39;")
                .contains("Line 4: Bad Mail, not-an-email")
                .contains("is not an email address")
                .contains(">No Comma lee2@test.local&#10;Bad Mail, not-an-email</textarea>");
        assertThat(invited.body().split("/i/", -1)).as("one link").hasSize(2);
    }
}
