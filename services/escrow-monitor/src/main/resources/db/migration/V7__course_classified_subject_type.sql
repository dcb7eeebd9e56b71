-- Issue 18 item 3 (REG-03, TIM-05): the education bureau found a course filed as non-subject to be
-- subject-type training. It is not sold while that stands, whatever its price; kept apart from the
-- price stop (sales_stopped_*) so that clearing one never resumes the other.
alter table filed_course add column classified_subject_type_detail text;
alter table filed_course add column classified_subject_type_at timestamptz;
