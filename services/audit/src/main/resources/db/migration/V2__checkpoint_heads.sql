-- Checkpoint heads keep the leaf order of the Merkle tree and the chain they stand for in columns,
-- so verification joins them to the raw table by index.
drop table checkpoint_head;
create table checkpoint_head (
    checkpoint_id bigint  not null references checkpoint (id),
    leaf_index    integer not null,
    chain_key     text    not null,
    kind          text    not null check (kind in ('entity', 'partition')),
    part_a        text    not null,  -- aggregate type, or topic
    part_b        text    not null,  -- aggregate id, or partition number
    length        bigint  not null,
    head_hash     text    not null,
    primary key (checkpoint_id, leaf_index)
);
create index checkpoint_head_chain on checkpoint_head (kind, part_a, part_b, checkpoint_id);
