-- Issue 17 item 4 (PRC-07): a course whose filed price a guided-price schedule no longer allowed
-- keeps the rule it broke until a later schedule allows it again; then PriceViolationCleared lets
-- sales resume. Courses found in violation before V42 are not marked (their violation is in the
-- event history) and are reported again by the next adoption that still finds them above.
alter table course add column price_violation_rule text;
