package dev.assay.service.scoring;

import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * Appends to an assessment's grade log: each event's hash covers the previous hash, the assessment, its sequence
 * number, type and payload, so changing or removing any event breaks every hash after it ({@link #verify}).
 */
public final class GradeLog {
    private final Jdbi jdbi;
    private final Clock clock;

    public GradeLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Appends an event; concurrent writers are ordered by the (assessment, seq) key and retried. */
    public GradeEventDao.Event append(long assessmentId, String type, @Nullable Long actor, String payload) {
        for (int attempt = 0; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> {
                    GradeEventDao dao = handle.attach(GradeEventDao.class);
                    var last = dao.last(assessmentId);
                    int seq = last.map(e -> e.seq() + 1).orElse(1);
                    String prev = last.map(GradeEventDao.Event::hash).orElse(null);
                    String hash = hash(prev, assessmentId, seq, type, payload);
                    var at = clock.instant();
                    dao.insert(assessmentId, seq, type, actor, payload, prev, hash, at);
                    return new GradeEventDao.Event(assessmentId, seq, type, actor, payload, prev, hash, at);
                });
            } catch (UnableToExecuteStatementException e) {
                if (!Sql.isUniqueViolation(e) || attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /** The first event whose hash does not match its content and predecessor, or -1 when the chain holds. */
    public static int verify(List<GradeEventDao.Event> events) {
        String prev = null;
        for (GradeEventDao.Event event : events) {
            boolean linked = prev == null ? event.prevHash() == null : prev.equals(event.prevHash());
            if (!linked
                    || !event.hash()
                            .equals(hash(
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

    static String hash(@Nullable String prev, long assessmentId, int seq, String type, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String canonical = (prev == null ? "" : prev) + "\n" + assessmentId + "\n" + seq + "\n" + type + "\n";
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            sha.update(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
