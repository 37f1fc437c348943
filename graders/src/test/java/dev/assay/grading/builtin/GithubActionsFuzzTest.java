package dev.assay.grading.builtin;

import static dev.assay.grading.builtin.WorkflowRepo.AWS;
import static dev.assay.grading.builtin.WorkflowRepo.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Mangled workflows get a verdict with reasons: never an exception, never a rule the grader gave up on. */
class GithubActionsFuzzTest {
    private static final String WORKFLOW = """
            name: ci
            on:
              pull_request: {branches: [main]}
              push: {branches: [main], tags: ['v*']}
              workflow_dispatch:
            permissions: {contents: read}
            concurrency: {group: "ci-${{ github.ref }}", cancel-in-progress: true}
            env: {REGION: eu-west-1}
            jobs:
              test:
                runs-on: ubuntu-latest
                env: {TOKEN: "${{ secrets.NPM_TOKEN }}"}
                steps:
                  - uses: %s
                  - uses: ./.github/actions/setup
                    with: {title: "${{ github.event.pull_request.title }}"}
                  - parallel:
                      - run: npm ci && npm test 2>&1 | tee out.txt
                        shell: bash
                      - run: |
                          set -euo pipefail
                          cat <<EOF | base64 > /dev/null
                          $TOKEN ${{ secrets.X }}
                          EOF
                          for f in $(ls); do echo "$f" "${f:0:2}"; done
                          if [[ "$REGION" == eu-* ]]; then echo "${{ github.head_ref }}"; fi
              deploy:
                needs: [test]
                if: github.event_name == 'push' && (github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/tags/'))
                runs-on: ubuntu-latest
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: %s
                    with: {role-to-assume: "arn:aws:iam::1:role/d", aws-region: eu-west-1}
                  - run: ./deploy.sh "${{ steps.x.outputs.y }}"
            """.formatted(CHECKOUT, AWS);

    private static final String ACTION = """
            inputs: {title: {default: none}}
            runs:
              using: composite
              steps:
                - run: echo "${{ inputs.title }}" $((1 + 2)) `date`
                  shell: bash
            """;

    private static final Map<String, Object> ALL = allRules();

    private static Map<String, Object> allRules() {
        Map<String, Object> rules = new HashMap<>();
        rules.put("triggers", List.of("pull_request", "push"));
        rules.put("needs", Map.of("deploy", "test"));
        rules.put("jobEvents", Map.of("test", "pull_request, push"));
        rules.put("runs", Map.of("test", "npm test"));
        rules.put("failOnError", true);
        rules.put("deployOnlyFrom", "main");
        rules.put("deploySecrets", List.of("NPM_TOKEN"));
        for (String flag : List.of(
                "valid",
                "pinnedActions",
                "leastPrivilege",
                "oidc",
                "noSecretEcho",
                "noInjection",
                "caching",
                "concurrency",
                "pullRequestIsolation")) {
            rules.put(flag, true);
        }
        rules.put("allowWrite", List.of("id-token"));
        return rules;
    }

    private static final String CHARS = "{}[]:-|>'\"$`\\#&;()<*!\n ?,.@=";

    @Test
    @DisplayName("3,000 random edits of a workflow and its composite action each get a verdict with reasons")
    void mangledInputNeverEscapes() {
        Random random = new Random(20_261_206L);
        for (int round = 0; round < 3000; round++) {
            String workflow = mangle(WORKFLOW, random, 1 + random.nextInt(4));
            String action = mangle(ACTION, random, random.nextInt(3));
            CheckResult result = WorkflowRepo.ci(workflow)
                    .file(".github/actions/setup/action.yml", action)
                    .gradeFile("ci.yml", ALL);
            assertThat(result.verdict().status()).isIn("pass", "partial", "fail");
            assertThat(result.message()).as(workflow).doesNotContain("could not judge this rule");
        }
    }

    @Test
    void hugeAndDeepInputsAreRefusedOrJudged() {
        String deep = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: " + "\"$(".repeat(4000) + "\"\n";
        String wide = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n"
                + "      - run: echo ${{ secrets.A }}\n".repeat(2000);
        for (String workflow : List.of(deep, wide, "[]", "on: push\njobs: 3", "{on: {push: 7}, jobs: {a: []}}")) {
            CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", ALL);
            assertThat(result.verdict().status()).isIn("partial", "fail");
            assertThat(result.message()).doesNotContain("could not judge this rule");
        }
    }

    private static String mangle(String text, Random random, int edits) {
        StringBuilder s = new StringBuilder(text);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, CHARS.charAt(random.nextInt(CHARS.length())));
                default -> {
                    int end = Math.min(s.length(), at + random.nextInt(40));
                    s.insert(random.nextInt(s.length()), s.substring(at, end));
                }
            }
        }
        return s.toString();
    }
}
