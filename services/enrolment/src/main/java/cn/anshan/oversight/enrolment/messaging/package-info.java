/**
 * The typed records enrolment reads from the registry and fee-approval, and their consumers. The
 * events enrolment raises (§11 rows 16-18, 20, 21) are catalogued per aggregate beside it in {@code
 * domain} ({@code FamilyEvents}, {@code ProgrammeEvents}, {@code EnrolmentEvents}, {@code
 * ProviderEvents}, {@code ChargeEvents}; schemas in contracts/events/enrolment/), built by the
 * aggregate's own transitions. Payloads carry ids, never names or ID numbers; money in fen.
 */
package cn.anshan.oversight.enrolment.messaging;
