-- Issue 18 item 4 (REG-02, REG-08): the sector department (sports, culture-tourism, science-tech
-- bureau) of the district gives its opinion on a pending non-subject application; where the city
-- approves non-subject institutions jointly, the regulator approves only once it concurred. A new
-- application (after a rejection) starts without an opinion.
alter table institution_application add column sector_opinion text;
alter table institution_application add column sector_opinion_by text;
alter table institution_application add column sector_opinion_at timestamptz;
alter table institution_application add column sector_opinion_reason text;
