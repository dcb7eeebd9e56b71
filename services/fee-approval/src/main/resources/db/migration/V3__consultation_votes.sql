-- Issue 18 item 5 (LN-ASV-06 家长自愿): each parent representative casts their own vote and the
-- outcome is counted from the votes, not typed in by one of them. A round is one consultation on one
-- set of terms: recording the consultation or amending the terms starts the next round.
alter table fee_proposal add column consultation_round integer not null default 1;

create table consultation_vote (
    proposal_id        uuid        not null references fee_proposal (id),
    consultation_round integer not null,
    representative     text        not null,
    vote               text        not null,
    cast_at            timestamptz not null,
    primary key (proposal_id, consultation_round, representative)
);
