package dev.assay.service.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A secret file is made once, owner-only, and then read as it is")
class SecretFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("made with mode 0600 in a folder made for it; a second read keeps the first value")
    void madeOnceOwnerOnly() throws Exception {
        Path file = dir.resolve("data").resolve("some.key");
        String first = SecretFile.readOrMake(file, SecretFile::randomHex);
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretFile.readOrMake(file, () -> "another")).isEqualTo(first);
        assertThat(SecretFile.hexKey(first, "test key", file)).hasSize(32);
    }

    @Test
    @DisplayName("a key that is not hex is refused with its name and file")
    void notHexRefused() throws Exception {
        Path file = dir.resolve("bad.key");
        Files.writeString(file, "not-a-key\n");
        String text = SecretFile.readOrMake(file, SecretFile::randomHex);
        assertThatThrownBy(() -> SecretFile.hexKey(text, "variant key", file))
                .hasMessageContaining("the variant key " + file.toAbsolutePath())
                .hasMessageContaining("64 or more lower-case hex digits");
    }
}
