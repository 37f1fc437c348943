--liquibase formatted sql

--changeset assay:004-terminal-recordings
-- The candidate's terminal, recorded as asciicast v2: a header row per lab session, and the events (lines of
-- [seconds, code, data]) in chunks appended as they come, in seq order. bytes sums the chunks, and once it would
-- pass the cap the recording is capped: a last marker says so and nothing more is kept.
-- 001 planned recordings as files beside the database; nothing ever wrote that table. They live in the
-- database instead: one place to back up, and every replica reads them.
DROP TABLE terminal_recordings;
CREATE TABLE terminal_recordings (
    lab_session_id  BIGINT PRIMARY KEY REFERENCES lab_sessions (id),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    bytes           BIGINT DEFAULT 0 NOT NULL,
    capped          BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE TABLE terminal_chunks (
    lab_session_id  BIGINT NOT NULL REFERENCES terminal_recordings (lab_session_id),
    seq             INTEGER NOT NULL,
    events          TEXT NOT NULL,
    PRIMARY KEY (lab_session_id, seq)
);

--changeset assay:004-progress-checks
-- When the candidate last asked for a progress check: the rate limit is one conditional UPDATE, which holds
-- across replicas and double clicks.
ALTER TABLE lab_sessions ADD COLUMN progress_checked_at TIMESTAMP WITH TIME ZONE;
