package cn.anshan.oversight.escrow.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Bank movements by the bank's own reference: each is applied once (idempotent by reference). */
@ApplicationScoped
public class BankMovementRepository {

  /** The request hash stored for {@code bankRef}, if the bank sent that reference before. */
  public Uni<Optional<String>> hashOf(String bankRef) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select request_hash from bank_movement where bank_ref = ?1", String.class)
                    .setParameter(1, bankRef)
                    .getResultList())
        .map((List<String> rows) -> rows.stream().findFirst());
  }

  /** When the movement {@code bankRef} was received (it must exist). */
  public Uni<Instant> receivedAt(String bankRef) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select received_at from bank_movement where bank_ref = ?1",
                        java.time.OffsetDateTime.class)
                    .setParameter(1, bankRef)
                    .getSingleResult())
        .map(java.time.OffsetDateTime::toInstant);
  }

  /**
   * Prepayments received for the institution's orders in [from, to), other than {@code
   * excludedRef}: every instalment counts when it arrives.
   */
  public Uni<Long> paymentsBetween(
      String institutionId, String excludedRef, Instant from, Instant to) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select cast(coalesce(sum(amount_fen), 0) as bigint) from bank_movement"
                            + " where kind = 'PAYMENT' and institution_id = ?1 and bank_ref <> ?2"
                            + " and received_at >= ?3 and received_at < ?4",
                        Long.class)
                    .setParameter(1, institutionId)
                    .setParameter(2, excludedRef)
                    .setParameter(3, from.atOffset(ZoneOffset.UTC))
                    .setParameter(4, to.atOffset(ZoneOffset.UTC))
                    .getSingleResult());
  }

  public Uni<Void> record(
      String bankRef,
      String kind,
      String hash,
      String institutionId,
      UUID orderId,
      long amount,
      Instant at) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "insert into bank_movement (bank_ref, kind, request_hash, institution_id,"
                            + " order_id, amount_fen, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, bankRef)
                    .setParameter(2, kind)
                    .setParameter(3, hash)
                    .setParameter(4, institutionId)
                    .setParameter(5, orderId)
                    .setParameter(6, amount)
                    .setParameter(7, at.atOffset(ZoneOffset.UTC))
                    .executeUpdate())
        .replaceWithVoid();
  }
}
