package dev.assay.service.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.Variant;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.LabSessionDao;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A lab's parameter values per session: drawn when the session is made (from the assessment's seed with the
 * server's {@link Variant} key; the lab's defaults when the assessment has no seed or no key is configured),
 * recorded with the session, and read back from that record by everything after (setup, grading, the review).
 */
public final class Variants {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final Optional<Variant> variant;

    private Variants(Jdbi jdbi, Optional<Variant> variant) {
        this.jdbi = jdbi;
        this.variant = variant;
    }

    /** Values drawn with {@code key}. */
    public static Variants keyed(Jdbi jdbi, byte[] key) {
        return new Variants(jdbi, Optional.of(new Variant(key)));
    }

    /** Every session gets the labs' defaults (tests and tools that never start a candidate's lab). */
    public static Variants defaultsOnly(Jdbi jdbi) {
        return new Variants(jdbi, Optional.empty());
    }

    /** The values a new session of {@code lab} for the assessment gets; empty for a lab without parameters. */
    public Map<String, String> draw(long assessmentId, Lab lab) {
        if (lab.parameters().isEmpty()) {
            return Map.of();
        }
        Optional<Long> seed = jdbi.withExtension(AssessmentDao.class, dao -> dao.seedOf(assessmentId));
        if (seed.isEmpty() || variant.isEmpty()) {
            return lab.parameters().defaults();
        }
        return variant.get().values(seed.get(), lab.id(), lab.parameters());
    }

    /** The values recorded for the session; the lab's defaults for a session made before values were recorded. */
    public Map<String, String> of(long sessionId, Lab lab) {
        return recorded(jdbi, sessionId).orElseGet(() -> lab.parameters().defaults());
    }

    /** The values recorded for the session, if any. */
    public static Optional<Map<String, String>> recorded(Jdbi jdbi, long sessionId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.parametersOf(sessionId))
                .map(Variants::parse);
    }

    public static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + values.keySet(), e);
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session's recorded parameters are not a JSON object of texts", e);
        }
    }
}
