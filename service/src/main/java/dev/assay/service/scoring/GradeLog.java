package dev.assay.service.scoring;

import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.Sql;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * Appends to an assessment's grade log: each event's hash (HMAC-SHA256 with the {@link AuditKey}, kept outside
 * the database) covers the previous hash, the assessment, its sequence number, type and payload, so changing or
 * removing any event breaks every hash after it ({@link #verify}), and nobody without the key can recompute them.
 */
public final class GradeLog {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditKey key;

    public GradeLog(Jdbi jdbi, Clock clock, AuditKey key) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.key = key;
    }

    /** Appends an event; concurrent writers are ordered by the (assessment, seq) key and retried. */
    public GradeEventDao.Event append(long assessmentId, String type, @Nullable Long actor, String payload) {
        return retrying(() -> jdbi.inTransaction(handle -> insert(handle, assessmentId, type, actor, payload)));
    }

    /**
     * Runs {@code change} and, when it changed something (returns true), appends the event in the same transaction,
     * so the change and its record commit together or not at all. Retried as a whole when a concurrent writer got
     * there first. Returns whether anything changed.
     */
    public boolean appendWith(
            long assessmentId, String type, @Nullable Long actor, String payload, Predicate<Handle> change) {
        return retrying(() -> jdbi.inTransaction(handle -> {
            if (!change.test(handle)) {
                return false;
            }
            insert(handle, assessmentId, type, actor, payload);
            return true;
        }));
    }

    /**
     * Appends an event inside the caller's transaction: for the first events of an assessment that the same
     * transaction creates (no other writer can know it yet).
     */
    public GradeEventDao.Event appendIn(
            Handle handle, long assessmentId, String type, @Nullable Long actor, String payload) {
        return insert(handle, assessmentId, type, actor, payload);
    }

    private GradeEventDao.Event insert(
            Handle handle, long assessmentId, String type, @Nullable Long actor, String payload) {
        GradeEventDao dao = handle.attach(GradeEventDao.class);
        var last = dao.last(assessmentId);
        int seq = last.map(e -> e.seq() + 1).orElse(1);
        String prev = last.map(GradeEventDao.Event::hash).orElse(null);
        String hash = hash(key, prev, assessmentId, seq, type, payload);
        var at = clock.instant();
        dao.insert(assessmentId, seq, type, actor, payload, prev, hash, at);
        return new GradeEventDao.Event(assessmentId, seq, type, actor, payload, prev, hash, at);
    }

    private static <T> T retrying(Supplier<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return work.get();
            } catch (UnableToExecuteStatementException e) {
                if (!Sql.isUniqueViolation(e) || attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /** The first event whose hash does not match its content and predecessor, or -1 when the chain holds. */
    public int verify(List<GradeEventDao.Event> events) {
        return verify(key, events);
    }

    /** The first event whose hash does not match under {@code key}, or -1 when the chain holds. */
    public static int verify(AuditKey key, List<GradeEventDao.Event> events) {
        String prev = null;
        for (GradeEventDao.Event event : events) {
            boolean linked = prev == null ? event.prevHash() == null : prev.equals(event.prevHash());
            if (!linked
                    || !event.hash()
                            .equals(hash(
                                    key,
                                    event.prevHash(),
                                    event.assessmentId(),
                                    event.seq(),
                                    event.eventType(),
                                    event.payload()))) {
                return event.seq();
            }
            prev = event.hash();
        }
        return -1;
    }

    static String hash(AuditKey key, @Nullable String prev, long assessmentId, int seq, String type, String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.bytes(), "HmacSHA256"));
            String canonical = (prev == null ? "" : prev) + "\n" + assessmentId + "\n" + seq + "\n" + type + "\n";
            mac.update(canonical.getBytes(StandardCharsets.UTF_8));
            mac.update(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
