package dev.assay.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void tokensCarry256RandomBitsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.newToken();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void theStoredHashIsHexSha256AndDiffersFromTheToken() {
        String token = Tokens.newToken();
        assertThat(Tokens.hash(token)).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(token);
        assertThat(Tokens.hash(token)).isEqualTo(Tokens.hash(token));
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void csrfTokensAreBoundToTheirSecret() {
        assertThat(Tokens.csrfFor("a")).isEqualTo(Tokens.csrfFor("a")).isNotEqualTo(Tokens.csrfFor("b"));
        assertThat(Tokens.same("x", "x")).isTrue();
        assertThat(Tokens.same("x", "y")).isFalse();
    }
}
