package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.LabInterferenceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A listener is the image's own program only when the engine and the kernel say so, not its path")
class ProgramIdentityTest {
    private static final Map<String, Object> NGINX_80 = Map.of("port", 80, "executable", "/usr/sbin/nginx");
    private static final String GENUINE_MAPS = "P 7\nM /usr/sbin/nginx \nM /usr/lib/x86_64-linux-gnu/libc.so.6 \n"
            + "M /dev/zero (deleted)\nP 8\nM /usr/sbin/nginx \n";

    private static FixtureLab lab(String maps) {
        return new FixtureLab()
                .probe(command -> command.contains("identity")
                        ? FixtureLab.ok(maps)
                        : FixtureLab.ok(ProcTableFixtures.NGINX_ON_80));
    }

    private static CheckResult grade(FixtureLab lab) {
        return new PortGrader().grade(lab, NGINX_80);
    }

    @Test
    void theImagesOwnNginxPasses() {
        CheckResult result = grade(lab(GENUINE_MAPS).changed("/etc/nginx/sites-enabled/shop", "/run/nginx.pid"));
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.observations()).anySatisfy(o -> assertThat(o.what()).isEqualTo("mapped code"));
    }

    @Test
    @DisplayName("only code counts: files a process maps for data (a query log, a database) are the lab's own")
    void onlyExecutableMappingsAreRead() throws Exception {
        long self = ProcessHandle.current().pid();
        Process read = new ProcessBuilder("/bin/sh", "-c", ProgramIdentity.SCRIPT, "identity", Long.toString(self))
                .redirectErrorStream(true)
                .start();
        String out = new String(read.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(read.waitFor()).isZero();
        // This JVM maps its own code (libjvm.so, executable) and its class library image lib/modules (data only).
        assertThat(out).containsPattern("(?m)^M \\S+/libjvm\\.so ");
        assertThat(out).doesNotContainPattern("(?m)^M \\S+/lib/modules ");
    }

    @Test
    void anotherProgramCopiedOverTheExecutableFails() {
        CheckResult result = grade(lab(GENUINE_MAPS).changed("/usr/sbin/nginx"));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("/usr/sbin/nginx differs from the image's");
    }

    @Test
    void aReplacedLibraryOrALoaderOverrideFails() {
        assertThat(grade(lab(GENUINE_MAPS).changed("/usr/lib/x86_64-linux-gnu/libc.so.6"))
                        .message())
                .contains("maps /usr/lib/x86_64-linux-gnu/libc.so.6, which differs from the image's");
        assertThat(grade(lab(GENUINE_MAPS + "E LD_PRELOAD=/tmp/fake.so\n")).message())
                .contains("runs with LD_PRELOAD=/tmp/fake.so");
        assertThat(grade(lab(GENUINE_MAPS).changed("/etc/ld.so.preload")).message())
                .contains("/etc/ld.so.preload was written");
    }

    @Test
    void aBinaryDeletedOrReplacedAfterItStartedFails() {
        String table =
                ProcTableFixtures.NGINX_ON_80.replace("P 7 0 /usr/sbin/nginx", "P 7 0 /usr/sbin/nginx (deleted)");
        FixtureLab lab = new FixtureLab()
                .probe(command -> command.contains("identity") ? FixtureLab.ok(GENUINE_MAPS) : FixtureLab.ok(table));
        assertThat(grade(lab).message()).contains("pid 7 runs a file since deleted or replaced");
    }

    @Test
    void aProbeKilledFromInsideTheLabIsInterferenceNotAnError() {
        FixtureLab lab = new FixtureLab()
                .probe(command -> command.contains("identity")
                        ? FixtureLab.exit(137, "", "Killed")
                        : FixtureLab.ok(ProcTableFixtures.NGINX_ON_80));
        assertThatThrownBy(() -> grade(lab)).isInstanceOf(LabInterferenceException.class);
        FixtureLab stalled = new FixtureLab().probe(command -> FixtureLab.exit(137, "", ""));
        assertThatThrownBy(() -> new ProcessGrader().grade(stalled, Map.of("executable", "/usr/sbin/nginx")))
                .isInstanceOf(LabInterferenceException.class);
    }

    @Test
    void httpNamesWhoAnsweredAndRefusesAnImpostor() {
        String response = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\nWelcome to the shop";
        String impostorTable = ProcTableFixtures.NGINX_ON_80.replace("/usr/sbin/nginx", "/usr/bin/python3.11");
        FixtureLab lab = new FixtureLab().probe(command -> {
            if (command.contains("identity")) {
                return FixtureLab.ok("");
            }
            return String.join(" ", command).contains("/dev/tcp")
                    ? FixtureLab.exit(0, response, "uptime 1.00 1.01")
                    : FixtureLab.ok(impostorTable);
        });
        CheckResult result = new HttpGrader()
                .grade(lab, Map.of("url", "http://127.0.0.1/", "body", "shop", "executable", "/usr/sbin/nginx"));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("answered by something other than /usr/sbin/nginx");
        assertThat(List.copyOf(result.observations()))
                .anySatisfy(o -> assertThat(o.value()).contains("/usr/bin/python3.11"));
    }
}
