package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.AuditSettings;
import cn.anshan.oversight.audit.repository.FindingRepository;
import cn.anshan.oversight.audit.repository.FindingRepository.FindingView;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Findings are queryable (issue 7 capability 6): auditors all, regulators their district. */
@ApplicationScoped
public class FindingService {
  private final FindingRepository repository;
  private final AuditSettings settings;

  public FindingService(FindingRepository repository, AuditSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  public record FindingPage(List<FindingView> items, String nextCursor) {}

  public Uni<FindingPage> list(
      Actor actor, String ruleId, String kind, String entityId, String cursor, Integer limit) {
    String district =
        switch (actor.role()) {
          case Roles.AUDITOR -> null;
          case Roles.REGULATOR -> actor.district() == null ? "" : actor.district();
          default -> throw ProblemException.forbidden("findings are for auditors and regulators");
        };
    Keyset.Position after = Keyset.after(cursor);
    UUID afterId;
    try {
      afterId = after.isStart() ? null : UUID.fromString(after.id());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.ofFields(List.of(new FieldError("/cursor", "not a cursor from this API"))));
    }
    int size =
        Keyset.pageSize(
            limit, settings.timeline().defaultPageSize(), settings.timeline().maxPageSize());
    return repository
        .page(ruleId, kind, entityId, district, after.instant(), afterId, size + 1)
        .map(
            rows -> {
              boolean more = rows.size() > size;
              List<FindingView> items = more ? rows.subList(0, size) : rows;
              FindingView last = more ? items.get(items.size() - 1) : null;
              return new FindingPage(
                  items,
                  last == null ? null : Keyset.cursor(last.detectedAt(), last.id().toString()));
            });
  }
}
