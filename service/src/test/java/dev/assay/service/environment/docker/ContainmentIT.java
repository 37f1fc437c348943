package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A root candidate tries to exhaust the host; each attempt stays inside the lab's limits, the engine (and so
 * the service) keeps answering, and the figures are printed: time to contain, bytes kept.
 */
@DisplayName("Resource attacks from inside a lab are contained")
class ContainmentIT {
    private DockerEnvironmentDriver driver;
    private EnvironmentHandle lab;

    @BeforeEach
    void provision() {
        driver = DockerLabs.driver();
        lab = driver.provision(new EnvironmentRequest(
                "it-contain-" + UUID.randomUUID().toString().substring(0, 8),
                "containment",
                "1",
                DockerLabs.image("assay/workbench:latest"),
                new EnvironmentRequest.Limits(0.5, 128L << 20, 64, 16L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1))));
    }

    @AfterEach
    void destroy() {
        driver.destroy(lab);
        driver.close();
    }

    private ExecResult run(String script, Duration timeout, int cap) {
        return driver.exec(lab, new ExecRequest(List.of("bash", "-c", script), timeout, cap));
    }

    private void stillAnswers() {
        assertThat(run("echo alive", Duration.ofSeconds(20), 1024).stdout()).isEqualTo("alive\n");
    }

    @Test
    @DisplayName("fork bomb: held at the pids limit")
    void forkBomb() throws InterruptedException {
        long started = System.nanoTime();
        ExecResult measured = run(
                // Once the bomb holds every pid, this shell cannot fork either: it waits and reads with builtins.
                "rm -f /tmp/wait; mkfifo /tmp/wait; exec 3<>/tmp/wait;"
                        + " setsid bash -c 'bomb() { bomb | bomb & }; bomb' </dev/null >/dev/null 2>&1 &"
                        + " read -r -t 3 -u 3 _; read -r now < /sys/fs/cgroup/pids/pids.current; echo \"$now\";"
                        + " while read -r key value; do [ \"$key\" = max ] && echo \"max $value\"; done"
                        + " < /sys/fs/cgroup/pids/pids.events",
                Duration.ofSeconds(15),
                4096);
        List<String> lines = measured.stdout().lines().toList();
        System.out.printf(
                "fork bomb: %s processes, fork refused %s times, after %d ms (limit 64)%n",
                lines.get(0), lines.get(1).replace("max ", ""), (System.nanoTime() - started) / 1_000_000);
        assertThat(Integer.parseInt(lines.get(0).trim())).isLessThanOrEqualTo(64);
        assertThat(Long.parseLong(lines.get(1).replace("max", "").trim()))
                .as("forks refused at the limit")
                .isPositive();
        for (int attempt = 0; attempt < 10; attempt++) {
            ExecResult kill = run("pkill -KILL -f bomb; true", Duration.ofSeconds(5), 1024);
            if (kill.exitCode() == 0
                    && run("pgrep -fc bomb || true", Duration.ofSeconds(5), 64)
                            .stdout()
                            .trim()
                            .equals("0")) {
                break;
            }
            Thread.sleep(500);
        }
        stillAnswers();
    }

    @Test
    @DisplayName("memory balloon: OOM-killed at the memory limit, no swap")
    void memoryBalloon() {
        ExecResult balloon =
                run("python3 -c 'b = bytearray(512 * 1024 * 1024); print(len(b))'", Duration.ofSeconds(30), 4096);
        System.out.printf(
                "memory balloon: exit %d after %d ms (512 MiB asked, 128 MiB allowed)%n",
                balloon.exitCode(), balloon.took().toMillis());
        assertThat(balloon.exitCode()).isEqualTo(137);
        stillAnswers();
    }

    @Test
    @DisplayName("CPU burn: two busy loops get about half a CPU, the quota")
    void cpuBurn() {
        ExecResult burn = run(
                "u0=$(cat /sys/fs/cgroup/cpuacct/cpuacct.usage); end=$((SECONDS+3));"
                        + " for i in 1 2; do (while [ $SECONDS -lt $end ]; do :; done) & done; wait;"
                        + " u1=$(cat /sys/fs/cgroup/cpuacct/cpuacct.usage); echo $(( (u1 - u0) / 3000000 ))",
                Duration.ofSeconds(20),
                4096);
        int milliCpus = Integer.parseInt(burn.stdout().trim());
        System.out.printf("cpu burn: two busy loops used %d milli-CPUs for 3 s (quota 500)%n", milliCpus);
        assertThat(milliCpus).isBetween(100, 650);
        stillAnswers();
    }

    @Test
    @DisplayName("log flood through /proc/1/fd/1: the engine keeps at most the log cap")
    void logFlood() throws Exception {
        run("head -c 200000000 /dev/zero | tr '\\000' x > /proc/1/fd/1", Duration.ofSeconds(60), 1024);
        String logPath = new ProcessBuilder("docker", "inspect", "-f", "{{.LogPath}}", lab.externalId())
                .start()
                .inputReader()
                .readLine();
        long bytes = Files.size(Path.of(logPath));
        System.out.printf("log flood: 200 MB written, %d bytes kept on the host%n", bytes);
        assertThat(bytes).isLessThanOrEqualTo(2L << 20);
        stillAnswers();
    }

    @Test
    @DisplayName("1 GiB of exec output: the service keeps the cap and returns")
    void hugeExecOutput() {
        ExecResult flood = run("head -c 1073741824 /dev/zero", Duration.ofSeconds(60), 1 << 20);
        System.out.printf(
                "1 GiB exec output: %d bytes seen, %d kept, %d ms%n",
                flood.outputBytes(), flood.stdout().length(), flood.took().toMillis());
        assertThat(flood.truncated()).isTrue();
        assertThat(flood.took()).isLessThan(Duration.ofSeconds(10));
        assertThat(flood.stdout().length()).isLessThanOrEqualTo(1 << 20);
        stillAnswers();
    }
}
