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
