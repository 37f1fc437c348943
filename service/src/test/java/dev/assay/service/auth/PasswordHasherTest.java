package dev.assay.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreSaltedArgon2idThatVerify() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse batterY", first)).isFalse();
        assertThat(hasher.matchesNothing("anything")).isFalse();
    }

    @Test
    void shortPasswordsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> hasher.hash("short")).hasMessage("a password needs at least 12 characters");
    }
}
