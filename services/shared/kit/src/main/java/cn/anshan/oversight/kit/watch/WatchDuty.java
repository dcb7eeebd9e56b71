package cn.anshan.oversight.kit.watch;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * One duty of a scheduled watch: logs what it acted on, and a failure without stopping the other
 * duties; the next run retries what is still due.
 */
public final class WatchDuty {
  private WatchDuty() {}

  public static Uni<Void> run(String name, Uni<Integer> work) {
    return work.invoke(
            acted -> {
              if (acted > 0) {
                Log.infof("%s watch acted on %d item(s)", name, acted);
              }
            })
        .onFailure()
        .invoke(e -> Log.warnf("%s watch failed, retrying next run: %s", name, e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
