package dev.assay.service.terminal;

import dev.assay.service.db.RecordingDao;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The terminal recordings the recorder stored, as the review page and the API replay them. */
public final class Recordings {
    private final Jdbi jdbi;

    public Recordings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<RecordingDao.Header> header(long sessionId) {
        return jdbi.withExtension(RecordingDao.class, dao -> dao.header(sessionId));
    }

    /** The recording's asciicast event lines, in chunks, in order. */
    public List<String> chunks(long sessionId) {
        return jdbi.withExtension(RecordingDao.class, dao -> dao.chunks(sessionId));
    }
}
