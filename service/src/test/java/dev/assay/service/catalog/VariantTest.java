package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A variant's values are drawn from key, seed and lab: repeatable, spread, in range, keyless")
class VariantTest {
    private static final byte[] KEY =
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final LabParameters PARAMETERS = new LabParameters(List.of(
            new LabParameters.Parameter("port", LabParameters.Kind.INT, List.of(), 2000, 2999, 0, "", "2000"),
            new LabParameters.Parameter(
                    "user", LabParameters.Kind.WORD, List.of("ana", "ben", "cy"), 0, 0, 0, "", "ana"),
            new LabParameters.Parameter("flavour", LabParameters.Kind.CHOICE, List.of("x y", "z"), 0, 0, 0, "", "z"),
            new LabParameters.Parameter("token", LabParameters.Kind.HEX, List.of(), 0, 0, 12, "", "000000000000"),
            new LabParameters.Parameter("code", LabParameters.Kind.BASE32, List.of(), 0, 0, 32, "", "a".repeat(32)),
            new LabParameters.Parameter(
                    "both", LabParameters.Kind.DERIVED, List.of(), 0, 0, 0, "{{user}}:{{port}}", "ana:2000")));

    private final Variant variant = new Variant(KEY);

    @Test
    void sameSeedSameValues() {
        assertThat(variant.values(42, "lab", PARAMETERS))
                .isEqualTo(new Variant(KEY.clone()).values(42, "lab", PARAMETERS));
    }

    @Test
    void seedsLabsAndKeysDiffer() {
        Set<Map<String, String>> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            seen.add(variant.values(seed, "lab", PARAMETERS));
        }
        assertThat(seen).as("50 seeds, 50 variants").hasSize(50);
        assertThat(variant.values(1, "lab", PARAMETERS)).isNotEqualTo(variant.values(1, "other-lab", PARAMETERS));
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(new Variant(other).values(1, "lab", PARAMETERS)).isNotEqualTo(variant.values(1, "lab", PARAMETERS));
    }

    @Test
    @DisplayName("values lie in their kind's range, every option and most of a range are reached")
    void valuesInRange() {
        Set<String> users = new HashSet<>();
        Set<String> ports = new HashSet<>();
        for (long seed = -500; seed < 500; seed++) {
            Map<String, String> values = variant.values(seed, "lab", PARAMETERS);
            assertThat(Integer.parseInt(values.get("port"))).isBetween(2000, 2999);
            assertThat(values.get("user")).isIn("ana", "ben", "cy");
            assertThat(values.get("flavour")).isIn("x y", "z");
            assertThat(values.get("token")).matches("[0-9a-f]{12}");
            assertThat(values.get("code")).matches("[a-z2-7]{32}");
            assertThat(values.get("both")).isEqualTo(values.get("user") + ":" + values.get("port"));
            users.add(values.get("user"));
            ports.add(values.get("port"));
        }
        assertThat(users).hasSize(3);
        assertThat(ports.size()).isGreaterThan(500);
    }

    @Test
    @DisplayName("the key is in no value, as hex or otherwise")
    void keyNeverInValues() {
        String hex = HexFormat.of().formatHex(KEY);
        for (long seed = 0; seed < 200; seed++) {
            for (String value : variant.values(seed, "lab", PARAMETERS).values()) {
                assertThat(hex).doesNotContain(value.length() >= 8 ? value : "never-a-hex-key");
                assertThat(value).doesNotContain(hex.substring(0, 16));
            }
        }
    }
}
