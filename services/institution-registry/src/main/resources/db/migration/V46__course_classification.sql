-- Issue 18 item 3, REG-03: a non-subject course is filed with the operator's classification on the
-- four criteria (purpose, content, method, evaluation) and a reference to its teaching plan; the
-- education bureau, which has the final say, records its own classification. Courses filed before
-- this have no declared classification and are unverified.
alter table course add column purpose text;
alter table course add column content text;
alter table course add column method text;
alter table course add column evaluation text;
alter table course add column syllabus_reference text;
alter table course add column classification text;
alter table course add column subject_type_by text;
alter table course add column classification_evidence text;
alter table course add column classified_at timestamptz;
alter table course add column classified_by text;

update course set classification = 'UNVERIFIED' where category = 'NON_SUBJECT';

alter table course add constraint course_classification_known
    check (classification in ('UNVERIFIED', 'VERIFIED', 'REFUTED'));
alter table course add constraint course_classified_if_non_subject
    check ((category = 'NON_SUBJECT') = (classification is not null));
alter table course add constraint course_declared_all_four_criteria
    check ((purpose is null) = (content is null)
       and (content is null) = (method is null)
       and (method is null) = (evaluation is null));

-- INS-02 sampling counts a district's unverified and refuted classifications per institution.
create index course_classification on course (district, institution_id, classification)
    where classification is not null;
