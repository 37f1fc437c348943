package dev.assay.service.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EnvironmentDriver} keeps (see its Javadoc). A driver's integration test extends
 * this class and supplies the driver and an image; the Kubernetes driver runs the same suite.
 */
public abstract class EnvironmentDriverContract {
    private final List<EnvironmentHandle> created = new ArrayList<>();

    protected abstract EnvironmentDriver driver();

    /** An image (or equivalent) with a POSIX shell and coreutils. */
    protected abstract String image();

    protected EnvironmentRequest request(List<EnvironmentRequest.SetupCommand> setup) {
        return new EnvironmentRequest(
                "it-" + UUID.randomUUID().toString().substring(0, 12),
                "contract-lab",
                "1",
                image(),
                new EnvironmentRequest.Limits(0.5, 128L << 20, 64, 16L << 20),
                List.of(),
                "none",
                setup,
                Instant.now().plus(Duration.ofHours(1)));
    }

    protected EnvironmentHandle provision(EnvironmentRequest request) {
        EnvironmentHandle handle = driver().provision(request);
        created.add(handle);
        return handle;
    }

    protected EnvironmentHandle provision() {
        return provision(request(List.of()));
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(driver()::destroy);
    }

    protected ExecResult sh(EnvironmentHandle handle, String script) {
        return driver().exec(handle, ExecRequest.shell(script, Duration.ofSeconds(20)));
    }

    @Nested
    @DisplayName("provision")
    class Provision {
        @Test
        @DisplayName("runs the setup before it returns, and a second call returns the same environment")
        void runsSetupAndIsIdempotent() {
            EnvironmentRequest request = request(List.of(new EnvironmentRequest.SetupCommand(
                    "plant", "echo planted > /root/marker", Duration.ofSeconds(30))));
            EnvironmentHandle first = provision(request);
            EnvironmentHandle again = provision(request);
            assertThat(again.externalId()).isEqualTo(first.externalId());
            assertThat(driver().status(first)).isEqualTo(EnvironmentStatus.RUNNING);
            assertThat(sh(first, "cat /root/marker").stdout()).isEqualTo("planted\n");
        }

        @Test
        @DisplayName("a failing setup step fails provisioning, names the step, and leaves nothing behind")
        void failedSetupLeavesNothing() {
            EnvironmentRequest request = request(
                    List.of(new EnvironmentRequest.SetupCommand("break", "echo boom; exit 3", Duration.ofSeconds(30))));
            assertThatThrownBy(() -> provision(request))
                    .isInstanceOf(EnvironmentException.SetupFailed.class)
                    .hasMessageContaining("setup step 'break' exited 3")
                    .hasMessageContaining("boom");
            assertThat(driver().listManaged())
                    .noneMatch(env -> env.handle().sessionId().equals(request.sessionId()));
        }

        @Test
        @DisplayName("everything it creates is listed as managed, with the session and expiry")
        void listedAsManaged() {
            EnvironmentRequest request = request(List.of());
            EnvironmentHandle handle = provision(request);
            assertThat(driver().listManaged())
                    .filteredOn(env -> env.handle().externalId().equals(handle.externalId()))
                    .singleElement()
                    .satisfies(env -> {
                        assertThat(env.handle().sessionId()).isEqualTo(request.sessionId());
                        assertThat(env.labId()).isEqualTo("contract-lab");
                        assertThat(env.expiresAt()).isEqualTo(request.expiresAt());
                        assertThat(env.status()).isEqualTo(EnvironmentStatus.RUNNING);
                    });
        }
    }

    @Nested
    @DisplayName("exec")
    class Exec {
        @Test
        void reportsExitCodeAndBothStreams() {
            ExecResult result = sh(provision(), "echo out; echo err >&2; exit 3");
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("out\n");
            assertThat(result.stderr()).isEqualTo("err\n");
            assertThat(result.timedOut()).isFalse();
            assertThat(result.truncated()).isFalse();
        }

