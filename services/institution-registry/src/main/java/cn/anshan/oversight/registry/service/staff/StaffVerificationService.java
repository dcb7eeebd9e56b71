package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.staff.QualificationCheck;
import cn.anshan.oversight.registry.repository.staff.StaffLocks;
import cn.anshan.oversight.registry.repository.staff.StaffRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A regulator checks what an operator declared about a staff member (issue 18 item 3): the
 * certificate (STF-01) and in-service status (STF-02). Only the regulator of the institution's
 * district (REG-09) records a check; anyone else is answered 404.
 */
@ApplicationScoped
public class StaffVerificationService {
  private final StaffRepository staff;
  private final StaffLocks locks;
  private final InstitutionGate gate;
  private final Outbox outbox;
  private final OversightClock clock;

  public StaffVerificationService(
      StaffRepository staff,
      StaffLocks locks,
      InstitutionGate gate,
      Outbox outbox,
      OversightClock clock) {
    this.staff = staff;
    this.locks = locks;
    this.gate = gate;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Under the roster lock, so a check and a departure of the same person are decided in turn. */
  @WithTransaction
  public Uni<StaffView> verify(
      CommandContext command,
      String institutionId,
      String staffId,
      IfMatch ifMatch,
      QualificationCheck check) {
    return gate.supervisedBy(command.actor(), institutionId)
        .call(() -> locks.roster(institutionId))
        .chain(() -> staff.memberOf(institutionId, staffId))
        .map(member -> ProblemException.requireFound(member, "staff member " + staffId))
        .invoke(member -> ifMatch.require(member.version()))
        .call(
            member ->
                outbox.append(
                    command, member.verify(check, command.actor().subject(), clock.now()).event()))
        .map(StaffView::of);
  }
}
