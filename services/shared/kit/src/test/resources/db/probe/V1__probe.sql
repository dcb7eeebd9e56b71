create table probe_item (
    id      text   primary key,
    version bigint not null,
    label   text   not null
);
create table probe_effect (
    event_id uuid primary key,
    item_id  text not null,
    label    text not null
);
