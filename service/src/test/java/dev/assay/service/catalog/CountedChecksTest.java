package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CountedChecksTest {
    /**
     * Checks that judge what the kernel reports (a process's uids, files' owners and mode bits, through the probe's
     * /proc) and look an account's uid or groups up in the lab's /etc/passwd and /etc/group by their fixed fields to
     * do so: the probe has no other way to the lab's accounts, and the judgement is the kernel's state, not the text.
     */
    private static final Map<String, String> ACCOUNT_LOOKUPS = Map.of(
            "iiot-mqtt-hardening broker-not-root", "the broker process's uids against the mosquitto account's uid",
            "iiot-mqtt-hardening secrets-private", "owner/group/other bits of the secrets against each account",
            "linux-service-account job-access", "owner/group/other bits of the flows against each account",
            "linux-service-account backups-private", "owner/group/other bits of the backups against each account");

    @Test
    @DisplayName("no counted command check of the repository's labs is only a text pattern over a candidate's file")
    void noCountedTextPatterns() {
        LabCatalog catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
        assertThat(catalog.labs()).hasSizeGreaterThan(20);
        List<String> patterns = new ArrayList<>();
        for (Lab lab : catalog.labs()) {
            for (Lab.Check check : lab.checks()) {
                if (check.grader().equals("command") && catalog.counts(check)) {
                    List<String> reads = TextPatternReads.in(
                            String.valueOf(check.parameters().get("run")));
                    boolean lookups = reads.stream().allMatch(read -> read.matches("awk /etc/(passwd|group)"));
                    if (!reads.isEmpty() && !(lookups && ACCOUNT_LOOKUPS.containsKey(lab.id() + " " + check.id()))) {
                        patterns.add(lab.id() + " " + check.id() + ": " + String.join(", ", reads));
                    }
                }
            }
        }
        assertThat(patterns)
                .as("counted checks judging a file by a pattern over its text: run the tool that reads it (where:"
                        + " sandbox with files), or make the check advisory (where: lab)")
                .isEmpty();
    }

    @Test
    @DisplayName("a grep over a configuration file is found; over the tool's own output or in an advisory, it is not")
    void findsPatternsOverFiles() {
        assertThat(TextPatternReads.in("grep -q 'listen 80;' /etc/nginx/sites-enabled/default"))
                .containsExactly("grep /etc/nginx/sites-enabled/default");
        assertThat(TextPatternReads.in("r=/proc/1/root\nawk -F: '$1 == \"x\" { print $7 }' $r/etc/passwd"))
                .containsExactly("awk /etc/passwd");
        assertThat(TextPatternReads.in("[ -f /etc/x ] && sed -n 1p /usr/local/bin/job | grep -q '^#!'"))
                .containsExactly("sed /usr/local/bin/job");
        assertThat(TextPatternReads.in("cat /etc/cron.d/job | awk '$2 == 2'"))
                .containsExactly("awk /etc/cron.d/job (piped)");
        assertThat(TextPatternReads.in("nginx -T 2>&1 | grep -q 'listen 80'")).isEmpty();
        assertThat(TextPatternReads.in("nginx -t && grep -q shop /etc/nginx/nginx.conf"))
                .as("the run starts the real tool")
                .isEmpty();
        assertThat(TextPatternReads.in("# grep x /etc/passwd\necho \"grep x /etc/passwd\"\nsleep 1"))
                .isEmpty();
        assertThat(TextPatternReads.in("cat > /tmp/t.js <<'JS'\ngrep('/etc/passwd')\nJS\ngrep -c . /tmp/t.js"))
                .isEmpty();
    }
}
