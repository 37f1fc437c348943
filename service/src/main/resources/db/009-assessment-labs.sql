--liquibase formatted sql

--changeset assay:009-assessment-labs
-- Each assessment's own labs. A lab stage's blueprint is met per candidate: composed from a seed (composition
-- 'auto', the seed kept so the same composition can be drawn again and audited) or picked by staff from the
-- stage's labs and pool ('picked'). position orders the labs as the candidate's overview lists them; the candidate
-- takes them in any order. Assessments made before this step have no rows: they keep their stage's fixed labs.
ALTER TABLE assessments ADD COLUMN composition VARCHAR(16);
ALTER TABLE assessments ADD COLUMN composition_seed BIGINT;
CREATE TABLE assessment_labs (
    assessment_id  BIGINT NOT NULL REFERENCES assessments (id),
    position       INT NOT NULL,
    lab_id         VARCHAR(100) NOT NULL,
    CONSTRAINT assessment_labs_pk PRIMARY KEY (assessment_id, lab_id)
);
