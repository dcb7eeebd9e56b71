package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.ConsultationMethod;
import cn.anshan.oversight.fee.domain.ConsultationOutcome;
import cn.anshan.oversight.fee.domain.Department;
import cn.anshan.oversight.fee.domain.FeeHistoryEntry;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.FeeProposalFilter;
import cn.anshan.oversight.fee.domain.FeeRules;
import cn.anshan.oversight.fee.domain.FeeStatus;
import cn.anshan.oversight.fee.domain.FeeTerms;
import cn.anshan.oversight.fee.domain.FeeTransitionException;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import cn.anshan.oversight.fee.domain.Term;
import cn.anshan.oversight.fee.messaging.FeeEvents;
import cn.anshan.oversight.fee.repository.FeeHistoryRepository;
import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The after-school fee standard from proposal to publication (DOMAIN.md §8, §11 row 19): school
 * admins draft and publish for their own school, registered parent-committee representatives record
 * the consultation, an education-bureau regulator of the school's district and a pricing officer
 * sign the joint submission, the city government approves or rejects, auditors read.
 */
@ApplicationScoped
public class FeeProposalService {
  private final FeeProposalRepository proposals;
  private final FeeHistoryRepository history;
  private final ParentRepresentativeRepository representatives;
  private final Outbox outbox;
  private final OversightClock clock;
  private final FeeSettings settings;

