--liquibase formatted sql

--changeset assay:003-lab-session-attempts
-- One attempt per assessment and lab at a time: a double-clicked "start" meets this constraint and gets the
-- attempt the first click made. A retake (admin) is the next attempt number.
ALTER TABLE lab_sessions ADD COLUMN attempt INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE lab_sessions ADD CONSTRAINT lab_sessions_attempt_uq UNIQUE (assessment_id, lab_id, attempt);

--changeset assay:003-pooled-handles
-- Warm-pool environments are recorded before anyone claims them (lab_session_id still NULL), so every replica
-- and every restart sees them; claiming one is an UPDATE that only one caller can win.
ALTER TABLE environment_handles ADD COLUMN lab_id VARCHAR(100);
