package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.FileRead;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A root candidate plants files to trip the grader's reads; each is refused or capped, quickly. */
@DisplayName("Hostile candidate files are refused or capped by file reads")
class HostileFilesIT {
    static DockerEnvironmentDriver driver;
    static EnvironmentHandle lab;

    @BeforeAll
    static void plant() {
        driver = DockerLabs.driver();
        lab = driver.provision(new EnvironmentRequest(
                "it-files-" + UUID.randomUUID().toString().substring(0, 8),
                "hostile-files",
                "1",
                DockerLabs.image("assay/base:latest"),
                new EnvironmentRequest.Limits(1, 256L << 20, 256, 16L << 20),
                List.of(),
                "none",
                List.of(new EnvironmentRequest.SetupCommand(
                        "plant",
                        "ln -s /proc/1/root/etc/hostname /root/escape; mkfifo /root/pipe;"
                                + " mkdir -p /srv/a /srv/b && echo site > /srv/a/site && ln -s ../a/site /srv/b/rel"
                                + " && ln -s /srv/b/rel /srv/b/chain && ln -s ../../../../srv/a/site /srv/b/climb"
                                + " && ln -s /root/pipe /srv/b/to-pipe && ln -s /srv/a /srv/b/to-dir"
                                + " && ln -s nowhere /srv/b/dangling && ln -s /proc/self/environ /srv/b/to-proc;"
                                + " truncate -s 10G /root/sparse; mkdir /root/many && cd /root/many"
                                + " && seq 1 100000 | xargs touch",
                        Duration.ofMinutes(3))),
                Instant.now().plus(Duration.ofHours(1))));
    }

    @AfterAll
    static void destroy() {
        driver.destroy(lab);
        driver.close();
    }

    private static FileRead timed(String path, long max) {
        long started = System.nanoTime();
        FileRead read = driver.readFile(lab, path, max);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "read %-14s -> %-8s in %4d ms%n", path, read.getClass().getSimpleName(), took.toMillis());
        assertThat(took).as("time to read %s", path).isLessThan(Duration.ofSeconds(5));
        return read;
    }

    @Test
    void symlinkOutIsRefused() {
        assertThat(timed("/root/escape", 1 << 20)).isInstanceOf(FileRead.Refused.class);
    }

    @Test
    @DisplayName("links that end at a regular file of the lab are followed, as tools in the lab follow them")
    void linksInsideTheLabAreFollowed() {
        for (String link : List.of("/srv/b/rel", "/srv/b/chain", "/srv/b/climb")) {
            assertThat(timed(link, 1 << 20))
                    .as(link)
                    .isInstanceOfSatisfying(
                            FileRead.Content.class, c -> assertThat(c.text()).isEqualTo("site\n"));
        }
    }

    @Test
    @DisplayName("links to a pipe, a directory or a special file system are refused; a dangling one is missing")
    void linksToWhatIsNotARegularFileOfTheLabAreRefused() {
        assertThat(timed("/srv/b/to-pipe", 1 << 20)).isInstanceOf(FileRead.Refused.class);
        assertThat(timed("/srv/b/to-dir", 1 << 20)).isInstanceOf(FileRead.Refused.class);
        assertThat(timed("/srv/b/to-proc", 1 << 20)).isInstanceOf(FileRead.Refused.class);
        assertThat(timed("/srv/b/dangling", 1 << 20)).isInstanceOf(FileRead.Missing.class);
    }

    @Test
    void fifoIsRefusedWithoutBlocking() {
        assertThat(timed("/root/pipe", 1 << 20)).isInstanceOf(FileRead.Refused.class);
    }

    @Test
    @DisplayName("a 10 GiB sparse file is read up to the cap only, and its real size reported")
    void sparseFileIsCapped() {
        FileRead.Content content = (FileRead.Content) timed("/root/sparse", 1 << 20);
        assertThat(content.bytes()).hasSize(1 << 20);
        assertThat(content.size()).isEqualTo(10L << 30);
        assertThat(content.truncated()).isTrue();
    }

    @Test
    @DisplayName("a directory of 100,000 files is refused before its archive is read")
    void hugeDirectoryIsRefused() {
        assertThat(driver.exec(lab, ExecRequest.shell("ls /root/many | wc -l", Duration.ofSeconds(30)))
                        .stdout()
                        .trim())
                .isEqualTo("100000");
        assertThat(timed("/root/many", 1 << 20)).isInstanceOf(FileRead.Refused.class);
        assertThat(driver.exec(lab, ExecRequest.shell("echo alive", Duration.ofSeconds(10)))
                        .stdout())
                .isEqualTo("alive\n");
    }
}