  public FeeProposalService(
      FeeProposalRepository proposals,
      FeeHistoryRepository history,
      ParentRepresentativeRepository representatives,
      Outbox outbox,
      OversightClock clock,
      FeeSettings settings) {
    this.proposals = proposals;
    this.history = history;
    this.representatives = representatives;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /** What a school admin proposes; {@code payee} may only name the school (ASV-04). */
  public record Draft(Term term, ProgrammeType programmeType, FeeTerms terms, String payee) {}

  /** A consultation as recorded by a parent representative (LN-ASV-06 家长自愿). */
  public record Consultation(
      ConsultationMethod method,
      LocalDate heldOn,
      ConsultationOutcome outcome,
      int votesFor,
      int votesAgainst,
      int votesAbstained) {}

  /** LN-ASV-03/05/06, ASV-04: a school admin drafts revision 1 for a term and programme type. */
  @WithTransaction
  public Uni<FeeProposalView> draft(CommandContext command, Draft draft) {
    Actor admin = schoolAdmin(command.actor());
    requirePayeeIsSchool(draft.payee());
    requireValidTerm(draft.term());
    requireRules(draft.programmeType(), draft.terms());
    return proposals
        .revisions(admin.schoolId(), draft.term().termId(), draft.programmeType())
        .chain(
            existing -> {
              if (existing.stream().anyMatch(p -> p.status() != FeeStatus.REJECTED)) {
                throw ProblemException.rule(
                    409,
                    FeeRules.PROCESS,
                    "the school already has a fee proposal for "
                        + draft.term().termId()
                        + " "
                        + draft.programmeType()
                        + "; one standard per school, term and programme type,"
                        + " changed through a revision");
              }
              FeeProposal proposal =
                  new FeeProposal(
                      admin.schoolId(),
                      admin.district(),
                      draft.term(),
                      draft.programmeType(),
                      1,
                      null,
                      draft.terms(),
                      admin.subject(),
                      clock.now());
              DomainEvent event = FeeEvents.drafted(proposal, "FeeProposalDrafted.v1");
              return proposals
                  .persist(proposal)
                  .chain(() -> emit(command, proposal, event, null))
                  .map(v -> FeeProposalView.of(proposal));
            });
  }

  /** A new version of the published fee: a new draft that goes through the whole process. */
  @WithTransaction
  public Uni<FeeProposalView> revise(
      CommandContext command, UUID proposalId, String ifMatch, FeeTerms terms, String payee) {
    Actor admin = schoolAdmin(command.actor());
    requirePayeeIsSchool(payee);
    return ownProposal(admin, proposalId)
        .chain(
            current -> {
              Versions.requireIfMatch(ifMatch, current.version());
              guard(current::requireRevisable);
              requireRules(current.programmeType(), terms);
              return proposals
                  .revisions(current.schoolId(), current.term().termId(), current.programmeType())
                  .chain(
                      all -> {
                        if (all.stream()
                            .anyMatch(
                                p ->
                                    p.status() != FeeStatus.PUBLISHED
                                        && p.status() != FeeStatus.SUPERSEDED
                                        && p.status() != FeeStatus.REJECTED)) {
                          throw ProblemException.rule(
                              409,
                              FeeRules.PROCESS,
                              "a revision of this fee is already in progress");
                        }
                        int next =
                            all.stream()
                                    .filter(p -> p.status() != FeeStatus.REJECTED)
                                    .mapToInt(FeeProposal::revision)
                                    .max()
                                    .orElse(0)
                                + 1;
                        FeeProposal revision =
                            new FeeProposal(
                                current.schoolId(),
                                current.district(),
                                current.term(),
                                current.programmeType(),
                                next,
                                current.id(),
                                terms,
                                admin.subject(),
                                clock.now());
                        DomainEvent event = FeeEvents.drafted(revision, "FeeProposalDrafted.v1");
                        return proposals
                            .persist(revision)
                            .chain(
                                () ->
                                    emit(
                                        command,
                                        revision,
                                        event,
                                        "revision " + next + " of " + current.id()))
                            .map(v -> FeeProposalView.of(revision));
                      });
            });
  }

  /** The school admin amends a draft or a returned proposal; consultation starts over. */
  @WithTransaction
  public Uni<FeeProposalView> amend(
      CommandContext command, UUID proposalId, String ifMatch, FeeTerms terms, String payee) {
    Actor admin = schoolAdmin(command.actor());
    requirePayeeIsSchool(payee);
    return ownProposal(admin, proposalId)
        .chain(
            p -> {
              Versions.requireIfMatch(ifMatch, p.version());
              guard(p::requireAmendable);
              requireRules(p.programmeType(), terms);
              p.amend(terms);
              return emit(command, p, FeeEvents.drafted(p, "FeeProposalAmended.v1"), null)
                  .map(v -> FeeProposalView.of(p));
            });
  }

  /** LN-ASV-06 家长自愿: a registered representative records the consultation. */
  @WithTransaction
  public Uni<FeeProposalView> consult(
      CommandContext command, UUID proposalId, String ifMatch, Consultation c) {
    Actor parent = command.actor();
    if (c.heldOn().isAfter(clock.today())) {
      throw invalidField("/heldOn", "a consultation cannot be recorded before it is held");
    }
    return proposals
        .forUpdate(proposalId)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound("fee proposal " + proposalId);
              }
              return representatives
                  .lookup(p.schoolId(), parent.subject())
                  .map(
                      rep -> {
                        if (rep == null) {
                          throw ProblemException.notFound("fee proposal " + proposalId);
                        }
                        // LN-ASV-06 家长自愿: the parents agree, not the school that proposes; an
                        // account holding both roles cannot consult on its own proposal.
                        if (parent.subject().equals(p.draftedBy())) {
                          throw ProblemException.rule(
                              403,
                              FeeRules.PROCESS,
                              "家长自愿: the school admin who drafted the proposal cannot record the"
                                  + " parents' consultation on it");
                        }
                        return p;
                      });
            })
        .chain(
            p -> {
              Versions.requireIfMatch(ifMatch, p.version());
              guard(
                  () ->
                      p.recordConsultation(
                          c.method(),
                          c.heldOn(),
                          c.outcome(),
                          c.votesFor(),
                          c.votesAgainst(),
                          c.votesAbstained(),
                          parent.subject(),
                          clock.now()));
              return emit(
                      command,
                      p,
                      FeeEvents.consultationHeld(p),
                      c.method() + " " + c.outcome() + " " + c.votesFor() + ":" + c.votesAgainst())
                  .map(v -> FeeProposalView.of(p));
            });
  }

  /** LN-ASV-06 joint submission: the caller's department signs; both make it SUBMITTED. */
  @WithTransaction
  public Uni<FeeProposalView> sign(CommandContext command, UUID proposalId, String ifMatch) {
    Actor signer = command.actor();
    Department department = departmentOf(signer);
    return submitterProposal(signer, proposalId)
        .chain(
            p -> {
              Versions.requireIfMatch(ifMatch, p.version());
              boolean complete = guarded(() -> p.sign(department, signer.subject(), clock.now()));
              Uni<Void> signed =
                  emit(command, p, FeeEvents.signed(p, department), department.name());
              if (complete) {
                signed = signed.chain(() -> emit(command, p, FeeEvents.jointlySubmitted(p), null));
              }
              return signed.map(v -> FeeProposalView.of(p));
            });
  }

  /** LN-ASV-06: either submitting department returns the proposal with reasons. */
  @WithTransaction
  public Uni<FeeProposalView> returnSubmission(
      CommandContext command, UUID proposalId, String ifMatch, List<String> reasons) {
    Actor signer = command.actor();
    Department department = departmentOf(signer);
    return submitterProposal(signer, proposalId)
        .chain(
            p -> {
              Versions.requireIfMatch(ifMatch, p.version());
              guard(() -> p.returnSubmission(department, reasons, clock.now()));
              return emit(command, p, FeeEvents.returned(p), String.join("; ", reasons))
                  .map(v -> FeeProposalView.of(p));
            });
  }

  /**
   * LN-ASV-06: the city government approves the jointly submitted fee for a period inside the term;
   * the amount is checked against the cap (LN-ASV-03/05) and the cost (以支定收) again.
   */
  @WithTransaction
  public Uni<FeeProposalView> approve(
      CommandContext command,
      UUID proposalId,
      String ifMatch,
      long feeFen,
      LocalDate validFrom,
      LocalDate validTo) {
    Actor government = command.actor();
    return proposals
        .forUpdate(proposalId)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound("fee proposal " + proposalId);
              }
              Versions.requireIfMatch(ifMatch, p.version());
              guard(p::requireApprovable);
              LocalDate from = validFrom == null ? p.term().start() : validFrom;
              LocalDate to = validTo == null ? p.term().end() : validTo;
              List<FieldError> errors = new ArrayList<>();
              if (!p.term().contains(from)) {
                errors.add(new FieldError("/validFrom", "must lie inside the term"));
              }
              if (!p.term().contains(to)) {
                errors.add(new FieldError("/validTo", "must lie inside the term"));
              }
              if (to.isBefore(from)) {
                errors.add(new FieldError("/validTo", "must not be before validFrom"));
              }
              if (!errors.isEmpty()) {
                throw new ProblemException(Problem.ofFields(errors));
              }
              FeeTerms t = p.terms();
              List<RuleViolation> violations = new ArrayList<>();
              violations.addAll(
                  FeeRules.checkAmount(
                      p.programmeType(),
                      t.schoolLevel(),
                      t.costs(),
                      t.expectedParticipants(),
                      feeFen));
              violations.addAll(
                  FeeRules.checkCap(p.programmeType(), t.schoolLevel(), feeFen, settings.limits()));
              if (!violations.isEmpty()) {
                throw ProblemException.rules(violations);
              }
              guard(() -> p.approve(feeFen, from, to, government.subject(), clock.now()));
              return emit(command, p, FeeEvents.approved(p), feeFen + " fen " + from + ".." + to)
                  .map(v -> FeeProposalView.of(p));
            });
  }

  /** LN-ASV-06: the city government rejects the jointly submitted fee with reasons. */
  @WithTransaction
  public Uni<FeeProposalView> reject(
      CommandContext command, UUID proposalId, String ifMatch, List<String> reasons) {
    return proposals
        .forUpdate(proposalId)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound("fee proposal " + proposalId);
              }
              Versions.requireIfMatch(ifMatch, p.version());
              guard(() -> p.reject(reasons, clock.now()));
              return emit(command, p, FeeEvents.rejected(p), String.join("; ", reasons))
                  .map(v -> FeeProposalView.of(p));
            });
  }

  /**
   * The school admin publishes the approved fee (ASV-04: fees publicly displayed); only published
   * fees may be charged. An earlier published revision is superseded in the same transaction.
   */
  @WithTransaction
  public Uni<FeeProposalView> publish(CommandContext command, UUID proposalId, String ifMatch) {
    Actor admin = schoolAdmin(command.actor());
    return ownProposal(admin, proposalId)
        .chain(
            p -> {
              Versions.requireIfMatch(ifMatch, p.version());
              guard(p::requirePublishable);
              return proposals
                  .revisions(p.schoolId(), p.term().termId(), p.programmeType())
                  .chain(
                      all -> {
                        Optional<FeeProposal> previous =
                            all.stream()
                                .filter(o -> o.status() == FeeStatus.PUBLISHED)
                                .filter(o -> !o.id().equals(p.id()))
                                .findFirst();
                        p.publish(admin.subject(), clock.now());
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        if (previous.isPresent()) {
                          FeeProposal old = previous.get();
                          old.supersede(p.id(), clock.now());
                          chain =
                              chain.chain(
                                  () ->
                                      emit(
                                          command,
                                          old,
                                          FeeEvents.superseded(old, p),
                                          "by revision " + p.revision()));
                        }
                        return chain
                            .chain(
                                () ->
                                    emit(
                                        command,
                                        p,
                                        FeeEvents.published(p, previous.orElse(null)),
                                        p.approvedFeeFen() + " fen"))
                            .map(v -> FeeProposalView.of(p));
                      });
            });
  }

  /** ASV-04 fees publicly displayed: the published fees of a school, for every signed-in user. */
  @WithSession
  public Uni<List<PublishedFeeView>> published(String schoolId, String termId) {
    return proposals
        .published(schoolId, termId)
        .map(found -> found.stream().map(PublishedFeeView::of).toList());
  }

  @WithSession
  public Uni<FeeProposalView> get(Actor actor, UUID proposalId) {
    return visible(actor, proposalId).map(FeeProposalView::of);
  }

  @WithSession
  public Uni<List<FeeHistoryView>> history(Actor actor, UUID proposalId) {
    return visible(actor, proposalId)
        .chain(p -> history.of(p.id()))
        .map(entries -> entries.stream().map(FeeHistoryView::of).toList());
  }

  /** The proposals the caller may see, oldest first (keyset pagination). */
  @WithSession
  public Uni<FeeProposalPage> list(
      Actor actor, FeeProposalFilter filter, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    UUID afterId = afterId(after);
    return scope(actor)
        .chain(
            scope ->
                scope.schoolIds() != null && scope.schoolIds().isEmpty()
                    ? Uni.createFrom().item(List.<FeeProposal>of())
                    : proposals.page(scope, filter, after.instant(), afterId, size + 1))
        .map(
            found -> {
              List<FeeProposalView> items =
                  found.stream().limit(size).map(FeeProposalView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).draftedAt(),
                          items.get(size - 1).proposalId().toString())
                      : null;
              return new FeeProposalPage(items, next);
            });
  }

  // --- authorisation -------------------------------------------------------------------------

  private static Actor schoolAdmin(Actor actor) {
    if (actor.schoolId() == null || actor.district() == null) {
      throw ProblemException.forbidden("the token carries no school_id or district claim");
    }
    return actor;
  }

  private static Department departmentOf(Actor actor) {
    if (Roles.REGULATOR.equals(actor.role())) {
      if (actor.district() == null) {
        throw ProblemException.forbidden("the token carries no district claim");
      }
      return Department.EDUCATION;
    }
    return Department.PRICING;
  }

  private Uni<FeeProposal> ownProposal(Actor admin, UUID proposalId) {
    return proposals
        .forUpdate(proposalId)
        .map(
            p -> {
              if (p == null || !p.schoolId().equals(admin.schoolId())) {
                throw ProblemException.notFound("fee proposal " + proposalId);
              }
              return p;
            });
  }

  /** Regulators act on their district's schools only; pricing officers city-wide. */
  private Uni<FeeProposal> submitterProposal(Actor signer, UUID proposalId) {
    return proposals
        .forUpdate(proposalId)
        .map(
            p -> {
              if (p == null
                  || (Roles.REGULATOR.equals(signer.role()) && !signer.inDistrict(p.district()))) {
                throw ProblemException.notFound("fee proposal " + proposalId);
              }
              return p;
            });
  }

  private Uni<FeeProposal> visible(Actor actor, UUID proposalId) {
    return proposals
        .findById(proposalId)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound("fee proposal " + proposalId);
              }
              return switch (actor.role()) {
                case Roles.AUDITOR, Roles.PRICING_OFFICER, Roles.CITY_GOVERNMENT ->
                    Uni.createFrom().item(p);
                case Roles.REGULATOR -> seen(actor.inDistrict(p.district()), p);
                case Roles.SCHOOL_ADMIN -> seen(p.schoolId().equals(actor.schoolId()), p);
                case Roles.PARENT ->
                    representatives
                        .lookup(p.schoolId(), actor.subject())
                        .chain(rep -> seen(rep != null, p));
                default -> seen(false, p);
              };
            });
  }

  private static Uni<FeeProposal> seen(boolean visible, FeeProposal p) {
    if (!visible) {
      throw ProblemException.notFound("fee proposal " + p.id());
    }
    return Uni.createFrom().item(p);
  }

  private Uni<FeeProposalRepository.Scope> scope(Actor actor) {
    return switch (actor.role()) {
      case Roles.AUDITOR, Roles.PRICING_OFFICER, Roles.CITY_GOVERNMENT ->
          Uni.createFrom().item(new FeeProposalRepository.Scope(null, null));
      case Roles.REGULATOR -> {
        if (actor.district() == null) {
          throw ProblemException.forbidden("the token carries no district claim");
        }
        yield Uni.createFrom().item(new FeeProposalRepository.Scope(null, actor.district()));
      }
      case Roles.SCHOOL_ADMIN -> {
        if (actor.schoolId() == null) {
          throw ProblemException.forbidden("the token carries no school_id claim");
        }
        yield Uni.createFrom()
            .item(new FeeProposalRepository.Scope(List.of(actor.schoolId()), null));
      }
      default ->
          representatives
              .schoolsOf(actor.subject())
              .map(schools -> new FeeProposalRepository.Scope(schools, null));
    };
  }

  // --- rules ---------------------------------------------------------------------------------

  /**
   * ASV-04: the fee is collected by the school only, never by a parent committee or third party.
   */
  static void requirePayeeIsSchool(String payee) {
    if (payee != null && !payee.equals("SCHOOL")) {
      throw ProblemException.rule(
          FeeRules.NO_IMPROPER_CHARGING,
          "after-school fees are collected by the school only, never through a parent committee"
              + " or a third party (payee "
              + payee
              + ")");
    }
  }

  private void requireValidTerm(Term term) {
    List<FieldError> errors =
        term.problems(settings.maxTermDays()).stream()
            .map(p -> new FieldError("/" + p[0], p[1]))
            .toList();
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.ofFields(errors));
    }
  }

  private void requireRules(ProgrammeType programmeType, FeeTerms terms) {
    List<RuleViolation> violations = FeeRules.check(programmeType, terms, settings.limits());
    if (!violations.isEmpty()) {
      throw ProblemException.rules(violations);
    }
  }

  private static ProblemException invalidField(String pointer, String detail) {
    return new ProblemException(Problem.ofFields(List.of(new FieldError(pointer, detail))));
  }

  /** Runs a domain transition, turning a refusal into problem+json naming the rule. */
  static <T> T guarded(java.util.function.Supplier<T> transition) {
    try {
      return transition.get();
    } catch (FeeTransitionException e) {
      throw e.conflict()
          ? ProblemException.rule(409, e.rule(), e.getMessage())
          : ProblemException.rule(e.rule(), e.getMessage());
    }
  }

  static void guard(Runnable transition) {
    guarded(
        () -> {
          transition.run();
          return null;
        });
  }

  private Uni<Void> emit(CommandContext command, FeeProposal p, DomainEvent event, String note) {
    FeeHistoryEntry entry =
        new FeeHistoryEntry(
            p, event.name(), command.actor().subject(), command.actor().role(), clock.now(), note);
    return outbox.append(command, event).chain(() -> history.persist(entry)).replaceWithVoid();
  }

  private static UUID afterId(Keyset.Position after) {
    if (after.isStart()) {
      return null;
    }
    try {
      return UUID.fromString(after.id());
    } catch (IllegalArgumentException e) {
      throw invalidField("/cursor", "not a cursor from this API");
    }
  }
}
