package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code secret-absent}: the secret in any form a reader could decode in a moment, in any object a clone of the
 * repository receives (blobs, commit and tag messages, ref names), and in objects no ref reaches whose names a
 * clone can read.
 */
@DisplayName("secret-absent looks for the secret as a reader could decode it, in everything a clone gets")
class GitSecretAbsentTest {
    static final String SECRET = "Zx9Qm2Lp7Rt4Vw8Ys3Nb6Kd1/Hg5Jf0Ce";

    @TempDir
    Path work;

    private GitWork git;

    @BeforeEach
    void repository() {
        git = new GitWork(work);
        git.write("app.conf", "port=8080\n");
        git.commit("Initial service");
    }

    private CheckResult secretAbsent() {
        return git.grade("expect", "secret-absent", "secret", SECRET);
    }

    record Encoded(String name, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Encoded> encodings() {
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        String reversed = new StringBuilder(SECRET).reverse().toString();
        return List.of(
                text("base64", "TOKEN=" + b64(secret) + "\n"),
                text(
                        "base64 of the whole file, wrapped",
                        Base64.getMimeEncoder(20, "\n".getBytes(StandardCharsets.UTF_8))
                                .encodeToString(
                                        ("AWS_SECRET_ACCESS_KEY=" + SECRET + "\n").getBytes(StandardCharsets.UTF_8))),
                text(
                        "a Kubernetes Secret",
                        "kind: Secret\ndata:\n  token: " + b64(("key:" + SECRET).getBytes(StandardCharsets.UTF_8))
                                + "\n"),
                text(
                        "url-safe base64 without padding",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(("xy" + SECRET).getBytes(StandardCharsets.UTF_8))),
                text("hex", "key: " + HexFormat.of().formatHex(secret) + "\n"),
                text(
                        "HEX with colons",
                        HexFormat.ofDelimiter(":").withUpperCase().formatHex(secret)),
                text("percent-encoded", "token=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)),
                text("every byte percent-encoded", percentAll(secret)),
                text("backslash escapes", secret.length > 0 ? escapes(secret) : ""),
                text(
                        "split across lines",
                        "key = \"" + SECRET.substring(0, 9) + "\" +\n      \"" + SECRET.substring(9, 20)
                                + "\" +\n      \"" + SECRET.substring(20) + "\"\n"),
                text("reversed", "token: " + reversed + "\n"),
                text("rot13", "token: " + shifted(SECRET, 13) + "\n"),
                text("letters shifted by 3", "token: " + shifted(SECRET, 3) + "\n"),
                text("gzip then base64", b64(gzip(secret))),
                text("hex then base64", b64(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.UTF_8))),
                text("decimal bytes", "byte[] key = {" + decimal(secret) + "};\n"),
                new Encoded("UTF-16", SECRET.getBytes(StandardCharsets.UTF_16LE)),
                new Encoded("gzip file", gzip(("TOKEN=" + SECRET).getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void anEncodedSecretInABlobIsFound(Encoded encoded) throws IOException {
        Files.write(git.repo.resolve("settings.txt"), encoded.content());
        git.commit("Add settings");
        CheckResult result = secretAbsent();
        assertThat(result.verdict().status()).as(encoded.name()).isEqualTo("fail");
        assertThat(result.message()).contains("refs/heads/main");
        assertThat(result.observations().toString()).doesNotContain(SECRET);
    }

    @Test
    void halvesInTwoFilesAreFound() {
        git.write("a.txt", "part one: " + SECRET.substring(0, 16) + "\n");
        git.write("b.txt", "part two: " + SECRET.substring(16) + "\n");
        git.commit("Split the key");
        CheckResult result = secretAbsent();
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("pieces");
    }

    @Test
    void encodedInACommitMessageATagMessageOrARefNameItIsFound() {
        git.commit("Rotate token " + b64(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(secretAbsent().message()).contains("refs/heads/main");

        git.git("reset", "-q", "--hard", "HEAD~1");
        git.git(
                "tag",
                "-a",
                "v1",
                "-m",
                "Release\n\nkey " + HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8)));
        CheckResult tag = secretAbsent();
        assertThat(tag.verdict().status()).isEqualTo("fail");
        assertThat(tag.message()).contains("refs/tags/v1").doesNotContain("refs/heads/main");

        git.git("tag", "-d", "v1");
        git.git("branch", "k-" + HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8)));
        CheckResult branch = secretAbsent();
        assertThat(branch.verdict().status()).isEqualTo("fail");
        assertThat(branch.message()).contains("a ref's name");
    }

    @Test
    void notesAndTheStashAreRefsAClonePicksUp() {
        git.git("notes", "add", "-m", "token " + SECRET);
        assertThat(secretAbsent().message()).contains("refs/notes/commits");
    }

    @Test
    void lookalikesAreNotTheSecret() {
        git.write(
                "README.md",
                "Example key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nIt starts " + SECRET.substring(0, 8)
                        + " and ends " + SECRET.substring(SECRET.length() - 8) + ".\n");
        git.write("blob.b64", b64(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}));
        git.write("Main.java", "class Main { String veryLongIdentifierNameThatIsBase64Alphabet = \"x\"; }\n");
        git.commit("Docs");
        CheckResult result = secretAbsent();
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Nested
    @DisplayName("when no ref reaches the objects that hold it")
    class Unreferenced {
        @Test
        void theyDoNotCountUnlessAReachableObjectNamesThem() {
            git.write(".env", "TOKEN=" + SECRET + "\n");
            git.commit("Add token");
            String dropped = git.head("HEAD");
            git.git("reset", "-q", "--hard", "HEAD~1");
            git.git("reflog", "expire", "--expire=now", "--all");
            CheckResult unreferenced = secretAbsent();
            assertThat(unreferenced.verdict().status())
                    .as(unreferenced.message())
                    .isEqualTo("pass");
            assertThat(unreferenced.observations().toString()).contains("unreferenced objects that hold it");

            git.write("CHANGELOG", "Dropped " + dropped + " (it held a token)\n");
            git.commit("Changelog");
            CheckResult named = secretAbsent();
            assertThat(named.verdict().status()).isEqualTo("fail");
            assertThat(named.message()).contains("fetch", GitVerdicts.shortId(dropped));
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Encoded text(String name, String content) {
        return new Encoded(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String percentAll(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    private static String escapes(byte[] bytes) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : bytes) {
            out.append(String.format("\\x%02x", b & 0xff));
        }
        return out.append("\"").toString();
    }

    private static String decimal(byte[] bytes) {
        List<String> numbers = new java.util.ArrayList<>();
        for (byte b : bytes) {
            numbers.add(Integer.toString(b & 0xff));
        }
        return numbers.stream().collect(Collectors.joining(", "));
    }

    private static String shifted(String text, int by) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + by) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + (c - 'A' + by) % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
