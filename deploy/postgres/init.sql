-- One database per service, owned by a schema-owner role that only the migrations use, and a runtime
-- role the service connects with, which owns nothing (issue 16 item 1; user = password = role name:
-- demo credentials). The service's first start as owner grants the runtime role its row privileges
-- (kit migration V0_5; audit's V8 takes back UPDATE, DELETE and TRUNCATE on its append-only tables).
-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d).
-- The local launcher (deploy/local) creates the same set in its embedded PostgreSQL.
CREATE ROLE registry LOGIN PASSWORD 'registry';
CREATE ROLE registry_app LOGIN PASSWORD 'registry_app';
CREATE DATABASE registry OWNER registry;
REVOKE ALL ON DATABASE registry FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE registry TO registry_app;
CREATE ROLE escrow LOGIN PASSWORD 'escrow';
CREATE ROLE escrow_app LOGIN PASSWORD 'escrow_app';
CREATE DATABASE escrow OWNER escrow;
REVOKE ALL ON DATABASE escrow FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE escrow TO escrow_app;
CREATE ROLE enrolment LOGIN PASSWORD 'enrolment';
CREATE ROLE enrolment_app LOGIN PASSWORD 'enrolment_app';
CREATE DATABASE enrolment OWNER enrolment;
REVOKE ALL ON DATABASE enrolment FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE enrolment TO enrolment_app;
CREATE ROLE fee LOGIN PASSWORD 'fee';
CREATE ROLE fee_app LOGIN PASSWORD 'fee_app';
CREATE DATABASE fee OWNER fee;
REVOKE ALL ON DATABASE fee FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE fee TO fee_app;
CREATE ROLE audit LOGIN PASSWORD 'audit';
CREATE ROLE audit_app LOGIN PASSWORD 'audit_app';
CREATE DATABASE audit OWNER audit;
REVOKE ALL ON DATABASE audit FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE audit TO audit_app;
-- audit ingests through a role that may only read and insert its raw event table (issue 7).
CREATE ROLE audit_ingest NOLOGIN;
GRANT audit_ingest TO audit, audit_app;