        @Test
        @DisplayName("a command that never ends returns at its deadline, marked timed out")
        void deadline() {
            EnvironmentHandle handle = provision();
            ExecResult result = driver().exec(handle, ExecRequest.shell("sleep 600", Duration.ofSeconds(1)));
            assertThat(result.timedOut()).isTrue();
            assertThat(result.exitCode()).isEqualTo(-1);
            assertThat(result.took()).isLessThan(Duration.ofSeconds(5));
            assertThat(sh(handle, "echo still usable").stdout()).isEqualTo("still usable\n");
        }

        @Test
        @DisplayName("output beyond the cap cuts the command off: kept up to the cap, marked truncated")
        void outputCap() {
            ExecResult result = driver().exec(
                            provision(),
                            new ExecRequest(
                                    List.of("sh", "-c", "head -c 5000000 /dev/zero | tr '\\000' x"),
                                    Duration.ofSeconds(30),
                                    65536));
            assertThat(result.truncated()).isTrue();
            assertThat(result.stdout()).hasSize(65536).matches("x+");
            assertThat(result.outputBytes()).isGreaterThan(65536);
            assertThat(result.exitCode())
                    .as("cut off at the cap, so no exit code")
                    .isEqualTo(-1);
            assertThat(result.timedOut()).isFalse();
        }
    }

    @Nested
    @DisplayName("readFile")
    class ReadFile {
        @Test
        @DisplayName("reads a regular file with its size and SHA-256, capped")
        void regularFile() throws Exception {
            EnvironmentHandle handle = provision();
            sh(handle, "printf 'hello, grader' > /root/answer.txt");
            FileRead.Content content = (FileRead.Content) driver().readFile(handle, "/root/answer.txt", 1024);
            assertThat(content.text()).isEqualTo("hello, grader");
            assertThat(content.size()).isEqualTo(13);
            assertThat(content.truncated()).isFalse();
            assertThat(content.sha256())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest("hello, grader".getBytes(StandardCharsets.UTF_8))));

