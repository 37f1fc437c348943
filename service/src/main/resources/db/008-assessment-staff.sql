--liquibase formatted sql

--changeset assay:008-assessment-staff
-- Who on staff works on an assessment. An interviewer sees and acts on the assessments they are assigned to and no
-- other; admins see every one. The inviting admin is assigned when the invitation is made; admins assign more and
-- unassign later. Each change is also an event of the assessment's grade log (staff-assigned, staff-unassigned),
-- written in the same transaction, with who made it and when. assigned_by is null for Assay itself (the demo).
-- Assessments made before this step have no assignees: admins see them and assign interviewers.
CREATE TABLE assessment_staff (
    assessment_id  BIGINT NOT NULL REFERENCES assessments (id),
    user_id        BIGINT NOT NULL REFERENCES users (id),
    assigned_by    BIGINT REFERENCES users (id),
    assigned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT assessment_staff_pk PRIMARY KEY (assessment_id, user_id)
);
CREATE INDEX assessment_staff_user_ix ON assessment_staff (user_id, assessment_id);
