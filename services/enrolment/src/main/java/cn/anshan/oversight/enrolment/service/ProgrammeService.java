package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeForm;
import cn.anshan.oversight.enrolment.repository.ContentEndorsementRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Programmes per school and term ("一校一案", §11 rows 16 and 21): a school admin publishes a plan that
 * keeps "5+2" (ASV-01/02, LN-ASV-02) and the scope rules (ASV-04, ASV-07), and may revise it.
 */
@ApplicationScoped
public class ProgrammeService {
  private final ProgrammeRepository programmes;
  private final ContentEndorsementRepository endorsements;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EnrolmentSettings settings;

  public ProgrammeService(
      ProgrammeRepository programmes,
      ContentEndorsementRepository endorsements,
      Outbox outbox,
      OversightClock clock,
      EnrolmentSettings settings) {
    this.programmes = programmes;
    this.endorsements = endorsements;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  @WithTransaction
  public Uni<ProgrammeView> publish(CommandContext command, ProgrammeForm form) {
    Actor admin = command.actor();
    String school = Scopes.school(admin);
    String district = Scopes.district(admin);
    return programmes
        .countPlans(school, form.termId(), form.type())
        .map(
            existing ->
                Programme.publish(
                    school,
                    district,
                    form,
                    existing,
                    settings.asv().limits(),
                    admin.subject(),
                    clock.now()))
        .chain(published -> outbox.appendNew(command, published, programmes::persist))
        .map(ProgrammeView::of);
  }

  /**
   * A revision keeps school, term and type; the new timetable must keep the same rules. New
   * activities void the parent committee's agreement to the old ones (LN-ASV-01).
   */
  @WithTransaction
  public Uni<ProgrammeView> change(
      CommandContext command, UUID programmeId, IfMatch ifMatch, ProgrammeForm form) {
    String school = command.actor().schoolId();
    return programmes
        .forUpdate(programmeId)
        .map(
            found ->
                ProblemException.requireFound(
                    found, "programme " + programmeId, p -> p.schoolId().equals(school)))
        .invoke(programme -> ifMatch.require(programme.version()))
        .call(programme -> revised(command, programme, form))
        .map(ProgrammeView::of);
  }

  private Uni<Void> revised(CommandContext command, Programme programme, ProgrammeForm form) {
    Programme.Revision revision = programme.revise(form, settings.asv().limits(), clock.now());
    Uni<Void> voided =
        revision.newContent() ? endorsements.voidFor(programme.id()) : Uni.createFrom().voidItem();
    return voided.chain(() -> outbox.append(command, programme.record(revision.event())));
  }

  @WithSession
  public Uni<ProgrammeView> get(Actor actor, UUID programmeId) {
    return programmes
        .findById(programmeId)
        .map(
            programme ->
                ProblemException.requireFound(
                    programme, "programme " + programmeId, found -> visible(actor, found)))
        .map(programme -> ProgrammeView.of(programme));
  }

  /** Parents and auditors see every programme (a public notice); admins their school. */
  @WithSession
  public Uni<Page<ProgrammeView>> list(Actor actor, String schoolId, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    String school = schoolId;
    String district = null;
    if (actor.role().equals(Roles.SCHOOL_ADMIN)) {
      school = Scopes.school(actor);
    } else if (actor.role().equals(Roles.REGULATOR)) {
      district = Scopes.district(actor);
    }
    return programmes
        .page(school, district, after.instant(), Page.afterId(after), size + 1)
        .map(rows -> Page.of(rows, size, ProgrammeView::of, Programme::publishedAt, Programme::id));
  }

  static boolean visible(Actor actor, Programme programme) {
    return switch (actor.role()) {
      case Roles.PARENT, Roles.AUDITOR -> true;
      default -> Scopes.sees(actor, null, programme.schoolId(), programme.district());
    };
  }
}
