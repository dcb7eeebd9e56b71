-- Issue 17 item 5: an order carries its model contract as signed (PLT-06, CON-02, CON-04, CON-05) and
-- the child it is for (PLT-08, by enrolment's child reference), and may be paid in instalments.

-- enrolment's ChildRegistered: which guardian may name which child (no name, no ID number)
create table registered_child (
  child_id      uuid primary key,
  guardian      text not null,
  school_id     text not null,
  grade         int not null,
  registered_at timestamptz not null
);

-- CON-02 particulars from the registry (InstitutionWhitelisted, RegistrationFiled)
alter table institution_standing
  add column name                  text,
  add column mode                  text,
  add column licence_no            text,
  add column licence_valid_to      date,
  add column registration_type     text,
  add column credit_code           text,
  add column registration_valid_to date,
  add column registration_version  bigint not null default 0;

-- CON-04 particulars from CourseFiled
alter table filed_course
  add column name            text,
  add column class_size_band text;

alter table prepay_order
  add column child_id         uuid,
  add column institution_name text,
  add column licence_no       text,
  add column licence_valid_to date,
  add column registration_type text,
  add column credit_code      text,
  add column course_name      text,
  add column service_type     text,
  add column lesson_minutes   int not null default 0,
  add column class_size_band  text,
  add column payment_plan     text not null default 'LUMP_SUM',
  add column instalments      int not null default 1 check (instalments >= 1),
  add column payment_method   text,
  add column instalments_paid int not null default 0,
  add column lessons_paid     int not null default 0,
  add column paid_fen         bigint not null default 0;

-- orders paid before V4 were paid whole
update prepay_order set instalments_paid = 1, lessons_paid = lessons, paid_fen = amount_fen
 where paid_at is not null;

alter table prepay_order
  add constraint prepay_order_paid_lessons
    check (lessons_requested <= lessons_paid and lessons_paid <= lessons
           and instalments_paid <= instalments),
  add constraint prepay_order_paid_money check (released_fen + refunded_fen <= paid_fen);

create index prepay_order_child on prepay_order (child_id) where child_id is not null;