            FileRead.Content capped = (FileRead.Content) driver().readFile(handle, "/root/answer.txt", 5);
            assertThat(capped.text()).isEqualTo("hello");
            assertThat(capped.truncated()).isTrue();
            assertThat(capped.size()).isEqualTo(13);
        }

        @Test
        @DisplayName("follows links to regular files inside the lab; refuses links out, directories and pipes;"
                + " a missing file is missing")
        void refusesWhatIsNotARegularFile() {
            EnvironmentHandle handle = provision();
            sh(
                    handle,
                    "echo linked > /root/target; ln -s target /root/link; ln -s /root/link /root/chain;"
                            + " ln -s /proc/self/environ /root/to-proc; mkdir /root/dir; mkfifo /root/fifo;"
                            + " ln -s fifo /root/to-fifo; ln -s nowhere /root/dangling");
            for (String link : List.of("/root/link", "/root/chain")) {
                assertThat(driver().readFile(handle, link, 1024))
                        .as(link)
                        .isInstanceOfSatisfying(
                                FileRead.Content.class,
                                c -> assertThat(c.text()).isEqualTo("linked\n"));
            }
            assertThat(driver().readFile(handle, "/root/to-proc", 1024)).isInstanceOf(FileRead.Refused.class);
            assertThat(driver().readFile(handle, "/root/to-fifo", 1024)).isInstanceOf(FileRead.Refused.class);
            assertThat(driver().readFile(handle, "/root/dangling", 1024)).isInstanceOf(FileRead.Missing.class);
            assertThat(driver().readFile(handle, "/root/dir", 1024)).isInstanceOf(FileRead.Refused.class);
            assertThat(driver().readFile(handle, "/root/fifo", 1024)).isInstanceOf(FileRead.Refused.class);
            assertThat(driver().readFile(handle, "/root/none", 1024)).isEqualTo(new FileRead.Missing("/root/none"));
            assertThat(driver().readFile(handle, "relative", 1024)).isInstanceOf(FileRead.Refused.class);
        }
    }

    @Nested
    @DisplayName("openTerminal")
    class OpenTerminal {
        @Test
        @DisplayName("echoes keystrokes, takes a resize, and ends without touching the environment")
        void interactive() throws Exception {
            EnvironmentHandle handle = provision();
            StringBuffer output = new StringBuffer();
            java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
            Terminal terminal = driver().openTerminal(
                            handle, new Terminal.Request(List.of("/bin/sh"), 80, 24), new Terminal.Listener() {
                                @Override
                                public void output(byte[] bytes) {
                                    output.append(new String(bytes, StandardCharsets.UTF_8));
                                }

                                @Override
                                public void closed(String why) {
                                    ended.countDown();
                                }
                            });
            terminal.write("echo hi-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
            awaitOutput(output, "hi-42");
            terminal.resize(100, 30);
            // A resize may reach the TTY after input sent later (Kubernetes carries it on a channel of its own).
            for (int i = 0; i < 20 && !output.toString().contains("30 100"); i++) {
                terminal.write("stty size\n".getBytes(StandardCharsets.UTF_8));
                Thread.sleep(250);
            }
            awaitOutput(output, "30 100");
            terminal.close();
            assertThat(ended.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(driver().status(handle)).isEqualTo(EnvironmentStatus.RUNNING);
            assertThatThrownBy(() -> new Terminal.Request(List.of("sh"), 0, 24))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private static void awaitOutput(StringBuffer output, String wanted) throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!output.toString().contains(wanted) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(output.toString()).contains(wanted);
        }
    }

    @Nested
    @DisplayName("readTree")
    class ReadTree {
        @Test
        @DisplayName("hands over a directory's sub-directories and regular files only, named relative to it")
        void directoriesAndRegularFilesOnly() throws Exception {
            EnvironmentHandle handle = provision();
            sh(
                    handle,
                    "mkdir -p /root/repo/objects/ab /root/repo/refs && printf ref > /root/repo/HEAD"
                            + " && printf blob > /root/repo/objects/ab/cd && chmod 4755 /root/repo/HEAD"
                            + " && ln -s /etc/shadow /root/repo/link && mkfifo /root/repo/fifo"
                            + " && ln /root/repo/HEAD /root/repo/hard");
            FileRead.Content tree = (FileRead.Content) driver().readTree(handle, "/root/repo", 1 << 16);
            java.util.Map<String, String> entries = new java.util.TreeMap<>();
            try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                    new java.io.ByteArrayInputStream(tree.bytes()))) {
                for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    entries.put(
                            entry.getName(),
                            Integer.toOctalString(entry.getMode()) + " "
                                    + new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(entries)
                    .as("permission bits kept as the lab has them, the set-uid bit never")
                    .containsEntry("HEAD", "100755 ref")
                    .containsEntry("objects/", "40755 ")
                    .containsEntry("objects/ab/cd", "100644 blob")
                    .doesNotContainKeys("link", "fifo", "repo/HEAD");
            assertThat(entries.keySet()).allMatch(name -> !name.startsWith("/") && !name.contains(".."));
        }

        @Test
        @DisplayName("refuses a tree larger than the cap, and anything but a directory; a missing one is missing")
        void refusals() {
            EnvironmentHandle handle = provision();
            sh(handle, "mkdir /root/big && head -c 5000 /dev/zero > /root/big/blob && ln -s /root/big /root/alias");
            assertThat(driver().readTree(handle, "/root/big", 4096))
                    .isInstanceOfSatisfying(
                            FileRead.Refused.class,
                            refused -> assertThat(refused.reason()).contains("more than 4096 bytes"));
            assertThat(driver().readTree(handle, "/root/big/blob", 1 << 20)).isInstanceOf(FileRead.Refused.class);
            assertThat(driver().readTree(handle, "/root/alias", 1 << 20)).isInstanceOf(FileRead.Refused.class);
            assertThat(driver().readTree(handle, "/root/none", 1024)).isEqualTo(new FileRead.Missing("/root/none"));
        }
    }

    @Nested
    @DisplayName("destroy")
    class Destroy {
        @Test
        @DisplayName("removes the environment, and destroying again succeeds")
        void idempotent() {
            EnvironmentHandle handle = provision();
            driver().destroy(handle);
            assertThat(driver().status(handle)).isEqualTo(EnvironmentStatus.GONE);
            driver().destroy(handle);
            assertThat(driver().listManaged())
                    .noneMatch(env -> env.handle().externalId().equals(handle.externalId()));
        }
    }
}
