package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.staff.RedLine;
import cn.anshan.oversight.registry.domain.staff.StaffBlacklistEntry;
import cn.anshan.oversight.registry.repository.staff.StaffBlacklistRepository;
import cn.anshan.oversight.registry.repository.staff.StaffLocks;
import cn.anshan.oversight.registry.repository.staff.StaffRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The city-wide staff blacklist (STF-06). Listing a person who is filed somewhere does not remove
 * them: the StaffBlacklisted event names every current filing so the districts' regulators act.
 */
@ApplicationScoped
public class StaffBlacklistService {
  private final StaffBlacklistRepository blacklist;
  private final StaffRepository staff;
  private final StaffLocks locks;
  private final StaffIdentities identities;
  private final Outbox outbox;
  private final OversightClock clock;

  public StaffBlacklistService(
      StaffBlacklistRepository blacklist,
      StaffRepository staff,
      StaffLocks locks,
      StaffIdentities identities,
      Outbox outbox,
      OversightClock clock) {
    this.blacklist = blacklist;
    this.staff = staff;
    this.locks = locks;
    this.identities = identities;
    this.outbox = outbox;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<BlacklistEntryView> add(
      CommandContext command, String nationalIdNumber, RedLine redLine, String detail) {
    String idHash = identities.hash(nationalIdNumber);
    return locks
        .person(idHash)
        .chain(() -> blacklist.findByIdHash(idHash))
        .chain(
            existing -> {
              StaffBlacklistEntry entry =
                  StaffBlacklistEntry.list(
                      existing,
                      UUID.randomUUID().toString(),
                      idHash,
                      redLine,
                      detail,
                      command.actor().subject(),
                      command.actor().district(),
                      clock.now());
              return blacklist
                  .persist(entry)
                  .chain(() -> staff.activeWithIdHash(idHash))
                  .call(filed -> outbox.append(command, entry.listed(filed)))
                  .invoke(
                      filed -> {
                        if (!filed.isEmpty()) {
                          Log.warnf(
                              "STF-06: blacklist entry %s matches %d active staff filing(s)",
                              entry.entryId(), filed.size());
                        }
                      })
                  .map(filed -> BlacklistEntryView.of(entry, filed));
            });
  }

  /** City-wide: any regulator and auditors read every entry. */
  @WithSession
  public Uni<BlacklistEntryView> get(String entryId) {
    return blacklist
        .findById(entryId)
        .map(entry -> ProblemException.requireFound(entry, "blacklist entry " + entryId))
        .chain(
            entry ->
                staff
                    .activeWithIdHash(entry.idHash())
                    .map(filed -> BlacklistEntryView.of(entry, filed)));
  }
}
