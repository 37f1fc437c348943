package dev.assay.grading.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> refs(String on) throws Exception {
        JsonNode root = JSON.readTree("{\"on\": " + on + ", \"jobs\": {}}");
        return Triggers.scenarios(new Workflow("ci.yml", ".github/workflows/ci.yml", root), "main").stream()
                .map(Scenario::toString)
                .toList();
    }

    @Test
    void pushFiltersAdmitWhatGithubAdmits() throws Exception {
        assertThat(refs("{\"push\": {\"branches\": [\"main\"]}}")).containsExactly("push on refs/heads/main");
        assertThat(refs("{\"push\": {\"tags\": [\"v*\"]}}"))
                .containsExactly("push on refs/tags/v1.0.0", "push on refs/tags/vx");
        assertThat(refs("{\"push\": {\"branches\": [\"releases/**\", \"!releases/**-alpha\"]}}"))
                .contains("push on refs/heads/releases/x/x")
                .doesNotContain("push on refs/heads/main");
        assertThat(refs("{\"push\": {\"branches-ignore\": [\"main\"]}}"))
                .contains("push on refs/heads/feature")
                .doesNotContain("push on refs/heads/main");
        assertThat(refs("\"push\""))
                .contains("push on refs/heads/main", "push on refs/heads/main-x", "push on refs/tags/v1.0.0");
    }

    @Test
    void pullRequestsRunOnTheirMergeRefAndTargetsOnTheBase() throws Exception {
        assertThat(refs("[\"pull_request\", \"pull_request_target\"]"))
                .containsExactly("pull_request on refs/pull/7/merge", "pull_request_target on refs/heads/main");
    }

    @Test
    void globsFollowTheFilterCheatSheet() {
        assertThat(Glob.included(List.of("feature/*"), "feature/a")).isTrue();
        assertThat(Glob.included(List.of("feature/*"), "feature/a/b")).isFalse();
        assertThat(Glob.included(List.of("feature/**"), "feature/a/b")).isTrue();
        assertThat(Glob.included(List.of("v[12].[0-9]+.[0-9]+"), "v2.10.3")).isTrue();
        assertThat(Glob.included(List.of("*.jsx?"), "page.js")).isTrue();
        assertThat(Glob.included(List.of("**", "!main"), "main")).isFalse();
        assertThat(Glob.file("**/package-lock.json", "package-lock.json")).isTrue();
        assertThat(Glob.file("package-*.json", "package-lock.json")).isTrue();
        assertThat(Glob.file("**/package.json", "package-lock.json")).isFalse();
    }
}
