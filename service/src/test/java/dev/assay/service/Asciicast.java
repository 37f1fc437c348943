package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Checks a recording against the asciicast v2 format and replays its streams, for tests. */
final class Asciicast {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CODES = Set.of("o", "i", "r", "m");

    private Asciicast() {}

    /**
     * A header object with version 2, width and height; then events, one JSON array per line, of a time in
     * seconds that never goes back, a code (o, i, r, m) and a string; at least one output event.
     */
    static void assertValid(String cast) {
        List<String> lines = cast.lines().toList();
        assertThat(lines).as("a header and events").hasSizeGreaterThan(1);
        JsonNode header = read(lines.get(0));
        assertThat(header.path("version").asInt()).isEqualTo(2);
        assertThat(header.path("width").asInt()).isPositive();
        assertThat(header.path("height").asInt()).isPositive();
        double last = 0;
        int outputs = 0;
        for (String line : lines.subList(1, lines.size())) {
            JsonNode event = read(line);
            assertThat(event.isArray() && event.size() == 3)
                    .as("an event is [time, code, data]: " + line)
                    .isTrue();
            assertThat(event.get(0).isNumber()).isTrue();
            assertThat(event.get(0).asDouble()).as("time never goes back").isGreaterThanOrEqualTo(last);
            last = event.get(0).asDouble();
            assertThat(CODES).contains(event.get(1).asText());
            assertThat(event.get(2).isTextual()).isTrue();
            outputs += "o".equals(event.get(1).asText()) ? 1 : 0;
        }
        assertThat(outputs).isPositive();
    }

    /** What a player would draw: every output event's data, in order. */
    static String output(String cast) {
        return stream(cast, "o");
    }

    /** What the candidate typed. */
    static String input(String cast) {
        return stream(cast, "i");
    }

    private static String stream(String cast, String code) {
        StringBuilder out = new StringBuilder();
        cast.lines()
                .skip(1)
                .map(Asciicast::read)
                .filter(e -> code.equals(e.get(1).asText()))
                .forEach(e -> out.append(e.get(2).asText()));
        return out.toString();
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }
}
