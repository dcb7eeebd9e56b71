/**
 * Enrolment's events (§11 rows 16-18, 20, 21), one catalogue per aggregate ({@code FamilyEvents},
 * {@code ProgrammeEvents}, {@code ProviderEvents}, {@code ChargeEvents}; the enrolment's own {@code
 * EnrolmentEvents} lives beside it in {@code domain.enrolment}, built by its transitions; schemas
 * in contracts/events/enrolment/), and the typed records it reads from the registry and
 * fee-approval. Payloads carry ids, never names or ID numbers; money in fen.
 */
package cn.anshan.oversight.enrolment.messaging;
