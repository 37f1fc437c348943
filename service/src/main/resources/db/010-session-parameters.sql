--liquibase formatted sql

--changeset assay:010-session-parameters
-- The values of a lab's parameters a session got (a JSON object of names to values), recorded when the session is
-- made: drawn from the assessment's composition_seed with the server's variant key, or the lab's defaults when the
-- assessment has no seed. Grading, the review page and the result read these, never draw them again (the lab or
-- the key may have changed since). NULL for a lab without parameters and for sessions made before this step.
ALTER TABLE lab_sessions ADD COLUMN parameters TEXT;
