-- One database + owner per service (user = password = database name; demo credentials).
-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d).
-- The local launcher (deploy/local) creates the same set in its embedded PostgreSQL.
CREATE ROLE registry  LOGIN PASSWORD 'registry';
CREATE DATABASE registry  OWNER registry;
CREATE ROLE escrow    LOGIN PASSWORD 'escrow';
CREATE DATABASE escrow    OWNER escrow;
CREATE ROLE enrolment LOGIN PASSWORD 'enrolment';
CREATE DATABASE enrolment OWNER enrolment;
CREATE ROLE fee       LOGIN PASSWORD 'fee';
CREATE DATABASE fee       OWNER fee;
CREATE ROLE audit     LOGIN PASSWORD 'audit';
CREATE DATABASE audit     OWNER audit;
-- audit ingests through a role that may only read and insert its raw event table (issue 7).
CREATE ROLE audit_ingest NOLOGIN;
GRANT audit_ingest TO audit;
