--liquibase formatted sql

--changeset assay:002-role-stages
-- Stages are defined per role in labs/roles/*.yaml (any id, of kind technical or system-design); the service
-- checks an assessment's stage against its role, so the fixed list in the database goes.
ALTER TABLE assessments DROP CONSTRAINT assessments_stage_ck;
