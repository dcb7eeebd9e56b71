/**
 * Escrow-monitor's consumers of other services' events. The order's catalogues ({@code
 * OrderEvents}, {@code ConsumptionEvents}, {@code RefundEvents}) live beside it in {@code
 * domain.order} and the supervision's ({@code SupervisionEvents}) in {@code domain.supervision},
 * built by their transitions, and the risk record's ({@code RiskEvents}) in {@code domain.risk},
 * built by a claimed trip; schemas in contracts/events/escrow/. Events carry ids, amounts in fen
 * and dates; never a person's name, an ID number or free text: the family only as the envelope's
 * actor, the child only by enrolment's reference.
 */
package cn.anshan.oversight.escrow.messaging;
