--liquibase formatted sql

--changeset assay:007-final-grading-jobs
-- Final gradings become jobs of kind 'final-grading' in the jobs table (idempotency key: the lab session's id),
-- so any replica can grade and none grades a hand-in twice. The replica that takes a hand-in claims its job in
-- the transaction that moves the session to grading and renews the lock while it grades; a job whose lock ran
-- out (its replica died) is claimed by another with SELECT ... FOR UPDATE SKIP LOCKED. Sessions handed in
-- before jobs existed are queued here for whichever replica comes first.
INSERT INTO jobs (kind, idempotency_key, payload, status, attempts, run_after, created_at, updated_at)
    SELECT 'final-grading', CAST(id AS VARCHAR(200)), CONCAT('{"session": ', CAST(id AS VARCHAR(30)), '}'), 'queued',
           0, updated_at, updated_at, updated_at
    FROM lab_sessions WHERE state = 'grading';
