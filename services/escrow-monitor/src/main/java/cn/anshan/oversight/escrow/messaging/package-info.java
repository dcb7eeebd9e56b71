/**
 * Escrow-monitor's events, one catalogue per aggregate ({@code OrderEvents} with the order's {@code
 * ConsumptionEvents} and {@code RefundEvents}, {@code RiskEvents}; the supervision's own {@code
 * SupervisionEvents} lives beside it in {@code domain.supervision}, built by its transitions;
 * schemas in contracts/events/escrow/), and the consumers of other services' events. Events carry
 * ids, amounts in fen and dates; never a person's name, an ID number or free text: the family only
 * as the envelope's actor, the child only by enrolment's reference.
 */
package cn.anshan.oversight.escrow.messaging;
