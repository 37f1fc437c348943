package dev.assay.service.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.CheckResult;
import dev.assay.grading.builtin.GitGrader;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git grader on a real lab: the repository is made and worked on by the lab's own git, read through the
 * engine's archive API, and judged by our git in a networkless sandbox, also after the candidate has replaced
 * the lab's git and planted code in the repository's config.
 */
@DisplayName("The git grader reads a lab's repository through the engine and judges it with our git")
class GitGradingIT {
    private static final String INSTANCE =
            "it-git-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SETUP = """
            set -e
            export GIT_AUTHOR_NAME=Ops GIT_AUTHOR_EMAIL=ops@example.test
            export GIT_COMMITTER_NAME=Ops GIT_COMMITTER_EMAIL=ops@example.test
            git init -q -b main /srv/shop && cd /srv/shop
            printf 'port=8080\\n' > app.conf && git add -A && git commit -qm 'Initial service'
            git branch release/1.4
            printf 'port=8080\\nlog=debug\\n' > app.conf && git commit -qam 'Enable debug logging everywhere'
            printf 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENG\\n' > .env && git add .env && git commit -qm 'Add env'
            git rm -q .env && git commit -qm 'Remove env'
            printf 'fixed\\n' > orders.js && git add -A && git commit -qm 'Fix crash on empty order'
            """;

    private static DockerEnvironmentDriver driver;
    private EnvironmentHandle lab;

    @TempDir
    static Path labFolder;

    @BeforeAll
    static void connect() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        driver = new DockerEnvironmentDriver(
                URI.create(host), INSTANCE, Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper());
    }

    @AfterAll
    static void close() {
        driver.close();
    }

    @BeforeEach
    void start() {
        lab = driver.provision(new EnvironmentRequest(
                "git-lab-" + UUID.randomUUID().toString().substring(0, 6),
                "git",
                "1",
                "assay/workbench:latest",
                new EnvironmentRequest.Limits(0.5, 256L << 20, 64, 16L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1))));
        inLab(SETUP);
    }

    @AfterEach
    void stop() {
        driver.destroy(lab);
    }

    private void inLab(String script) {
        ExecResult result = driver.exec(
                lab,
                ExecRequest.shell(
                        "export GIT_AUTHOR_NAME=Cand GIT_AUTHOR_EMAIL=c@example.test GIT_COMMITTER_NAME=Cand"
                                + " GIT_COMMITTER_EMAIL=c@example.test FILTER_BRANCH_SQUELCH_WARNING=1; cd /srv/shop; "
                                + script,
                        Duration.ofSeconds(60)));
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    private CheckResult grade(String... keyValues) {
        Map<String, Object> parameters = new HashMap<>(Map.of("repo", "/srv/shop"));
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        Clock clock = Clock.systemUTC();
        try (SharedProbe probe = new SharedProbe(driver, lab, Duration.ofMinutes(1))) {
            DriverLabView view = new DriverLabView(
                    driver, lab, probe, clock.instant().plus(Duration.ofSeconds(60)), clock, labFolder);
            return new GitGrader().grade(view, parameters);
        }
    }

    private CheckResult reverted() {
        return grade("expect", "reverted", "branch", "main", "subject", "Enable debug logging everywhere");
    }

    private CheckResult picked() {
        return grade(
                "expect",
                "cherry-picked",
                "branch",
                "release/1.4",
                "from",
                "main",
                "subject",
                "Fix crash on empty order");
    }

    private CheckResult purged() {
        return grade("expect", "secret-absent", "secret", "wJalrXUtnFEMIK7MDENG");
    }

    @Test
    void theSolvedLabPassesAndTheUntouchedOneFails() {
        assertThat(reverted().verdict().status()).isEqualTo("fail");
        assertThat(picked().verdict().status()).isEqualTo("fail");
        assertThat(purged().verdict().status()).isEqualTo("fail");

        inLab("git revert --no-edit HEAD~3 && git checkout -q release/1.4 && git cherry-pick -x main~1"
                + " && git checkout -q main"
                + " && git filter-branch -f --index-filter 'git rm -q --cached --ignore-unmatch .env' -- --all"
                + " && git update-ref -d refs/original/refs/heads/main"
                + " && git update-ref -d refs/original/refs/heads/release/1.4 || true");
        CheckResult reverted = reverted();
        assertThat(reverted.verdict().status()).as(reverted.message()).isEqualTo("pass");
        CheckResult picked = picked();
        assertThat(picked.verdict().status()).as(picked.message()).isEqualTo("pass");
        // The revert and the -x pick name commits from before the rewrite, still stored: a client can fetch them.
        CheckResult named = purged();
        assertThat(named.verdict().status()).isEqualTo("fail");
        assertThat(named.message()).contains("names them by full id");

        inLab("git reflog expire --expire=now --all && git gc -q --prune=now");
        CheckResult purged = purged();
        assertThat(purged.verdict().status()).as(purged.message()).isEqualTo("pass");
        assertThat(purged.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.kind()).contains("git"));
    }

    @Test
    void aSymbolicLinkInTheGitDirectoryIsFoundByTheProbeAndRefused() {
        inLab("git pack-refs --all && mv .git/packed-refs /tmp/refs && ln -s /tmp/refs .git/packed-refs"
                + " && git rev-parse -q --verify refs/heads/main");
        CheckResult linked = grade("expect", "branch", "branch", "main");
        assertThat(linked.verdict().status()).isEqualTo("fail");
        assertThat(linked.message()).contains("symbolic links", "packed-refs");
    }

    @Test
    void aFakeGitAndPlantedConfigChangeNothing() {
        inLab("git config core.fsmonitor 'touch /tmp/ran; echo'"
                + " && printf '#!/bin/sh\\necho nothing to see\\n' > /usr/local/bin/git && chmod +x /usr/local/bin/git"
                + " && cp /usr/local/bin/git /usr/bin/git");
        CheckResult purged = purged();
        assertThat(purged.verdict().status()).isEqualTo("fail");
        assertThat(purged.message()).contains("refs/heads/main");
        assertThat(reverted().message()).contains("still in effect");
        ExecResult ran = driver.exec(lab, ExecRequest.shell("ls /tmp/ran 2>&1 || true", Duration.ofSeconds(10)));
        assertThat(ran.stdout()).contains("No such file");
    }
}
