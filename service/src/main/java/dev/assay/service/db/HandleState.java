package dev.assay.service.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The driver state kept with a handle, as JSON: today the session label the environment carries. */
final class HandleState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HandleState() {}

    static String of(String environmentSession) {
        try {
            return JSON.writeValueAsString(Map.of("session", environmentSession));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write handle state", e);
        }
    }

    static String sessionOf(String stateJson) {
        try {
            return JSON.readTree(stateJson).path("session").asText("");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable environment handle state: " + stateJson, e);
        }
    }
}
