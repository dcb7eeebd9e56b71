-- Read models fed by registry events (DESIGN §1: no calls to the registry).
create table institution_standing (
  institution_id  text primary key,
  district        text,
  category        text,
  list_status     text not null,
  operational     boolean not null,
  licence_revoked boolean not null,
  source_version  bigint not null,
  updated_at      timestamptz
);

create table filed_course (
  course_id            uuid primary key,
  institution_id       text not null,
  district             text not null,
  category             text not null,
  mode                 text not null,
  lesson_minutes       int not null,
  price_per_lesson_fen bigint not null check (price_per_lesson_fen >= 0),
  max_students         int not null,
  filed_at             timestamptz
);
create index filed_course_institution on filed_course (institution_id);

-- PRE-09..13, LN-PRE-02/03: one supervised account per institution, unique account number.
create table supervision (
  institution_id       text primary key,
  version              bigint not null,
  district             text not null,
  mode                 text not null,
  bank_name            text not null,
  account_no           text not null unique,
  agreement_no         text not null,
  agreement_filed_with text not null,
  opened_by            text not null,
  opened_at            timestamptz not null,
  reserve_fen          bigint not null default 0 check (reserve_fen >= 0)
);
create index supervision_district on supervision (district);

create table prepay_order (
  id                      uuid primary key,
  version                 bigint not null,
  institution_id          text not null,
  district                text not null,
  course_id               uuid not null,
  category                text not null,
  family_id               text not null,
  lessons                 int not null check (lessons > 0),
  unit_price_fen          bigint not null check (unit_price_fen >= 0),
  amount_fen              bigint not null check (amount_fen >= 0),
  period_start            date not null,
  period_end              date not null,
  placed_at               timestamptz not null,
  status                  text not null,
  contract_template       text not null,
  cooling_off_days_before int not null,
  cooling_off_hours_after int not null,
  supervision_mode        text not null,
  bank_ref                text unique,
  payment_route           text,
  paid_at                 timestamptz,
  lessons_requested       int not null default 0,
  lessons_released        int not null default 0,
  released_fen            bigint not null default 0,
  refunded_fen            bigint not null default 0,
  last_activity_at        timestamptz not null,
  check (lessons_released <= lessons_requested and lessons_requested <= lessons),
  check (released_fen + refunded_fen <= amount_fen)
);
create index prepay_order_family on prepay_order (family_id, institution_id, placed_at);
create index prepay_order_institution on prepay_order (institution_id, status);
create index prepay_order_district on prepay_order (district, placed_at, id);

create table consumption (
  id              uuid primary key,
  order_id        uuid not null references prepay_order (id),
  institution_id  text not null,
  family_id       text not null,
  lesson_no       int not null,
  held_on         date not null,
  status          text not null,
  requested_at    timestamptz not null,
  auto_confirm_on date not null,
  resolved_at     timestamptz,
  released_fen    bigint not null default 0,
  dispute_reason  text,
  unique (order_id, lesson_no)
);
create index consumption_due on consumption (status, auto_confirm_on);

create table refund (
  id             uuid primary key,
  order_id       uuid not null references prepay_order (id),
  institution_id text not null,
  family_id      text not null,
  cause          text not null,
  cooling_off    boolean not null,
  reason         text,
  status         text not null,
  requested_at   timestamptz not null,
  auto_accept_on date,
  accepted_how   text,
  amount_fen     bigint not null default 0,
  route          text,
  paid_at        timestamptz
);
create index refund_due on refund (status, auto_accept_on);
create index refund_institution on refund (institution_id, requested_at);

-- Ledger (TigerBeetle-style two-phase transfers). Accounts hold balances; entries are immutable.
create table ledger_account (
  id              text primary key,
  type            text not null,
  normal_side     text not null check (normal_side in ('DEBIT', 'CREDIT')),
  debits_pending  bigint not null default 0 check (debits_pending >= 0),
  debits_posted   bigint not null default 0 check (debits_posted >= 0),
  credits_pending bigint not null default 0 check (credits_pending >= 0),
  credits_posted  bigint not null default 0 check (credits_posted >= 0),
  -- REL-13: no account goes negative on its normal side, pending outflows included.
  check (case normal_side
           when 'DEBIT' then credits_posted + credits_pending <= debits_posted
           else debits_posted + debits_pending <= credits_posted end)
);

create table journal_entry (
  id             uuid primary key,
  seq            bigserial unique,
  kind           text not null check (kind in ('POSTED', 'PENDING', 'POST_PENDING', 'VOID_PENDING')),
  code           text not null,
  pending_id     uuid references journal_entry (id),
  institution_id text,
  order_id       uuid,
  lesson_no      int,
  reference      text,
  at             timestamptz not null,
  check ((kind in ('POST_PENDING', 'VOID_PENDING')) = (pending_id is not null))
);
-- REL-01: each reservation is resolved (posted or voided) at most once.
create unique index journal_entry_resolves_once on journal_entry (pending_id) where pending_id is not null;
create index journal_entry_order on journal_entry (order_id, kind, lesson_no);
create index journal_entry_institution on journal_entry (institution_id, seq);

create table journal_line (
  id         uuid primary key,
  entry_id   uuid not null references journal_entry (id),
  line_no    int not null,
  account_id text not null references ledger_account (id),
  side       text not null check (side in ('DEBIT', 'CREDIT')),
  amount_fen bigint not null check (amount_fen > 0),
  unique (entry_id, line_no)
);
create index journal_line_account on journal_line (account_id);

-- Entries are immutable: corrections are new entries.
create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'journal rows are immutable (% on %)', tg_op, tg_table_name;
end $$;
create trigger journal_entry_immutable before update or delete on journal_entry
  for each row execute function forbid_change();
create trigger journal_line_immutable before update or delete on journal_line
  for each row execute function forbid_change();

-- Bank movements keep the bank's own idempotent reference.
create table bank_movement (
  bank_ref       text primary key,
  kind           text not null,
  request_hash   text not null,
  institution_id text not null,
  order_id       uuid,
  amount_fen     bigint not null,
  received_at    timestamptz not null
);

-- Row 13 risk warnings: the aggregate per institution and each tripped indicator.
create table institution_risk (
  institution_id text primary key,
  version        bigint not null,
  district       text
);

create table risk_trip (
  id             uuid primary key,
  institution_id text not null,
  district       text,
  indicator      text not null,
  grade          text not null,
  value          numeric not null,
  threshold      numeric not null,
  detail         text not null,
  business_date  date not null,
  tripped_at     timestamptz not null,
  unique (institution_id, indicator, business_date)
);
create index risk_trip_district on risk_trip (district, tripped_at, id);
