-- PRC-07 (issue 17 item 4): a course whose filed price a new guided-price schedule no longer allows
-- (the registry's PriceViolationDetected, PRC-03 / PRC-01) is not sold any more. The registry has no
-- clearing event yet: a corrected price is a new filing (a new course).
alter table filed_course add column sales_stopped_rule text;
alter table filed_course add column sales_stopped_detail text;
alter table filed_course add column sales_stopped_at timestamptz;
