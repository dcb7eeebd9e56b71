package cn.anshan.oversight.escrow.domain.order;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * PRE-05: how the first instalment reached custody; refunds go back the same way (REL-05).
 *
 * @param bankRef the custody bank's reference of the payment
 * @param paymentRoute the route the parent paid by
 * @param paidAt when the custody bank reported it
 */
@Embeddable
public record FirstPayment(String bankRef, String paymentRoute, Instant paidAt) {}
